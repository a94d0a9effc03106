"""One rule for translating anything: a file of the same name in an en/ folder beside it, holding only what it translates."""

from __future__ import annotations

import os
from pathlib import Path

from eventsite.build import build_site
from eventsite.check import check_content
from tests.conftest import SETTINGS, parse, site_overrides

ONLY_TRANSLATED = {
    "pages/en/accueil.md": "Title: Home\n\nWelcome.\n",
    "pages/mentions-legales.md": "Title: Mentions légales\nSlug: mentions-legales\nTemplate: legal\n\nDonnées.\n",
    "pages/en/mentions-legales.md": "Title: Legal notice\n\nData.\n",
    "news/en/compte-rendu.md": "Title: Report\nSummary: How the day went.\n\nThe day.\n",
}


def build(tmp_path: Path, content: Path, **extra: object) -> Path:
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content, **extra))
    return out


def test_page_and_news_translations_need_only_their_texts(tmp_path, site) -> None:
    out = build(tmp_path, site(ONLY_TRANSLATED))

    home = parse(out / "en/index.html")  # Save_as/Url « index.html » of the original, under en/
    assert home.html["lang"] == "en" and "Welcome." in home.main.get_text()
    assert home.select_one(".hero") is not None and home.select(".figures__list li")  # Template and Figures inherited
    legal = parse(out / "en/mentions-legales/index.html")
    assert "Data." in legal.main.get_text() and legal.select_one("main h2") is not None  # the legal template
    news = parse(out / "en/actualites/compte-rendu/index.html")
    assert news.h1.get_text() == "Report" and news.select_one("main time")["datetime"] == "2018-03-05"
    assert not news.select_one("main article").has_attr("lang")
    card = parse(out / "en/actualites/index.html").select_one(".card")
    assert card.select_one(".card__title").get_text(strip=True) == "Report" and not card.select("[lang]")
    assert "How the day went." in card.get_text()
    french = parse(out / "actualites/index.html").select_one(".card__title").get_text(strip=True)
    assert french == "Compte rendu"


def test_an_edit_of_the_original_reaches_its_translation_through_the_cache(tmp_path, site) -> None:
    content = site(ONLY_TRANSLATED)
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    build(tmp_path, content, **cached)
    original = content / "news/compte-rendu.md"
    original.write_text(original.read_text(encoding="utf-8").replace("2018-03-05", "2018-04-09"), encoding="utf-8")
    os.utime(original, (os.stat(original).st_mtime + 10,) * 2)
    out = build(tmp_path, content, **cached)
    assert parse(out / "en/actualites/compte-rendu/index.html").select_one("main time")["datetime"] == "2018-04-09"


def test_a_translation_without_original_is_reported(tmp_path, site) -> None:
    content = site({**ONLY_TRANSLATED, "pages/en/contact.md": "Title: Contact\n\nWrite to us.\n"})
    problems = check_content(SETTINGS, site_overrides(tmp_path, content))
    assert [(p.file, p.severity) for p in problems if "sans original" in p.message] == [("pages/en/contact.md", "warning")]
