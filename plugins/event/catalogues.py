"""Gettext catalogues compiled from the .po files at build time (no binary .mo committed)."""

from __future__ import annotations

import gettext
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .settings import DECLARED


def compile_po(po_path: Path) -> gettext.GNUTranslations:
    """Read a .po file and return its translations, compiled in memory."""
    with open(po_path, "rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def load_catalogues(folder: Path, languages: tuple[str, ...], domain: str = "messages") -> dict[str, gettext.NullTranslations]:
    """Translations per language; a language without a .po file keeps the source strings."""
    found: dict[str, gettext.NullTranslations] = {}
    for lang in languages:
        po_path = folder / lang / "LC_MESSAGES" / f"{domain}.po"
        found[lang] = compile_po(po_path) if po_path.is_file() else gettext.NullTranslations()
    return found


def catalogue_folder(settings: Mapping[str, Any]) -> Path:
    """Where the theme's catalogues are: EVENT_CATALOGUES, else THEME/translations."""
    folder = DECLARED.value(settings, "EVENT_CATALOGUES")
    return Path(folder) if folder else Path(str(settings.get("THEME", "theme"))) / "translations"
