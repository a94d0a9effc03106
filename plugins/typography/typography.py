"""Pelican wiring: French typography on every written HTML page and on the feeds' entries, by language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache, partial
from typing import Any

from blinker import signal
from markupsafe import Markup, escape
from pelican import signals

from eventsite.rendermemo import LEFT_IN_PLACE
from eventsite.settingskit import check_at_startup

from . import alongside, pagecache
from .alongside import ALONGSIDE_KEY, Alongside
from .htmltext import Typesetter, typeset_document
from .pieces import PIECEWISE_FROM, typeset_by_parts, typeset_by_pieces
from .rules import mark_ordinals, typographer_fr
from .settings import TypographySettings, normal_lang, read_typography_settings

HTML_SUFFIXES = (".html", ".htm")


def lang_matches(lang: str | None, langs: Iterable[str]) -> bool:
    """Tell whether lang (e.g. "fr", "fr-CA", "fr_FR") is one of langs."""
    if not lang:
        return False
    wanted = {normal_lang(code) for code in langs}
    lang = normal_lang(lang)
    return lang in wanted or lang.split("-")[0] in wanted


@lru_cache(maxsize=8)
def typesetter(config: TypographySettings) -> Typesetter:
    """The French typesetter for the languages and options of CONFIG (one per CONFIG: what it typesets is remembered)."""
    return Typesetter(
        wants=partial(lang_matches, langs=config.langs),  # once per lang attribute met
        text=partial(typographer_fr, quotes=config.quotes),
        markup=mark_ordinals,
    )


def typeset_html(html: str, lang: str = "fr", settings: Mapping[str, Any] | None = None) -> str:
    """Apply French typography to an HTML document or fragment whose text outside lang attributes is in LANG."""
    return typeset_document(html, typesetter(read_typography_settings(settings or {})), lang)


def page_text(page: bytes) -> str:
    """The text of a written page as Path.read_text reads it (UTF-8, universal newlines)."""
    text = page.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def typeset_page(page: bytes, config: TypographySettings, lang: str, pieces: pagecache.Batch | None = None) -> bytes:
    """The bytes to write over a written page once typeset; empty when typesetting changes nothing.

    With PIECES, the page is typeset by pieces, those kept there reused (the same result).
    """
    html = page_text(page)
    setter = typesetter(config)
    if pieces is None:
        typeset = typeset_by_parts(html, setter, lang)
    else:
        typeset = typeset_by_pieces(html, setter, lang, pagecache.shape(config, lang), pieces)
    return typeset.encode("utf-8") if typeset != html else b""


def typeset_written_page(path: str, context: Mapping[str, Any]) -> None:
    """content_written handler: typeset the human text of a written HTML page, by language (kept in the cache).

    During eventsite's write phase, the build's Alongside (context[ALONGSIDE_KEY]) does it, maybe in a worker.
    """
    if not path.endswith(HTML_SUFFIXES) or context.get(LEFT_IN_PLACE):  # left in place: typeset when it was written
        return
    work = context.get(ALONGSIDE_KEY)
    if work is not None:
        work.typeset(path)
        return
    config = read_typography_settings(context)
    if config.enabled:
        keep_records(config, typeset_file(path, config, str(context.get("DEFAULT_LANG", ""))))


def typeset_file(path: str, config: TypographySettings, lang: str) -> list[bytes]:
    """Typeset the written page PATH in place; return the cache records it used, for the build's pack (keep_records).

    Runs in a worker process too (alongside.py): the records go back to the build's process.
    """
    # One opening to read the page and write over it: truncating it to nothing and writing it anew
    # costs this disk four times as much (the typeset page is rarely shorter: truncated at the end).
    with open(path, "r+b") as page:
        written = page.read()
        if config.cache:
            entries = pagecache.Batch(config.cache)
            try:
                typeset = typeset_kept(written, config, lang, entries)
            finally:
                records = entries.take()
        else:
            typeset, records = typeset_page(written, config, lang), []
        if typeset:
            page.seek(0)
            page.write(typeset)
            page.truncate()
    return records


def keep_records(config: TypographySettings, records: list[bytes]) -> None:
    """Append the cache RECORDS a typeset page used to this build's pack."""
    if config.cache:
        pagecache.keep_records(config.cache, records)


