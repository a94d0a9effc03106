"""Built sites: French typography on every French text node, never on another language, never on data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from eventsite.build import build_site
from tests.conftest import BASE_SITE, FILLED_LEGAL, SETTINGS, parse, site_overrides, write_site
from tests.typography.oracle import reference
from tests.typography.walk import plain_spaces
from typography.htmltext import tokens
from typography.rules import NBSP, NNBSP
from typography.typography import typeset_written_page


@pytest.fixture(scope="module")
def seminar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's seminar site, built once for this module."""
    root = tmp_path_factory.mktemp("seminar")
    out = root / "output"
    overrides = {"CACHE_PATH": str(root / "cache"), "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **FILLED_LEGAL}
    build_site(SETTINGS, out, strict=True, overrides=overrides)
    return out


def test_every_french_text_node_of_the_seminar_site_is_typeset(seminar: Path) -> None:
    assert len(list(seminar.rglob("*.html"))) > 40
    assert plain_spaces(seminar) == []


def test_the_typesetter_cuts_every_page_as_html_parser_does(seminar: Path) -> None:
    for page in seminar.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        cut = list(tokens(html))
        assert "".join(raw for *_, raw in cut) == html
        tags, _text = reference(html)
        assert [(kind, tag) for kind, tag, *_ in cut if kind in ("start", "empty", "end")] == [(k, t) for k, t, _ in tags]


def test_the_walk_sees_french_on_english_pages_and_would_fail(seminar: Path, tmp_path: Path) -> None:
    english = parse(seminar / "en/index.html")
    site_name = english.select_one(".site-name__title")
    assert site_name["lang"] == "fr" and f"numérique{NBSP}: levier d’innovation" in site_name.get_text()
    assert "Digital transformation: a lever" in english.title.get_text()  # English <title> untouched
    # The check can fail: a page as main wrote it.
    (tmp_path / "x.html").write_text('<html lang="en"><p lang="fr">Accessibilité : conforme</p><p>A: b</p></html>')
    assert len(plain_spaces(tmp_path)) == 1


def test_data_files_and_json_ld_untypeset(seminar: Path) -> None:
    data = [p for p in seminar.rglob("*") if p.suffix in {".json", ".ics", ".xml"} and "pagefind" not in p.parts]
    assert any(p.suffix == ".ics" for p in data) and any(p.name == "programme.json" for p in data)
    for path in data:
        assert not re.search("[\u00a0\u202f]", path.read_text(encoding="utf-8")), path
    home = parse(seminar / "index.html")
    ld = json.loads(home.find("script", type="application/ld+json").string)
    assert ld["name"].startswith("Transformation numérique : levier d'innovation")


ENGLISH_SESSION = (
    "Title: Wallet: where are we?\nLang: en\nDay: 2018-03-01\nStart: 14h30\nEnd: 15h00\nRoom: Amphi\n"
    "Kind: talk\nSpeakers: alice-martin\n\nWhy? Because: \"data\"!\n"
)
ENGLISH_NEWS = "Title: Wallet: where are we?\nLang: en\nDate: 2018-03-06 10:00\n\nIt's \"here\"!\n"
FRENCH_NEWS = "Title: Bilan : l'atelier de 14h30\nDate: 2018-03-07 10:00\nSummary: Le 1er bilan !\n\nC'est \"fait\" !\n"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BASE_SITE with an English session and an English news article on the French site, and an Atom feed."""
    root = tmp_path_factory.mktemp("mixed")
    changes = {"sessions/wallet.md": ENGLISH_SESSION, "news/wallet.md": ENGLISH_NEWS, "news/bilan.md": FRENCH_NEWS}
    content = write_site(root, {**BASE_SITE, **changes})
    out = root / "output"
    overrides = site_overrides(root, content, FEED_ALL_ATOM="feeds/atom.xml", SITEURL="https://exemple.fr")
    build_site(SETTINGS, out, strict=True, overrides=overrides)
    return out


def test_english_session_on_the_french_programme_untouched(mixed: Path) -> None:
    programme = parse(mixed / "programme/index.html")
    assert programme.html["lang"] == "fr"
    title = programme.select_one("#wallet .session__title")
    assert title["lang"] == "en" and title.get_text() == "Wallet: where are we?"
    assert programme.select_one("#wallet .prose")["lang"] == "en"
    assert programme.select_one("#wallet .prose").get_text().strip() == 'Why? Because: "data"!'
    hidden = programme.select_one("#wallet .session__agenda .visually-hidden")
    assert hidden["lang"] == "en" and hidden.get_text() == " (Wallet: where are we?)"
    # …while the French texts around it are typeset.
    assert "Ajouter à mon agenda" in programme.select_one("#wallet .session__agenda").get_text()
    assert plain_spaces(mixed) == []
    english = parse(mixed / "en/programme/index.html")
    assert english.select_one("#wallet .session__title").get_text() == "Wallet: where are we?"
    assert not english.select_one("#wallet .session__title").has_attr("lang")


def test_english_article_on_the_french_site(mixed: Path) -> None:
    news = parse(mixed / "actualites/index.html")
    card = next(c for c in news.select("li.card") if "Wallet" in c.get_text())
    assert card.h2["lang"] == "en" and card.h2.get_text() == "Wallet: where are we?"  # the card's texts carry their language
    french = next(c for c in news.select("li.card") if "Bilan" in c.get_text())
    assert french.h2.get_text() == f"Bilan{NBSP}: l’atelier de 14{NBSP}h{NBSP}30"
    article = parse(mixed / "en/actualites/wallet/index.html")
    assert article.html["lang"] == "en" and article.h1.get_text() == "Wallet: where are we?"
    assert 'It\'s "here"!' in article.main.get_text()


def test_french_title_and_open_graph_typeset_with_times(mixed: Path) -> None:
    page = parse(mixed / "actualites/bilan/index.html")
    assert page.title.get_text().startswith(f"Bilan{NBSP}: l’atelier de 14{NBSP}h{NBSP}30 · ")
    assert page.find("meta", property="og:title")["content"].startswith(f"Bilan{NBSP}: l’atelier de 14{NBSP}h{NBSP}30")
    assert page.find("meta", attrs={"name": "description"})["content"] == f"Le 1er bilan{NNBSP}!"
    assert f"C’est «{NBSP}fait{NBSP}»{NNBSP}!" in page.main.get_text()


def test_atom_feed_entries_typeset_in_their_own_language(mixed: Path) -> None:
    feed = BeautifulSoup((mixed / "feeds/atom.xml").read_text(encoding="utf-8"), "xml")
    entries = {entry.find("title").get_text(): entry for entry in feed.find_all("entry")}
    assert {"Wallet: where are we?", f"Bilan{NBSP}: l’atelier de 14{NBSP}h{NBSP}30"} <= set(entries)
    assert 'It\'s "here"!' in entries["Wallet: where are we?"].content.get_text()
    french = entries[f"Bilan{NBSP}: l’atelier de 14{NBSP}h{NBSP}30"]
    assert f"C’est «{NBSP}fait{NBSP}»{NNBSP}!" in french.content.get_text()
    assert french.link["href"] == "https://exemple.fr/actualites/bilan/"


def test_quotes_switched_off_spacing_still_on(tmp_path: Path, site) -> None:
    out = tmp_path / "output"
    content = site({"news/bilan.md": FRENCH_NEWS})
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content, TYPOGRAPHY_QUOTES=False))
    assert plain_spaces(out) == []
    page = parse(out / "actualites/bilan/index.html")
    assert page.h1.get_text() == f"Bilan{NBSP}: l'atelier de 14{NBSP}h{NBSP}30"
    assert f'C\'est "fait"{NNBSP}!' in page.main.get_text()


def test_switched_off_the_written_page_is_left_as_it_is(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html lang="fr"><p>Oui : "non"</p></html>', encoding="utf-8")
    typeset_written_page(str(page), {"DEFAULT_LANG": "fr", "TYPOGRAPHY_ENABLED": False})
    assert page.read_text(encoding="utf-8") == '<html lang="fr"><p>Oui : "non"</p></html>'
    typeset_written_page(str(page), {"DEFAULT_LANG": "fr", "CACHE_PATH": str(tmp_path / "cache")})
    assert page.read_text(encoding="utf-8") == f'<html lang="fr"><p>Oui{NBSP}: «{NBSP}non{NBSP}»</p></html>'
