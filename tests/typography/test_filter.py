"""The `typo` Jinja filter: escaped first, typeset, safe for autoescape."""

from jinja2 import Environment
from markupsafe import Markup
from typography.rules import NBSP, NNBSP
from typography.typography import typo

SETTINGS = {"DEFAULT_LANG": "fr"}


def test_escapes_then_typesets() -> None:
    result = typo("Sécurité & <b>outils</b>: le 1er atelier!", settings=SETTINGS)
    assert isinstance(result, Markup)
    assert result == (
        f"Sécurité &amp; &lt;b&gt;outils&lt;/b&gt;{NBSP}: "
        f"le 1<sup>er</sup> atelier{NNBSP}!"
    )


def test_other_language_only_escaped() -> None:
    assert typo("Hello & welcome!", "en", settings=SETTINGS) == "Hello &amp; welcome!"


def test_disabled_only_escapes() -> None:
    settings = {**SETTINGS, "TYPOGRAPHY_ENABLED": False}
    assert typo("Oui!", settings=settings) == "Oui!"


def test_regional_language_code() -> None:
    assert typo("Oui!", "fr_CA", settings=SETTINGS) == f"Oui{NNBSP}!"


def test_in_autoescaped_template() -> None:
    env = Environment(autoescape=True)
    env.filters["typo"] = lambda value, lang=None: typo(value, lang, settings=SETTINGS)
    html = env.from_string("<h1>{{ t|typo }}</h1>").render(t="R&D: 2e édition")
    assert html == f"<h1>R&amp;D{NBSP}: 2<sup>e</sup> édition</h1>"
