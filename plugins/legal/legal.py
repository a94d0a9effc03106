"""Pelican entry point of the legal plugin: the LEGAL_* settings and the conformity notice for templates."""

from __future__ import annotations

import logging
from typing import Any

from blinker import signal
from jinja2 import pass_context
from pelican import signals

from eventsite.settingskit import check_at_startup

from .settings import read_legal_settings, unfilled_settings

logger = logging.getLogger(__name__)

CONTENT_PROBLEM = signal("content_problem")  # the content problem channel (docs/architecture.md)
SETTINGS_FILE = "pelicanconf.py"


@pass_context
def conformity_notice(context: Any) -> str:
    """Jinja global: the conformity wording (« partiellement conforme ») in the page's language."""
    wording = context["legal"].conformity
    gettext = context.get("gettext")
    return str(context.call(gettext, wording)) if callable(gettext) else wording


def add_legal(generator: Any) -> None:
    """Give every generator's templates the legal settings and the conformity notice."""
    generator.env.globals.update({"legal": read_legal_settings(generator.settings), "conformity_notice": conformity_notice})


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
