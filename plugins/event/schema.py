"""What each content type's header must hold: fields, parsers and allowed values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .weburl import WEB_URL_FIX, web_url_error

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# 9h30, 9 h 30, 15h, 15 h, 15h00, 15:00, 15.00, 09:30
TIME_RE = re.compile(r"^(?P<hour>\d{1,2})\s*(?:[hH]\s*(?P<after_h>\d{2})?|[:.]\s*(?P<minute>\d{2}))$")
TIME_FORMS = "9h30, 15h, 15 h, 15h00, 15:00 ou 15.00"


class FieldError(ValueError):
    """A field's value cannot be used: what is wrong and what to write instead."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Field:
    """One header field of a content type: its names, its parser and what to write in it."""

    name: str
    attribute: str
    parse: Parser
    required: bool = False
    # The French name the scaffolds and the guide write (accepted as well as NAME).
    french: str = ""
    # What to write, in French: the scaffolds' notes and the messages about a missing field.
    help: str = ""
    # Other accepted spellings (accents and case never matter).
    aliases: tuple[str, ...] = ()
    # Without it the entity cannot be placed (a session without its day): it is left out of the site.
    essential: bool = False
    # The allowed values, for a field that takes one of a list (Kind, Tier).
    choices: tuple[str, ...] = ()
    # Written by `invoke new-…` in every new file; the conference fields are documented instead (format-contenu.md).
    scaffold: bool = True

    @property
    def key(self) -> str:
        """The canonical key, as Pelican's metadata spells it (lower case)."""
        return self.name.lower()

    @property
    def label(self) -> str:
        """The name shown to authors: the French one."""
        return self.french or self.name

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every accepted spelling: English, French and the other aliases."""
        return tuple(dict.fromkeys((self.name, self.label, *self.aliases)))


def text(value: str) -> str:
    """A non-empty line of text."""
    value = value.strip()
    if not value:
        raise FieldError("le champ est vide", "écrivez une valeur, ou retirez la ligne si le champ est facultatif")
    return value


def day(value: str) -> dt.date:
    """A date written AAAA-MM-JJ."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FieldError(f"« {value} » n'est pas une date", "écrivez la date sous la forme AAAA-MM-JJ, par ex. 2018-03-01") from None


def clock(value: str) -> dt.time:
    """A time of day: 9h30, 15h, 15 h, 15h00, 15:00, 15.00 or 09:30."""
    match = TIME_RE.match(unicodedata.normalize("NFKC", value).strip())
    hour = int(match["hour"]) if match else 99
    minute = int(match["after_h"] or match["minute"] or 0) if match else 99
    if hour > 23 or minute > 59:
        raise FieldError(f"« {value} » n'est pas une heure", f"écrivez l'heure sous l'une de ces formes : {TIME_FORMS}")
    return dt.time(hour, minute)


def integer(value: str) -> int:
    """A whole number."""
    try:
        return int(value.strip())
    except ValueError:
        raise FieldError(f"« {value} » n'est pas un nombre entier", "écrivez un nombre entier, par ex. 1") from None


def yes_no(value: str) -> bool:
    """yes/oui/true/1 or no/non/false/0."""
    word = value.strip().lower()
    if word in {"yes", "oui", "true", "1"}:
        return True
    if word in {"no", "non", "false", "0", ""}:
        return False
    raise FieldError(f"« {value} » n'est ni oui ni non", "écrivez oui ou non (yes ou no)")


def slug(value: str) -> str:
    """The identifier of another content file (its name without .md)."""
    value = value.strip()
    if not SLUG_RE.match(value):
        raise FieldError(
            f"« {value} » n'est pas un identifiant",
            "écrivez le nom du fichier visé sans « .md », en minuscules avec des tirets, par ex. clement-bertholet",
        )
    return value


def split_list(value: str) -> list[str]:
    """Split a comma-separated field into its non-empty items."""
    return [item.strip() for item in value.split(",") if item.strip()]


def slugs(value: str) -> tuple[str, ...]:
    """A comma-separated list of identifiers."""
    return tuple(slug(item) for item in split_list(value))


def names(value: str) -> tuple[str, ...]:
    """A comma-separated list of names."""
    return tuple(split_list(value))


def url(value: str) -> str:
    """A web address: http, https or mailto only (weburl.web_url_error)."""
    value = value.strip()
    error = web_url_error(value)
    if error:
        raise FieldError(error, WEB_URL_FIX)
    return value


def urls(value: str) -> tuple[str, ...]:
    """A comma-separated list of web addresses."""
    return tuple(url(item) for item in split_list(value))


