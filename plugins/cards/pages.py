"""Which page gets which card: the text of every page's card, worked out from the context before any page is written.

Context keys needed: ``editions`` (event plugin), ``pages`` and ``articles`` (Pelican),
``galleries`` (gallery plugin, optional), ``memento_pages`` (memento plugin, optional),
``search_pages`` (search plugin, optional), ``changes_pages`` (changes plugin, optional). A page none of them names has no card of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from event.dates import date_span
from event.editions import Edition, contents_of, editions_of, gettext_of, menus_of
from event.navigation import save_as_for

from .drawing import CardText

# The title of each event page, as its template says it (the same gettext message).
EVENT_PAGE_TITLES = (
    ("programme", "Programme"),
    ("speakers", "Intervenants"),
    ("partners", "Partenaires"),
    ("outcomes", "Propositions des ateliers"),
)


def kicker(edition: Edition) -> str:
    """The small line above a card's title: the event's dates (a span for several days) and city, in the edition's language."""
    settings = edition.settings
    if settings.start is None:
        return ""
    when = date_span(settings.start, settings.end, locale=settings.locale or "fr_FR")
    city = (settings.venue or {}).get("city", "")
    return f"{when} · {city}" if city else when


def plain(title: Any) -> str:
    """A title without markup, on one line."""
    return " ".join(Markup(str(title)).striptags().split())


def menu_titles(edition: Edition) -> dict[str, str]:
    """Output file → label of every page the edition's menus lead to (« Accessibilité : {conformity} » → « Accessibilité »)."""
    return {save_as_for(url): label.split("{", 1)[0].rstrip(" :") for label, url in menus_of(edition) if label and "://" not in url}


def edition_titles(edition: Edition, context: Mapping[str, Any]) -> dict[str, str]:
    """Output file → title of every page the event, memento and search plugins write in EDITION."""
    _ = gettext_of(edition)
    titles = {save_as_for(edition.settings.urls[key]): _(message) for key, message in EVENT_PAGE_TITLES}
    titles.update({save_as_for(s.url): s.name for s in edition.event.speakers})
    titles.update({save_as_for(t.url): t.title for t in edition.event.themes})
    memento = (context.get("memento_pages") or {}).get(edition.lang)
    if memento is not None:
        titles[save_as_for(memento.url)] = memento.title
    changes = (context.get("changes_pages") or {}).get(edition.lang)
    if changes is not None:
        titles[save_as_for(changes.url)] = changes.title
    search = (context.get("search_pages") or {}).get(edition.lang)
    if search is not None:
        titles[save_as_for(search)] = _("Rechercher")
    if context.get("INDEX_SAVE_AS"):  # every edition has its news index
        titles[edition.url(str(context["INDEX_SAVE_AS"]))] = _("Actualités")
    return titles


def page_cards(context: Mapping[str, Any]) -> tuple[dict[str, CardText], set[str]]:
    """Output file → the text of its card, for every page the build will or may write; and the files only
    the menus name (a gallery index, another plugin's page), which may not be written at all."""
    editions = editions_of(context)
    cards: dict[str, CardText] = {}
    guessed: set[str] = set()
    for edition in editions:
        name = edition.settings.name or str(context.get("SITENAME") or "")
        line = kicker(edition)
        known = edition_titles(edition, context)
        galleries = context.get("galleries") or {}
        for gallery in galleries.values() if isinstance(galleries, Mapping) else galleries:
            known[edition.url(gallery.save_as)] = gallery.title  # every edition has its gallery pages
        for item in contents_of(edition, context):
            if getattr(item, "save_as", ""):
                known[item.save_as] = plain(item.title)
        menus = menu_titles(edition)
        guessed.update(output for output in menus if output not in known and output not in cards)
        titles = {**menus, **known}
        for output, title in titles.items():  # a page shared by the editions (galeries/) keeps the first one's card
            cards.setdefault(output, CardText(line, title or name, name))
        # The home page: the event's name is the title, its tagline below.
        cards[edition.url("index.html")] = CardText(line, name, edition.settings.tagline or str(context.get("SITENAME") or ""))
        guessed.add(edition.url("index.html"))  # written by whoever writes the home, if anyone does
    if not editions:  # no event plugin: Pelican's pages only, under the site's name
        name = str(context.get("SITENAME") or "")
        items = [version for key in ("pages", "articles") for item in context.get(key, ()) or ()
                 for version in (item, *(getattr(item, "translations", ()) or ()))]
        cards.update({item.save_as: CardText("", plain(item.title), name) for item in items if item.save_as})
    return cards, guessed

