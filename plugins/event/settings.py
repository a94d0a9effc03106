"""The EVENT_* settings: declared once (default, check, doc), read without changing Pelican's settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
import re
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from eventsite.settingchecks import (
    COLOR_RE, LANG_RE, boolean, dictionary, filled_text, folder, iso_date, locale_name, optional, pairs, text,
    time_zone,
)
from eventsite.settingskit import Part, Problem, Setting, declaration_of, declare, within

TOKEN_RE = re.compile(r"^[a-z][a-z0-9-]*$")

# EVENT_* settings that are the same in every language (EVENT_LANGUAGES cannot override them).
UNTRANSLATABLE = ("EVENT_LANGUAGES", "EVENT_PATHS", "EVENT_URLS", "EVENT_CATALOGUES")
# Other plugins' settings an edition may override, each checked by its own plugin's declaration: the legal texts.
OTHER_TRANSLATABLE_PREFIXES = ("LEGAL_",)
# Menus: language-neutral paths, put under « LANG/ » by each edition.
MENUS = ("EVENT_NAV", "EVENT_FOOTER_LINKS")


def _colors(value: Any) -> list[Problem]:
    """Token name (without --color-) → #rrggbb."""
    if not isinstance(value, Mapping):
        return ["écrivez un dictionnaire nom de couleur → #rrggbb, par ex. {\"accent\": \"#0b6e4f\"}"]
    return [
        Part(f"[{name!r}]", color, "écrivez un nom en minuscules (par ex. accent) et une couleur #rrggbb (par ex. \"#0b6e4f\")")
        for name, color in value.items()
        if not (TOKEN_RE.match(str(name)) and COLOR_RE.match(str(color)))
    ]


def _override_problems(name: Any, given: Any) -> list[Problem]:
    """What is wrong with GIVEN as one language's value of NAME, checked by the declaration of NAME (its plugin's)."""
    if str(name).startswith(OTHER_TRANSLATABLE_PREFIXES):
        declaration = declaration_of(str(name))
        if declaration is None:
            return ["réglage inconnu : vérifiez son nom dans docs/reglages.md"]
        return list(declaration.validate(given))
    if name not in DECLARED or name in UNTRANSLATABLE:
        return ["réglage non traduisible : retirez-le (seuls les autres réglages EVENT_* et les LEGAL_* se traduisent)"]
    return list(DECLARED.declared(name).validate(given))


def _prefixed_menu_paths(lang: str, name: Any, given: Any) -> list[Problem]:
    """A problem for each menu path of LANG's EVENT_NAV or EVENT_FOOTER_LINKS already under « LANG/ » (the edition adds it)."""
    if name not in MENUS or pairs(given):
        return []
    return [
        Part(f"[{index}]", item, f"écrivez {item[1][len(lang) + 1:]!r} au lieu de {item[1]!r} "
             f"(le site « {lang} » met lui-même ses adresses sous « {lang}/ »)")
        for index, item in enumerate(given)
        if item[1].startswith(f"{lang}/")
    ]


def _languages(value: Any) -> list[Problem]:
    """Language code → the EVENT_* and LEGAL_* settings that differ in that language, each checked as the setting itself."""
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        return ["écrivez un dictionnaire langue → réglages EVENT_* propres à cette langue, par ex. {\"en\": {\"EVENT_NAME\": \"…\"}}"]
    found: list[Problem] = []
    for lang, overrides in value.items():
        if not LANG_RE.match(str(lang)):
            found.append(Part(f"[{lang!r}]", lang, "écrivez un code de langue en minuscules, par ex. \"en\""))
        for name, given in overrides.items():
            problems = _override_problems(name, given) + _prefixed_menu_paths(str(lang), name, given)
            found += within(f"[{lang!r}][{name!r}]", given, problems)
    return found


_venue = dictionary(text, example="{\"name\": \"…\", \"address\": \"…\", \"city\": \"…\"}")
_labels = dictionary(filled_text, filled=True, example="{\"keynote\": \"Conférence\"}")
_paths = dictionary(folder, example="{\"speaker\": \"speakers\"}")
_urls = dictionary(text, example="{\"speaker\": \"intervenants/{slug}/\"}")

