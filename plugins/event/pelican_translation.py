"""Translations of news and pages by the same rule as the event's files.

content/pages/en/x.md translates content/pages/x.md (content/news/en/x.md, content/news/x.md) and
holds only what it translates: its title, body, summary... The reader marks it with its language
and its original (both read from its path, so Pelican's cache never makes them stale); when
Pelican's generator reads it, every field it does not give comes from the original, read fresh,
with the original's explicit address moved under the edition's prefix (« index.html » →
« en/ »). Pelican's own machinery then pairs the two by slug (same file name).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from pathlib import PurePosixPath
from typing import Any

from .channel import report
from .editions import edition_prefix
from .problems import ContentProblem
from .translation import translation_lang

TRANSLATION_OF = "translation_of"
# Fields never taken from the original: its summary is in the original's language; lang and the
# reader's own marks belong to the translation.
NOT_INHERITED = frozenset({"summary", "lang", TRANSLATION_OF, "reader"})
ADDRESSES = ("save_as", "url")


def translation_source(source_path: str, settings: Mapping[str, Any]) -> tuple[str, str] | None:
    """(language, original's path from content/) of a news or page file under <folder>/<lang>/, else None."""
    languages = settings.get("EVENT_LANGUAGES") or {}
    if not languages:
        return None  # a one-language site: no path to take apart (pathlib is slow, and every news item and page asks)
    relpath = PurePosixPath(os.path.relpath(source_path, settings["PATH"]).replace(os.sep, "/"))
    for folder in (*settings.get("ARTICLE_PATHS", ()), *settings.get("PAGE_PATHS", ())):
        depth = len(PurePosixPath(folder).parts)
        if relpath.parts[:depth] != PurePosixPath(folder).parts:
            continue
        lang = translation_lang(str(relpath), folder, languages)
        if lang:
            return lang, str(PurePosixPath(*relpath.parts[:depth], *relpath.parts[depth + 1:]))
    return None


def mark_translation(source_path: str, settings: Mapping[str, Any], metadata: MutableMapping[str, Any]) -> None:
    """Reader step: give a translation file its language (unless its header says one) and its original."""
    found = translation_source(source_path, settings)
    if found is None:
        return
    lang, original = found
    metadata.setdefault("lang", lang)
    metadata[TRANSLATION_OF] = original


def translated_address(value: str, prefix: str, key: str) -> str:
    """The original's Save_as or Url in the edition under PREFIX (an Url « index.html » becomes « en/ »)."""
    moved = f"{prefix}{value.lstrip('/')}"
    if key == "url" and (moved == f"{prefix}index.html" or moved.endswith("/index.html")):
        moved = moved[: -len("index.html")]
    return moved


def inherited(original: Mapping[str, Any], given: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """The fields of ORIGINAL that the translation (GIVEN) does not set, addresses under PREFIX."""
    found = {}
    for key, value in original.items():
        if key in given or key in NOT_INHERITED:
            continue
        found[key] = translated_address(value, prefix, key) if key in ADDRESSES and isinstance(value, str) else value
    return found


def original_metadata(generator: Any, path: str) -> dict[str, Any]:
    """The metadata of the original at PATH: from the readers' cache when fresh, else read now."""
    cached = generator.readers.get_cached_data(path, None)
    if cached is not None:
        return dict(cached[1])
    reader = generator.readers.readers[os.path.splitext(path)[1][1:]]
    return dict(reader.read(path)[1])


def inherit_original(generator: Any, metadata: MutableMapping[str, Any]) -> None:
    """Handler of article/page_generator_context: complete a translation from its original."""
    original = metadata.get(TRANSLATION_OF)
    if not original:
        return
    path = os.path.join(generator.path, original)
    if not os.path.isfile(path):
        lang = metadata.get("lang", "")
        translation = str(PurePosixPath(original).parent / str(lang) / PurePosixPath(original).name)
        report(generator, generator.context, ContentProblem(
            translation, "", f"traduction sans original : aucun fichier « {original} »",
            "donnez à la traduction le même nom de fichier que l'original, dans le dossier parent, ou créez l'original",
            severity="warning",
        ))
        return
    prefix = edition_prefix(str(metadata.get("lang")), str(generator.settings["DEFAULT_LANG"]))
    metadata.update(inherited(original_metadata(generator, path), metadata, prefix))
