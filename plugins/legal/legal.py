"""Pelican entry point of the legal plugin: the LEGAL_* settings and the conformity notice for templates."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from blinker import signal
from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican import signals

from eventsite.settingskit import check_at_startup

from .settings import KEYS, LegalSettings, read_legal_settings, unfilled_settings

logger = logging.getLogger(__name__)

CONTENT_PROBLEM = signal("content_problem")  # the content problem channel (docs/architecture.md)
SETTINGS_FILE = "pelicanconf.py"


@dataclass(frozen=True)
class LegalTexts:
    """The legal settings as one edition shows them, and the language each text is written in."""

    settings: LegalSettings
    edition_lang: str
    langs: Mapping[str, str]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.settings, name)

    def lang(self, name: str) -> str:
        """The language of the text NAME (« checks »): the edition's when translated, else the originals'."""
        return self.langs.get(name, self.edition_lang)

    def marked(self, name: str) -> Markup:
        """The text NAME, escaped, in a ``<span lang>`` when it is not in the edition's language."""
        value = escape(str(getattr(self.settings, name)))
        if self.lang(name) == self.edition_lang:
            return value
        return Markup('<span lang="%s">%s</span>') % (self.lang(name), value)


def legal_texts(settings: Mapping[str, Any], edition: Any) -> LegalTexts:
    """The LEGAL_* settings in EDITION: its translations (EVENT_LANGUAGES[lang]["LEGAL_…"]) over the originals."""
    overrides = {k: v for k, v in edition.overrides.items() if str(k).startswith("LEGAL_")}
    langs = {name: edition.lang if edition.default or key in overrides else edition.default_lang for name, key in KEYS.items()}
    return LegalTexts(read_legal_settings({**settings, **overrides}), edition.lang, MappingProxyType(langs))


def add_legal(generator: Any) -> None:
    """Give every generator's templates ``legal_of(edition)`` and the conformity notice of the page's edition."""
    settings = generator.settings

    def legal_of(edition: Any) -> LegalTexts:
        """Jinja global: the legal texts of EDITION."""
        return legal_texts(settings, edition)

    @pass_context
    def conformity_notice(context: Any) -> str:
        """Jinja global: the conformity wording (« partiellement conforme ») in the page's edition."""
        return str(context["edition"].gettext(legal_of(context["edition"]).conformity))

    generator.env.globals.update({"legal_of": legal_of, "conformity_notice": conformity_notice})


def report_placeholders(generators: list[Any]) -> None:
    """Send a content problem for each LEGAL_* setting still « [à compléter : …] » (publishing refuses it)."""
    if not generators:
        return
    context = generators[0].context
    for key, text in unfilled_settings(generators[0].settings):
        sent = CONTENT_PROBLEM.send(
            generators[0], context=context, file=SETTINGS_FILE, line=None, field=key,
            message=f"la mention légale n'est pas remplie : « {text} » (le site ne peut pas être publié ainsi)",
            fix=f"remplacez le texte entre crochets de {key} par la vraie valeur dans {SETTINGS_FILE} "
                "(ou dans le fichier de réglages que vous utilisez)",
            severity="warning",
        )
        if not sent:  # no plugin listens: never lose it
            logger.warning("%s [champ %s] : la mention légale n'est pas remplie : « %s »", SETTINGS_FILE, key, text)


def register() -> None:
    """Connect the legal plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.generator_init.connect(add_legal)
    signals.all_generators_finalized.connect(report_placeholders)
