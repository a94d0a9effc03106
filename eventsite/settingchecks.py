"""Validators of settings: each returns, in French, what to write instead of a value that cannot be used."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from eventsite.settingskit import Part, Problem, Validator, within

LANG_RE = re.compile(r"^[a-z]{2,3}$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def text(value: Any) -> list[Problem]:
    """Any text, empty included."""
    return [] if isinstance(value, str) else ["écrivez un texte entre guillemets, par ex. \"…\""]


def filled_text(value: Any) -> list[Problem]:
    """Text that is not empty."""
    return [] if isinstance(value, str) and value.strip() else ["écrivez un texte non vide entre guillemets"]


def boolean(value: Any) -> list[Problem]:
    """True or False."""
    return [] if isinstance(value, bool) else ["écrivez True ou False"]


def integer(low: int, high: int | None = None) -> Validator:
    """A whole number from LOW to HIGH."""
    upper = f" à {high}" if high is not None else " ou plus"

    def check(value: Any) -> list[Problem]:
        if _is_int(value) and value >= low and (high is None or value <= high):
            return []
        return [f"écrivez un nombre entier de {low}{upper}, par ex. {low if high is None else (low + high) // 2}"]

    return check


def number(low: float) -> Validator:
    """A number (whole or decimal) of at least LOW."""

    def check(value: Any) -> list[Problem]:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= low
        return [] if ok else [f"écrivez un nombre d'au moins {low}, par ex. {low * 2}"]

    return check


def one_of(*choices: Any) -> Validator:
    """One of CHOICES."""

    def check(value: Any) -> list[Problem]:
        return [] if value in choices else [f"écrivez l'une des valeurs {', '.join(map(repr, choices))}"]

    return check


def optional(validator: Validator) -> Validator:
    """None, or a value VALIDATOR accepts."""

    def check(value: Any) -> list[Problem]:
        if value is None:
            return []
        return [p.replace("écrivez ", "écrivez None ou ", 1) if isinstance(p, str) else p for p in validator(value)]

    return check


def iso_date(value: Any) -> list[Problem]:
    """A date (datetime.date) or ISO text AAAA-MM-JJ."""
    if isinstance(value, dt.date):
        return []
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return ["écrivez une date AAAA-MM-JJ, par ex. \"2026-03-01\" ou datetime.date(2026, 3, 1)"]
    return []


def _relative_path(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip("/") or value.startswith("/") or "\\" in value:
        return False
    return ".." not in PurePosixPath(value).parts


def folder(value: Any) -> list[Problem]:
    """A relative path of a folder, without « .. »."""
    ok = _relative_path(value)
    return [] if ok else ["écrivez un chemin relatif de dossier, sans « / » initial ni « .. », par ex. \"images/galeries\""]


def site_path(value: Any) -> list[Problem]:
    """A site-relative URL or file path (empty means the site's root), without « / » first nor « .. »."""
    if value == "" or _relative_path(value):
        return []
    return ["écrivez une adresse relative au site, sans « / » initial ni « .. », par ex. \"programme/\""]


def texts(value: Any) -> list[Problem]:
    """A list of texts (not one text)."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return []
    return ["écrivez une liste de textes entre parenthèses, par ex. (\"première phrase\", \"deuxième phrase\")"]


def dictionary(check_value: Validator = text, *, filled: bool = False, example: str = "{\"clé\": \"valeur\"}") -> Validator:
    """A dictionary (not empty when FILLED) whose keys are texts and whose values CHECK_VALUE accepts."""

    def check(value: Any) -> list[Problem]:
        if not isinstance(value, Mapping) or (filled and not value):
            return [f"écrivez un dictionnaire{' non vide' if filled else ''}, par ex. {example}"]
        found: list[Problem] = []
        for key, item in value.items():
            if not isinstance(key, str):
                found.append(Part(f"[{key!r}]", key, "écrivez une clé en texte entre guillemets"))
                continue
            found += within(f"[{key!r}]", item, check_value(item))
        return found

    return check


def pairs(value: Any) -> list[Problem]:
    """A list of pairs (label, site-relative address)."""
    if isinstance(value, (list, tuple)) and all(
        isinstance(i, (tuple, list)) and len(i) == 2 and all(isinstance(t, str) for t in i) for i in value
    ):
        return []
    return ["écrivez une liste de paires (libellé, adresse), par ex. ((\"Accueil\", \"\"), (\"Programme\", \"programme/\"))"]


def positive_widths(value: Any) -> list[Problem]:
    """A non-empty list of widths in pixels (whole numbers ≥ 1)."""
    if isinstance(value, (list, tuple)) and value and all(_is_int(w) and w >= 1 for w in value):
        return []
    return ["écrivez une liste de largeurs en pixels, par ex. (480, 720, 1600)"]


def box(value: Any) -> list[Problem]:
    """A (width, height) pair of whole numbers ≥ 1."""
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(_is_int(v) and v >= 1 for v in value):
        return []
    return ["écrivez (largeur, hauteur) en pixels, par ex. (320, 160)"]


def lang_code(value: Any) -> list[Problem]:
    """A language code: two or three lower-case letters."""
    return [] if isinstance(value, str) and LANG_RE.match(value) else ["écrivez un code de langue en minuscules, par ex. \"fr\" ou \"en\""]


def lang_codes(value: Any) -> list[Problem]:
    """A list of language codes."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) and LANG_RE.match(v) for v in value):
        return []
    return ["écrivez une liste de codes de langue, par ex. (\"fr\",)"]


def locale_name(value: Any) -> list[Problem]:
    """A locale Babel knows (fr_FR, en_GB…)."""
    from babel import Locale

    try:
        Locale.parse(str(value))
    except Exception:  # noqa: BLE001  # Babel raises several types for an unknown locale
        return ["écrivez une locale connue, par ex. \"fr_FR\" ou \"en_GB\""]
    return []


def time_zone(value: Any) -> list[Problem]:
    """A time zone of the IANA database (Europe/Paris…)."""
    try:
        zoneinfo.ZoneInfo(str(value))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return ["écrivez un fuseau horaire connu, par ex. \"Europe/Paris\""]
    return []