def typeset_kept(written: bytes, config: TypographySettings, lang: str, entries: pagecache.Batch) -> bytes:
    """typeset_page of the page WRITTEN, from the cache ENTRIES when it keeps it (a long page: by pieces), kept there otherwise."""
    if len(written) >= PIECEWISE_FROM:  # a long page (the programme): an edit typesets the pieces it changed
        return typeset_page(written, config, lang, entries)
    key = pagecache.page_key(written, config, lang)
    typeset = entries.read(key)
    if typeset is None:
        typeset = typeset_page(written, config, lang)
        entries.write(key, typeset)
    return typeset


def start_alongside(sender: Any, *, generators: Sequence[Any], **_: Any) -> None:
    """event.write_started handler: the pages written from now on are typeset by the build's Alongside (maybe in a worker)."""
    context = generators[0].context if generators else None
    if context is None:
        return
    config = read_typography_settings(context)
    if config.enabled and config.alongside:
        context[ALONGSIDE_KEY] = Alongside(job=partial(typeset_file, config=config, lang=str(context.get("DEFAULT_LANG", ""))),
                                           keep=partial(keep_records, config), inline=alongside.INLINE_PAGES)


def finish_alongside(sender: Any, *, context: dict[str, Any], **_: Any) -> None:
    """event.pages_written handler: every written page typeset, and its cache records kept, before the site is read whole."""
    work = context.pop(ALONGSIDE_KEY, None)
    if work is not None:
        work.finish()


def stop_alongside(sender: Any, *, generators: Sequence[Any], **_: Any) -> None:
    """event.write_failed handler: the typesetting worker stops at once, leaving no process."""
    work = generators[0].context.pop(ALONGSIDE_KEY, None) if generators else None
    if work is not None:
        work.cancel()


def start_cache(generators: Sequence[Any]) -> None:
    """all_generators_finalized handler: mark the start of a build in the cache of typeset pages."""
    config = read_typography_settings(generators[0].context if generators else {})
    if config.enabled and config.cache:
        pagecache.mark_build_start(config.cache)


def prune_cache(pelican: Any) -> None:
    """finalized handler: delete the typeset pages this build did not use, so the cache stays the size of one site."""
    config = read_typography_settings(pelican.settings)
    if config.enabled and config.cache:
        pagecache.prune(config.cache)


def _article_langs(context: Mapping[str, Any]) -> dict[str, str]:
    """URL → language of every article and translation of the context."""
    found: dict[str, str] = {}
    for article in context.get("articles", ()) or ():
        for item in (article, *getattr(article, "translations", ())):
            found[str(item.url)] = str(item.lang)
    return found


def _lang_of_link(link: str, langs: Mapping[str, str]) -> str | None:
    """The language of the article whose URL ends LINK (the longest such URL), if any."""
    link = link.split("?", 1)[0]
    matches = [url for url in langs if url and link.endswith(url)]
    return langs[max(matches, key=len)] if matches else None


def typeset_feed(context: Mapping[str, Any], feed: Any) -> None:
    """feed_generated handler: typeset each entry's title, summary and content in its language."""
    config = read_typography_settings(context)
    if not config.enabled:
        return
    setter = typesetter(config)
    default = str(context.get("DEFAULT_LANG", ""))
    if setter.wants(default) and isinstance(feed.feed.get("title"), str):
        feed.feed["title"] = setter.text(feed.feed["title"], "")
    langs = _article_langs(context)
    for item in feed.items:
        lang = _lang_of_link(str(item.get("link") or ""), langs) or default
        if not setter.wants(lang):
            continue
        if isinstance(item.get("title"), str):
            item["title"] = setter.text(item["title"], "")
        for key in ("description", "content"):
            if isinstance(item.get(key), str):
                item[key] = typeset_document(item[key], setter, lang)


def typo(value: Any, lang: str | None = None) -> Markup:
    """Jinja filter kept for themes: escape VALUE; the written page is typeset by its lang attributes."""
    return escape(value)


def add_filter(generator: Any) -> None:
    """generator_init handler: offer the `typo` filter to the theme's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["typo"] = typo


def register() -> None:
    """Connect the plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.generator_init.connect(add_filter)
    signals.all_generators_finalized.connect(start_cache)
    signals.content_written.connect(typeset_written_page)
    signal("event.write_started").connect(start_alongside)  # the event plugin's write phase, found by name
    signal("event.pages_written").connect(finish_alongside)
    signal("event.write_failed").connect(stop_alongside)
    signals.finalized.connect(prune_cache)
    signals.feed_generated.connect(typeset_feed)
