"""Pelican entry point of the languages plugin: gettext of the page's edition, switch and hreflang helpers."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from pelican import signals

from eventsite.settingskit import check_at_startup

from . import switch
from .settings import LanguageSettings, read_language_settings


def _with_settings(function: Any, settings: LanguageSettings) -> Any:
    """A Jinja global that passes the template context and the language settings to FUNCTION."""

    @pass_context
    def helper(context: Any, *args: Any) -> Any:
        return function(context, settings, *args)

    helper.__doc__ = function.__doc__
    return helper


@pass_context
def gettext(context: Any, message: str) -> str:
    """MESSAGE in the language of the page's edition."""
    edition = context.get("edition")
    return edition.gettext(message) if edition is not None else message


@pass_context
def ngettext(context: Any, singular: str, plural: str, number: int) -> str:
    """The form for NUMBER in the language of the page's edition."""
    edition = context.get("edition")
    if edition is None:
        return singular if number == 1 else plural
    return edition.ngettext(singular, plural, number)


def install(generator: Any) -> None:
    """Give a generator's templates gettext from the page's edition and the switch helpers."""
    settings = read_language_settings(generator.settings)
    env = generator.env
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        {
            "language_switch": _with_settings(switch.alternates, settings),
            "hreflang_links": _with_settings(switch.hreflang_links, settings),
            "lang_attr": _with_settings(switch.lang_attr, settings),
        }
    )


def register() -> None:
    """Connect the languages plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.generator_init.connect(install)
