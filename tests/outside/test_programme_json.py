"""programme.json: the same programme as the programme page, in fields another tool can reuse."""

from __future__ import annotations

import json

from tests.conftest import REPO, parse
from tests.outside.conftest import SITEURL


def normal(text: str) -> str:
    """Text as typed: no-break spaces and runs of blanks as single spaces, typographic apostrophes straight."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'").split())


def load(published):
    return json.loads((published / "programme/programme.json").read_text(encoding="utf-8"))


def test_programme_json_matches_the_programme_page(published):
    data = load(published)
    people = {p["id"]: p for p in data["speakers"]}
    page = parse(published / "programme/index.html")
    articles = page.select("article.session")
    assert [a["id"] for a in articles] == [s["id"] for s in data["sessions"]]
    for article, session in zip(articles, data["sessions"]):
        assert normal(article.select_one(".session__title").get_text()) == normal(session["title"])
        start, end = (t["datetime"] for t in article.select(".session__meta time"))
        assert session["start"].startswith(start) and session["end"].startswith(end)
        assert session["start"].endswith("+01:00")
        assert normal(article.select(".session__meta span")[-1].get_text()) == normal(session["room"])
        names = [a.get_text() for a in article.select(".people a")]
        assert names == [people[i]["name"] for i in session["speakers"] + session["moderators"]]
        assert session["url"] == f"{SITEURL}/programme/#{session['id']}"
        assert (published / session["calendar"][len(SITEURL) + 1 :]).is_file()


def test_programme_json_fields(published):
    data = load(published)
    assert data["format"] == "eventsite-programme" and data["version"] == 1
    event = data["event"]
    assert event["timezone"] == "Europe/Paris" and event["start"] == "2018-03-01"
    assert event["venue"]["city"] == "Lyon" and event["calendar"] == f"{SITEURL}/programme/seminaire.ics"
    assert set(data["rooms"]) == {s["room"] for s in data["sessions"]}
    speaker_ids = {p["id"] for p in data["speakers"]}
    for session in data["sessions"]:
        assert set(session) >= {"id", "title", "kind", "day", "start", "end", "room", "speakers", "moderators", "url", "calendar"}
        assert set(session["speakers"] + session["moderators"]) <= speaker_ids
    for speaker in data["speakers"]:
        assert (published / speaker["url"][len(SITEURL) + 1 :] / "index.html").is_file()
    workshops = [w for s in data["sessions"] for w in s["workshops"]]
    assert len(workshops) == 9 and all(w["theme"] for w in workshops)


def test_programme_json_is_documented():
    text = (REPO / "docs/programme-json.md").read_text(encoding="utf-8")
    for field in ("format", "version", "event", "rooms", "sessions", "speakers", "moderators", "calendar", "workshops"):
        assert f"`{field}`" in text
