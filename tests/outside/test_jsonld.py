"""schema.org JSON-LD: valid JSON on every page, with the fields search engines require."""

from __future__ import annotations

import json
import re

from seo.jsonld import to_script_json
from tests.conftest import REPO, parse
from tests.outside.conftest import SITEURL, front_matter, html_pages, url_to_file

OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def jsonld(page) -> list[dict]:
    return [json.loads(script.string) for script in parse(page).select('script[type="application/ld+json"]')]


def test_every_json_ld_parses(published):
    for page in html_pages(published):
        for data in jsonld(page):
            assert data["@context"] == "https://schema.org", page


def test_event_on_home_and_programme(published):
    partners = {p.stem: front_matter(p) for p in (REPO / "content/partners").glob("*.md")}
    organisers = {f["name"] for f in partners.values() if f["tier"] == "organiser"}
    sessions = list((REPO / "content/sessions").glob("*.md"))
    for relpath in ("index.html", "programme/index.html"):
        events = [d for d in jsonld(published / relpath) if d["@type"] == "Event"]
        assert len(events) == 1, relpath
        event = events[0]
        assert event["name"].startswith("Transformation numérique")
        assert OFFSET.match(event["startDate"]) and OFFSET.match(event["endDate"])
        assert event["startDate"] == "2018-03-01T08:45:00+01:00"
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        location = event["location"]
        assert location["@type"] == "Place" and location["name"]
        address = location["address"]
        assert address["@type"] == "PostalAddress"
        assert (address["streetAddress"], address["postalCode"], address["addressLocality"], address["addressCountry"]) == (
            "1 rue Chevreul", "69007", "Lyon", "FR",
        )
        assert {o["name"] for o in event["organizer"]} == organisers
        assert event["sponsor"] and all(s["@type"] == "Organization" for s in event["sponsor"])
        assert {o["name"] for o in event["sponsor"]}.isdisjoint(organisers)
        assert event["performer"] and all(p["@type"] == "Person" and p["url"].startswith(SITEURL) for p in event["performer"])
        assert len(event["subEvent"]) == len(sessions)
        for sub in event["subEvent"]:
            assert sub["@type"] == "Event" and OFFSET.match(sub["startDate"]) and sub["location"]["address"]
            assert sub["url"].startswith(f"{SITEURL}/programme/#")
        assert event["description"] and event["url"] == f"{SITEURL}/"
        assert url_to_file(published, event["image"][0]).is_file()


def test_person_on_each_speaker_page(published):
    for source in sorted((REPO / "content/speakers").glob("*.md")):
        people = [d for d in jsonld(published / f"intervenants/{source.stem}/index.html") if d["@type"] == "Person"]
        assert len(people) == 1
        person = people[0]
        assert person["name"] == front_matter(source)["name"]
        assert person["url"] == f"{SITEURL}/intervenants/{source.stem}/"
        assert person["jobTitle"] and url_to_file(published, person["image"]).is_file()


def test_news_article_on_each_article(published):
    for source in sorted((REPO / "content/news").glob("*.md")):
        fields = front_matter(source)
        found = [d for d in jsonld(published / f"actualites/{source.stem}/index.html") if d["@type"] == "NewsArticle"]
        assert len(found) == 1
        article = found[0]
        assert article["headline"] == fields["title"][:110]
        assert OFFSET.match(article["datePublished"]) and article["datePublished"].startswith(fields["date"][:10])
        assert article["author"][0]["name"] and article["publisher"]["name"]
        assert all(url_to_file(published, image).is_file() for image in article["image"])
        assert article["mainEntityOfPage"] == f"{SITEURL}/actualites/{source.stem}/"


def test_listing_pages_have_no_event_repeat(published):
    assert not [d for d in jsonld(published / "intervenants/index.html") if d["@type"] == "Event"]


def test_json_cannot_close_its_script():
    text = str(to_script_json({"title": "</script><script>alert(1)</script><!-- x"}))
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["title"] == "</script><script>alert(1)</script><!-- x"
