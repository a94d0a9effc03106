"""Turn one content file's header into an entity, collecting every problem."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventsite.safepaths import safe_slug

from . import schema
from .header import Header, NotUtf8Error, duplicate_problems, read_header
from .placeholders import is_placeholder, placeholder_problem
from .model import Entity, Partner, Proposal, Room, Session, Speaker, Theme, Track, Workshop
from .problems import ContentProblem
from .schema import unknown_field_fix
from .settings import EventSettings


@dataclass(frozen=True)
class ContentType:
    """A kind of event file as the reader sees it: its schema's key, collection, fields and label, and its class."""

    key: str
    collection: str
    cls: type[Entity]
    fields: tuple[schema.Field, ...]
    label: str


# The model class of each kind of event file.
ENTITY_CLASSES: dict[str, type[Entity]] = {
    "speaker": Speaker, "session": Session, "partner": Partner, "theme": Theme, "workshop": Workshop, "proposal": Proposal,
    "room": Room, "track": Track,
}


def event_schemas(event: EventSettings) -> dict[str, schema.ContentSchema]:
    """Every ContentSchema with EVENT's session kinds, partner tiers and folders (EVENT_PATHS) filled in, by key."""
    schemas = schema.content_schemas(event.session_kinds, event.partner_tiers)
    return {c.key: dataclasses.replace(c, folder=event.paths.get(c.key, c.folder)) for c in schemas}


def content_types(event: EventSettings) -> tuple[ContentType, ...]:
    """The event's content types, in the order they are read."""
    schemas = event_schemas(event)
    return tuple(
        ContentType(key, schemas[key].collection, ENTITY_CLASSES[key], schemas[key].fields, schemas[key].label)
        for key in schema.EVENT_KINDS
    )


def scaffold_fields(event: EventSettings) -> dict[str, tuple[schema.Field, ...]]:
    """The header fields `invoke new-…` writes in each kind of file, from the schema (its first field holds the name)."""
    return {key: c.scaffold_fields for key, c in event_schemas(event).items()}


def one_line(value: str) -> str:
    """A header value continued over several lines, as one line."""
    return " ".join(value.split("\n"))


def quoted(field: schema.Field) -> str:
    """« Jour » (Day): the French name authors write, with the English one it stands for."""
    return f"« {field.label} »" + (f" ({field.name})" if field.label != field.name else "")


LEFT_OUT = " ; en attendant, ce fichier n'apparaît pas sur le site"


def missing_problem(ctype: ContentType, field: schema.Field, source_path: str) -> ContentProblem:
    """A required field that is not in the header."""
    left_out = LEFT_OUT if field.essential else ""
    example = f" ({field.help})" if field.help else ""
    return ContentProblem(
        source_path,
        field.label,
        f"le champ obligatoire {quoted(field)} manque ({ctype.label}){left_out}",
        f"ajoutez en tête du fichier une ligne « {field.label} : … »{example}",
    )


def parse_entity(
    ctype: ContentType, source_path: str, head: Header, source: Any
) -> tuple[Entity, list[ContentProblem], bool]:
    """Build an entity from a file's header; return it, its problems, and whether it can be placed on the site."""
    problems = duplicate_problems(head, source_path)
    values: dict[str, Any] = {}
    known = {f.key for f in ctype.fields}
    for field in ctype.fields:
        found = head.get(field.key)
        raw = one_line(found.value) if found else ""
        if not raw:
            if field.required:
                problems.append(missing_problem(ctype, field, source_path))
            continue
        if is_placeholder(raw):
            problems.append(placeholder_problem(source_path, found.spelling, raw, found.line))
            continue
        try:
            values[field.attribute] = field.parse(raw)
        except schema.FieldError as error:
            left_out = LEFT_OUT if field.essential else ""
            problems.append(ContentProblem(source_path, found.spelling, error.message + left_out, error.fix, found.line))
    for found in head.firsts():
        if found.key in known or found.key in schema.COMMON_FIELDS:
            continue
        fix = unknown_field_fix(found.spelling, ctype.fields, "champs possibles : ")
        problems.append(ContentProblem(source_path, found.spelling, f"champ inconnu ({ctype.label})", fix, found.line))
    # The entity is built even with problems (defaults fill the gaps) so that
    # references to it do not add misleading "unknown" errors.
    # The identifier (and so the URL and image names) comes from the file name, made safe:
    # « Jeanne Dupont.md » is jeanne-dupont.
    slug = safe_slug(Path(source_path).stem)
    if not slug:
        slug = "sans-nom"
        problems.append(ContentProblem(source_path, "", "le nom du fichier ne contient ni lettre ni chiffre",
                                       "renommez le fichier avec le nom de l'élément, par ex. jeanne-dupont.md"))
    complete = all(field.attribute in values for field in ctype.fields if field.essential)
    return ctype.cls(slug=slug, source_path=source_path, source=source, **values), problems, complete


# Header fields Pelican parses itself before the event plugin sees them: a value it cannot read
# stops it, so the problem is found here, with its line, instead of « le fichier ne peut pas être lu ».
PELICAN_DATES = ("date", "modified")


def unreadable_problem(path: str, source_path: str, error: Exception) -> ContentProblem:
    """Why Pelican could not read a file: a date it parses itself (Date, Modified), named with its line; else ERROR."""
    try:
        head = read_header(path)
    except (OSError, NotUtf8Error):
        head = None
    for key in PELICAN_DATES if head else ():
        found = head.get(key)
        try:
            if found:
                schema.moment(one_line(found.value))
        except schema.FieldError as wrong:
            return ContentProblem(source_path, found.spelling, wrong.message, wrong.fix, found.line)
    return ContentProblem(source_path, "", f"le fichier ne peut pas être lu ({error})", "vérifiez l'en-tête et l'encodage UTF-8")
