"""Signal handlers of the clean_images plugin; register() only connects them."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import Any

from pelican import signals

from eventsite.recycling import entries_below
from eventsite.settingskit import check_at_startup

from . import settings
from .checked import RECORD_FILE, CheckedFiles
from .cleaning import clean_file

logger = logging.getLogger(__name__)


def clean_output(output: Path, cache: Path, quality: int, checked: CheckedFiles | None = None) -> int:
    """Clean every image of `output` that carries metadata; return how many were cleaned.

    A regular file CHECKED records as found clean, unchanged since, is not opened again; every
    other file is (a symlink to a file is followed, one to a folder is left alone, as os.walk does).
    """
    record = checked if checked is not None else CheckedFiles.load(None)
    base = os.fspath(output)
    to_open = []
    for relative, entry in entries_below(output):
        if entry.is_dir():  # a folder, or a link to one: left alone, as os.walk does
            continue
        found = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(found.st_mode):
            to_open.append((relative, None))
        elif not record.unchanged(relative, found):
            to_open.append((relative, found))
    cleaned = 0
    for relative, found in sorted(to_open, key=lambda item: item[0]):
        try:
            labels = clean_file(os.path.join(base, relative), cache, quality)
        except Exception as error:  # one bad file is named, never a traceback; the rest goes on
            logger.warning(
                "%s : métadonnées impossibles à retirer de cette image (%s) ; exportez-la à nouveau "
                "sans métadonnées (EXIF, GPS, XMP, commentaire) et remplacez l'original dans content/",
                relative.replace(os.sep, "/"), error,
            )
            continue  # not recorded: named again by the next build
        cleaned += bool(labels)
        if found is not None:
            record.opened(relative, found, clean=not labels)
    return cleaned


def finalized(pelican: Any) -> None:
    """Once everything is written, replace each output image that carries metadata."""
    options = settings.load(pelican.settings)
    cache_path = Path(pelican.settings.get("CACHE_PATH", "cache"))
    checked = CheckedFiles.load(cache_path / RECORD_FILE)
    cleaned = clean_output(Path(pelican.output_path), cache_path / options.cache_dir, options.quality, checked)
    checked.save()
    if cleaned:
        logger.info("Métadonnées retirées de %d image(s) copiée(s) telles quelles", cleaned)


def register() -> None:
    """Connect the clean_images plugin's handlers."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.finalized.connect(finalized)
