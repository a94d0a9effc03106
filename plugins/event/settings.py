"""Defaults of the EVENT_* settings, read without changing Pelican's settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
import re
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

TOKEN_RE = re.compile(r"^[a-z][a-z0-9-]*$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
# EVENT_* settings that are the same in every language (EVENT_LANGUAGES cannot override them).
UNTRANSLATABLE = ("EVENT_LANGUAGES", "EVENT_PATHS", "EVENT_URLS", "EVENT_CATALOGUES")
# Other plugins' settings an edition may override (their plugin checks the values): the legal texts.
OTHER_TRANSLATABLE_PREFIXES = ("LEGAL_",)

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        "EVENT_NAME": "Événement",
        "EVENT_TAGLINE": "",
        "EVENT_START": None,
        "EVENT_END": None,
        "EVENT_TIMEZONE": "Europe/Paris",
        "EVENT_VENUE": MappingProxyType({"name": "", "address": "", "city": ""}),
        "EVENT_HASHTAG": "",
        "EVENT_LOCALE": "fr_FR",
        # Builds by `python -m eventsite build` fail on any content problem, as --strict does (publishconf.py).
        "EVENT_STRICT": False,
        # Show the content problems in a banner on every page (preview only, never when publishing).
        "EVENT_SHOW_PROBLEMS": False,
        # Other languages of the site: code → EVENT_* settings that differ in that language
        # (EVENT_NAME, EVENT_LOCALE, EVENT_NAV, EVENT_SESSION_KINDS...). Pages go under <code>/.
        "EVENT_LANGUAGES": MappingProxyType({}),
        # Folder of the theme's gettext catalogues (<lang>/LC_MESSAGES/messages.po); None: THEME/translations.
        "EVENT_CATALOGUES": None,
        # Colour tokens of the theme to override: token name (without --color-) → #rrggbb.
        "EVENT_COLORS": MappingProxyType({}),
        "EVENT_SESSION_KINDS": MappingProxyType(
            {
                "welcome": "Accueil",
                "opening": "Ouverture",
                "keynote": "Conférence",
                "round-table": "Table ronde",
                "talk": "Intervention",
                "workshop": "Ateliers",
                "break": "Pause",
                "lunch": "Déjeuner",
                "conclusion": "Conclusion",
            }
        ),
        "EVENT_PARTNER_TIERS": MappingProxyType(
            {
                "organiser": "Organisateurs",
                "partner": "Partenaires",
                "supporter": "Soutiens",
            }
        ),
        "EVENT_NAV": (
            ("Accueil", ""),
            ("Programme", "programme/"),
            ("Intervenants", "intervenants/"),
            ("Propositions", "propositions/"),
            ("Partenaires", "partenaires/"),
            ("Actualités", "actualites/"),
            ("Infos pratiques", "infos-pratiques/"),
        ),
        "EVENT_FOOTER_LINKS": (
            ("Mentions légales", "mentions-legales/"),
            ("Accessibilité : partiellement conforme", "accessibilite/"),
        ),
        "EVENT_PATHS": MappingProxyType(
            {
                "speaker": "speakers",
                "session": "sessions",
                "partner": "partners",
                "theme": "themes",
                "workshop": "workshops",
                "proposal": "proposals",
            }
        ),
        "EVENT_URLS": MappingProxyType(
            {
                "programme": "programme/",
                "speakers": "intervenants/",
                "speaker": "intervenants/{slug}/",
                "session": "programme/#{slug}",
                "partners": "partenaires/",
                "partner": "partenaires/#{slug}",
                "outcomes": "propositions/",
                "theme": "propositions/{slug}/",
                "workshop": "propositions/{theme}/#{slug}",
                "proposal": "propositions/{theme}/#{slug}",
            }
        ),
    }
)


@dataclass(frozen=True)
class EventSettings:
    """The EVENT_* settings of one build, with defaults filled in."""

    name: str
    tagline: str
    start: dt.date | None
    end: dt.date | None
    timezone: str
    venue: Mapping[str, str]
    hashtag: str
    locale: str
    strict: bool
    show_problems: bool
    languages: Mapping[str, Mapping[str, Any]]
    colors: Mapping[str, str]
    session_kinds: Mapping[str, str]
    partner_tiers: Mapping[str, str]
    nav: tuple[tuple[str, str], ...]
    footer_links: tuple[tuple[str, str], ...]
    paths: Mapping[str, str]
    urls: Mapping[str, str]


def _get(settings: Mapping[str, Any], key: str) -> Any:
    return settings.get(key, DEFAULTS[key])


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def read_event_settings(settings: Mapping[str, Any]) -> EventSettings:
    """Return the EVENT_* settings of a Pelican settings mapping, defaults filled in."""
    return EventSettings(
        name=str(_get(settings, "EVENT_NAME")),
        tagline=str(_get(settings, "EVENT_TAGLINE")),
        start=_as_date(_get(settings, "EVENT_START")),
        end=_as_date(_get(settings, "EVENT_END") or _get(settings, "EVENT_START")),
        timezone=str(_get(settings, "EVENT_TIMEZONE")),
        venue=MappingProxyType({**DEFAULTS["EVENT_VENUE"], **_get(settings, "EVENT_VENUE")}),
        hashtag=str(_get(settings, "EVENT_HASHTAG")),
        locale=str(_get(settings, "EVENT_LOCALE")),
        strict=bool(_get(settings, "EVENT_STRICT")),
        show_problems=bool(_get(settings, "EVENT_SHOW_PROBLEMS")),
        languages=MappingProxyType({str(k): MappingProxyType(dict(v)) for k, v in _get(settings, "EVENT_LANGUAGES").items()}),
        colors=MappingProxyType({str(k): str(v) for k, v in _get(settings, "EVENT_COLORS").items()}),
        session_kinds=MappingProxyType(dict(_get(settings, "EVENT_SESSION_KINDS"))),
        partner_tiers=MappingProxyType(dict(_get(settings, "EVENT_PARTNER_TIERS"))),
        nav=tuple(tuple(item) for item in _get(settings, "EVENT_NAV")),
        footer_links=tuple(tuple(item) for item in _get(settings, "EVENT_FOOTER_LINKS")),
        paths=MappingProxyType({**DEFAULTS["EVENT_PATHS"], **_get(settings, "EVENT_PATHS")}),
        urls=MappingProxyType({**DEFAULTS["EVENT_URLS"], **_get(settings, "EVENT_URLS")}),
    )


def check_colors(colors: Any) -> list[str]:
    """Return a message for each EVENT_COLORS entry that is not « token name → #rrggbb »."""
    if not isinstance(colors, Mapping):
        return ["EVENT_COLORS : donnez un dictionnaire nom de couleur → #rrggbb (ex. {'accent': '#0b6e4f'})."]
    return [
        f"EVENT_COLORS[{name!r}] : écrivez un nom en minuscules (ex. accent) et une couleur #rrggbb (reçu {value!r})."
        for name, value in colors.items()
        if not (TOKEN_RE.match(str(name)) and COLOR_RE.match(str(value)))
    ]


