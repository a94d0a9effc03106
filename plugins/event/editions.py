"""Editions: one frozen view of the event per language, built in one place once the event is linked.

Contract (docs/architecture.md, « Éditions »): after its ``generate_context()`` the event plugin puts
``context["editions"]``, a tuple of :class:`Edition`, the site's default language first. Every
generator that writes something per language loops over it; templates receive ``edition``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    # VIEWS hold (event, settings): named here, so that the event is never taken for the settings.
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
