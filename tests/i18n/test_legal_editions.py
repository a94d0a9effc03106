"""Legal texts per edition: LEGAL_* translated through EVENT_LANGUAGES, French ones marked lang="fr" elsewhere."""

from __future__ import annotations

import pytest
from pelican.settings import read_settings

from eventsite.build import build_site
from tests.conftest import SETTINGS, parse, site_overrides
from tests.i18n.test_languages import LEGAL, TRANSLATIONS


def english(**legal: object) -> dict[str, object]:
    """The repository's EVENT_LANGUAGES with LEGAL overrides added to its English edition."""
    languages = dict(read_settings(str(SETTINGS))["EVENT_LANGUAGES"])
    return {**languages, "en": {**languages["en"], **legal}}


def test_translated_legal_texts_replace_the_french_ones_and_the_others_are_marked(tmp_path, site) -> None:
    content = site(TRANSLATIONS)
    out = tmp_path / "output"
    languages = english(LEGAL_A11Y_CHECKS=("A firm audited the site: 100% of the criteria are met.",),
                        LEGAL_HOST="Example Host, 1 Server Street, 75000 Paris, France")
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content, **LEGAL, EVENT_LANGUAGES=languages))

    statement = parse(out / "en/accessibilite/index.html")
    checks, non_accessible = statement.select("main ul")[:2]
    assert "100% of the criteria" in checks.get_text() and not checks.has_attr("lang")
    assert non_accessible["lang"] == "fr"  # not translated: still French, and said so
    publisher = statement.select_one("main .prose p span[lang]")
    assert publisher["lang"] == "fr" and publisher.get_text() == "Ville de Testville"
    assert "is committed to making this site accessible" in publisher.parent.get_text()
    notice = parse(out / "en/mentions-legales/index.html")
    hosts = [p for p in notice.select("main p") if "Server Street" in p.get_text()]
    assert hosts and not hosts[0].has_attr("lang")
    director = [p for p in notice.select("main p") if "Camille Martin" in p.get_text()]
    assert director[0]["lang"] == "fr"
    french = parse(out / "accessibilite/index.html").main
    assert "100\u00a0% des critères" in french.get_text()  # typeset, as every French text and not french.select("[lang]")


def test_an_unknown_or_wrong_legal_translation_stops_the_build(tmp_path, site) -> None:
    content = site(TRANSLATIONS)
    languages = english(LEGAL_HOTS="Example Host", LEGAL_A11Y_CHECKS="one sentence")
    with pytest.raises(Exception) as raised:
        build_site(SETTINGS, tmp_path / "output", strict=True,
                   overrides=site_overrides(tmp_path, content, **LEGAL, EVENT_LANGUAGES=languages))
    problems = raised.value.problems
    assert len(problems) == 2, problems
    assert problems[0].startswith("EVENT_LANGUAGES['en']['LEGAL_HOTS'] vaut 'Example Host' : réglage inconnu")
    assert problems[1].startswith("EVENT_LANGUAGES['en']['LEGAL_A11Y_CHECKS'] vaut 'one sentence' : écrivez une liste de textes")
