"""Template helpers that depend on the page being written: its language's event, the colour tokens."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

from .model import Event
from .settings import EventSettings


def current_lang(context: Any) -> str:
    """The page's language: the languages plugin's `page_lang()` when installed, else `lang` or DEFAULT_LANG."""
    helper = context.get("page_lang")
    if callable(helper):
        return str(context.call(helper))
    return str(context.get("lang") or context.get("DEFAULT_LANG") or "")


@pass_context
def localized_event(context: Any) -> tuple[Event, EventSettings]:
    """Jinja global: (event, event_settings) in the language of the page being written."""
    languages = context.get("event_languages") or {}
    found = languages.get(current_lang(context))
    return found if found else (context["event"], context["event_settings"])


@pass_context
def colors_css(context: Any) -> Markup:
    """Jinja global: a `:root{…}` rule overriding the theme's colour tokens from EVENT_COLORS (validated at start-up)."""
    colors = context["event_settings"].colors
    if not colors:
        return Markup("")
    rules = ";".join(f"--color-{name}:{value}" for name, value in sorted(colors.items()))
    return Markup(":root{%s}") % Markup(rules)
