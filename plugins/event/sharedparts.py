"""The parts every page repeats (the site's header and footer), rendered once per distinct input in a build.

base.html asks for them with ``shared_part(name, **inputs)``: the part is the template NAME
rendered with its INPUTS and, from the page, only SHARED_NAMES (the site's address, seen from the
page, its name and the page's edition); the environment's globals and filters stay. What a part
renders depends on nothing else, so each environment keeps what it rendered under those values
and gives it again to the next page with the same ones (on 2,000 pages, a few dozen renders of
the header). A part that would read anything else from the page gets nothing (Jinja's undefined),
the same on every page: give it as an input instead (base.html does so for the menus' current
page and the language switch). A part shows no content body either: the build traces which
bodies each page reads (eventsite/bodyreads.py), and a part given again is not read again.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

# What a part is given from the page besides its inputs: the same on every page of an edition at one depth.
SHARED_NAMES = ("SITEURL", "SITENAME", "THEME_STATIC_DIR", "edition")


def frozen(value: Any) -> Hashable:
    """VALUE as a key: lists and tuples as tuples of frozen values, anything else as itself (it must be hashable)."""
    if isinstance(value, (list, tuple)):
        return tuple(frozen(item) for item in value)
    return value


class SharedParts:
    """One Jinja environment's parts of pages, rendered once per distinct input (a build makes its environments anew)."""

    def __init__(self) -> None:
        self.rendered: dict[Hashable, tuple[Any, Markup]] = {}

    @pass_context
    def part(self, context: Any, name: str, **inputs: Any) -> Markup:
        """Jinja global shared_part: the template NAME rendered with INPUTS and the page's SHARED_NAMES, rendered once per distinct value."""
        shared = {key: context.get(key) for key in SHARED_NAMES}
        edition = shared["edition"]
        key = (name, id(edition), *(frozen(shared[k]) for k in SHARED_NAMES if k != "edition"),
               tuple(sorted((k, frozen(v)) for k, v in inputs.items())))
        found = self.rendered.get(key)
        if found is None:  # the edition is kept with its part: its id stays its own for the build
            found = self.rendered[key] = (edition, Markup(context.environment.get_template(name).render({**shared, **inputs})))
        return found[1]
