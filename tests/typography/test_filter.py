"""The `typo` Jinja filter only escapes: typesetting happens once, on the written page, by lang attribute."""

from jinja2 import Environment
from markupsafe import Markup
from typography.rules import NBSP
from typography.typography import typeset_html, typo


def test_escapes_and_leaves_typesetting_to_the_page() -> None:
    result = typo("Sécurité & <b>outils</b>: le 1er atelier!", "fr")
    assert isinstance(result, Markup)
    assert result == "Sécurité &amp; &lt;b&gt;outils&lt;/b&gt;: le 1er atelier!"


def test_an_english_title_through_the_filter_on_a_french_page_stays_english() -> None:
    # Before, `typo` typeset by its argument (the default language when none was given),
    # whatever the page said: the English title below came out with French spaces.
    env = Environment(autoescape=True)
    env.filters["typo"] = typo
    html = env.from_string('<h1 lang="en">{{ t|typo }}</h1><p>{{ f|typo }}</p>').render(
        t="Wallet: where are we?", f="R&D: 2e édition"
    )
    assert typeset_html(html, "fr") == f'<h1 lang="en">Wallet: where are we?</h1><p>R&amp;D{NBSP}: 2<sup>e</sup> édition</p>'
