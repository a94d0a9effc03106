"""Create a new content file from the event plugin's schema: every field in French, a placeholder in [brackets] and a note on each.

Nothing here names a field: the fields, their French names, required flags and help, the folder,
the file name and the body's placeholder all come from the kind's ContentSchema
(plugins/event/schema.py), as ``check.scaffold_schema`` loads it with this event's settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.utils import slugify

OPTIONAL = " — ou supprimez la ligne"


@dataclass(frozen=True)
class FieldHelp:
    """One header field of a scaffold: its French name, what to write, and whether it may be removed."""

    name: str
    help: str
    required: bool = True
    # Not checked, but better kept (a gallery's credit): the placeholder does not offer to remove it.
    advised: bool = False

    @classmethod
    def from_schema(cls, field: Any) -> FieldHelp:
        """The scaffold line of a field of the event plugin's schema (schema.Field), allowed values included."""
        allowed = f", l'une de : {', '.join(field.choices)}" if field.choices else ""
        return cls(field.label, field.help + allowed, field.required, field.advised)

    @property
    def placeholder(self) -> str:
        """The « [what to write] » left in the file until someone fills it in."""
        return f"[{self.help}{'' if self.required or self.advised else OPTIONAL}]"

    @property
    def requirement(self) -> str:
        """« obligatoire », « conseillé » or « facultatif », as the note says it."""
        return "obligatoire" if self.required else "conseillé" if self.advised else "facultatif"


@dataclass(frozen=True)
class Scaffold:
    """A kind of content that `invoke new` creates; everything else about it comes from its schema."""

    kind: str


# The kinds `invoke new KIND NAME` offers (the other kinds are fewer and made by hand).
SCAFFOLDS: dict[str, Scaffold] = {kind: Scaffold(kind) for kind in ("speaker", "session", "partner", "proposal", "room", "track", "article", "gallery")}


class ScaffoldError(Exception):
    """The file cannot be created (it exists already, or the kind is unknown)."""


def content_label(content: Any) -> str:
    """The French name of a kind of content inside a sentence: « intervenant·e », « galerie de photos »."""
    return content.title[:1].lower() + content.title[1:]


def note(content: Any, fields: Sequence[FieldHelp]) -> str:
    """The HTML comment explaining each field, placed at the top of the body (never shown on the site)."""
    name_field, *others = fields
    lines = [
        "<!--",
        f"Mode d'emploi de ce fichier ({content_label(content)}). Ce commentaire n'est pas affiché sur le site.",
        "Remplacez chaque [texte entre crochets] ; pour un champ facultatif, vous pouvez supprimer toute la ligne.",
        "Gardez une ligne vide entre l'en-tête (les lignes « Champ : valeur ») et le texte.",
        "Les noms anglais des champs (Title, Day, Start…) sont acceptés aussi ; majuscules et accents sont libres.",
        f"- {name_field.name} : déjà rempli, corrigez-le si besoin.",
    ]
    lines += [f"- {f.name} : {f.help} ({f.requirement})." for f in others]
    lines += ["Vérifiez ensuite avec « invoke check » : chaque crochet oublié y est signalé.", "-->"]
    return "\n".join(lines)


def scaffold_fields(scaffold: Scaffold, schemas: Mapping[str, Any]) -> tuple[FieldHelp, ...]:
    """The header fields a new file of SCAFFOLD gets, from its ContentSchema in SCHEMAS (kind → schema.ContentSchema)."""
    if scaffold.kind not in schemas:
        raise ScaffoldError(f"le schéma du greffon « event » ne décrit pas le type « {scaffold.kind} »")
    return tuple(FieldHelp.from_schema(f) for f in schemas[scaffold.kind].scaffold_fields)


def section_block(content: Any) -> str:
    """One « ## [element] » block of the body with its own fields (a gallery's photo), or ""."""
    if not content.sections:
        return ""
    lines = [f"## [{content.section_help}]"] + [f"{f.name} : {f.placeholder}" for f in map(FieldHelp.from_schema, content.sections)]
    return "\n" + "\n".join(lines) + "\n"


def render(content: Any, name: str, fields: Sequence[FieldHelp]) -> str:
    """The text of a new file of kind CONTENT (a schema.ContentSchema) for NAME; FIELDS: its header, the first one holding NAME."""
    name_field, *others = fields
    header = [f"{name_field.name} : {name}"] + [f"{f.name} : {f.placeholder}" for f in others]
    body = f"{note(content, fields)}\n\n[{content.body}]\n" + section_block(content)
    return "\n".join(header) + "\n\n" + body


def create(kind: str, name: str, content: Path, schemas: Mapping[str, Any]) -> Path:
    """Write a new KIND file for NAME under CONTENT and return its path; never overwrite a file.

    SCHEMAS: kind → its schema.ContentSchema, as the event plugin declares it for this event.
    """
    scaffold = SCAFFOLDS.get(kind)
    if scaffold is None:
        raise ScaffoldError(f"type inconnu « {kind} » : {', '.join(SCAFFOLDS)}")
    fields = scaffold_fields(scaffold, schemas)
    kind_schema = schemas[kind]
    slug = slugify(re.sub(r"['’]", " ", name), regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")])
    if not slug:
        raise ScaffoldError(f"« {name} » ne donne pas de nom de fichier : écrivez des lettres ou des chiffres")
    path = content / kind_schema.folder / kind_schema.file_name.format(slug=slug)
    if path.exists():
        raise ScaffoldError(f"{path} existe déjà : ouvrez-le pour le modifier, ou choisissez un autre nom")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(kind_schema, name, fields), encoding="utf-8")
    return path
