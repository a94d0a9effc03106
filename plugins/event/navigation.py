"""Navigation items with the current page marked, computed in Python for templates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context

from .editions import is_external


@dataclass(frozen=True)
class NavItem:
    """A link of a menu: label, path from the site root, and its aria-current value."""

    label: str
    path: str
    current: str | None
    external: bool = False


def save_as_for(url: str) -> str:
    """The file a site-relative URL is served from: « programme/ » → « programme/index.html »."""
    path = url.split("#", 1)[0]
    return path + "index.html" if path == "" or path.endswith("/") else path


def current_state(item_url: str, output_file: str) -> str | None:
    """« page » for the page itself, « true » for a page below a section, else None."""
    target = save_as_for(item_url)
    if output_file == target:
        return "page"
    section = item_url.split("#", 1)[0]
    if section and section.endswith("/") and output_file.startswith(section):
        return "true"
    return None


def menu(items: tuple[tuple[str, str], ...], output_file: str) -> list[NavItem]:
    """The menu ITEMS (paths already in the page's edition) with the current one marked for OUTPUT_FILE."""
    return [
        NavItem(label, url, None, True) if is_external(url) else NavItem(label, url, current_state(url, output_file))
        for label, url in items
    ]


@pass_context
def navigation(context: Any) -> list[NavItem]:
    """Jinja global: the main menu of the page's edition, its current page marked."""
    return menu(context["edition"].nav, context.get("output_file", ""))


@pass_context
def footer_links(context: Any) -> list[NavItem]:
    """Jinja global: the footer's links of the page's edition; « {conformity} » in a label
    becomes the accessibility conformity notice (legal plugin's `conformity_notice()`)."""
    notice = context.get("conformity_notice")
    conformity = str(context.call(notice)) if callable(notice) else ""
    items = tuple((label.replace("{conformity}", conformity), url) for label, url in context["edition"].footer_links)
    return menu(items, context.get("output_file", ""))
