"""Create a new content file with every field of the schema, in French, a placeholder in [brackets] and a note on each."""

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

    @classmethod
    def from_schema(cls, field: Any) -> FieldHelp:
        """The scaffold line of a field of the event plugin's schema (schema.Field), allowed values included."""
        allowed = f", l'une de : {', '.join(field.choices)}" if field.choices else ""
        return cls(field.label, field.help + allowed, field.required)

    @property
    def placeholder(self) -> str:
        """The « [what to write] » left in the file until someone fills it in."""
        return f"[{self.help}{'' if self.required else OPTIONAL}]"


@dataclass(frozen=True)
class Scaffold:
    """A kind of content: its folder, its French name and body; its fields come from the schema."""

    kind: str
    folder: str
    label: str
    body: str
    file_name: str = "{slug}.md"
    # Only for the gallery, whose header belongs to the gallery plugin: the event schema has the others.
    fields: tuple[FieldHelp, ...] = ()


SCAFFOLDS: dict[str, Scaffold] = {
    s.kind: s
    for s in (
        Scaffold("speaker", "speakers", "intervenant·e", "biographie courte : deux ou trois phrases sur la personne"),
        Scaffold("session", "sessions", "séquence du programme", "description de la séquence : ce qui s'y passe, en quelques phrases"),
        Scaffold("partner", "partners", "partenaire", "présentation du partenaire en une ou deux phrases"),
        Scaffold("proposal", "proposals", "proposition", "la proposition expliquée en quelques phrases"),
        Scaffold("article", "news", "actualité", "texte de l'actualité ; des intertitres commencent par « ## »"),
        Scaffold(
            "gallery", "galleries", "galerie de photos", "présentation de la galerie en une ou deux phrases",
            file_name="{slug}/gallery.md",
            fields=(
                FieldHelp("Titre", "titre de la galerie"),
                FieldHelp("Date", "date des photos AAAA-MM-JJ, ex. 2018-03-01", required=False),
                FieldHelp("Crédit", "photographe ou service, pour toute la galerie, ex. Service communication"),
                FieldHelp("Licence", "licence des photos, ex. CC BY 4.0 ou Tous droits réservés"),
                FieldHelp("Licence_url", "adresse du texte de la licence, commençant par https://", required=False),
                FieldHelp("Ordre", "noms des photos à montrer en premier, séparés par des virgules (sinon : ordre des noms de fichiers)", required=False),
            ),
        ),
    )
}

# One photo's block (format of docs/galeries.md on the gallery branch); copy it once per photo.
GALLERY_PHOTO = """
## [nom-du-fichier.jpg : une photo déposée dans ce dossier ; recopiez ce bloc pour chaque photo]
Alt : [ce que montre la photo, pour qui ne la voit pas]
Légende : [légende affichée sous la photo — ou supprimez la ligne]
Crédit : [photographe de cette photo, s'il diffère de celui de la galerie — ou supprimez la ligne]
"""


class ScaffoldError(Exception):
    """The file cannot be created (it exists already, or the kind is unknown)."""


def note(scaffold: Scaffold, fields: Sequence[FieldHelp]) -> str:
    """The HTML comment explaining each field, placed at the top of the body (never shown on the site)."""
    name_field, *others = fields
    lines = [
        "<!--",
        f"Mode d'emploi de ce fichier ({scaffold.label}). Ce commentaire n'est pas affiché sur le site.",
        "Remplacez chaque [texte entre crochets] ; pour un champ facultatif, vous pouvez supprimer toute la ligne.",
        "Gardez une ligne vide entre l'en-tête (les lignes « Champ : valeur ») et le texte.",
        "Les noms anglais des champs (Title, Day, Start…) sont acceptés aussi ; majuscules et accents sont libres.",
        f"- {name_field.name} : déjà rempli, corrigez-le si besoin.",
    ]
    lines += [f"- {f.name} : {f.help}{' (obligatoire)' if f.required else ' (facultatif)'}." for f in others]
    lines += ["Vérifiez ensuite avec « invoke check » : chaque crochet oublié y est signalé.", "-->"]
    return "\n".join(lines)


def scaffold_fields(scaffold: Scaffold, schema_fields: Mapping[str, Sequence[Any]]) -> tuple[FieldHelp, ...]:
    """The fields of SCAFFOLD: from the event plugin's schema (kind → schema.Field list), or its own (gallery)."""
    if scaffold.fields:
        return scaffold.fields
    if scaffold.kind not in schema_fields:
        raise ScaffoldError(f"le schéma du greffon « event » ne décrit pas le type « {scaffold.kind} »")
    return tuple(FieldHelp.from_schema(f) for f in schema_fields[scaffold.kind])


def render(scaffold: Scaffold, name: str, fields: Sequence[FieldHelp]) -> str:
    """The text of a new file of this kind for NAME; FIELDS: its header fields, the first one holding NAME."""
    name_field, *others = fields
    header = [f"{name_field.name} : {name}"] + [f"{f.name} : {f.placeholder}" for f in others]
    body = f"{note(scaffold, fields)}\n\n[{scaffold.body}]\n"
    if scaffold.kind == "gallery":
        body += GALLERY_PHOTO
    return "\n".join(header) + "\n\n" + body


def create(kind: str, name: str, content: Path, schema_fields: Mapping[str, Sequence[Any]]) -> Path:
    """Write a new KIND file for NAME under CONTENT and return its path; never overwrite a file.

    SCHEMA_FIELDS: kind → the schema.Field list of that kind, as the event plugin declares it.
    """
    scaffold = SCAFFOLDS.get(kind)
    if scaffold is None:
        raise ScaffoldError(f"type inconnu « {kind} » : {', '.join(SCAFFOLDS)}")
    fields = scaffold_fields(scaffold, schema_fields)
    slug = slugify(re.sub(r"['’]", " ", name), regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")])
    if not slug:
        raise ScaffoldError(f"« {name} » ne donne pas de nom de fichier : écrivez des lettres ou des chiffres")
    path = content / scaffold.folder / scaffold.file_name.format(slug=slug)
    if path.exists():
        raise ScaffoldError(f"{path} existe déjà : ouvrez-le pour le modifier, ou choisissez un autre nom")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(scaffold, name, fields), encoding="utf-8")
    return path
