"""Speaker portraits and partner logos of the event plugin, through the same pipeline."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import Any

from eventsite.safepaths import PathOutside, resolve_inside

from . import build, pipeline
from .jobs import Job
from .settings import GallerySettings

logger = logging.getLogger(__name__)


FIELDS = (("speakers", "photo"), ("partners", "logo"))


def image_sources(event: Any, content_root: str) -> set[str]:
    """Return the resolved path of every image a speaker's Photo or a partner's Logo names inside content/."""
    found = set()
    for collection, field in FIELDS:
        for entity in getattr(event, collection, ()) or ():
            path = getattr(entity, field, None)
            if path:
                try:
                    found.add(resolve_inside(content_root, str(path)))
                except PathOutside:
                    continue  # never read: the event plugin reports it, with its file, field and line
    return found


def _jobs(gs: GallerySettings, settings_: Mapping[str, Any], store: str, people: Sequence[Any], field: str,
          profile: str, url_dir: str, alt_format: str) -> dict[str, tuple[Any, Job]]:
    """Return key -> (entity, job) for every entity that names an image in field."""
    found: dict[str, tuple[Any, Job]] = {}
    for index, entity in enumerate(people):
        path = getattr(entity, field, None)
        if not path:
            continue
        name = str(getattr(entity, "name", "") or "")
        try:
            source = resolve_inside(settings_["PATH"], str(path))
        except PathOutside:
            continue  # never read: the event plugin reports it, with its file, field and line
        if not os.path.isfile(source):
            continue  # the event plugin reports the missing image, with its file and line
        # The file name, never the display name: the entity's slug is already safe (event.reading).
        stem = str(getattr(entity, "slug", "") or "") or f"{profile}-{index}"
        key = f"{profile}/{stem}"
        if key in found:
            stem, key = f"{stem}-{index}", f"{key}-{index}"
        alt = getattr(entity, f"{field}_alt", None) or alt_format % {"name": name}
        job = build.make_job(gs, store, key,
                             source, profile, url_dir, stem, alt)
        found[key] = (entity, job)
    return found


def process_event(gs: GallerySettings, pelican_settings: Mapping[str, Any], event: Any,
                  manifest: str) -> pipeline.Report:
    """Build portraits and logos and set `.picture` on each speaker and partner (failures are in the report)."""
    store = pipeline.store_root(manifest)
    found = {
        **_jobs(gs, pelican_settings, store, getattr(event, "speakers", ()) or (), "photo", "portrait",
                gs.portrait_output_dir, "Portrait de %(name)s"),
        **_jobs(gs, pelican_settings, store, getattr(event, "partners", ()) or (), "logo", "logo",
                gs.logo_output_dir, "Logo de %(name)s"),
    }
    report = pipeline.run(
        [job for _entity, job in found.values()],
        output_root=store,
        site_root=pelican_settings["OUTPUT_PATH"],
        manifest_path=manifest,
        owned_dirs=[gs.portrait_output_dir, gs.logo_output_dir],
        processes=gs.processes,
        label="Portraits et logos",
    )
    for key, (entity, _job) in found.items():
        try:
            entity.picture = report.pictures.get(key)
        except AttributeError:
            logger.warning("Impossible de poser .picture sur %r : l'objet n'est pas modifiable", entity)
    return report


# Default alt texts (French source strings, translated by each edition's gettext).
DEFAULT_ALTS = (("speakers", "photo", "Portrait de %(name)s"), ("partners", "logo", "Logo de %(name)s"))


def translate_alts(edition: Any) -> None:
    """Give the pictures of EDITION's speakers and partners their alt in its language.

    An author's alt (Description_photo) comes from the edition's copy, translated when the
    translation gives one; the default alt comes from the edition's gettext.
    """
    for collection, field, default in DEFAULT_ALTS:
        for entity in getattr(edition.event, collection, ()) or ():
            picture = getattr(entity, "picture", None)
            if picture is None:
                continue
            name = str(getattr(entity, "name", "") or "")
            alt = getattr(entity, f"{field}_alt", None) or edition.gettext(default) % {"name": name}
            entity.picture = picture.with_alt(alt)
