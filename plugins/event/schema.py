"""What each content type's header must hold: the one schema every other part derives from.

Public API (read by the reading code, the scaffolds, docs/format-contenu.md's generator and the
browser editor of issue 15; names are only ever added to, never renamed):

- ``Field``: one header field. ``name`` (English, canonical), ``attribute`` (the model attribute it
  fills), ``parse`` (text → value, raises ``FieldError``), ``required``, ``french`` and ``label``
  (the French name authors write), ``help`` (one line of French: what to write), ``aliases`` and
  ``spellings`` (every accepted name), ``key`` (lower case, as Pelican's metadata spells it),
  ``essential``, ``translatable`` (a free text a translation may hold, unless ``translate`` is
  False), ``choices`` (allowed
  values, shown to authors), ``advised`` (not checked, but kept
  in the scaffolds and marked « conseillé » in the guide) and, for an editor form, ``widget`` (one
  of ``WIDGETS``, derived from the parser unless given), ``multiple`` (a comma-separated list),
  ``separator`` and ``options`` (where the allowed values come from: a setting name such as
  ``EVENT_SESSION_KINDS`` for a ``select``, a content collection such as ``speakers`` for a
  ``reference``; see ``option_source``).
- ``ContentSchema``: one kind of content file: ``key``, ``collection``, ``folder``, ``label``
  (French, in messages), ``title`` (French heading), ``fields``, ``scaffold_fields`` (those a new
  file gets: ``Field.scaffold``), ``body`` (what the text under the header holds), ``file_name``
  and, for galleries, ``sections`` (the fields of each « ## photo » block) and ``section_help``.
- ``content_schemas(kinds, tiers)``: every ContentSchema, event files first, then article, page
  and gallery; ``content_schema(key, kinds, tiers)`` one of them; ``EVENT_KINDS`` the event's keys.
  The event plugin fills in its settings' kinds, tiers and folders: ``reading.event_schemas(event)``.
- ``schema_description(content)`` and ``field_description(field)``: the same as plain, JSON-ready
  data (an editor's configuration is generated from them).
- Field lists by kind: ``speaker_fields()``, ``session_fields(kinds)``, ``partner_fields(tiers)``,
  ``session_change_fields()`` (a session's conference fields, never scaffolded), ``theme_fields()``,
  ``workshop_fields()``, ``proposal_fields()``, ``article_fields()``, ``page_fields()``,
  ``common_fields()``, ``gallery_fields()``, ``photo_fields()``, and ``every_field()``.
- Parsers: ``text``, ``day``, ``clock``, ``integer``, ``positive``, ``moment``, ``yes_no``, ``slug``,
  ``slugs``, ``names``, ``url``, ``urls``, ``image_path``, ``choice(allowed)``; helpers
  ``split_list``, ``choice_names``.
- Names: ``fold`` (how names compare), ``unknown_field_fix`` (« vouliez-vous écrire … ? »),
  ``alias_table(fields)``, ``ALIASES`` (every header field of every file), ``PHOTO_ALIASES`` (a
  gallery photo's block), ``COMMON_FIELDS``.
- Editor metadata: ``WIDGETS``, ``COLLECTIONS``, ``option_source(field)``, ``PARSER_WIDGETS``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
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
    # Not checked when missing, but kept in the scaffolds and marked « conseillé » in the guide.
    advised: bool = False
    # For an editor form: one of WIDGETS ("" = from the parser, see PARSER_WIDGETS), whether the
    # value is a list (None = from the parser), its separator, and where its allowed values come
    # from (see option_source): a setting (EVENT_SESSION_KINDS) or a collection (speakers).
    widget: str = ""
    multiple: bool | None = None
    separator: str = ","
    options: str = ""
    # Written by `invoke new-…` in every new file; the conference fields are documented instead (format-contenu.md).
    scaffold: bool = True
    # False for a free text that stays the original's in every language (a gallery's credit and licence).
    translate: bool = True

    def __post_init__(self) -> None:
        if not self.widget:
            derived = "select" if self.choices or self.options.isupper() else PARSER_WIDGETS.get(self.parse, "string")
            object.__setattr__(self, "widget", derived)
        if self.widget not in WIDGETS:
            raise ValueError(f"{self.name}: unknown widget {self.widget!r}")
        if self.multiple is None:
            object.__setattr__(self, "multiple", self.parse in LIST_PARSERS)
        option_source(self)  # an unknown source fails here, when the schema is declared

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

    @property
    def translatable(self) -> bool:
        """True for a free text, which a translation file may hold (dates, identifiers, paths are the original's)."""
        return self.parse is text and self.translate

    @property
    def requirement(self) -> str:
        """« obligatoire », « conseillé » or « facultatif »: what the scaffolds and the guide say."""
        return "obligatoire" if self.required else "conseillé" if self.advised else "facultatif"


# What an editor form shows for a field: a one-line input, a text area, a date, a time, a number,
# a yes/no switch, a web address, a list of free items, a reference to another content file, an
# image under content/, or one value of a list.
WIDGETS = ("string", "text", "date", "datetime", "time", "number", "boolean", "url", "list", "reference", "image", "select")
# Collections a « reference » field may point to, and the photo files of a gallery's own folder.
COLLECTIONS = ("speakers", "sessions", "partners", "themes", "workshops", "proposals", "rooms", "tracks", "galleries", "photos")


def option_source(field: Field) -> tuple[str, str] | None:
    """Where FIELD's allowed values come from: ("setting", "EVENT_SESSION_KINDS"), ("collection", "speakers") or None."""
    if not field.options:
        return None
    if field.options.isupper():
        return ("setting", field.options)
    if field.options not in COLLECTIONS:
        raise ValueError(f"{field.name}: unknown options source {field.options!r}")
    return ("collection", field.options)


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


COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def color(value: str) -> str:
    """A colour written #rrggbb, in lower case."""
    if not COLOR_RE.match(value.strip()):
        raise FieldError(f"« {value} » n'est pas une couleur #rrggbb", "écrivez la couleur en hexadécimal, ex. #1d4f91")
    return value.strip().lower()


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


# The widget each parser stands for in an editor form, and the parsers that read a list.
PARSER_WIDGETS: Mapping[Parser, str] = MappingProxyType({
    text: "string", day: "date", clock: "time", integer: "number", yes_no: "boolean", slug: "reference",
    slugs: "reference", names: "list", url: "url", urls: "url", image_path: "image", positive: "number",
    moment: "datetime",
})
LIST_PARSERS = frozenset({slugs, names, urls})

ORDER_HELP = "nombre entier pour l'ordre d'affichage, ex. 1"


def order() -> Field:
    """The Order field every content type has."""
    return Field("Order", "order", integer, french="Ordre", help=ORDER_HELP)


def capacity() -> Field:
    """The Capacity field of a session and of a room."""
    return Field("Capacity", "capacity", positive, french="Capacité", aliases=("Places", "Jauge"), help="nombre de places, ex. 120")


def title(help: str) -> Field:
    """A required Title (« Titre »)."""
    return Field("Title", "title", text, required=True, french="Titre", help=help)


def speaker_fields() -> tuple[Field, ...]:
    """Fields of a speaker file."""
    return (
        Field("Name", "name", text, required=True, french="Nom", help="prénom et nom, ex. Jeanne Dupont"),
        Field(
            "Family_name", "family_name", text, french="Nom_de_famille", scaffold=False,
            help="le nom de famille quand il a plusieurs mots, pour classer la liste des intervenants, ex. Ben Salah "
            "(sans lui, le dernier mot du nom, particules « de », « d' », « van » mises à part)",
        ),
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
    """Fields of a session file (KINDS: the allowed Kind values, EVENT_SESSION_KINDS)."""
    return (
        title("titre de la séquence, ex. Table ronde : le numérique au travail"),
        Field("Day", "day", day, required=True, french="Jour", help="date AAAA-MM-JJ, ex. 2018-03-01", essential=True),
        Field("Start", "start", clock, required=True, french="Début", help="heure de début, ex. 9h30 ou 15h", essential=True),
        Field("End", "end", clock, required=True, french="Fin", help="heure de fin, ex. 10h30 ; plus tôt que le début, c'est le lendemain", essential=True),
        Field(
            "Room", "room", text, required=True, french="Salle", aliases=("Lieu",),
            help="salle : identifiant d'un fichier de content/rooms/ (ou son nom), ou son nom quand il n'y en a pas, ex. amphitheatre",
        ),
        Field(
            "Kind", "kind", choice(kinds), required=True, french="Type", help="type de séquence",
            choices=choice_names(kinds), options="EVENT_SESSION_KINDS",
        ),
        Field(
            "Speakers", "speaker_slugs", slugs, french="Intervenants",
            help="identifiants des intervenants (noms des fichiers de content/speakers/ sans .md) séparés par des virgules",
            aliases=("Intervenantes", "Intervenant·es"), options="speakers",
        ),
        Field(
            "Moderators", "moderator_slugs", slugs, french="Animation",
            help="identifiants des personnes qui animent, séparés par des virgules", aliases=("Modération",), options="speakers",
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
            help="état de la séquence, prévue par défaut",
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
            help="comment y assister, sur place par défaut",
        ),
        Field("Stream", "stream", url, french="Diffusion", aliases=("Lien_diffusion",), help="adresse de la diffusion en ligne, commençant par https://"),
        Field("Registration", "registration", url, french="Inscription", help="adresse de la page d'inscription, commençant par https://"),
        Field(
            "Location", "location", text, french="Adresse", aliases=("Lieu_exact",),
            help="adresse, quand la séquence n'a pas lieu sur le site de l'événement, ex. Fort Ganteaume, 13007 Marseille",
        ),
        Field(
            "Level", "level", choice(SESSION_LEVELS), french="Difficulté", aliases=("Niveau_requis",), choices=choice_names(SESSION_LEVELS),
            help="niveau attendu du public",
        ),
        Field("Tags", "tags", names, french="Mots_clés", aliases=("Étiquettes",), help="mots-clés séparés par des virgules"),
        Field("Slides", "slides", url, french="Supports", aliases=("Diapositives",), help="adresse des supports de présentation (un lien, jamais intégré)"),
        Field("Video", "video", url, french="Vidéo", aliases=("Enregistrement",), help="adresse de la vidéo (un lien, jamais de lecteur intégré)"),
        capacity(),
        Field(
            "Track", "track", text, french="Parcours", aliases=("Filière",), widget="reference", options="tracks",
            help="identifiant du parcours (nom du fichier de content/tracks/ sans .md), ex. donnees-ouvertes",
        ),
    )


def room_fields() -> tuple[Field, ...]:
    """Fields of a room file."""
    return (
        Field("Name", "name", text, required=True, french="Nom", help="nom de la salle, ex. Salle Frioul"),
        order(),
        capacity(),
        Field(
            "Access", "access", text, french="Accès", aliases=("Accessibilité",),
            help="étage, accès de plain-pied, boucle magnétique…, ex. Rez-de-chaussée, de plain-pied, boucle magnétique",
        ),
        Field(
            "Location", "address", text, french="Adresse", aliases=("Address",),
            help="adresse, pour une salle hors du site de l'événement, ex. Fort Ganteaume, 13007 Marseille",
        ),
        Field("Online", "online", yes_no, french="En_ligne", help="oui pour une salle en ligne (un lien, pas d'adresse), sinon non"),
        Field("Link", "link", url, french="Lien", help="adresse de la salle en ligne, commençant par https://"),
    )


def track_fields() -> tuple[Field, ...]:
    """Fields of a track file."""
    return (
        Field("Name", "name", text, required=True, french="Nom", help="nom du parcours, ex. Données ouvertes"),
        Field(
            "Color", "color", color, french="Couleur",
            help="couleur du parcours, #rrggbb, assez foncée pour du texte sur le fond des pages, ex. #1d4f91",
        ),
        order(),
    )


def partner_fields(tiers: Mapping[str, str] | Collection[str]) -> tuple[Field, ...]:
    """Fields of a partner file (TIERS: the allowed Tier values, EVENT_PARTNER_TIERS)."""
    return (
        Field("Name", "name", text, required=True, french="Nom", help="nom de l'organisme, ex. Ville de Lyon"),
        Field(
            "Tier", "tier", choice(tiers), required=True, french="Niveau", help="niveau de partenariat",
            choices=choice_names(tiers), options="EVENT_PARTNER_TIERS",
        ),
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
        Field(
            "Theme", "theme_slug", slug, required=True, french="Thème",
            help="identifiant du thème (nom du fichier de content/themes/ sans .md)", options="themes",
        ),
        Field(
            "Session", "session_slug", slug, french="Séquence",
            help="identifiant de la séquence du programme (nom du fichier de content/sessions/ sans .md)", options="sessions",
        ),
        Field(
            "Facilitators", "facilitators", names, french="Facilitateurs",
            help="personnes qui animent l'atelier, séparées par des virgules : l'identifiant ou le nom exact d'un intervenant (un lien vers sa page), sinon un nom",
            aliases=("Animateurs", "Facilitatrices"),
        ),
        order(),
    )


def proposal_fields() -> tuple[Field, ...]:
    """Fields of a proposal file."""
    return (
        title("titre de la proposition"),
        Field(
            "Workshop", "workshop_slug", slug, required=True, french="Atelier",
            help="identifiant de l'atelier (nom du fichier de content/workshops/ sans .md)", options="workshops",
        ),
        Field("Theme", "theme_slug", slug, french="Thème", help="identifiant du thème, s'il diffère de celui de l'atelier", options="themes"),
        Field("Example", "example", yes_no, french="Exemple", help="oui tant que c'est un exemple à remplacer, sinon non"),
        order(),
    )


def gallery_field() -> Field:
    """The Gallery field of a news article or a page: a gallery shown with it."""
    return Field(
        "Gallery", "gallery", text, french="Galerie",
        help="identifiant d'une galerie à montrer avec le texte (nom du dossier de content/galleries/)",
        widget="reference", options="galleries",
    )


def article_fields() -> tuple[Field, ...]:
    """Fields of a news article (Title, Date, Summary read by Pelican; Gallery by the gallery plugin)."""
    return (
        title("titre de l'actualité"),
        Field(
            "Date", "date", text, required=True, french="Date",
            help="date et heure de publication AAAA-MM-JJ HH:MM, ex. 2018-03-05 10:00", widget="datetime",
        ),
        Field("Summary", "summary", text, french="Résumé", help="résumé en une phrase, affiché dans les listes", widget="text"),
        gallery_field(),
    )


def common_fields() -> tuple[Field, ...]:
    """Fields Pelican itself understands on any file: identifier, language, translation, status, page layout."""
    return (
        Field("Slug", "slug", slug, french="Identifiant", help="identifiant de la page, s'il diffère du nom du fichier", widget="string"),
        Field("Lang", "lang", text, french="Langue", help="code de la langue du texte, ex. en"),
        Field("Translation", "translation", text, french="Traduction", help="oui pour une traduction d'une autre page", widget="boolean"),
        Field(
            "Status", "status", text, french="Statut", help="published (publié), draft (brouillon) ou hidden (caché)",
            choices=("published", "draft", "hidden"),
        ),
        Field("Template", "template", text, help="gabarit particulier, ex. home pour l'accueil"),
    )


def page_fields() -> tuple[Field, ...]:
    """Fields of the site's pages (content/pages/) beyond the common ones."""
    return (
        title("titre de la page"),
        Field("Save_as", "save_as", text, help="emplacement dans le site, ex. index.html pour l'accueil"),
        Field("Url", "url", text, help="adresse de la page, dans le même dossier que Save_as"),
        Field(
            "Figures", "figures", text, french="Chiffres", separator=";", widget="list", multiple=True,
            help="chiffres clés séparés par des points-virgules, ex. 100+ managers; 9 ateliers",
        ),
        gallery_field(),
    )


def gallery_fields() -> tuple[Field, ...]:
    """Fields of a gallery's gallery.md header (read by the gallery plugin)."""
    return (
        Field("Title", "title", text, french="Titre", help="titre de la galerie", advised=True),
        Field("Date", "date", day, french="Date", help="date des photos AAAA-MM-JJ, ex. 2018-03-01"),
        Field(
            "Credit", "credit", text, french="Crédit", help="photographe ou service, pour toute la galerie, ex. Service communication",
            advised=True, translate=False,
        ),
        Field("License", "license", text, french="Licence", help="licence des photos, ex. CC BY 4.0 ou Tous droits réservés", advised=True, translate=False),
        Field("License_url", "license_url", url, french="Licence_url", help="adresse du texte de la licence, commençant par https://"),
        Field(
            "Order", "order", names, french="Ordre", options="photos",
            help="noms des photos à montrer en premier, séparés par des virgules (sinon : ordre des noms de fichiers)",
        ),
        Field(
            "Removed", "removed", names, french="Retraits", options="photos", aliases=("Retiré", "Retirées"),
            help="noms des photos retirées (droit à l'image), séparés par des virgules",
        ),
    )


def photo_fields() -> tuple[Field, ...]:
    """Fields of one photo's « ## nom-du-fichier.jpg » block in gallery.md."""
    return (
        Field(
            "Alt", "alt", text, required=True, french="Alt", aliases=("Texte alternatif", "Texte_alternatif"),
            help="ce que montre la photo, pour qui ne la voit pas",
        ),
        Field("Caption", "caption", text, french="Légende", help="légende affichée sous la photo (Markdown), sur une ou plusieurs lignes", widget="text"),
        Field("Credit", "credit", text, french="Crédit", help="photographe de cette photo, s'il diffère de celui de la galerie", translate=False),
        Field("License", "license", text, french="Licence", help="licence de cette photo, si elle diffère", translate=False),
        Field("License_url", "license_url", url, french="Licence_url", help="adresse du texte de cette licence"),
    )


@dataclass(frozen=True)
class ContentSchema:
    """One kind of content file: where it lives, what it is called in French, its fields and its text."""

    key: str
    # The Event attribute holding them (event files), or the kind's plural.
    collection: str
    # The folder under content/ (the event's files: EVENT_PATHS may move them).
    folder: str
    # The French name in problems (« champ inconnu (intervenant) ») and the guide's heading.
    label: str
    title: str
    fields: tuple[Field, ...]
    # What the Markdown text under the header holds (the scaffold's placeholder).
    body: str
    file_name: str = "{slug}.md"
    # Galleries: the fields of each « ## photo » block of the body, and what the block is.
    sections: tuple[Field, ...] = ()
    section_help: str = ""

    def field(self, key: str) -> Field:
        """The field whose canonical key (lower case) is KEY; KeyError if none."""
        found = next((f for f in self.fields if f.key == key), None)
        if found is None:
            raise KeyError(key)
        return found

    @property
    def scaffold_fields(self) -> tuple[Field, ...]:
        """The fields `invoke new-…` writes in a new file (those whose ``scaffold`` is True)."""
        return tuple(f for f in self.fields if f.scaffold)


EVENT_KINDS = ("speaker", "session", "partner", "theme", "workshop", "proposal", "room", "track")


def content_schemas(
    kinds: Mapping[str, str] | Collection[str] = (), tiers: Mapping[str, str] | Collection[str] = ()
) -> tuple[ContentSchema, ...]:
    """Every kind of content file: the event's (in reading order), then article, page and gallery.

    KINDS and TIERS are the allowed session Kind and partner Tier values (EVENT_SESSION_KINDS,
    EVENT_PARTNER_TIERS): the event plugin passes its settings' values.
    """
    return (
        ContentSchema("speaker", "speakers", "speakers", "intervenant", "Intervenant·e", speaker_fields(),
                      "biographie courte : deux ou trois phrases sur la personne"),
        ContentSchema("session", "sessions", "sessions", "séquence du programme", "Séquence du programme", session_fields(kinds),
                      "description de la séquence : ce qui s'y passe, en quelques phrases"),
        ContentSchema("partner", "partners", "partners", "partenaire", "Partenaire", partner_fields(tiers),
                      "présentation du partenaire en une ou deux phrases"),
        ContentSchema("theme", "themes", "themes", "thème", "Thème des ateliers", theme_fields(), "présentation du thème"),
        ContentSchema("workshop", "workshops", "workshops", "atelier", "Atelier", workshop_fields(),
                      "la question de travail de l'atelier"),
        ContentSchema("proposal", "proposals", "proposals", "proposition", "Proposition", proposal_fields(),
                      "la proposition expliquée en quelques phrases"),
        ContentSchema("room", "rooms", "rooms", "salle", "Salle", room_fields(),
                      "informations pratiques sur la salle, facultatives : comment s'y rendre, équipements"),
        ContentSchema("track", "tracks", "tracks", "parcours", "Parcours", track_fields(),
                      "présentation du parcours en quelques phrases"),
        ContentSchema("article", "articles", "news", "actualité", "Actualité", article_fields(),
                      "texte de l'actualité ; des intertitres commencent par « ## »"),
        ContentSchema("page", "pages", "pages", "page", "Page", page_fields(), "texte de la page"),
        ContentSchema(
            "gallery", "galleries", "galleries", "galerie de photos", "Galerie de photos", gallery_fields(),
            "présentation de la galerie en une ou deux phrases", file_name="{slug}/gallery.md",
            sections=photo_fields(),
            section_help="nom-du-fichier.jpg : une photo déposée dans ce dossier ; recopiez ce bloc pour chaque photo",
        ),
    )


def content_schema(key: str, kinds: Mapping[str, str] | Collection[str] = (), tiers: Mapping[str, str] | Collection[str] = ()) -> ContentSchema:
    """The ContentSchema of KEY (« speaker », « gallery »…); KeyError if there is none."""
    found = next((c for c in content_schemas(kinds, tiers) if c.key == key), None)
    if found is None:
        raise KeyError(key)
    return found


def field_description(field: Field) -> dict[str, Any]:
    """FIELD as plain data (JSON-ready), for a form: names, requirement, help, widget and allowed values."""
    source = option_source(field)
    return {
        "name": field.name, "key": field.key, "attribute": field.attribute, "label": field.label,
        "spellings": list(field.spellings), "required": field.required, "advised": field.advised,
        "essential": field.essential, "translatable": field.translatable, "help": field.help, "widget": field.widget, "multiple": field.multiple,
        "separator": field.separator, "choices": list(field.choices),
        "options": {"from": source[0], "name": source[1]} if source else None,
    }


def schema_description(content: ContentSchema) -> dict[str, Any]:
    """CONTENT as plain data (JSON-ready): what an editor's configuration is generated from."""
    return {
        "key": content.key, "collection": content.collection, "folder": content.folder, "label": content.label,
        "title": content.title, "file_name": content.file_name, "body": content.body,
        "fields": [field_description(f) for f in content.fields],
        "sections": [field_description(f) for f in content.sections], "section_help": content.section_help,
    }


def every_field() -> tuple[Field, ...]:
    """Every header field of every kind of content file (choices left empty: only the names matter)."""
    return (*(f for c in content_schemas() for f in c.fields), *common_fields())


def fold(name: str) -> str:
    """A field name compared loosely: no accents, lower case, « - » read as « _ »."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.casefold().replace("-", "_")


def unknown_field_fix(spelling: str, fields: Iterable[Field], listing: str) -> str:
    """« vouliez-vous écrire … ? » with the closest accepted spelling, else LISTING and the French names."""
    fields = tuple(fields)
    spellings = {fold(s): s for f in fields for s in f.spellings}
    close = difflib.get_close_matches(fold(spelling), sorted(spellings), n=1)
    if close:
        return f"vouliez-vous écrire « {spellings[close[0]]} » ?"
    return listing + ", ".join(f.label for f in fields)


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
# Every accepted spelling (folded) → canonical key, for every kind of content file's header.
ALIASES = alias_table(every_field())
# The same for the fields of a gallery photo's « ## nom-du-fichier.jpg » block.
PHOTO_ALIASES = alias_table(photo_fields())
