"""What each content type's header must hold: fields, parsers and allowed values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from .weburl import WEB_URL_FIX, web_url_error

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:h]([0-5]\d)$")
# Header fields that Pelican itself understands and that any file may carry.
COMMON_FIELDS = frozenset({"slug", "lang", "translation", "status", "template"})


class FieldError(ValueError):
    """A field's value cannot be used: what is wrong and what to write instead."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Field:
    """One header field of a content type."""

    name: str
    attribute: str
    parse: Parser
    required: bool = False


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
    """A time of day written HH:MM (or 9h30)."""
    match = TIME_RE.match(value.strip())
    if not match:
        raise FieldError(f"« {value} » n'est pas une heure", "écrivez l'heure sous la forme HH:MM, par ex. 09:30")
    return dt.time(int(match.group(1)), int(match.group(2)))


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
    raise FieldError(f"« {value} » n'est ni oui ni non", "écrivez yes ou no")


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


def image_path(value: str) -> str:
    """A path to an image under content/, checked for existence later."""
    value = text(value).lstrip("/")
    if not re.search(r"\.(jpe?g|png|webp|gif|tiff?)$", value, re.IGNORECASE):
        raise FieldError(f"« {value} » n'est pas un fichier image", "donnez le chemin d'une image .jpg, .png ou .webp sous content/")
    return value


def choice(allowed: Collection[str]) -> Parser:
    """A parser that accepts one of ALLOWED values."""

    def parse(value: str) -> str:
        value = value.strip()
        if value not in allowed:
            raise FieldError(f"« {value} » n'est pas une valeur connue", "écrivez l'une de ces valeurs : " + ", ".join(allowed))
        return value

    return parse


def speaker_fields() -> tuple[Field, ...]:
    """Fields of a speaker file."""
    return (
        Field("Name", "name", text, required=True),
        Field("Role", "role", text, required=True),
        Field("Organisation", "organisation", text),
        Field("Photo", "photo", image_path),
        Field("Photo_alt", "photo_alt", text),
        Field("Links", "links", urls),
        Field("Order", "order", integer),
    )


def session_fields(kinds: Collection[str]) -> tuple[Field, ...]:
    """Fields of a session file."""
    return (
        Field("Title", "title", text, required=True),
        Field("Day", "day", day, required=True),
        Field("Start", "start", clock, required=True),
        Field("End", "end", clock, required=True),
        Field("Room", "room", text, required=True),
        Field("Kind", "kind", choice(kinds), required=True),
        Field("Speakers", "speaker_slugs", slugs),
        Field("Moderators", "moderator_slugs", slugs),
    )


def partner_fields(tiers: Collection[str]) -> tuple[Field, ...]:
    """Fields of a partner file."""
    return (
        Field("Name", "name", text, required=True),
        Field("Tier", "tier", choice(tiers), required=True),
        Field("Website", "website", url),
        Field("Logo", "logo", image_path),
        Field("Order", "order", integer),
    )


def theme_fields() -> tuple[Field, ...]:
    """Fields of a theme file."""
    return (Field("Title", "title", text, required=True), Field("Order", "order", integer))


def workshop_fields() -> tuple[Field, ...]:
    """Fields of a workshop file."""
    return (
        Field("Title", "title", text, required=True),
        Field("Theme", "theme_slug", slug, required=True),
        Field("Session", "session_slug", slug),
        Field("Facilitators", "facilitators", names),
        Field("Order", "order", integer),
    )


def proposal_fields() -> tuple[Field, ...]:
    """Fields of a proposal file."""
    return (
        Field("Title", "title", text, required=True),
        Field("Workshop", "workshop_slug", slug, required=True),
        Field("Theme", "theme_slug", slug),
        Field("Example", "example", yes_no),
        Field("Order", "order", integer),
    )
