"""Pelican entry point of the legal plugin: the LEGAL_* settings and the conformity notice for templates."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from pelican import signals

from .settings import check_legal_settings, read_legal_settings


class LegalSettingsError(Exception):
    """Raised at start-up when LEGAL_* settings cannot be used."""


def check_settings(pelican: Any) -> None:
    """Check the LEGAL_* settings once, when Pelican starts."""
    problems = check_legal_settings(pelican.settings)
    if problems:
        raise LegalSettingsError("Réglages incorrects :\n" + "\n".join(f"  - {p}" for p in problems))


@pass_context
def conformity_notice(context: Any) -> str:
    """Jinja global: the conformity wording (« partiellement conforme ») in the page's language."""
    wording = context["legal"].conformity
    gettext = context.get("gettext")
    return str(context.call(gettext, wording)) if callable(gettext) else wording


def add_legal(generator: Any) -> None:
    """Give every generator's templates the legal settings and the conformity notice."""
    generator.env.globals.update({"legal": read_legal_settings(generator.settings), "conformity_notice": conformity_notice})


def register() -> None:
    """Connect the legal plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_legal)