def event_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The EVENT_* entries of one language's overrides (the others belong to other plugins)."""
    return {k: v for k, v in overrides.items() if str(k).startswith("EVENT_")}


def localized_settings(settings: Mapping[str, Any], lang: str) -> EventSettings:
    """The EVENT_* settings in LANG: the overrides of EVENT_LANGUAGES[LANG], URLs under « LANG/ »."""
    base = read_event_settings(settings)
    if lang not in base.languages:
        return base
    merged = read_event_settings({**settings, **event_overrides(base.languages[lang])})
    return replace(merged, urls=MappingProxyType({k: f"{lang}/{v}" for k, v in merged.urls.items()}))


def prefixed_menu_paths(lang: str, overrides: Mapping[str, Any]) -> list[str]:
    """A message for each menu path of LANG's overrides already under « LANG/ » (the edition adds it)."""
    problems = []
    for key in ("EVENT_NAV", "EVENT_FOOTER_LINKS"):
        items = overrides.get(key, ())
        paths = [str(item[1]) for item in items if isinstance(item, (tuple, list)) and len(item) == 2]
        problems += [
            f"EVENT_LANGUAGES[{lang!r}] → {key} : écrivez {path[len(lang) + 1:]!r} au lieu de {path!r}, "
            f"le site « {lang} » met lui-même ses adresses sous « {lang}/ »."
            for path in paths
            if path.startswith(f"{lang}/")
        ]
    return problems


def check_settings(settings: Mapping[str, Any]) -> list[str]:
    """Return a message for each EVENT_* setting that cannot be used."""
    problems: list[str] = []
    for key in ("EVENT_START", "EVENT_END"):
        try:
            _as_date(_get(settings, key))
        except ValueError:
            problems.append(f"{key} : écrivez une date AAAA-MM-JJ (reçu {_get(settings, key)!r}).")
    for key in ("EVENT_SESSION_KINDS", "EVENT_PARTNER_TIERS"):
        if not isinstance(_get(settings, key), Mapping) or not _get(settings, key):
            problems.append(f"{key} : donnez un dictionnaire non vide « valeur » → « libellé ».")
    for key in ("EVENT_NAV", "EVENT_FOOTER_LINKS"):
        items = _get(settings, key)
        if not all(isinstance(i, (tuple, list)) and len(i) == 2 for i in items):
            problems.append(f"{key} : donnez une liste de paires (libellé, adresse).")
    problems += check_colors(_get(settings, "EVENT_COLORS"))
    languages = _get(settings, "EVENT_LANGUAGES")
    if not isinstance(languages, Mapping) or not all(isinstance(v, Mapping) for v in languages.values()):
        problems.append("EVENT_LANGUAGES : donnez un dictionnaire langue → réglages EVENT_* propres à cette langue.")
    else:
        for lang, overrides in languages.items():
            if not LANG_RE.match(str(lang)):
                problems.append(f"EVENT_LANGUAGES : code de langue incorrect {lang!r} (ex. en).")
            wrong = [k for k in overrides if (k not in DEFAULTS or k in UNTRANSLATABLE) and not str(k).startswith(OTHER_TRANSLATABLE_PREFIXES)]
            if wrong:
                problems.append(f"EVENT_LANGUAGES[{lang!r}] : réglages non traduisibles {', '.join(map(str, wrong))}.")
            problems += [f"EVENT_LANGUAGES[{lang!r}] → {p}" for p in check_settings({**settings, "EVENT_COLORS": {}, **event_overrides(overrides), "EVENT_LANGUAGES": {}})]
            problems += prefixed_menu_paths(str(lang), overrides)
    try:
        from babel import Locale

        Locale.parse(str(_get(settings, "EVENT_LOCALE")))
    except Exception:  # Babel raises several types for an unknown locale
        problems.append(f"EVENT_LOCALE : locale inconnue {_get(settings, 'EVENT_LOCALE')!r} (ex. fr_FR).")
    try:
        import zoneinfo

        zoneinfo.ZoneInfo(str(_get(settings, "EVENT_TIMEZONE")))
    except Exception:  # ZoneInfoNotFoundError or ValueError
        problems.append(f"EVENT_TIMEZONE : fuseau horaire inconnu {_get(settings, 'EVENT_TIMEZONE')!r}.")
    return problems
