"""Speaker portraits and partner logos of the event plugin, through the same pipeline."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import Any

from pelican.utils import slugify

from . import build, pipeline
from .jobs import Job
from .settings import GallerySettings

logger = logging.getLogger(__name__)


def _jobs(gs: GallerySettings, content: str, output: str, people: Sequence[Any], field: str,
          profile: str, url_dir: str, alt_format: str) -> dict[str, tuple[Any, Job]]:
    """Return key -> (entity, job) for every entity that names an image in field."""
    found: dict[str, tuple[Any, Job]] = {}
    for index, entity in enumerate(people):
        path = getattr(entity, field, None)
        if not path:
            continue
        name = str(getattr(entity, "name", "") or "")
        stem = slugify(name) or f"{profile}-{index}"
        key = f"{profile}/{stem}"
        if key in found:
            stem, key = f"{stem}-{index}", f"{key}-{index}"
        alt = getattr(entity, f"{field}_alt", None) or alt_format.format(name=name)
        job = build.make_job(gs, output, key, os.path.join(content, str(path)), profile,
                             url_dir, stem, alt)
        found[key] = (entity, job)
    return found


def process_event(gs: GallerySettings, pelican_settings: Mapping[str, Any], event: Any,
                  manifest: str) -> pipeline.Report:
    """Build portraits and logos and set `.picture` on each speaker and partner."""
    content, output = pelican_settings["PATH"], pelican_settings["OUTPUT_PATH"]
    found = {
        **_jobs(gs, content, output, getattr(event, "speakers", ()) or (), "photo", "portrait",
                gs.portrait_output_dir, "Portrait de {name}"),
        **_jobs(gs, content, output, getattr(event, "partners", ()) or (), "logo", "logo",
                gs.logo_output_dir, "Logo de {name}"),
    }
    report = pipeline.run(
        [job for _entity, job in found.values()],
        output_root=output,
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
