"""Where the same page is in the other editions: the language switch, hreflang links and lang attributes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .settings import LanguageSettings


@dataclass(frozen=True)
class Alternate:
    """A link to another language: its code, name, URL from the site root, and whether it is this page."""

    lang: str
    name: str
    url: str
    translated: bool


def _content(context: Mapping[str, Any]) -> tuple[str, Any] | None:
    """(« pages » or « news », the page or article) this output file is made of, if any."""
    output_file = context.get("output_file")
    for key, kind in (("page", "pages"), ("article", "news")):
        item = context.get(key)
        if item is not None and getattr(item, "save_as", None) == output_file:
            return kind, item
    return None


def translations_of(context: Mapping[str, Any], shown: bool = True) -> dict[str, str]:
    """Edition language → URL of this very page in each edition (itself included); without SHOWN,
    only where it is in that edition's language (an untranslated original shown elsewhere left out)."""
    given = context.get("alternates")
    if isinstance(given, Mapping):
        return dict(given) if len(given) > 1 else {}
    if len(context.get("editions", ())) < 2:  # one edition: no page has a version elsewhere (found once per page, not per lookup)
        return {}
    found = _content(context)
    if found is None:
        return {}
    kind, content = found
    urls = {}
    for edition in context.get("editions", ()):
        item = edition.shown(kind, str(content.slug))
        if item is not None and (shown or item.lang == edition.lang):
            urls[edition.lang] = item.url
    return urls if len(urls) > 1 else {}


def alternates(context: Mapping[str, Any], settings: LanguageSettings) -> list[Alternate]:
    """One link per other edition: the same page there (marked untranslated when shown in its original language), else its home."""
    current = context["edition"]
    same_page = translations_of(context)
    translated = translations_of(context, shown=False)
    links = []
    for edition in context.get("editions", ()):
        if edition.lang == current.lang:
            continue
        url = same_page.get(edition.lang, edition.url(""))
        links.append(Alternate(edition.lang, settings.names.get(edition.lang, edition.lang), url, edition.lang in translated))
    return links


def hreflang_links(context: Mapping[str, Any], settings: LanguageSettings) -> list[Alternate]:
    """Every translation of this page, itself included; empty when it is not translated."""
    same_page = translations_of(context, shown=False)
    return [Alternate(lang, settings.names.get(lang, lang), url, True) for lang, url in sorted(same_page.items())]


def lang_attr(context: Mapping[str, Any], settings: LanguageSettings, lang: str | None) -> Markup:
    """` lang="xx"` when LANG differs from the language of the page's edition, else nothing."""
    if not lang or lang == context["edition"].lang:
        return Markup("")
    return Markup(' lang="%s"') % lang
