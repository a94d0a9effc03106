"""Editions: one frozen view of the event per language, built in one place once the event is linked.

Contract (docs/architecture.md, « Éditions »): after its ``generate_context()`` the event plugin puts
``context["editions"]``, a tuple of :class:`Edition`, the site's default language first. Every
generator that writes something per language loops over it; templates receive ``edition``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Event
from .settings import EventSettings

EDITIONS_KEY = "editions"


@dataclass(frozen=True)
class Edition:
    """The event in one language: its code, its URL prefix, its settings and its linked, translated view."""

    lang: str
    default: bool
    prefix: str
    settings: EventSettings
    event: Event

    def url(self, path: str) -> str:
        """PATH (site-relative, language-neutral: « programme/ ») in this edition (« en/programme/ »)."""
        return f"{self.prefix}{path}"


def make_editions(default_lang: str, views: Mapping[str, tuple[Event, EventSettings]]) -> tuple[Edition, ...]:
    """One Edition per language of VIEWS, DEFAULT_LANG first, the others under « <lang>/ »."""
    ordered = [default_lang] + sorted(lang for lang in views if lang != default_lang)
    return tuple(
        Edition(lang, lang == default_lang, "" if lang == default_lang else f"{lang}/", settings=views[lang][1], event=views[lang][0])
        for lang in ordered
        if lang in views
    )


def editions_of(context: Mapping[str, Any]) -> Sequence[Edition]:
    """The build's editions (empty when the event plugin did not run)."""
    return context.get(EDITIONS_KEY, ())


def edition_for(context: Mapping[str, Any], lang: str | None) -> Edition | None:
    """The edition of LANG, or the default edition when LANG has none."""
    editions = editions_of(context)
    for edition in editions:
        if edition.lang == lang:
            return edition
    return editions[0] if editions else None


# --- Helpers of the generators that write per edition (agenda, memento, search, cards, seo) -------------

def page_edition(context: Mapping[str, Any]) -> Edition | None:
    """The edition of the page being written: the ``edition`` it was given, else the one of its language.

    The language is the page's ``lang``, else that of the page or article the output file is made of.
    """
    given = context.get("edition")
    if isinstance(given, Edition):
        return given
    lang = context.get("lang")
    if not isinstance(lang, str) or not lang:
        lang = None
        for key in ("page", "article"):
            item = context.get(key)
            if item is not None and getattr(item, "save_as", None) == context.get("output_file"):
                lang = getattr(item, "lang", None)
                break
    return edition_for(context, lang)


def gettext_of(edition: Edition) -> Callable[[str], str]:
    """The edition's ``gettext`` (a str → str field, when editions carry one), else the French source strings as they are."""
    found = getattr(edition, "gettext", None)
    return found if callable(found) else str


def menus_of(edition: Edition) -> tuple[tuple[str, str], ...]:
    """The edition's menu and footer links (label, site-relative URL in this edition)."""
    nav = getattr(edition, "nav", None) or edition.settings.nav
    footer = getattr(edition, "footer_links", None) or edition.settings.footer_links
    return (*nav, *footer)


def contents_of(edition: Edition, context: Mapping[str, Any]) -> list[Any]:
    """Pelican's published pages and articles as EDITION shows them: its own ``news`` and ``pages`` when
    editions carry them, else those of the context (and their translations) written in its language."""
    carried = [*getattr(edition, "news", ()), *getattr(edition, "pages", ())]
    if carried:
        return carried
    found = []
    for key in ("pages", "articles"):
        for item in context.get(key, ()) or ():
            for version in (item, *(getattr(item, "translations", ()) or ())):
                if getattr(version, "lang", edition.lang) == edition.lang and getattr(version, "status", "published") == "published":
                    found.append(version)
    return found
