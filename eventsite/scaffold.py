"""Create a new content file with every field, a placeholder in [brackets] and a French note on each."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pelican.utils import slugify

OPTIONAL = " — ou supprimez la ligne"


@dataclass(frozen=True)
class FieldHelp:
    """One header field of a scaffold: its name, what to write, and whether it may be removed."""

    name: str
    help: str
    required: bool = True

    def with_choices(self, choices: Mapping[str, Sequence[str]]) -> FieldHelp:
        """This field, its help listing the allowed values when CHOICES names it."""
        allowed = choices.get(self.name)
        return replace(self, help=f"{self.help}, l'une de : {', '.join(allowed)}") if allowed else self

    @property
    def placeholder(self) -> str:
        """The « [what to write] » left in the file until someone fills it in."""
        return f"[{self.help}{'' if self.required else OPTIONAL}]"


@dataclass(frozen=True)
class Scaffold:
    """A kind of content: its folder, the field holding the name given on the command line, its fields and body."""

    kind: str
    folder: str
    label: str
    name_field: str
    fields: tuple[FieldHelp, ...]
    body: str
    file_name: str = "{slug}.md"


SCAFFOLDS: dict[str, Scaffold] = {
    s.kind: s
    for s in (
        Scaffold(
            "speaker", "speakers", "intervenant·e", "Name",
            (
                FieldHelp("Role", "fonction, en une ligne, ex. Directrice de l'innovation"),
                FieldHelp("Organisation", "organisme, ex. Ville de Lyon", required=False),
                FieldHelp("Photo", "chemin de la photo sous content/, ex. images/intervenants/jeanne-dupont.jpg", required=False),
                FieldHelp("Photo_alt", "ce que montre la photo, pour qui ne la voit pas, ex. Jeanne Dupont souriante, en extérieur", required=False),
                FieldHelp("Links", "adresses web complètes (https://…) séparées par des virgules", required=False),
                FieldHelp("Order", "nombre entier pour l'ordre d'affichage, ex. 1", required=False),
            ),
            "biographie courte : deux ou trois phrases sur la personne",
        ),
        Scaffold(
            "session", "sessions", "séquence du programme", "Title",
            (
                FieldHelp("Day", "date AAAA-MM-JJ, ex. 2018-03-01"),
                FieldHelp("Start", "heure de début HH:MM, ex. 09:30"),
                FieldHelp("End", "heure de fin HH:MM, après le début, ex. 10:30"),
                FieldHelp("Room", "salle, ex. Amphithéâtre"),
                FieldHelp("Kind", "type de séquence"),
                FieldHelp("Speakers", "identifiants des intervenants (noms des fichiers de content/speakers/ sans .md) séparés par des virgules", required=False),
                FieldHelp("Moderators", "identifiants des personnes qui animent, séparés par des virgules", required=False),
            ),
            "description de la séquence : ce qui s'y passe, en quelques phrases",
        ),
        Scaffold(
            "partner", "partners", "partenaire", "Name",
            (
                FieldHelp("Tier", "niveau de partenariat"),
                FieldHelp("Website", "adresse du site, commençant par https://", required=False),
                FieldHelp("Logo", "chemin du logo sous content/, ex. images/partenaires/ville.png", required=False),
                FieldHelp("Order", "nombre entier pour l'ordre d'affichage, ex. 1", required=False),
            ),
            "présentation du partenaire en une ou deux phrases",
        ),
        Scaffold(
            "proposal", "proposals", "proposition", "Title",
            (
                FieldHelp("Workshop", "identifiant de l'atelier (nom du fichier de content/workshops/ sans .md)"),
                FieldHelp("Theme", "identifiant du thème, s'il diffère de celui de l'atelier", required=False),
                FieldHelp("Example", "yes tant que c'est un exemple à remplacer, sinon no", required=False),
                FieldHelp("Order", "nombre entier pour l'ordre d'affichage, ex. 1", required=False),
            ),
            "la proposition expliquée en quelques phrases",
        ),
        Scaffold(
            "article", "news", "actualité", "Title",
            (
                FieldHelp("Date", "date et heure de publication AAAA-MM-JJ HH:MM, ex. 2018-03-05 10:00"),
                FieldHelp("Summary", "résumé en une phrase, affiché dans les listes", required=False),
            ),
            "texte de l'actualité ; des intertitres commencent par « ## »",
        ),
        Scaffold(
            "gallery", "galleries", "galerie de photos", "Title",
            (
                FieldHelp("Date", "date des photos AAAA-MM-JJ, ex. 2018-03-01", required=False),
                FieldHelp("Credit", "photographe ou service, pour toute la galerie, ex. Service communication"),
                FieldHelp("License", "licence des photos, ex. CC BY 4.0 ou Tous droits réservés"),
                FieldHelp("License_url", "adresse du texte de la licence, commençant par https://", required=False),
                FieldHelp("Order", "noms des photos à montrer en premier, séparés par des virgules (sinon : ordre des noms de fichiers)", required=False),
            ),
            "présentation de la galerie en une ou deux phrases",
            file_name="{slug}/gallery.md",
        ),
    )
}

# One photo's block (format of docs/galeries.md on the gallery branch); copy it once per photo.
GALLERY_PHOTO = """
## [nom-du-fichier.jpg : une photo déposée dans ce dossier ; recopiez ce bloc pour chaque photo]
Alt: [ce que montre la photo, pour qui ne la voit pas]
Légende: [légende affichée sous la photo — ou supprimez la ligne]
Crédit: [photographe de cette photo, s'il diffère de celui de la galerie — ou supprimez la ligne]
"""


class ScaffoldError(Exception):
    """The file cannot be created (it exists already, or the kind is unknown)."""


def note(scaffold: Scaffold) -> str:
    """The HTML comment explaining each field, placed at the top of the body (never shown on the site)."""
    lines = [
        "<!--",
        f"Mode d'emploi de ce fichier ({scaffold.label}). Ce commentaire n'est pas affiché sur le site.",
        "Remplacez chaque [texte entre crochets] ; pour un champ facultatif, vous pouvez supprimer toute la ligne.",
        "Gardez une ligne vide entre l'en-tête (les lignes « Champ: valeur ») et le texte.",
        f"- {scaffold.name_field} : déjà rempli, corrigez-le si besoin.",
    ]
    lines += [f"- {f.name} : {f.help}{' (obligatoire)' if f.required else ' (facultatif)'}." for f in scaffold.fields]
    lines += ["Vérifiez ensuite avec « invoke check » : chaque crochet oublié y est signalé.", "-->"]
    return "\n".join(lines)


def render(scaffold: Scaffold, name: str, choices: Mapping[str, Sequence[str]] | None = None) -> str:
    """The text of a new file of this kind for NAME; CHOICES: field → allowed values (Kind, Tier)."""
    scaffold = replace(scaffold, fields=tuple(f.with_choices(choices or {}) for f in scaffold.fields))
    header = [f"{scaffold.name_field}: {name}"] + [f"{f.name}: {f.placeholder}" for f in scaffold.fields]
    body = f"{note(scaffold)}\n\n[{scaffold.body}]\n"
    if scaffold.kind == "gallery":
        body += GALLERY_PHOTO
    return "\n".join(header) + "\n\n" + body


def create(kind: str, name: str, content: Path, choices: Mapping[str, Sequence[str]] | None = None) -> Path:
    """Write a new KIND file for NAME under CONTENT and return its path; never overwrite a file."""
    scaffold = SCAFFOLDS.get(kind)
    if scaffold is None:
        raise ScaffoldError(f"type inconnu « {kind} » : {', '.join(SCAFFOLDS)}")
    slug = slugify(re.sub(r"['’]", " ", name), regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")])
    if not slug:
        raise ScaffoldError(f"« {name} » ne donne pas de nom de fichier : écrivez des lettres ou des chiffres")
    path = content / scaffold.folder / scaffold.file_name.format(slug=slug)
    if path.exists():
        raise ScaffoldError(f"{path} existe déjà : ouvrez-le pour le modifier, ou choisissez un autre nom")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(scaffold, name, choices), encoding="utf-8")
    return path