DECLARED = declare(
    "event",
    Setting("EVENT_NAME", "Événement", "Nom de l'événement (titres, en-tête, calendriers).", text),
    Setting("EVENT_TAGLINE", "", "Phrase d'accroche sous le nom de l'événement.", text),
    Setting("EVENT_START", None, "Premier jour de l'événement (AAAA-MM-JJ).", optional(iso_date)),
    Setting("EVENT_END", None, "Dernier jour de l'événement (AAAA-MM-JJ) ; None : le premier jour.", optional(iso_date)),
    Setting("EVENT_TIMEZONE", "Europe/Paris", "Fuseau horaire des heures du programme.", time_zone),
    Setting("EVENT_VENUE", MappingProxyType({"name": "", "address": "", "city": ""}),
            "Lieu : dictionnaire name, address, postcode, city.", _venue),
    Setting("EVENT_HASHTAG", "", "Mot-dièse de l'événement, affiché en pied de page.", text),
    Setting("EVENT_LOCALE", "fr_FR", "Locale des dates et des nombres (par ex. fr_FR).", locale_name),
    # Builds by `python -m eventsite build` fail on any content problem, as --strict does (publishconf.py).
    Setting("EVENT_STRICT", False, "Construction stricte : échoue au moindre problème du contenu (comme --strict).", boolean),
    Setting("EVENT_SHOW_PROBLEMS", False, "Affiche les problèmes du contenu en bandeau sur chaque page (aperçu seulement).", boolean),
    # Pages in another language go under <code>/.
    Setting("EVENT_LANGUAGES", MappingProxyType({}),
            "Autres langues du site : code → réglages EVENT_* et LEGAL_* qui changent dans cette langue (nom, menus, "
            "libellés, textes légaux…).", _languages),
    Setting("EVENT_CATALOGUES", None,
            "Dossier des catalogues de traduction du thème (par ex. en/LC_MESSAGES/messages.po) ; None : THEME/translations.",
            optional(filled_text)),
    Setting("EVENT_COLORS", MappingProxyType({}), "Couleurs du thème à remplacer : nom (sans --color-) → #rrggbb.", _colors),
    Setting("EVENT_SESSION_KINDS", MappingProxyType(
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
    ), "Types de séance : valeur du champ Kind → libellé affiché.", _labels),
    Setting("EVENT_PARTNER_TIERS", MappingProxyType(
        {
            "organiser": "Organisateurs",
            "partner": "Partenaires",
            "supporter": "Soutiens",
        }
    ), "Catégories de partenaires : valeur du champ Tier → titre de la section.", _labels),
    Setting("EVENT_NAV", (
        ("Accueil", ""),
        ("Programme", "programme/"),
        ("Intervenants", "intervenants/"),
        ("Propositions", "propositions/"),
        ("Partenaires", "partenaires/"),
        ("Actualités", "actualites/"),
        ("Infos pratiques", "infos-pratiques/"),
    ), "Menu principal : paires (libellé, adresse relative au site).", pairs),
    Setting("EVENT_FOOTER_LINKS", (
        ("Mentions légales", "mentions-legales/"),
        ("Accessibilité : partiellement conforme", "accessibilite/"),
    ), "Liens du pied de page : paires (libellé, adresse) ; {conformity} devient le niveau de conformité.", pairs),
    Setting("EVENT_PATHS", MappingProxyType(
        {
            "speaker": "speakers",
            "session": "sessions",
            "partner": "partners",
            "theme": "themes",
            "workshop": "workshops",
            "proposal": "proposals",
            "room": "rooms",
            "track": "tracks",
        }
    ), "Dossier du contenu de chaque type (intervenants, séances…), dans le dossier du contenu.", _paths),
    Setting("EVENT_URLS", MappingProxyType(
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
            "room": "salles/#{slug}",
            "rooms": "salles/",
            "track": "parcours/{slug}/",
            "day": "programme/{slug}/",
            "room_programme": "programme/salle/{slug}/",
            "language_programme": "programme/langue/{slug}/",
        }
    ), "Adresse des pages de l'événement, par type ({slug} : identifiant de la fiche ; pour day, la date AAAA-MM-JJ ; "
       "pour language_programme, le code de langue).", _urls),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


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

    @property
    def several_days(self) -> bool:
        """True when the event lasts more than one day (EVENT_END after EVENT_START): headings say « l'événement », not « la journée »."""
        return self.start is not None and self.end is not None and self.end > self.start


def _get(settings: Mapping[str, Any], key: str) -> Any:
    return DECLARED.value(settings, key)


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
