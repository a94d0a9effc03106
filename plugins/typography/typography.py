"""Pelican wiring: French typography on content HTML and a `typo` Jinja filter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from markupsafe import Markup, escape
from pelican import signals

from eventsite.settingskit import check_at_startup

from .htmltext import transform_text
from .rules import typographer_fr_html
from .settings import setting

def lang_matches(lang: str | None, langs: Iterable[str]) -> bool:
    """Tell whether lang (e.g. "fr", "fr-CA", "fr_FR") is one of langs."""
    if not lang:
        return False
    wanted = {code.lower().replace("_", "-") for code in langs}
    lang = lang.lower().replace("_", "-")
    return lang in wanted or lang.split("-")[0] in wanted


def applies(settings: Mapping[str, Any], lang: str | None) -> bool:
    """Tell whether typography is on for text in lang under these settings."""
    return bool(setting(settings, "TYPOGRAPHY_ENABLED")) and lang_matches(
        lang, setting(settings, "TYPOGRAPHY_LANGS")
    )


def typeset_html(html: str) -> str:
    """Apply French typography to the text of an HTML fragment."""
    return transform_text(html, typographer_fr_html)


def typo(value: Any, lang: str | None = None, *, settings: Mapping[str, Any]) -> Markup:
    """Jinja filter: escape value, then typeset it if its language wants it."""
    safe = escape(value)
    if not applies(settings, lang or settings.get("DEFAULT_LANG")):
        return safe
    return Markup(typeset_html(str(safe)))


def typeset_content(content: Any) -> None:
    """content_object_init handler: typeset the body and summary of French content."""
    if not isinstance(getattr(content, "_content", None), str):
        return
    if not applies(content.settings, getattr(content, "lang", None)):
        return
    content._content = typeset_html(content._content)
    summary = content.metadata.get("summary")
    if isinstance(summary, str) and "summary" in content.settings.get(
        "FORMATTED_FIELDS", ()
    ):
        content.metadata["summary"] = typeset_html(summary)
        content._summary = content.metadata["summary"]


def add_filter(generator: Any) -> None:
    """generator_init handler: offer the `typo` filter to the theme's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["typo"] = partial(typo, settings=generator.settings)


def register() -> None:
    """Connect the plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.content_object_init.connect(typeset_content)
    signals.generator_init.connect(add_filter)
