"""Speaker portraits and partner logos of the event plugin, through the same pipeline."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import Any

from pelican.utils import slugify

from . import build, pipeline
from .jobs import Job
from .reader import Problem
from .settings import GallerySettings

logger = logging.getLogger(__name__)


def published_as_is(path: str, pelican_settings: Mapping[str, Any]) -> bool:
    """Return True when Pelican would also copy this source file, metadata included."""
    def inside(folders: Sequence[str]) -> bool:
        return any(path == f.strip("/") or path.startswith(f.strip("/") + "/") for f in folders)

    return inside(pelican_settings.get("STATIC_PATHS", ())) and not inside(
        pelican_settings.get("STATIC_EXCLUDES", ())
    )


def _jobs(gs: GallerySettings, settings_: Mapping[str, Any], store: str, people: Sequence[Any], field: str,
          profile: str, url_dir: str, alt_format: str, problems: list[Problem]) -> dict[str, tuple[Any, Job]]:
    """Return key -> (entity, job) for every entity that names an image in field."""
    found: dict[str, tuple[Any, Job]] = {}
    for index, entity in enumerate(people):
        path = getattr(entity, field, None)
        if not path:
            continue
        name = str(getattr(entity, "name", "") or "")
        source = os.path.join(settings_["PATH"], str(path))
        if not os.path.isfile(source):
            continue  # the event plugin reports the missing image, with its file and line
        if published_as_is(str(path), settings_):
            problems.append(Problem(
                str(getattr(entity, "source_path", "") or path), None, field.capitalize(),
                f"l'image {path} ({name}) serait aussi copiée telle quelle dans le site, avec ses métadonnées (EXIF, GPS)",
                "ajoutez son dossier à STATIC_EXCLUDES dans pelicanconf.py",
            ))
        stem = slugify(name) or f"{profile}-{index}"
        key = f"{profile}/{stem}"
        if key in found:
            stem, key = f"{stem}-{index}", f"{key}-{index}"
        alt = getattr(entity, f"{field}_alt", None) or alt_format.format(name=name)
        job = build.make_job(gs, store, key,
                             source, profile, url_dir, stem, alt)
        found[key] = (entity, job)
    return found


def process_event(gs: GallerySettings, pelican_settings: Mapping[str, Any], event: Any,
                  manifest: str, problems: list[Problem] | None = None) -> pipeline.Report:
    """Build portraits and logos and set `.picture` on each speaker and partner; add to PROBLEMS what is wrong."""
    problems = [] if problems is None else problems
    store = pipeline.store_root(manifest)
    found = {
        **_jobs(gs, pelican_settings, store, getattr(event, "speakers", ()) or (), "photo", "portrait",
                gs.portrait_output_dir, "Portrait de {name}", problems),
        **_jobs(gs, pelican_settings, store, getattr(event, "partners", ()) or (), "logo", "logo",
                gs.logo_output_dir, "Logo de {name}", problems),
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
