"""The event generator: read and validate content, link it, then write its pages."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pelican.contents import Page
from pelican.generators import Generator

from eventsite.safepaths import Inside, PathOutside
from eventsite.stamprecord import StampRecord
from eventsite.workers import BuildWorkers

from .channel import problems_of, report
from .header import NotUtf8Error, ParsedHeader, header_record, recorded_header

from .dayfragments import DAY_TEMPLATE, day_renderer
from .linking import link_event
from .markdown_ahead import MARKDOWN_AHEAD_KEY, MarkdownAhead, start_ahead, worth_ahead
from .markdown_reuse import ReusedMarkdownMixin
from .model import Entity, Event
from .navigation import save_as_for
from .placeholders import placeholder_record, scan_placeholders
from .problems import ContentProblem
from .reading import ContentType, content_types, parse_entity, unreadable_problem
from .settings import EventSettings, localized_settings, read_event_settings
from .translation import Translation, orphan_translations, parse_translation, translated_event, translation_lang
from .validation import validate_event
from .catalogues import catalogue_folder, load_catalogues
from .editions import EDITIONS_KEY, Edition, edition_prefix, editions_of, make_editions
from .pelican_editions import in_edition
from .programme_views import ROOMS_LABEL, pages_to_write, set_languages, with_rooms_page
from .signals import EDITIONS_READY, EVENT_ENRICH


def entity_url(entity: Entity, key: str, settings: EventSettings) -> str:
    """The site-relative URL of ENTITY from the EVENT_URLS patterns."""
    theme = getattr(entity, "theme_slug", "") or ""
    return settings.urls[key].format(slug=entity.slug, theme=theme)


class EventSourcePage(Page):
    """An event file read as a Pelican page: no address of its own until the event generator gives it its entity's.

    Pelican's default address of a page (PAGE_SAVE_AS) is never written for an event file, so it is
    not worked out either: a Save_as or Url header still sets its own (and containment checks it
    as it checks any page's), and read_type sets the entity's address once the header is parsed.
    At 3,000 items, working out and checking the default cost a preview rebuild about 0.09 s (2.13 → 2.04 s).
    """

    override_save_as = ""
    override_url = ""


def page_class(lang: str | None) -> type[Page]:
    """EventSourcePage, or one whose language is LANG whatever its header says (translations live in <type>/<lang>/)."""
    if not lang:
        return EventSourcePage

    class TranslatedPage(EventSourcePage):
        def __init__(self, content: str, metadata: dict[str, Any] | None = None, **kwargs: Any) -> None:
            super().__init__(content, {**(metadata or {}), "lang": lang}, **kwargs)

    return TranslatedPage


READERS_CACHE = "EventGenerator-Readers"  # Pelican's content cache of the event files, in CACHE_PATH
ARTICLES_CACHE, PAGES_CACHE = "ArticlesGenerator-Readers", "PagesGenerator-Readers"  # Pelican's, of the news and pages


class EventGenerator(Generator):
    """Reads speakers, sessions, partners and outcomes; writes their pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, readers_cache_name=READERS_CACHE, **kwargs)
        self.event_settings = read_event_settings(self.settings)
        self.event = Event()
        self.problems: list[ContentProblem] = []
        self.translations: dict[str, dict[str, dict[str, Translation]]] = {}
        # Entities that cannot be placed (a session without its day): checked, then left out of the site.
        self.incomplete: list[Entity] = []
        self.output_inside = Inside(self.output_path)  # the pages' folders resolved once per build, not once per page
        # Made before any generator reads: a worker converts the Markdown of the news, pages and event files ahead of their readers,
        # and, in the same cold builds, another one scans every file for placeholders (read_model takes its result).
        paths = self.ahead_paths()
        self.placeholder_scan = self.scan_ahead() if worth_ahead(paths) else None
        self.ahead = self.read_ahead(paths)

    def inside_content(self, relpaths: Iterable[str]) -> list[str]:
        """RELPATHS (below content/) that stay inside it, as absolute paths (as Pelican's reader gets them): never read ahead otherwise."""
        content = Inside(self.path)  # each folder resolved once
        found = []
        for relpath in relpaths:
            try:
                content.resolve(relpath)
            except PathOutside:  # refused when read (read_type, the containment plugin)
                continue
            found.append(os.path.abspath(os.path.join(self.path, relpath)))
        return found

    def reading_order(self) -> list[str]:
        """The event files read_model reads, in its order, inside content/."""
        return self.inside_content(relpath for ctype in content_types(self.event_settings)
                                   for relpath in sorted(self.get_files(self.event_settings.paths[ctype.key], extensions=("md", "markdown"))))

    def pelican_reading_order(self, paths: str, excludes: str) -> list[str]:
        """The Markdown files Pelican's generator of the PATHS and EXCLUDES settings reads, in its order, inside content/.

        Its very call to get_files (a set, iterated in the same order in this process), keeping the Markdown files.
        """
        markdown = tuple(f".{extension}" for extension, reader in self.readers.readers.items() if isinstance(reader, ReusedMarkdownMixin))
        return self.inside_content(relpath for relpath in self.get_files(self.settings[paths], exclude=self.settings[excludes])
                                   if relpath.endswith(markdown))

    def ahead_paths(self) -> list[str]:
        """The Markdown files (news, pages, then event files) Pelican's content cache will not serve, in their readers' order.

        Not a generator's files when its cache is there to load (a preview's rebuild, a warm build): listing and checking
        every file costs more than the few files it has to read.
        """
        if not any(isinstance(reader, ReusedMarkdownMixin) for reader in self.readers.readers.values()):
            return []
        paths: list[str] = []
        for cache, files in ((ARTICLES_CACHE, ("ARTICLE_PATHS", "ARTICLE_EXCLUDES")), (PAGES_CACHE, ("PAGE_PATHS", "PAGE_EXCLUDES")),
                             (READERS_CACHE, None)):
            if self.settings.get("LOAD_CONTENT_CACHE") and os.path.exists(os.path.join(self.settings["CACHE_PATH"], cache)):
                continue
            paths += self.pelican_reading_order(*files) if files else self.reading_order()
        return [path for path in paths if self.readers.get_cached_data(path, None) is None]

    def read_ahead(self, paths: list[str]) -> MarkdownAhead | None:
        """Start converting PATHS' Markdown ahead of their readers, when they are many (ahead_paths).

        The news and pages readers take the worker's bodies too (lend_read_ahead, through context["markdown_ahead"]).
        """
        readers = [reader for reader in self.readers.readers.values() if isinstance(reader, ReusedMarkdownMixin)]
        ahead = start_ahead(paths, readers[0].convert) if readers else None
        for reader in readers:
            reader.ahead = ahead
        if ahead is not None:
            self.context[MARKDOWN_AHEAD_KEY] = ahead
        return ahead

    def event_folders(self) -> tuple[str, ...]:
        """The content folders of the event's types (speakers/, sessions/...)."""
        return tuple(self.event_settings.paths.values())

    def placeholder_scan_of(self) -> tuple[Path, tuple[str, ...], StampRecord]:
        """scan_placeholders' arguments: content/, the event's folders and the record of the last build's scan."""
        return Path(self.path), self.event_folders(), placeholder_record(self.settings, Path(self.path), self.event_folders())

    def scan_ahead(self) -> BuildWorkers:
        """The placeholder scan of every Markdown file under content/, by a worker process while the files are read."""
        worker = BuildWorkers(1)
        worker.submit(scan_placeholders, *self.placeholder_scan_of())
        return worker

    def scanned_placeholders(self) -> tuple[list[ContentProblem], StampRecord]:
        """The placeholders of every Markdown file and the record that keeps them: the worker's scan, or scanned here."""
        scan, self.placeholder_scan = self.placeholder_scan, None
        return scan.finish()[0] if scan is not None else scan_placeholders(*self.placeholder_scan_of())

    def stop_reading_ahead(self) -> None:
        """Stop the read-ahead worker and the placeholder scan, if any: the model is read (or could not be)."""
        if self.placeholder_scan is not None:  # not taken: reading failed before the scan was needed
            self.placeholder_scan.cancel()
            self.placeholder_scan = None
        if self.ahead is not None:
            self.context.pop(MARKDOWN_AHEAD_KEY, None)
            self.ahead.stop()
            for reader in self.readers.readers.values():
                if isinstance(reader, ReusedMarkdownMixin):
                    reader.ahead = None
            self.ahead = None

    def last_parsed_header(self, relpath: str) -> ParsedHeader | None:
        """The header RELPATH's reader parsed last (its file, stamp and fields), so that the header record need not read it again."""
        reader = self.readers.readers.get(os.path.splitext(relpath)[1].lstrip("."))
        return getattr(reader, "last_header", None)

    def _read(self, relpath: str, lang: str | None) -> Page | None:
        try:
            return self.readers.read_file(
                base_path=self.path, path=relpath, content_class=page_class(lang), context=self.context
            )
        except NotUtf8Error as error:
            self.problems.append(error.problem(relpath))
            return None
        except Exception as error:  # a reader error must not hide the other files' problems
            self.problems.append(unreadable_problem(os.path.join(self.path, relpath), relpath, error))
            return None

    def read_type(self, ctype: ContentType, headers: StampRecord) -> list[Entity]:
        """Read every file of one content type (translations apart), recording problems; their headers noted in HEADERS."""
        entities = []
        folder = self.event_settings.paths[ctype.key]
        collection = ctype.collection
        content = Inside(self.path)  # each folder resolved once for the type's files
        for relpath in sorted(self.get_files(folder, extensions=("md", "markdown"))):
            try:
                content.resolve(relpath)
            except PathOutside:
                self.problems.append(ContentProblem(relpath, "", "ce fichier est un lien vers un fichier hors de content/ : il n'est pas lu",
                                                    "remplacez le lien par le fichier lui-même"))
                continue
            lang = translation_lang(relpath, folder, self.event_settings.languages)
            page = self._read(relpath, lang)
            if page is None:
                continue
            self.add_source_path(page)
            head = recorded_header(os.path.join(self.path, relpath), headers, self.last_parsed_header(relpath))
            if lang:
                translation, problems = parse_translation(ctype, lang, relpath, head, page)
                self.problems += problems
                self.translations.setdefault(lang, {}).setdefault(collection, {})[translation.slug] = translation
                continue
            entity, problems, complete = parse_entity(ctype, relpath, head, page)
            self.problems += problems
            if not complete:
                self.incomplete.append(entity)
            entity.url = entity_url(entity, ctype.key, self.event_settings)
            page.override_url = entity.url
            page.override_save_as = save_as_for(entity.url)
            entities.append(entity)
        for lang, found in self.translations.items():
            self.problems += orphan_translations(list(found.get(collection, {}).values()), entities, ctype.label)
        return entities

    def localize(self, lang: str) -> tuple[Event, EventSettings]:
        """The event in LANG: copies of the enriched model with their translation, linked, with URLs under LANG's prefix."""
        default = self.settings["DEFAULT_LANG"]
        settings = self.event_settings if lang == default else localized_settings(self.settings, lang)
        event = translated_event(self.event, self.translations.get(lang, {}), lang, default)
        for ctype in content_types(settings):
            for entity in getattr(event, ctype.collection):
                entity.url = entity_url(entity, ctype.key, settings)
        link_event(event, settings)
        set_outcome_urls(event, settings, sources=False)
        return event, settings

    def read_model(self) -> None:
        """Read, validate and link the language-neutral model; report every problem found."""
        headers = header_record(self.settings, self.path)
        for ctype in content_types(self.event_settings):
            getattr(self.event, ctype.collection).extend(self.read_type(ctype, headers))
        headers.save()
        self.problems += validate_event(self.event, self.event_settings, Path(self.path), self.incomplete)
        found, placeholders = self.scanned_placeholders()
        self.problems += found
        placeholders.save()
        leave_out(self.event, self.incomplete)
        set_languages(self.event.sessions, self.settings["DEFAULT_LANG"])
        link_event(self.event, self.event_settings)
        set_outcome_urls(self.event, self.event_settings, sources=True)
        problems_of(self.context)  # the banner's list exists even when nothing is wrong
        for problem in self.problems:
            report(self, self.context, problem)
        self.readers.save_cache()

    def make_editions(self) -> tuple[Edition, ...]:
        """One edition per language, from the enriched model, the catalogues and Pelican's news and pages."""
        default = self.settings["DEFAULT_LANG"]
        views = {lang: self.localize(lang) for lang in (default, *self.event_settings.languages)}
        catalogues = load_catalogues(catalogue_folder(self.settings), tuple(views))
        content = {
            lang: tuple(in_edition(self.context.get(key, ()), lang, edition_prefix(lang, default), default)
                        for key in ("articles", "pages"))
            for lang in views
        }
        editions = make_editions(default, views, catalogues, content)
        return tuple(dataclasses.replace(e, nav=with_rooms_page(e.nav, e.event, e.settings, e.gettext(ROOMS_LABEL))) for e in editions)

    def generate_context(self) -> None:
        """Read the model, let plugins enrich it (event.enrich), then make the editions (event.editions_ready)."""
        try:
            self.read_model()
        finally:
            self.stop_reading_ahead()
        self.context["event"] = self.event
        self.context["event_settings"] = self.event_settings
        EVENT_ENRICH.send(self, context=self.context, event=self.event, settings=self.settings)
        self.context[EDITIONS_KEY] = self.make_editions()
        EDITIONS_READY.send(self, context=self.context, editions=self.context[EDITIONS_KEY])

    def _write(self, writer: Any, url: str, template: str, **extra: Any) -> None:
        self.output_inside.resolve(save_as_for(url))  # slugs are safe: a settings error at worst
        writer.write_file(
            save_as_for(url),
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_url=url,
            **extra,
        )

    def alternates(self, key: str, slug: str = "") -> dict[str, str]:
        """Language → URL of the page KEY (of entity SLUG) in each edition."""
        return {edition.lang: edition.settings.urls[key].format(slug=slug, theme="") for edition in editions_of(self.context)}

    def generate_output(self, writer: Any) -> None:
        """Write the programme, speakers, partners and outcomes pages of every edition."""
        for edition in editions_of(self.context):
            urls = edition.settings.urls
            day_section = day_renderer(self.get_template(DAY_TEMPLATE), getattr(writer, "renders", None))
            self._write(writer, urls["programme"], "programme", edition=edition, alternates=self.alternates("programme"),
                        day_section=day_section)
            for key in ("speakers", "partners", "outcomes"):
                self._write(writer, urls[key], key, edition=edition, alternates=self.alternates(key))
            for speaker in edition.event.speakers:
                self._write(writer, speaker.url, "speaker", edition=edition, speaker=speaker,
                            alternates=self.alternates("speaker", speaker.slug))
            for theme in edition.event.themes:
                self._write(writer, theme.url, "theme", edition=edition, theme=theme,
                            alternates=self.alternates("theme", theme.slug))
            for track in edition.event.tracks:
                self._write(writer, track.url, "track", edition=edition, track=track,
                            alternates=self.alternates("track", track.slug))
            self.write_programme_views(writer, edition)

    def write_programme_views(self, writer: Any, edition: Edition) -> None:
        """Write EDITION's page per day, per room and per language (programme_views), and its rooms page."""
        for day in edition.event.programme:
            if day.url:
                self._write(writer, day.url, "programme-day", edition=edition, day=day, alternates=self.alternates("day", day.slug))
        for selected in pages_to_write(edition.event):
            self._write(writer, selected.url, "programme-filter", edition=edition, selected=selected,
                        alternates=self.alternates(selected.key, selected.value))
        if edition.event.rooms:
            self._write(writer, edition.settings.urls["rooms"], "rooms", edition=edition, alternates=self.alternates("rooms"))


def leave_out(event: Event, entities: list[Entity]) -> None:
    """Remove ENTITIES from EVENT once checked: what cannot be placed stays off every page and calendar."""
    gone = {id(entity) for entity in entities}
    for name in ("speakers", "sessions", "partners", "themes", "workshops", "proposals", "rooms", "tracks"):
        collection = getattr(event, name)
        collection[:] = [entity for entity in collection if id(entity) not in gone]


def set_outcome_urls(event: Event, settings: EventSettings, sources: bool) -> None:
    """Workshops and proposals link to their theme's page, known only once linked (their Pelican
    source pages too when SOURCES: the model's, never an edition's copy, which shares them)."""
    for key, entities in (("workshop", event.workshops), ("proposal", event.proposals)):
        for entity in entities:
            entity.url = entity_url(entity, key, settings)
            if sources and entity.source is not None:
                entity.source.override_url = entity.url
                entity.source.override_save_as = save_as_for(entity.url)
