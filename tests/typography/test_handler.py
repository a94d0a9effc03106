"""The content_object_init handler on Pelican content objects."""

from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG
from typography.rules import NBSP, NNBSP
from typography.typography import typeset_content


def make_page(lang: str, **settings) -> Page:
    """A page with a body and a formatted summary, in lang."""
    config = {**DEFAULT_CONFIG, "DEFAULT_LANG": "fr", **settings}
    metadata = {"title": "T", "lang": lang, "summary": "<p>Résumé!</p>"}
    return Page("<p>Oui: <code>a: b</code></p>", metadata=metadata, settings=config)


def test_french_body_and_summary() -> None:
    page = make_page("fr")
    typeset_content(page)
    assert page._content == f"<p>Oui{NBSP}: <code>a: b</code></p>"
    assert page.metadata["summary"] == f"<p>Résumé{NNBSP}!</p>"


def test_english_left_alone() -> None:
    page = make_page("en")
    typeset_content(page)
    assert page._content == "<p>Oui: <code>a: b</code></p>"


def test_langs_and_switch_settings() -> None:
    page = make_page("en", TYPOGRAPHY_LANGS=("fr", "en"))
    typeset_content(page)
    assert NBSP in page._content
    page = make_page("fr", TYPOGRAPHY_ENABLED=False)
    typeset_content(page)
    assert NBSP not in page._content
