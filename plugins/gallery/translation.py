"""Translations of a gallery: <gallery>/<lang>/gallery.md holds only its translated title, text, captions and alts."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from event import schema
from event.header import HeaderField, NotUtf8Error, decode

from .reader import (
    HEADER_FIELDS, METADATA_FILE, PHOTO_FIELDS, Problem, from_content_problem, filled_values, header_values,
    parse_sections, readable,
)

# The fields a translation may hold: the schema's free texts (a credit or a licence stays the original's).
HEADER_TEXTS = tuple(f for f in HEADER_FIELDS if f.translatable)
PHOTO_TEXTS = tuple(f for f in PHOTO_FIELDS if f.translatable)


@dataclass(frozen=True)
class PhotoText:
    """One photo's translated texts; "" where the translation leaves the original."""

    alt: str = ""
    caption: str = ""  # Markdown


@dataclass(frozen=True)
class GalleryTranslation:
    """What <gallery>/<lang>/gallery.md translates: title, description and each photo's texts by file name."""

    lang: str
    title: str = ""
    description: str = ""  # Markdown
    photos: Mapping[str, PhotoText] = field(default_factory=lambda: MappingProxyType({}))


def untranslatable(found: HeaderField, texts: tuple[schema.Field, ...], what: str, lang: str, source: str) -> Problem:
    """The problem of a field (FOUND) a translation cannot hold: WHAT it belongs to, the fields it may hold (TEXTS)."""
    names = ", ".join(f.label for f in texts)
    return Problem(source, found.line, found.spelling, f"ce champ ne se traduit pas ({what}, {lang}) : il est ignoré",
                   f"une traduction ne contient que ces champs : {names} ; supprimez la ligne")


def translated_values(
    values: Mapping[str, HeaderField], texts: tuple[schema.Field, ...], what: str, lang: str, source: str, problems: list[Problem]
) -> dict[str, str]:
    """The values of VALUES a translation may hold, by key; the others are reported."""
    keys = {f.key for f in texts}
    for found in values.values():
        if found.key not in keys:
            problems.append(untranslatable(found, texts, what, lang, source))
    return {key: found.value for key, found in values.items() if key in keys}


def read_translation(folder: str, lang: str, photo_files: Collection[str], problems: list[Problem]) -> GalleryTranslation | None:
    """Read FOLDER/LANG/gallery.md (PHOTO_FILES: the photos of the gallery folder); None when it cannot be read."""
    source = os.path.join(folder, lang, METADATA_FILE)
    with open(source, "rb") as handle:
        raw = handle.read()
    try:
        text = decode(raw, source)
    except NotUtf8Error as error:
        problems.append(from_content_problem(error.problem(source), source))
        return None
    header, body, first_line = header_values(text, source, problems)
    title = translated_values(header, HEADER_TEXTS, "galerie", lang, source, problems).get("title", "")
    description, sections = parse_sections(body, source, first_line, problems)
    photos = {}
    for name, section in sections.items():
        if name not in photo_files:
            problems.append(Problem(
                source, section.line, "", f"« ## {name} » ne correspond à aucune photo de la galerie : sa traduction est ignorée",
                f"écrivez après « ## » le nom d'une photo du dossier ({', '.join(sorted(photo_files)) or 'aucune photo'}), "
                "ou supprimez cette partie",
            ))
            continue
        values = translated_values(filled_values(section.head, source, problems), PHOTO_TEXTS, f"photo {name}", lang, source, problems)
        photos[name] = PhotoText(alt=values.get("alt", ""), caption=values.get("caption", ""))
    return GalleryTranslation(lang, title, description, MappingProxyType(photos))


def translation_folders(folder: str, problems: list[Problem]) -> list[str]:
    """The sub-folders of FOLDER that hold a gallery.md (inside FOLDER: a link elsewhere is reported), by name."""
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isdir(path) or not os.path.exists(os.path.join(path, METADATA_FILE)):
            continue
        if readable(folder, name, problems) and readable(path, METADATA_FILE, problems):
            found.append(name)
    return found


def read_translations(
    folder: str, languages: Collection[str], photo_files: Collection[str], problems: list[Problem]
) -> dict[str, GalleryTranslation]:
    """Each translation of the gallery in FOLDER by language; a folder for another than LANGUAGES (the site's others) is reported."""
    translations = {}
    for name in translation_folders(folder, problems):
        if name not in languages:
            problems.append(Problem(
                os.path.join(folder, name, METADATA_FILE), None, "",
                f"« {name} » n'est pas une autre langue du site ({', '.join(languages) or 'il n’en a pas'}) : "
                "cette traduction n'est pas publiée",
                "nommez le dossier d'après le code d'une langue du site (par ex. en), "
                "ou ajoutez cette langue à EVENT_LANGUAGES dans pelicanconf.py",
            ))
            continue
        translation = read_translation(folder, name, photo_files, problems)
        if translation is not None:
            translations[name] = translation
    return translations