def positive(value: str) -> int:
    """A whole number above zero (a capacity)."""
    number = integer(value)
    if number < 1:
        raise FieldError(f"« {value.strip()} » n'est pas un nombre de places", "écrivez un nombre entier supérieur à zéro, par ex. 120")
    return number


def moment(value: str) -> dt.datetime:
    """A date, with an optional time: « 2027-06-01 » or « 2027-06-01 14:30 » (local time of the event)."""
    text = unicodedata.normalize("NFKC", value).strip()
    day_part, _, time_part = text.partition(" ")
    try:
        when = dt.date.fromisoformat(day_part)
    except ValueError:
        raise FieldError(
            f"« {value.strip()} » n'est pas une date", "écrivez la date sous la forme AAAA-MM-JJ, avec l'heure si besoin : 2027-06-01 14:30"
        ) from None
    return dt.datetime.combine(when, clock(time_part) if time_part.strip() else dt.time(0, 0))


def image_path(value: str) -> str:
    """A path to an image under content/, checked for existence later.

    Written as Windows' Explorer copies it (« images\\x.jpg ») or from the project folder
    (« content/images/x.jpg »), it is read as meant: « images/x.jpg ».
    """
    value = text(value).replace("\\", "/").lstrip("/").removeprefix("content/")
    if not re.search(r"\.(jpe?g|png|webp|gif|tiff?)$", value, re.IGNORECASE):
        raise FieldError(
            f"« {value} » n'est pas un fichier image",
            "donnez le chemin d'une image .jpg, .png ou .webp sous content/ "
            "(une photo de téléphone en .heic : exportez-la d'abord en JPEG)",
        )
    return value


def choice(allowed: Mapping[str, str] | Collection[str]) -> Parser:
    """A parser that accepts one of ALLOWED values in any case, or its label when ALLOWED maps values to labels."""
    labels = dict(allowed) if isinstance(allowed, Mapping) else {}
    # « Partenaire » or « Atelier » as well as the plural labels « Partenaires », « Ateliers ».
    singulars = {fold(label).removesuffix("s"): value for value, label in labels.items()}
    accepted = singulars | {fold(label): value for value, label in labels.items()} | {fold(value): value for value in allowed}
    also = f" (ou leur nom affiché : {', '.join(labels.values())})" if labels else ""

    def parse(value: str) -> str:
        found = accepted.get(fold(value.strip()))
        if found is None:
            raise FieldError(f"« {value.strip()} » n'est pas une valeur connue", "écrivez l'une de ces valeurs : " + ", ".join(allowed) + also)
        return found

    return parse


def choice_names(allowed: Mapping[str, str] | Collection[str]) -> tuple[str, ...]:
    """The values authors are shown for a choice: the displayed labels when ALLOWED has them."""
    return tuple(allowed.values()) if isinstance(allowed, Mapping) else tuple(allowed)


ORDER_HELP = "nombre entier pour l'ordre d'affichage, ex. 1"


def order() -> Field:
    """The Order field every content type has."""
    return Field("Order", "order", integer, french="Ordre", help=ORDER_HELP)


def title(help: str) -> Field:
    """A required Title (« Titre »)."""
    return Field("Title", "title", text, required=True, french="Titre", help=help)


def speaker_fields() -> tuple[Field, ...]:
    """Fields of a speaker file."""
    return (
        Field("Name", "name", text, required=True, french="Nom", help="prénom et nom, ex. Jeanne Dupont"),
        Field("Role", "role", text, required=True, french="Fonction", help="fonction, en une ligne, ex. Directrice de l'innovation"),
        Field("Organisation", "organisation", text, french="Organisation", help="organisme, ex. Ville de Lyon", aliases=("Organisme",)),
        Field("Photo", "photo", image_path, french="Photo", help="chemin de la photo sous content/, ex. images/intervenants/jeanne-dupont.jpg"),
        Field(
            "Photo_alt", "photo_alt", text, french="Description_photo",
            help="ce que montre la photo, pour qui ne la voit pas, ex. Jeanne Dupont souriante, en extérieur",
            aliases=("Texte_alternatif", "Alt_photo"),
        ),
        Field("Links", "links", urls, french="Liens", help="adresses web complètes (https://…) séparées par des virgules"),
        order(),
    )


