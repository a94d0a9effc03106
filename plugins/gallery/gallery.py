"""Signal handlers of the gallery plugin; register() only connects them."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from blinker import signal
from event.header import field_line
from pelican import signals
from pelican.contents import Content

from eventsite.settingskit import check_at_startup

from . import channel, event_images, reader
from . import settings as settings_module
from .generator import GalleryGenerator, manifest_path

logger = logging.getLogger(__name__)

# The event plugin's enrichment moment (plugins/event/signals.py): the model before its editions are made.
EVENT_ENRICH = signal("event.enrich")
EDITIONS_READY = signal("event.editions_ready")

CONTENT_LISTS = (
    "articles", "translations", "drafts", "drafts_translations", "hidden_articles",
    "hidden_translations", "pages", "hidden_pages", "draft_pages",
)


def get_generators(_pelican: Any) -> type[GalleryGenerator]:
    """Add the gallery generator to the build."""
    return GalleryGenerator


def _contents(generators: Sequence[Any]) -> Iterator[Any]:
    """Yield every article and page of every generator once."""
    seen: set[int] = set()
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, ()) or ():
                # Other generators may use these names for something else.
                if isinstance(content, Content) and id(content) not in seen:
                    seen.add(id(content))
                    yield content


def embed_galleries(
    generators: Sequence[Any], galleries: Mapping[str, Any], translated: Mapping[str, Mapping[str, Any]] | None = None
) -> list[reader.Problem]:
    """Replace a `Gallery: <slug>` field by the Gallery object; return a problem for each unknown slug.

    A news item or page in another language (its Lang) gets the gallery in that language from TRANSLATED.
    """
    problems = []
    for content in _contents(generators):
        slug = content.metadata.get("gallery")
        if not isinstance(slug, str):
            continue
        gallery = (translated or {}).get(getattr(content, "lang", ""), galleries).get(slug.strip())
        # « [identifiant…] » left from the scaffold is told once, as an unfilled field, by the event plugin.
        if gallery is None and not slug.strip().startswith("["):
            spelling, line = field_line(content.source_path, "gallery")
            problems.append(reader.Problem(
                content.source_path, line, spelling or "Gallery",
                f"la galerie « {slug} » n'existe pas",
                f"écrivez le nom d'un dossier de content/galleries/ ({', '.join(sorted(galleries)) or 'aucune galerie'}) "
                "ou supprimez la ligne",
            ))
        content.gallery = gallery
    return problems


def all_generators_finalized(generators: Sequence[Any]) -> None:
    """Embed galleries in articles and pages."""
    if not generators:
        return
    context = generators[0].context
    own = next((g for g in generators if isinstance(g, GalleryGenerator)), None)
    for problem in embed_galleries(generators, context.get("galleries", {}), getattr(own, "translated", None)):
        channel.report(generators[0], context, generators[0].settings["PATH"], problem)


def attach_event_pictures(sender: Any, *, context: Any, event: Any, settings: Any) -> None:
    """Receiver of ``event.enrich``: build portraits and logos and set ``.picture`` on the language-neutral model."""
    gs = settings_module.load(settings)
    report = event_images.process_event(gs, settings, event, manifest_path(settings, gs, "event"))
    for problem in channel.failure_problems(report):
        channel.report(sender, context, settings["PATH"], problem)


def translate_picture_alts(_sender: Any, *, context: Any, editions: Any) -> None:
    """Receiver of ``event.editions_ready``: portraits and logos get their alt in each edition's language."""
    for edition in editions:
        event_images.translate_alts(edition)


def exclude_processed_images(static_generator: Any) -> None:
    """Keep Pelican from copying as-is (metadata included) the portraits and logos this plugin processes.

    Wherever they sit under content/: no STATIC_EXCLUDES to keep in step with the guide.
    """
    event = static_generator.context.get("event")
    if event is None:
        return
    processed = event_images.image_sources(event, static_generator.path)
    kept = []
    for static in static_generator.staticfiles:
        if os.path.realpath(os.path.join(static_generator.path, static.get_relative_source_path())) in processed:
            static_generator.context["static_content"].pop(static.get_relative_source_path(), None)
        else:
            kept.append(static)
    static_generator.staticfiles[:] = kept


def register() -> None:
    """Connect the gallery plugin's signal handlers."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(get_generators)
    signals.static_generator_finalized.connect(exclude_processed_images)
    signals.all_generators_finalized.connect(all_generators_finalized)
    EVENT_ENRICH.connect(attach_event_pictures)
    EDITIONS_READY.connect(translate_picture_alts)
