"""A real Pelican build with the plugin: French pages typeset, English ones not."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from typography.rules import NBSP, NNBSP

HERE = Path(__file__).parent
PLUGINS = HERE.parents[1] / "plugins"

FRENCH = """Title: Infos pratiques : le 1er jour!
Slug: infos

Accueil à 9h30; déjeuner à 12:30 : « buffet » pour 100% des inscrits!
Voir [le plan](http://exemple.fr/plan?salle=a:1) et `make html; ok!`.
"""

ENGLISH = """Title: Practical info: day one!
Slug: info
Lang: en

Welcome at 9:30; lunch: "buffet" for 100% of people!
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Build a two-page site with the plugin and return its output folder."""
    content = tmp_path / "content" / "pages"
    content.mkdir(parents=True)
    (content / "infos.md").write_text(FRENCH, encoding="utf-8")
    (content / "info.md").write_text(ENGLISH, encoding="utf-8")
    output = tmp_path / "output"
    settings = read_settings(
        None,
        override={
            "PATH": str(tmp_path / "content"),
            "OUTPUT_PATH": str(output),
            "PLUGIN_PATHS": [str(PLUGINS)],
            "PLUGINS": ["typography"],
            "DEFAULT_LANG": "fr",
            "THEME": "simple",
            "THEME_TEMPLATES_OVERRIDES": [str(HERE / "theme" / "templates")],
            "JINJA_ENVIRONMENT": {"autoescape": True},
            "SITEURL": "",
            "CACHE_PATH": str(tmp_path / "cache"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
        },
    )
    Pelican(settings).run()
    return output  # tests/conftest.py disconnects the receivers after each test


def soup_of(path: Path) -> BeautifulSoup:
    """Parse one written page."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_french_page_typeset(site: Path) -> None:
    soup = soup_of(site / "pages" / "infos.html")
    article = soup.article
    assert article.h2.get_text() == f"Infos pratiques{NBSP}: le 1er jour{NNBSP}!"
    assert str(article.h2.sup) == "<sup>er</sup>"
    paragraph = article.p.get_text()
    assert f"Accueil à 9{NBSP}h{NBSP}30{NNBSP};" in paragraph
    assert f"12{NBSP}h{NBSP}30{NBSP}: «{NBSP}buffet{NBSP}»" in paragraph
    assert f"100{NBSP}% des inscrits{NNBSP}!" in paragraph
    assert article.a["href"] == "http://exemple.fr/plan?salle=a:1"
    assert article.code.get_text() == "make html; ok!"


def test_english_page_untouched(site: Path) -> None:
    article = soup_of(site / "pages" / "info-en.html").article
    assert article.h2.get_text() == "Practical info: day one!"
    text = article.get_text()
    assert NBSP not in text and NNBSP not in text
    assert "Welcome at 9:30; lunch:" in text