def session_fields(kinds: Mapping[str, str] | Collection[str]) -> tuple[Field, ...]:
    """Fields of a session file."""
    return (
        title("titre de la séquence, ex. Table ronde : le numérique au travail"),
        Field("Day", "day", day, required=True, french="Jour", help="date AAAA-MM-JJ, ex. 2018-03-01", essential=True),
        Field("Start", "start", clock, required=True, french="Début", help="heure de début, ex. 9h30 ou 15h", essential=True),
        Field("End", "end", clock, required=True, french="Fin", help="heure de fin, après le début, ex. 10h30", essential=True),
        Field("Room", "room", text, required=True, french="Salle", help="salle, ex. Amphithéâtre", aliases=("Lieu",)),
        Field("Kind", "kind", choice(kinds), required=True, french="Type", help="type de séquence", choices=choice_names(kinds)),
        Field(
            "Speakers", "speaker_slugs", slugs, french="Intervenants",
            help="identifiants des intervenants (noms des fichiers de content/speakers/ sans .md) séparés par des virgules",
            aliases=("Intervenantes", "Intervenant·es"),
        ),
        Field(
            "Moderators", "moderator_slugs", slugs, french="Animation",
            help="identifiants des personnes qui animent, séparés par des virgules", aliases=("Modération",),
        ),
        *session_change_fields(),
    )


# A session's state (Status) and how to attend it (Attendance): value → the French name authors may write.
SESSION_STATUSES: Mapping[str, str] = MappingProxyType(
    {"scheduled": "prévue", "cancelled": "annulée", "moved": "déplacée", "postponed": "reportée", "full": "complète"}
)
ATTENDANCE_MODES: Mapping[str, str] = MappingProxyType({"in-person": "sur place", "online": "en ligne", "hybrid": "hybride"})
SESSION_LEVELS: Mapping[str, str] = MappingProxyType({"beginner": "débutant", "intermediate": "intermédiaire", "advanced": "avancé"})


def session_change_fields() -> tuple[Field, ...]:
    """The conference fields of a session: state, attendance, place, audience, links, capacity and track (never scaffolded)."""
    return tuple(dataclasses.replace(f, scaffold=False) for f in _session_change_fields())


def _session_change_fields() -> tuple[Field, ...]:
    return (
        Field(
            "Status", "status", choice(SESSION_STATUSES), french="Statut", choices=choice_names(SESSION_STATUSES),
            help="état de la séquence : prévue (par défaut), annulée, déplacée, reportée ou complète",
        ),
        Field(
            "Status_note", "status_note", text, french="Précision_statut", aliases=("Note_statut",),
            help="ce qui a changé, en une phrase, ex. Déplacée en salle Frioul",
        ),
        Field(
            "Modified", "modified", moment, french="Modifié", aliases=("Modifiée",),
            help="date et heure du dernier changement annoncé, ex. 2027-06-01 14:30 : à chaque changement, mettez-la à jour, les agendas la suivent",
        ),
        Field(
            "Attendance", "attendance", choice(ATTENDANCE_MODES), french="Participation", choices=choice_names(ATTENDANCE_MODES),
            help="sur place (par défaut), en ligne ou hybride",
        ),
        Field("Stream", "stream", url, french="Diffusion", aliases=("Lien_diffusion",), help="adresse de la diffusion en ligne, commençant par https://"),
        Field("Registration", "registration", url, french="Inscription", help="adresse de la page d'inscription, commençant par https://"),
        Field(
            "Location", "location", text, french="Adresse", aliases=("Lieu_exact",),
            help="adresse, quand la séquence n'a pas lieu sur le site de l'événement, ex. Fort Ganteaume, 13007 Marseille",
        ),
        Field(
            "Level", "level", choice(SESSION_LEVELS), french="Difficulté", aliases=("Niveau_requis",), choices=choice_names(SESSION_LEVELS),
            help="débutant, intermédiaire ou avancé",
        ),
        Field("Tags", "tags", names, french="Mots_clés", aliases=("Étiquettes",), help="mots-clés séparés par des virgules"),
        Field("Slides", "slides", url, french="Supports", aliases=("Diapositives",), help="adresse des supports de présentation (un lien, jamais intégré)"),
        Field("Video", "video", url, french="Vidéo", aliases=("Enregistrement",), help="adresse de la vidéo (un lien, jamais de lecteur intégré)"),
        Field("Capacity", "capacity", positive, french="Capacité", aliases=("Places", "Jauge"), help="nombre de places, ex. 120"),
        Field("Track", "track", text, french="Parcours", aliases=("Filière",), help="parcours de la séquence, ex. Données ouvertes"),
    )


