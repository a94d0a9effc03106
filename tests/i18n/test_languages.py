"""The English edition: language switch, hreflang, lang attributes, gettext strings, RGAA and legal pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventsite.build import build_site
from tests.conftest import BASE_SITE, SETTINGS, SharedBuild, parse, site_overrides, write_site
from tests.i18n.links import broken_links

TRANSLATIONS = {
    "pages/en/accueil.md": "Title: Home\nTemplate: home\nSave_as: en/index.html\nUrl: en/\nSlug: accueil\nLang: en\n\nWelcome.\n",
    "pages/contact.md": "Title: Contact\nSlug: contact\n\nÉcrivez-nous.\n",
    "pages/accessibilite.md": "Title: Déclaration d'accessibilité\nSlug: accessibilite\nTemplate: accessibility\n\nTexte en plus.\n",
    "pages/en/accessibilite.md": "Title: Accessibility statement\nSlug: accessibilite\nTemplate: accessibility\nLang: en\n",
    "pages/mentions-legales.md": "Title: Mentions légales\nSlug: mentions-legales\nTemplate: legal\n",
    "sessions/en/ouverture.md": "Title: Opening\nRoom: Lecture hall\n\nWelcome speech.\n",
    "speakers/en/alice-martin.md": "Role: Director\n",
}
LEGAL = {
    "LEGAL_PUBLISHER": "Ville de Testville",
    "LEGAL_DIRECTOR": "Camille Martin, maire",
    "LEGAL_HOST": "Hébergeur Exemple, 1 rue du Serveur, 75000 Paris",
    "LEGAL_CONTACT": "accessibilite@testville.example",
    "LEGAL_A11Y_STATUS": "full",
    "LEGAL_A11Y_CHECKS": ("Audit réalisé par un cabinet : 100 % des critères respectés.",),
    "LEGAL_A11Y_NON_ACCESSIBLE": ("Les vidéos de 2017 n'ont pas de sous-titres.",),
}


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test event with TRANSLATIONS and LEGAL, built once for the tests that only read it."""
    root = tmp_path_factory.mktemp("bilingual")
    content = write_site(root, {**BASE_SITE, **TRANSLATIONS})
    out = root / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(root, content, **LEGAL))
    return out


def switch(soup) -> list[tuple[str, str]]:
    return [(a["hreflang"], a["href"]) for a in soup.select(".language-switch a")]


def alternates(soup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}


def test_translated_event_page_switches_to_its_translation_both_ways(bilingual):
    out = bilingual
    fr, en = parse(out / "programme/index.html"), parse(out / "en/programme/index.html")
    assert fr.html["lang"] == "fr" and en.html["lang"] == "en"
    assert switch(fr) == [("en", "../en/programme/")]
    assert switch(en) == [("fr", "../../programme/")]
    assert alternates(fr) == {"fr": "../programme/", "en": "../en/programme/"}
    assert alternates(en) == {"fr": "../../programme/", "en": "../../en/programme/"}
    assert en.select_one(".language-switch a")["lang"] == "fr"


def test_translated_pelican_page_and_home(bilingual):
    out = bilingual
    fr, en = parse(out / "index.html"), parse(out / "en/index.html")
    assert en.html["lang"] == "en" and "Welcome." in en.main.get_text()
    assert switch(fr) == [("en", "./en/")]
    assert switch(en) == [("fr", "../index.html")]
    assert set(alternates(fr)) == set(alternates(en)) == {"fr", "en"}


def test_untranslated_page_and_news_are_shown_in_the_english_edition_marked_french(bilingual):
    out = bilingual
    soup = parse(out / "contact/index.html")
    assert switch(soup) == [("en", "../en/contact/")]
    assert soup.select_one(".language-switch a").has_attr("data-untranslated")
    assert alternates(soup) == {}  # no hreflang: there is no English text
    english = parse(out / "en/contact/index.html")
    assert english.html["lang"] == "en" and english.select_one(".skip-link").get_text() == "Skip to content"
    assert english.select_one("main .wrap--text")["lang"] == "fr" and "Écrivez-nous." in english.main.get_text()
    assert switch(english) == [("fr", "../../contact/")] and alternates(english) == {}
    article = parse(out / "actualites/compte-rendu/index.html")
    assert switch(article) == [("en", "../../en/actualites/compte-rendu/")] and alternates(article) == {}
    news = parse(out / "en/actualites/index.html")
    assert news.html["lang"] == "en" and news.select_one(".card__title")["lang"] == "fr"
    assert news.select_one(".card__title a")["href"] == "../../en/actualites/compte-rendu/"


