"""Translations of the event's files: content/<type>/<lang>/<slug>.md holds only the translated texts."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from eventsite.safepaths import safe_slug

from . import schema
from .model import LINK, Entity, Event, attributes_of
from .placeholders import is_placeholder, placeholder_problem
from .problems import ContentProblem
from .header import Header, duplicate_problems
from .reading import ContentType, one_line, unknown_field_fix

@dataclass(frozen=True)
class Translation:
    """The translated texts of one file: header values by attribute, and the page holding the body."""

    slug: str
    lang: str
    source_path: str
    values: Mapping[str, Any]
    source: Any


def translatable_fields(ctype: ContentType) -> tuple[schema.Field, ...]:
    """The fields of a type that a translation may hold: the schema's translatable ones (free texts)."""
    return tuple(f for f in ctype.fields if f.translatable)


def translation_lang(relpath: str, folder: str, languages: Mapping[str, Any]) -> str | None:
    """The language of a file under FOLDER/<lang>/, or None for an original."""
    if not languages:
        return None  # a one-language site: no path to take apart (pathlib is slow, and every file asks)
    parts = PurePosixPath(relpath.replace("\\", "/")).parts
    depth = len(PurePosixPath(folder).parts)
    if len(parts) > depth + 1 and parts[depth] in languages:
        return parts[depth]
    return None


def parse_translation(
    ctype: ContentType, lang: str, source_path: str, head: Header, source: Any
) -> tuple[Translation, list[ContentProblem]]:
    """Read one translation file's header; report fields that cannot be translated."""
    fields = translatable_fields(ctype)
    known = {f.key: f for f in fields}
    problems = duplicate_problems(head, source_path)
    values: dict[str, Any] = {}
    for found in head.firsts():
        if found.key in schema.COMMON_FIELDS:
            continue
        field = known.get(found.key)
        if field is None:
            fix = unknown_field_fix(found.spelling, fields, "une traduction ne contient que le texte et ces champs : ")
            problems.append(ContentProblem(source_path, found.spelling, f"ce champ ne se traduit pas ({ctype.label}, {lang})", fix, found.line))
            continue
        raw = one_line(found.value)
        if is_placeholder(raw):
            problems.append(placeholder_problem(source_path, found.spelling, raw, found.line))
            continue
        try:
            values[field.attribute] = field.parse(raw)
        except schema.FieldError as error:
            problems.append(ContentProblem(source_path, found.spelling, error.message, error.fix, found.line))
    has_body = bool(getattr(source, "content", "").strip())
    slug = safe_slug(Path(source_path).stem)  # the same identifier as the original's file
    return Translation(slug, lang, source_path, values, source if has_body else None), problems


def orphan_translations(translations: list[Translation], originals: list[Entity], label: str) -> list[ContentProblem]:
    """Report translations whose original file does not exist."""
    slugs = {e.slug for e in originals}
    return [
        ContentProblem(
            t.source_path,
            "",
            f"traduction sans original : aucun fichier {label} « {t.slug}.md » en français",
            "donnez à la traduction le même nom de fichier que l'original, ou créez l'original",
        )
        for t in translations
        if t.slug not in slugs
    ]


def translated_copy(entity: Entity, translation: Translation | None, lang: str, default_lang: str) -> Entity:
    """A copy of ENTITY in LANG: translated texts where given, links reset for linking again."""
    changes: dict[str, Any] = {}
    links = attributes_of(type(entity), LINK)  # what linking.py fills in: reset, so the copy links to copies
    for f in dataclasses.fields(entity):
        if f.name in links:
            changes[f.name] = [] if f.default_factory is list else None  # type: ignore[comparison-overlap]
    # An untranslated text keeps the language it is written in: its own, else the originals' language.
    changes["lang"] = lang if translation and translation.values else (entity.lang or default_lang)
    changes["body_lang"] = lang if translation and translation.source is not None else (entity.body_lang or default_lang)
    if translation:
        changes.update(translation.values)
        if translation.source is not None:
            changes["source"] = translation.source
    return dataclasses.replace(entity, **changes)


def translated_event(event: Event, translations: Mapping[str, Mapping[str, Translation]], lang: str, default_lang: str) -> Event:
    """A copy of EVENT in LANG, not yet linked: each collection's entities with their translation."""
    copies: dict[str, list[Entity]] = {}
    for collection, entities in (
        ("speakers", event.speakers),
        ("sessions", event.sessions),
        ("partners", event.partners),
        ("themes", event.themes),
        ("workshops", event.workshops),
        ("proposals", event.proposals),
        ("rooms", event.rooms),
        ("tracks", event.tracks),
    ):
        found = translations.get(collection, {})
        copies[collection] = [translated_copy(e, found.get(e.slug), lang, default_lang) for e in entities]
    return Event(**copies)
