"""Template helpers that read the page's edition (given by its writer): date filters, menus, colour tokens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup


def in_edition_locale(function: Callable[..., str]) -> Callable[..., str]:
    """A Jinja filter calling FUNCTION with the locale of the page's edition."""

    @pass_context
    def localized(context: Any, *args: Any) -> str:
        return function(*args, locale=context["edition"].settings.locale)

    localized.__doc__ = function.__doc__
    return localized


@pass_context
def colors_css(context: Any) -> Markup:
    """Jinja global: a `:root{…}` rule overriding the theme's colour tokens from EVENT_COLORS (validated at start-up)."""
    colors = context["edition"].settings.colors
    if not colors:
        return Markup("")
    rules = ";".join(f"--color-{name}:{value}" for name, value in sorted(colors.items()))
    return Markup(":root{%s}") % Markup(rules)
