"""Signal handlers of the clean_images plugin; register() only connects them."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals

from eventsite.settingskit import check_at_startup

from . import settings
from .cleaning import clean_file

logger = logging.getLogger(__name__)


def output_files(root: Path) -> list[Path]:
    """Return every regular file below `root`, symlinks not followed, in order."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        found += [Path(folder) / name for name in sorted(files)]
    return found


def clean_output(output: Path, cache: Path, quality: int) -> int:
    """Clean every image of `output` that carries metadata; return how many were cleaned."""
    cleaned = 0
    for path in output_files(output):
        try:
            if clean_file(path, cache, quality):
                cleaned += 1
        except Exception as error:  # one bad file is named, never a traceback; the rest goes on
            logger.warning(
                "%s : métadonnées impossibles à retirer de cette image (%s) ; exportez-la à nouveau "
                "sans métadonnées (EXIF, GPS, XMP, commentaire) et remplacez l'original dans content/",
                path.relative_to(output).as_posix(), error,
            )
    return cleaned


def finalized(pelican: Any) -> None:
    """Once everything is written, replace each output image that carries metadata."""
    options = settings.load(pelican.settings)
    cache = Path(pelican.settings.get("CACHE_PATH", "cache")) / options.cache_dir
    cleaned = clean_output(Path(pelican.output_path), cache, options.quality)
    if cleaned:
        logger.info("Métadonnées retirées de %d image(s) copiée(s) telles quelles", cleaned)


def register() -> None:
    """Connect the clean_images plugin's handlers."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.finalized.connect(finalized)
