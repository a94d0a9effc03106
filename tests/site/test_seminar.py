"""The repository's own site: builds strictly and tells everything the account of the day names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SharedBuild, parse

SPEAKERS = [
    "Pierre-Henri Vray", "Clément Bertholet", "Esther Mac Namara", "Cédric Spérandio",
    "Christophe Bouchet", "Mathieu Mazérat", "Florence Saubatte", "Cécile Batou-To Van", "Gérald Falquérho",
]
PARTNERS = [
    "La Fabrique Humaine", "Altitud RH", "IRA", "CASDEN", "Banque Populaire Auvergne-Rhône-Alpes", "Pôle emploi", "ACEF",
]
FACILITATORS = ["Justine", "Nicolas", "Raphaël", "Céline", "Jean-Philippe", "Françoise", "Karine"]


@pytest.fixture
def seminar(seminar_site: SharedBuild) -> Path:
    """The session's strict build of the repository's site (tests/conftest.py)."""
    assert seminar_site.result.warnings == []
    return seminar_site.output


def test_every_person_of_the_day_has_a_page(seminar):
    index = parse(seminar / "intervenants/index.html").main.get_text()
    for name in SPEAKERS:
        assert name in index
    pages = {parse(p).h1.get_text() for p in (seminar / "intervenants").glob("*/index.html")}
    assert set(SPEAKERS) <= pages


def test_every_partner_and_organiser_is_listed(seminar):
    partners = parse(seminar / "partenaires/index.html")
    text = partners.main.get_text()
    for name in PARTNERS:
        assert name in text
    tiers = [h.get_text() for h in partners.main.find_all("h2")]
    assert tiers == ["Organisateurs", "Partenaires"]


def test_programme_runs_from_opening_to_conclusion(seminar):
    programme = parse(seminar / "programme/index.html")
    kinds = [a["class"][1] for a in programme.select("article.session")]
    assert kinds.index("session--opening") < kinds.index("session--round-table") < kinds.index("session--workshop")
    assert kinds[-1] == "session--conclusion"
    table = programme.select_one("article.session--round-table")
    assert {a.get_text() for a in table.select(".people a")} == {
        "Clément Bertholet", "Esther Mac Namara", "Cédric Spérandio", "Christophe Bouchet", "Mathieu Mazérat", "Florence Saubatte",
    }


def test_outcomes_have_three_themes_nine_workshops_and_about_thirty_proposals(seminar):
    themes = sorted((seminar / "propositions").glob("*/index.html"))
    assert len(themes) == 3
    workshops = sum(len(parse(t).select("section.workshop")) for t in themes)
    proposals = sum(len(parse(t).select("li.proposal")) for t in themes)
    assert workshops == 9
    assert 27 <= proposals <= 36
    text = " ".join(parse(t).get_text() for t in themes)
    for name in FACILITATORS:
        assert name in text


def test_news_and_pages_exist(seminar):
    for page in ("actualites/index.html", "infos-pratiques/index.html", "organisateurs/index.html",
                 "mentions-legales/index.html", "accessibilite/index.html", "index.html"):
        assert (seminar / page).is_file(), page
    news = parse(seminar / "actualites/index.html")
    assert len(news.select("main li.card")) >= 2
    assert "#transfomanagementpublic" in parse(seminar / "index.html").footer.get_text()
