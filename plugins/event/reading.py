"""Turn one content file's header into an entity, collecting every problem."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventsite.safepaths import safe_slug

from . import schema
from .placeholders import is_placeholder, placeholder_problem
from .model import Entity, Partner, Proposal, Session, Speaker, Theme, Workshop
from .problems import ContentProblem
from .settings import EventSettings

HEADER_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:")


@dataclass(frozen=True)
class ContentType:
    """A kind of content file: its folder key, class, fields and French name."""

    key: str
    collection: str
    cls: type[Entity]
    fields: tuple[schema.Field, ...]
    label: str


def content_types(event: EventSettings) -> tuple[ContentType, ...]:
    """The event's content types, in the order they are read."""
    return (
        ContentType("speaker", "speakers", Speaker, schema.speaker_fields(), "intervenant"),
        ContentType("session", "sessions", Session, schema.session_fields(tuple(event.session_kinds)), "séquence du programme"),
        ContentType("partner", "partners", Partner, schema.partner_fields(tuple(event.partner_tiers)), "partenaire"),
        ContentType("theme", "themes", Theme, schema.theme_fields(), "thème"),
        ContentType("workshop", "workshops", Workshop, schema.workshop_fields(), "atelier"),
        ContentType("proposal", "proposals", Proposal, schema.proposal_fields(), "proposition"),
    )


def header_fields(path: str | Path) -> dict[str, tuple[str, int]]:
    """Map each header field of a Markdown file (lower-cased) to its spelling and line."""
    found: dict[str, tuple[str, int]] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                break
            match = HEADER_RE.match(line)
            if match:
                found.setdefault(match.group(1).lower(), (match.group(1), number))
    return found


def _as_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def parse_entity(
    ctype: ContentType, metadata: Mapping[str, Any], source_path: str, abs_path: str | Path, source: Any
) -> tuple[Entity, list[ContentProblem]]:
    """Build an entity from a file's metadata; return it and its problems."""
    headers = header_fields(abs_path)
    problems: list[ContentProblem] = []
    values: dict[str, Any] = {}
    known = {f.name.lower() for f in ctype.fields}
    for field in ctype.fields:
        key = field.name.lower()
        line = headers.get(key, (field.name, None))[1]
        if key not in headers or metadata.get(key) in (None, ""):
            if field.required:
                problems.append(
                    ContentProblem(
                        source_path,
                        field.name,
                        f"le champ obligatoire « {field.name} » manque ({ctype.label})",
                        f"ajoutez en tête du fichier une ligne « {field.name}: … »",
                        line,
                    )
                )
            continue
        if is_placeholder(_as_text(metadata[key])):
            problems.append(placeholder_problem(source_path, field.name, _as_text(metadata[key]), line))
            continue
        try:
            values[field.attribute] = field.parse(_as_text(metadata[key]))
        except schema.FieldError as error:
            problems.append(ContentProblem(source_path, field.name, error.message, error.fix, line))
    for key, (spelling, line) in headers.items():
        if key in known or key in schema.COMMON_FIELDS:
            continue
        close = difflib.get_close_matches(key, sorted(known), n=1)
        fix = (
            f"vouliez-vous écrire « {next(f.name for f in ctype.fields if f.name.lower() == close[0])} » ?"
            if close
            else "champs possibles : " + ", ".join(f.name for f in ctype.fields)
        )
        problems.append(ContentProblem(source_path, spelling, f"champ inconnu pour un·e {ctype.label}", fix, line))
    # The entity is built even with problems (defaults fill the gaps) so that
    # references to it do not add misleading "unknown" errors.
    # The identifier (and so the URL and image names) comes from the file name, made safe:
    # « Jeanne Dupont.md » is jeanne-dupont.
    slug = safe_slug(Path(source_path).stem)
    if not slug:
        slug = "sans-nom"
        problems.append(ContentProblem(source_path, "", "le nom du fichier ne contient ni lettre ni chiffre",
                                       "renommez le fichier avec le nom de l'élément, par ex. jeanne-dupont.md"))
    return ctype.cls(slug=slug, source_path=source_path, source=source, **values), problems
