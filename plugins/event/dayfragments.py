"""The programme page's days rendered apart: with the build's render memo, each day is reused while what it reads is unchanged.

The programme page shows every session of every day with its body. Rendered as one template, an
edit of one session's body renders all of it again. The page calls ``day_section(day, ...)`` for
each day instead: the day's section is partials/programme-day-section.html rendered with the
page's context, the same text an include gives, and the render memo (eventsite/rendermemo.py,
``render_fragment``) keeps it under a key made of the site-wide digest, the page, the day and the
bodies its last render read, so that an edit renders one day again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

DAY_TEMPLATE = "partials/programme-day-section"


def day_renderer(template: Any, renders: Any | None) -> Callable[..., Markup]:
    """The page's ``day_section``: TEMPLATE rendered for one day, from RENDERS (a RenderMemo) when it keeps it."""

    @pass_context
    def day_section(context: Context, day: Any, print_links: bool = False, stars: bool = False) -> Markup:
        """The section of DAY, rendered with the page's CONTEXT (what an include of TEMPLATE would give)."""
        values: Mapping[str, Any] = {**context.get_all(), "day": day, "print_links": print_links, "stars": stars}
        if renders is None:
            return Markup(template.render(values))
        ident = f"{day.day.isoformat()} print_links={bool(print_links)} stars={bool(stars)}"
        return Markup(renders.render_fragment(template, values, ident))

    return day_section