def test_english_programme_uses_translations_and_marks_french_passages(bilingual):
    out = bilingual
    soup = parse(out / "en/programme/index.html")
    titles = {h.get_text(strip=True): h.get("lang") for h in soup.select(".session__title")}
    assert titles["Opening"] is None  # translated: in the page's language
    assert titles["Table ronde"] == "fr"  # not translated: marked as French
    assert soup.find(string="Welcome speech.") is not None
    assert soup.select_one("#ouverture .badge").get_text() == "Opening"  # kind label from EVENT_LANGUAGES
    assert "Thursday 1 March 2018" in soup.select_one(".programme-day h2").get_text()
    assert "9:00" in soup.select_one(".timeline__time").get_text()
    assert soup.select_one(".skip-link").get_text() == "Skip to content"
    assert soup.select_one(".site-nav a").get_text() == "Home"
    speaker = parse(out / "en/intervenants/bob-durand/index.html")
    assert speaker.select_one(".lead")["lang"] == "fr" and speaker.select_one(".prose")["lang"] == "fr"
    alice = parse(out / "en/intervenants/alice-martin/index.html")
    assert alice.select_one(".lead").get_text(strip=True) == "Director · IRA" and not alice.select_one(".lead").get("lang")
    assert alice.select_one("main ul.plain-list a")["href"] == "../../../en/programme/#ouverture"


def test_french_pages_keep_french_interface_and_no_lang_on_french_text(bilingual):
    out = bilingual
    soup = parse(out / "programme/index.html")
    assert soup.select_one(".skip-link").get_text() == "Aller au contenu"
    assert not soup.select(".session__title[lang]")
    assert "jeudi 1er mars 2018" in soup.select_one(".programme-day h2").get_text()


def test_accessibility_statement_and_legal_notice_come_from_settings(bilingual):
    out = bilingual
    fr = parse(out / "accessibilite/index.html").main.get_text(" ", strip=True)
    for expected in ("Ville de Testville", "totalement conforme", "RGAA 4.1", "100\u00a0% des critères", "vidéos de 2017",
                     "accessibilite@testville.example", "Défenseur des droits", "Texte en plus."):
        assert expected in fr, expected
    en = parse(out / "en/accessibilite/index.html")
    assert "fully compliant" in en.main.get_text() and "Means of redress" in en.main.get_text()
    assert en.select_one("main ul")["lang"] == "fr"  # the checks are written in French in the settings
    assert "cabinet\u00a0: 100\u00a0% des critères" in en.select_one("main ul").get_text()  # and typeset as French
    legal = parse(out / "mentions-legales/index.html").main.get_text(" ", strip=True)
    assert "Ville de Testville" in legal and "Camille Martin, maire" in legal and "Hébergeur Exemple" in legal
    home = parse(out / "index.html")
    assert home.select_one(".conformity-notice a").get_text() == "Accessibilité\u00a0: totalement conforme"
    footer = [a.get_text() for a in parse(out / "en/index.html").select("footer a")]
    assert "Accessibility: fully compliant" in footer


def test_translation_of_a_missing_file_or_untranslatable_field_is_reported(tmp_path, site):
    from eventsite.check import check_content

    content = site({**TRANSLATIONS, "sessions/en/inconnue.md": "Title: Unknown\n", "sessions/en/pause.md": None,
                    "speakers/en/bob-durand.md": "Role: Host\nDay: 2018-03-01\n",
                    "sessions/en/table-ronde.md": "Title: [titre en anglais]\n"})
    problems = check_content(SETTINGS, site_overrides(tmp_path, content))
    found = {(p.file, p.field) for p in problems}
    assert ("sessions/en/inconnue.md", "") in found
    assert ("speakers/en/bob-durand.md", "Day") in found
    assert ("sessions/en/table-ronde.md", "Title") in found


def test_french_typography_only_on_french_text(tmp_path, site):
    content = site({**TRANSLATIONS, "sessions/en/table-ronde.md": "Title: Round table: data\n\nWhy? Because: data!\n"})
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content))
    en = parse(out / "en/programme/index.html")
    assert en.select_one("#table-ronde .session__title").get_text() == "Round table: data"
    assert "Why? Because: data!" in en.select_one("#table-ronde .prose").get_text()
    fr = parse(out / "programme/index.html")
    assert "Débat." in fr.select_one("#table-ronde .prose").get_text()


def test_seminar_site_in_both_languages_has_no_broken_link(seminar_site: SharedBuild):
    out = seminar_site.output
    assert broken_links(out) == []
    assert (out / "en/programme/index.html").is_file() and (out / "en/infos-pratiques/index.html").is_file()
    en = parse(out / "en/programme/index.html")
    assert not en.select(".session__title[lang]")  # every session title of the seminar is translated
    assert not en.select(".session .prose[lang]")  # and every description
