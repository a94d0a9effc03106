"""The « Changements » page and its Atom feed, and what makes the kit generic: headings, calendar name, favicon, facilitators."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import icalendar
import pytest
from lxml import etree

from event.contrast import contrast_ratio
from eventsite.checks import check_site
from tests.conference.site import build_conference
from tests.conftest import parse

SITEURL = "https://example.org/rnum"
# The conference's changes, newest first: (session, state in French, in English, Modified in Paris time).
CHANGES = [
    ("recherche", "Modifiée", "Changed", dt.datetime(2027, 6, 3, 10, 15)),
    ("communs", "Déplacée", "Moved", dt.datetime(2027, 6, 2, 9, 0)),
    ("atelier-donnees", "Annulée", "Cancelled", dt.datetime(2027, 6, 1, 14, 30)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_conference(tmp_path_factory.mktemp("changes-page"), SITEURL=SITEURL)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The conference as previewed: relative URLs."""
    return build_conference(tmp_path_factory.mktemp("changes-preview"))


def utc(moment: dt.datetime) -> dt.datetime:
    """A naive Paris time of the content (June: UTC+2) in UTC."""
    return (moment - dt.timedelta(hours=2)).replace(tzinfo=dt.timezone.utc)


def feed(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize(("prefix", "lang"), [("", "fr"), ("en/", "en")])
def test_the_changes_page_lists_each_change_with_its_date_newest_first(output, prefix, lang):
    soup = parse(output / prefix / "programme/changements/index.html")
    assert soup.html["lang"] == lang
    items = soup.select("ol.changes > li.change")
    assert [li["id"].removeprefix("changement-") for li in items] == [slug for slug, *_ in CHANGES]
    for li, (slug, french, english, modified) in zip(items, CHANGES):
        assert li.select_one("time")["datetime"] == modified.isoformat(timespec="minutes")
        assert li.select_one(".badge--status").get_text(strip=True) == (french if lang == "fr" else english)
        link = li.select_one(".change__title a")["href"]
        assert link.endswith(f"/{prefix}programme/#{slug}")
        # The anchor exists in that edition's programme.
        assert parse(output / prefix / "programme/index.html").select_one(f"#{slug}") is not None
    cancelled = items[2].get_text(" ", strip=True)
    assert ("L’intervenant ne peut pas venir" if lang == "fr" else "The speaker cannot come") in cancelled
    assert ("jeudi 10 juin 2027" if lang == "fr" else "Thursday 10 June 2027") in cancelled


@pytest.mark.parametrize(("prefix", "lang"), [("", "fr"), ("en/", "en")])
def test_the_feed_is_valid_atom_dated_from_the_content(output, prefix, lang):
    parsed = feed(output / prefix / "programme/changements/atom.xml")
    assert parsed.version == "atom10"
    assert parsed.feed.title.startswith("Changements du programme" if lang == "fr" else "Programme changes")
    entries = parsed.entries
    assert [e.link for e in entries] == [f"{SITEURL}/{prefix}programme/#{slug}" for slug, *_ in CHANGES]
    assert [dt.datetime(*e.updated_parsed[:6], tzinfo=dt.timezone.utc) for e in entries] == [utc(m) for *_, m in CHANGES]
    assert parsed.feed.updated == entries[0].updated  # the newest change, never the clock
    assert entries[2].title == ("Annulée : Atelier données ouvertes" if lang == "fr" else "Cancelled: Open data workshop")
    assert all(e.id.startswith("urn:uuid:") for e in entries) and len({e.id for e in entries}) == 3
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    assert self_link == f"{SITEURL}/{prefix}programme/changements/atom.xml"


def test_the_feed_is_advertised_on_the_programme_and_the_changes_page_and_the_programme_links_the_page(output):
    for page in ("programme/index.html", "programme/changements/index.html", "en/programme/index.html"):
        soup = parse(output / page)
        feeds = soup.select('link[rel="alternate"][type="application/atom+xml"]')
        assert len(feeds) == 1
        assert urljoin(f"{SITEURL}/{page}", feeds[0]["href"]).endswith("programme/changements/atom.xml")
    link = parse(output / "programme/index.html").select_one(".programme-changes a")
    assert link.get_text(strip=True) == "Changements du programme (3)" and link["href"].endswith("programme/changements/")


def test_a_rebuild_writes_the_same_feed_and_a_new_change_is_a_new_entry(tmp_path, output):
    from tests.conference.test_rooms_tracks import changed_conference

    again = build_conference(tmp_path / "again", SITEURL=SITEURL)
    assert (again / "programme/changements/atom.xml").read_bytes() == (output / "programme/changements/atom.xml").read_bytes()
    content = changed_conference(tmp_path, {"sessions/communs.md": (r"^Modified: 2027-06-02 09:00$", "Modified: 2027-06-04 08:00")})
    later = build_conference(tmp_path / "later", SITEURL=SITEURL, PATH=str(content))
    before = {e.link: e.id for e in feed(output / "programme/changements/atom.xml").entries}
    after = feed(later / "programme/changements/atom.xml").entries
    assert after[0].link.endswith("#communs")  # now the newest
    ids = {e.link.rsplit("#", 1)[1]: e.id for e in after}
    assert ids["communs"] != before[f"{SITEURL}/programme/#communs"]  # a new change: readers see a new entry
    assert ids["atelier-donnees"] == before[f"{SITEURL}/programme/#atelier-donnees"]  # the others keep theirs


def test_the_preview_feed_links_resolve_and_the_checks_accept_both_feeds(output, preview):
    parsed = feed(preview / "programme/changements/atom.xml")
    base = "http://localhost/programme/changements/atom.xml"
    assert [urljoin(base, e.link) for e in parsed.entries][0] == "http://localhost/programme/#recherche"
    assert list(check_site(preview, validate_html=False).problems) == []
    assert list(check_site(output, site_url=SITEURL, validate_html=False).problems) == []


def test_a_broken_feed_link_is_reported_by_the_checks(tmp_path, preview):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(preview, site)
    atom = site / "programme/changements/atom.xml"
    atom.write_text(atom.read_text(encoding="utf-8").replace("../#communs", "../#nulle-part"), encoding="utf-8")
    problems = check_site(site, validate_html=False).problems
    assert [(p.file, p.kind) for p in problems] == [("programme/changements/atom.xml", "dead-anchor")]


def test_a_site_without_changes_has_an_empty_page_a_feed_to_follow_and_no_link_from_the_programme(tmp_path):
    from tests.conference.test_rooms_tracks import build_changed

    out = build_changed(tmp_path, {
        "sessions/atelier-donnees.md": (r"^Statut : annulée\n(.*\n){2}", ""),
        "sessions/communs.md": (r"^Status: moved\n(.*\n){2}", ""),
        "sessions/recherche.md": (r"^Modified: .*\n.*\n", ""),
    })
    assert parse(out / "programme/changements/index.html").select("li.change") == []
    assert feed(out / "programme/changements/atom.xml").entries == []
    assert parse(out / "programme/index.html").select(".programme-changes") == []
    assert parse(out / "programme/index.html").select('link[type="application/atom+xml"]')


def test_the_calendar_has_a_neutral_name(output):
    whole = icalendar.Calendar.from_ical((output / "programme/programme.ics").read_bytes())
    assert len(whole.walk("VEVENT")) == 6
    assert not (output / "programme/seminaire.ics").exists()
    assert parse(output / "programme/index.html").select_one('a[type="text/calendar"]')["href"].endswith("/programme/programme.ics")


def test_a_session_whose_calendar_would_replace_the_events_is_refused(tmp_path):
    from tests.conference.test_rooms_tracks import changed_conference
    from eventsite.build import BuildFailed, build_site
    from tests.conference.site import CONFERENCE

    content = changed_conference(tmp_path, {"sessions/ouverture.md": (r"^Kind: keynote$", "Kind: keynote")})
    (content / "sessions/ouverture.md").rename(content / "sessions/programme.md")
    with pytest.raises(BuildFailed) as failure:
        build_site(CONFERENCE / "settings.py", tmp_path / "output", strict=True,
                   overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")})
    assert any(p.startswith("sessions/programme.md") and "prendrait la place de celui de tout l'événement" in p
               for p in failure.value.problems), failure.value.problems


@pytest.mark.parametrize(("page", "heading"), [("index.html", "L’événement en chiffres"), ("en/index.html", "The event in figures")])
def test_a_several_day_event_has_figures_of_the_event_not_of_the_day(output, page, heading):
    assert parse(output / page).select_one("#chiffres").get_text(strip=True) == heading


def test_the_favicon_is_drawn_from_the_event_colours_and_initial(output):
    svg = etree.fromstring((output / "favicon.svg").read_bytes())
    ns = {"svg": "http://www.w3.org/2000/svg"}
    background = svg.find("svg:rect", ns).get("fill")
    letter = svg.find("svg:text", ns)
    assert background == "#0b6e4f"  # EVENT_COLORS["accent"]
    assert letter.text == "R" and contrast_ratio(letter.get("fill"), background) >= 4.5
    for page in ("index.html", "en/programme/changements/index.html"):
        icon = parse(output / page).select_one('link[rel="icon"]')
        assert icon["type"] == "image/svg+xml" and icon["href"].endswith("/favicon.svg")
    assert not list(output.glob("theme/images/favicon*"))  # one icon: no fixed « T » left beside it


def test_facilitators_who_are_speakers_link_to_their_page_and_a_plain_name_stays_text(output):
    for prefix in ("", "en/"):
        line = parse(output / prefix / "propositions/ouverture-des-donnees/index.html").select_one(".workshop__facilitators")
        links = {a.get_text(strip=True).replace("’", "'"): a["href"] for a in line.select("a")}  # typeset in French only
        assert list(links) == ["Anne-Sophie d'Arcy", "Hélène Œuvrard"]  # by identifier and by name, shown by name
        assert links["Anne-Sophie d'Arcy"].endswith(f"/{prefix}intervenants/anne-sophie-d-arcy/")
        assert line.get_text().rstrip().endswith("Justine") and "anne-sophie-d-arcy" not in line.get_text()
    speaker = parse(output / "intervenants/anne-sophie-d-arcy/index.html")
    workshops = [a.get_text(strip=True) for a in speaker.select('a[href*="propositions/ouverture-des-donnees/#jeux-de-donnees"]')]
    assert workshops == ["Un jeu de données en une heure"]
    assert not parse(output / "intervenants/bruno-d-alembert/index.html").select('a[href*="#jeux-de-donnees"]')
