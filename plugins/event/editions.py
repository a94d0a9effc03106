"""Editions: one frozen view of the event per language, built in one place once the event is enriched.

Contract (docs/architecture.md, « Éditions »): after its ``generate_context()`` the event plugin puts
``context["editions"]``, a tuple of :class:`Edition`, the site's default language first. Every
generator that writes something per language loops over it and passes ``edition=edition`` to
``writer.write_file``; the pages Pelican writes itself get theirs from the event plugin's writer.
Templates read ``edition`` and never work out their language.
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from .model import Event
from .settings import EventSettings

EDITIONS_KEY = "editions"

# A menu link: (label, path from the site root, or an absolute address).
Link = tuple[str, str]


def edition_prefix(lang: str, default_lang: str) -> str:
    """Where LANG's pages live: the site root for the default language, « <lang>/ » for the others."""
    return "" if lang == default_lang else f"{lang}/"


def is_external(path: str) -> bool:
    """True for an address with a scheme (https:, mailto:) or a host, which no edition rewrites."""
    parts = urlsplit(path)
    return bool(parts.scheme or parts.netloc)


def localize_path(path: str, prefix: str) -> str:
    """A language-neutral menu PATH in the edition under PREFIX.

    « programme/ » → « en/programme/ »; an absolute address stays as is; « /galeries/ » (leading
    slash) names a page of the default language only and becomes « galeries/ » in every edition.
    """
    if is_external(path) or path.startswith("#"):
        return path
    if path.startswith("/"):
        return path.lstrip("/")
    return f"{prefix}{path}"


@dataclass(frozen=True)
class Edition:
    """The event in one language: its code, URL prefix, settings, linked view, gettext and menus."""

    lang: str
    default: bool
    prefix: str
    settings: EventSettings
    event: Event
    # The language the originals are written in (the site's DEFAULT_LANG).
    default_lang: str = ""
    translations: gettext_module.NullTranslations = field(default_factory=gettext_module.NullTranslations, compare=False)
    # Site settings of any plugin that differ in this language (EVENT_LANGUAGES[lang]: EVENT_*, LEGAL_*).
    overrides: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    nav: tuple[Link, ...] = ()
    footer_links: tuple[Link, ...] = ()
    # Pelican's published news and pages as this edition shows them: the translation, else the original.
    news: tuple[Any, ...] = ()
    pages: tuple[Any, ...] = ()
    # (« news » or « pages », slug) → the item above, for the language switch.
    counterparts: Mapping[tuple[str, str], Any] = field(default_factory=lambda: MappingProxyType({}), compare=False)

    def shown(self, kind: str, slug: str) -> Any | None:
        """The news item (KIND « news ») or page (« pages ») of SLUG as this edition shows it, or None."""
        return self.counterparts.get((kind, slug))

    def url(self, path: str) -> str:
        """PATH (site-relative, language-neutral: « programme/ ») in this edition (« en/programme/ »)."""
        return f"{self.prefix}{path}"

    def gettext(self, message: str) -> str:
        """MESSAGE (a French source string of the theme) in this edition's language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, number: int) -> str:
        """The singular or plural form for NUMBER, in this edition's language."""
        return self.translations.ngettext(singular, plural, number)

    def setting(self, settings: Mapping[str, Any], key: str, default: Any = None) -> Any:
        """The site setting KEY in this edition: its override in EVENT_LANGUAGES, else SETTINGS[KEY]."""
        return self.overrides[key] if key in self.overrides else settings.get(key, default)

    def lang_of(self, key: str) -> str:
        """The language the text of setting KEY is written in: this edition's when translated, else the default."""
        return self.lang if self.default or key in self.overrides else (self.default_lang or self.lang)


def make_edition(
    lang: str,
    default_lang: str,
    view: tuple[Event, EventSettings],
    translations: gettext_module.NullTranslations | None = None,
    overrides: Mapping[str, Any] | None = None,
    content: tuple[tuple[Any, ...], tuple[Any, ...]] = ((), ()),
) -> Edition:
    """The Edition of LANG from its linked VIEW: menus moved under its prefix, gettext and overrides attached."""
    event, settings = view
    prefix = edition_prefix(lang, default_lang)
    return Edition(
        lang=lang,
        default=lang == default_lang,
        prefix=prefix,
        settings=settings,
        event=event,
        default_lang=default_lang,
        translations=translations or gettext_module.NullTranslations(),
        overrides=MappingProxyType(dict(overrides or {})),
        nav=tuple((label, localize_path(path, prefix)) for label, path in settings.nav),
        footer_links=tuple((label, localize_path(path, prefix)) for label, path in settings.footer_links),
        news=content[0],
        pages=content[1],
        counterparts=MappingProxyType(
            {(kind, str(item.slug)): item for kind, items in zip(("news", "pages"), content) for item in items}
        ),
    )


def make_editions(
    default_lang: str,
    views: Mapping[str, tuple[Event, EventSettings]],
    catalogues: Mapping[str, gettext_module.NullTranslations] | None = None,
    content: Mapping[str, tuple[tuple[Any, ...], tuple[Any, ...]]] | None = None,
) -> tuple[Edition, ...]:
    """One Edition per language of VIEWS, DEFAULT_LANG first, the others under « <lang>/ » in code order."""
    ordered = [default_lang] + sorted(lang for lang in views if lang != default_lang)
    return tuple(
        make_edition(lang, default_lang, views[lang], (catalogues or {}).get(lang), views[lang][1].languages.get(lang),
                     (content or {}).get(lang, ((), ())))
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


def page_view(context: Mapping[str, Any]) -> tuple[Any, Any]:
    """(event, event settings) of the page being written: its ``edition``'s, else the context's default ones."""
    edition = context.get("edition")
    if edition is not None:
        return edition.event, edition.settings
    return context.get("event"), context.get("event_settings")
