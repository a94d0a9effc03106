"""The event generator: read and validate content, link it, then write its pages."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican.contents import Page
from pelican.generators import Generator

from .linking import link_event
from .model import Entity, Event
from .navigation import save_as_for
from .problems import ContentProblem
from .reading import ContentType, content_types, parse_entity
from .settings import EventSettings, read_event_settings
from .validation import validate_event

logger = logging.getLogger(__name__)

def entity_url(entity: Entity, key: str, settings: EventSettings) -> str:
    """The site-relative URL of ENTITY from the EVENT_URLS patterns."""
    theme = getattr(entity, "theme_slug", "") or ""
    return settings.urls[key].format(slug=entity.slug, theme=theme)


class EventGenerator(Generator):
    """Reads speakers, sessions, partners and outcomes; writes their pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, readers_cache_name="EventGenerator-Readers", **kwargs)
        self.event_settings = read_event_settings(self.settings)
        self.event = Event()
        self.problems: list[ContentProblem] = []

    def read_type(self, ctype: ContentType) -> list[Entity]:
        """Read every file of one content type, recording problems."""
        entities = []
        folder = self.event_settings.paths[ctype.key]
        for relpath in sorted(self.get_files(folder, extensions=("md", "markdown"))):
            try:
                page = self.readers.read_file(
                    base_path=self.path, path=relpath, content_class=Page, context=self.context
                )
            except Exception as error:  # a reader error must not hide the other files' problems
                self.problems.append(
                    ContentProblem(relpath, "", f"le fichier ne peut pas être lu ({error})", "vérifiez l'en-tête et l'encodage UTF-8")
                )
                continue
            entity, problems = parse_entity(ctype, page.metadata, relpath, os.path.join(self.path, relpath), page)
            self.problems += problems
            entity.url = entity_url(entity, ctype.key, self.event_settings)
            page.override_url = entity.url
            page.override_save_as = save_as_for(entity.url)
            self.add_source_path(page)
            entities.append(entity)
        return entities

    def generate_context(self) -> None:
        """Read, validate and link the event, then share it with every template."""
        for ctype in content_types(self.event_settings):
            getattr(self.event, ctype.collection).extend(self.read_type(ctype))
        self.problems += validate_event(self.event, self.event_settings, Path(self.path))
        link_event(self.event, self.event_settings)
        # Workshop and proposal URLs name their theme, known only once linked.
        for key, entities in (("workshop", self.event.workshops), ("proposal", self.event.proposals)):
            for entity in entities:
                entity.url = entity.source.override_url = entity_url(entity, key, self.event_settings)
                entity.source.override_save_as = save_as_for(entity.url)
        for problem in self.problems:
            logger.warning("%s", problem)
        self.readers.save_cache()
        self.context["event"] = self.event
        self.context["event_settings"] = self.event_settings
        self.context["event_problems"] = list(self.problems)

    def _write(self, writer: Any, url: str, template: str, **extra: Any) -> None:
        writer.write_file(
            save_as_for(url),
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_url=url,
            **extra,
        )

    def generate_output(self, writer: Any) -> None:
        """Write the programme, speakers, partners and outcomes pages."""
        urls = self.event_settings.urls
        self._write(writer, urls["programme"], "programme")
        self._write(writer, urls["speakers"], "speakers")
        for speaker in self.event.speakers:
            self._write(writer, speaker.url, "speaker", speaker=speaker)
        self._write(writer, urls["partners"], "partners")
        self._write(writer, urls["outcomes"], "outcomes")
        for theme in self.event.themes:
            self._write(writer, theme.url, "theme", theme=theme)