def partner_fields(tiers: Mapping[str, str] | Collection[str]) -> tuple[Field, ...]:
    """Fields of a partner file."""
    return (
        Field("Name", "name", text, required=True, french="Nom", help="nom de l'organisme, ex. Ville de Lyon"),
        Field("Tier", "tier", choice(tiers), required=True, french="Niveau", help="niveau de partenariat", choices=choice_names(tiers)),
        Field("Website", "website", url, french="Site", help="adresse du site, commençant par https://", aliases=("Site_web",)),
        Field("Logo", "logo", image_path, french="Logo", help="chemin du logo sous content/, ex. images/partenaires/ville.png"),
        order(),
    )


def theme_fields() -> tuple[Field, ...]:
    """Fields of a theme file."""
    return (title("titre du thème, ex. Organisation du travail"), order())


def workshop_fields() -> tuple[Field, ...]:
    """Fields of a workshop file."""
    return (
        title("titre de l'atelier"),
        Field("Theme", "theme_slug", slug, required=True, french="Thème", help="identifiant du thème (nom du fichier de content/themes/ sans .md)"),
        Field("Session", "session_slug", slug, french="Séquence", help="identifiant de la séquence du programme (nom du fichier de content/sessions/ sans .md)"),
        Field(
            "Facilitators", "facilitators", names, french="Facilitateurs",
            help="noms des personnes qui animent l'atelier, séparés par des virgules", aliases=("Animateurs", "Facilitatrices"),
        ),
        order(),
    )


def proposal_fields() -> tuple[Field, ...]:
    """Fields of a proposal file."""
    return (
        title("titre de la proposition"),
        Field("Workshop", "workshop_slug", slug, required=True, french="Atelier", help="identifiant de l'atelier (nom du fichier de content/workshops/ sans .md)"),
        Field("Theme", "theme_slug", slug, french="Thème", help="identifiant du thème, s'il diffère de celui de l'atelier"),
        Field("Example", "example", yes_no, french="Exemple", help="oui tant que c'est un exemple à remplacer, sinon non"),
        order(),
    )


def gallery_field() -> Field:
    """The Gallery field of a news article or a page: a gallery shown with it."""
    return Field(
        "Gallery", "gallery", text, french="Galerie",
        help="identifiant d'une galerie à montrer avec le texte (nom du dossier de content/galleries/)",
    )


def article_fields() -> tuple[Field, ...]:
    """Fields of a news article (Title, Date, Summary read by Pelican; Gallery by the gallery plugin)."""
    return (
        title("titre de l'actualité"),
        Field("Date", "date", text, required=True, french="Date", help="date et heure de publication AAAA-MM-JJ HH:MM, ex. 2018-03-05 10:00"),
        Field("Summary", "summary", text, french="Résumé", help="résumé en une phrase, affiché dans les listes"),
        gallery_field(),
    )


def common_fields() -> tuple[Field, ...]:
    """Fields Pelican itself understands on any file: identifier, language, translation, status, page layout."""
    return (
        Field("Slug", "slug", slug, french="Identifiant"),
        Field("Lang", "lang", text, french="Langue"),
        Field("Translation", "translation", text, french="Traduction"),
        Field("Status", "status", text, french="Statut"),
        Field("Template", "template", text),
    )


def page_fields() -> tuple[Field, ...]:
    """Fields of the site's pages (content/pages/) beyond the common ones."""
    return (
        title("titre de la page"),
        Field("Save_as", "save_as", text),
        Field("Url", "url", text),
        Field("Figures", "figures", text, french="Chiffres", help="chiffres clés séparés par des points-virgules, ex. 100+ managers; 9 ateliers"),
        gallery_field(),
    )


def every_field() -> tuple[Field, ...]:
    """Every field of every kind of content file (choices left empty: only the names matter)."""
    return (
        *speaker_fields(), *session_fields(()), *partner_fields(()), *theme_fields(),
        *workshop_fields(), *proposal_fields(), *article_fields(), *page_fields(), *common_fields(),
    )


def fold(name: str) -> str:
    """A field name compared loosely: no accents, lower case, « - » read as « _ »."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.casefold().replace("-", "_")


def alias_table(fields: Iterable[Field]) -> Mapping[str, str]:
    """Each folded spelling of FIELDS → its canonical key; ValueError if two fields claim one spelling."""
    table: dict[str, str] = {}
    for f in fields:
        for spelling in f.spellings:
            if table.setdefault(fold(spelling), f.key) != f.key:
                raise ValueError(f"« {spelling} » names both {table[fold(spelling)]} and {f.key}")
    return MappingProxyType(table)


# Header fields that Pelican itself understands and that any file may carry.
COMMON_FIELDS = frozenset(f.key for f in common_fields())
# Every accepted spelling (folded) → canonical key, for every kind of content file.
ALIASES = alias_table(every_field())
