"""The programme's script (theme/static/js/mon-programme.js) in Chromium: stars with the keyboard, « Mon programme »
with overlap warnings, an .ics export that parses, « Maintenant / Ensuite » at an overridden time, axe with
JavaScript on, and a programme that lists everything with no control when JavaScript is off.
Screenshots in test-artifacts/mon-programme/."""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import BrowserContext, Page

from tests.conftest import ARTIFACTS

from .axe import axe_violations

SCREENSHOTS = ARTIFACTS / "mon-programme"
PARIS = ZoneInfo("Europe/Paris")
SESSIONS = ("ouverture", "webinaire", "atelier-donnees", "soiree", "recherche", "communs")


def plain(text: str) -> str:
    """TEXT without the typography plugin's no-break spaces and curly apostrophes."""
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("’", "'")


def tab_to(page: Page, condition: str, limit: int = 300) -> None:
    """Press Tab until CONDITION (a JS expression on `el`, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean({condition}); }})()"):
            return
    raise AssertionError(f"Tab never reached: {condition}")


def star_with_keyboard(page: Page, session: str, key: str) -> None:
    tab_to(page, f"el.matches('#{session} button.star')")
    page.keyboard.press(key)
    assert page.locator(f"#{session} button.star").get_attribute("aria-pressed") == "true"


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_keyboard_stars_two_sessions_sees_the_overlap_and_exports_an_ics_that_parses(new_context: Callable[..., BrowserContext], conference_url, tmp_path):
    page = new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True).new_page()
    page.goto(conference_url + "programme/")
    star = page.locator("#ouverture button.star")
    assert star.get_attribute("aria-pressed") == "false"
    assert page.locator(".my-programme__empty").is_visible() and page.locator(".my-programme__export").is_hidden()
    assert page.get_by_role("button", name="Mon programme (Ouverture des rencontres)", exact=True).count() == 1
    star_with_keyboard(page, "ouverture", "Space")
    star_with_keyboard(page, "webinaire", "Enter")
    page.reload()  # the choice is kept in localStorage, not in the page
    assert page.evaluate("document.cookie") == ""
    assert sorted(page.evaluate("JSON.parse(localStorage.getItem('eventsite:mon-programme'))")) == ["ouverture", "webinaire"]
    tab_to(page, "el.matches('.programme-actions a[href=\"#mon-programme\"]')")
    page.keyboard.press("Enter")
    assert page.url.endswith("#mon-programme")
    mine = page.locator("#mon-programme")
    assert mine.is_visible() and mine.locator(".my-programme__empty").is_hidden()
    items = mine.locator(".my-programme__list > li")
    assert items.count() == 2
    assert "Ouverture des rencontres" in items.nth(0).inner_text() and "Webinaire" in items.nth(1).inner_text()
    assert "Chevauche « Webinaire : l'accessibilité des démarches »" in plain(items.nth(0).inner_text())
    assert "Chevauche « Ouverture des rencontres »" in plain(items.nth(1).inner_text())
    screenshot(page, "mon-programme-1280.png")
    tab_to(page, "el.matches('.my-programme__export')")
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    download = caught.value
    assert download.suggested_filename == "mon-programme.ics"
    target = tmp_path / "mon-programme.ics"
    download.save_as(target)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = {plain(str(event["SUMMARY"])): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Ouverture des rencontres", "Webinaire : l'accessibilité des démarches"}
    opening = events["Ouverture des rencontres"]
    assert opening.decoded("DTSTART") == dt.datetime(2027, 6, 10, 9, 0, tzinfo=PARIS)
    assert opening.decoded("DTEND").astimezone(dt.timezone.utc) == dt.datetime(2027, 6, 10, 8, 0, tzinfo=dt.timezone.utc)
    assert str(events["Webinaire : l'accessibilité des démarches"]["LOCATION"]) == "En ligne"
    assert str(opening["URL"]).endswith("/programme/#ouverture")
    star_with_keyboard_off = page.locator("#ouverture button.star")
    star_with_keyboard_off.focus()
    page.keyboard.press("Enter")
    assert star_with_keyboard_off.get_attribute("aria-pressed") == "false" and items.count() == 1
    assert "Chevauche" not in items.first.inner_text()


def test_the_english_programme_speaks_english(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context().new_page()
    page.goto(conference_url + "en/programme/")
    assert page.get_by_role("heading", name="My programme").is_visible()
    assert page.get_by_role("button", name="My programme (Opening of the encounters)", exact=True).count() == 1
    page.locator("#ouverture button.star").click()
    page.locator("#webinaire button.star").click()
    assert "Overlaps" in page.locator("#mon-programme").inner_text()


@pytest.mark.parametrize(("now", "running", "following"), [
    ("2027-06-10T09:45", ["ouverture", "webinaire"], ["soiree"]),  # the cancelled 14:00 workshop is skipped
    ("2027-06-11T00:10", ["soiree"], ["communs", "recherche"]),  # the evening runs past midnight
    ("2027-06-11T11:30", [], []),
])
def test_now_and_next_at_an_overridden_paris_time(new_context: Callable[..., BrowserContext], conference_url, now, running, following):
    page = new_context().new_page()
    page.goto(conference_url + f"programme/?maintenant={now}")
    box = page.locator("#maintenant")
    assert box.is_visible()
    assert [href.split("#")[1] for href in box.locator(".now-next__now a").evaluate_all("l => l.map(a => a.href)")] == running
    assert [href.split("#")[1] for href in box.locator(".now-next__next a").evaluate_all("l => l.map(a => a.href)")] == following
    assert box.locator(".now-next__none-now").is_visible() == (not running)
    assert box.locator(".now-next__none-next").is_visible() == (not following)
    if now.endswith("09:45"):
        screenshot(page, "maintenant-1280.png")


@pytest.mark.parametrize("now", ["2027-06-09T10:00", "2027-06-12T10:00", ""])
def test_now_and_next_is_hidden_outside_the_event_days(new_context: Callable[..., BrowserContext], conference_url, now):
    page = new_context().new_page()
    page.goto(conference_url + "programme/" + (f"?maintenant={now}" if now else ""))  # "" is the real clock, years before 2027
    page.locator("#ouverture button.star").click()
    assert page.locator(".my-programme__list > li").count() == 1  # the script ran
    assert page.locator("#maintenant").is_hidden()


@pytest.mark.parametrize("width", [1280, 360])
def test_no_axe_violation_with_javascript_on(new_context: Callable[..., BrowserContext], conference_url, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(conference_url + "programme/?maintenant=2027-06-10T09:45")
    page.locator("#ouverture button.star").click()
    page.locator("#webinaire button.star").click()
    assert page.locator("#maintenant").is_visible() and page.locator(".my-programme__overlap").count() == 2
    screenshot(page, f"programme-js-{width}.png")
    assert axe_violations(page) == []


def test_without_javascript_everything_is_listed_and_no_control_is_broken(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(conference_url + "programme/")
    for session in SESSIONS:
        assert page.locator(f"#{session} .session__title").is_visible(), session
    assert page.locator("main button:visible").count() == 0
    assert page.locator("#mon-programme").is_hidden() and page.locator("#maintenant").is_hidden()
    assert page.locator('a[href="#mon-programme"]:visible').count() == 0  # in the HTML, hidden by <noscript>
    assert "demandent JavaScript" in page.locator("main").inner_text()
    screenshot(page, "programme-sans-js-1280.png")
    # axe needs JavaScript: run it on the same page with the programme's script blocked and what <noscript> hides hidden
    blocked = new_context().new_page()
    blocked.route("**/mon-programme.js", lambda route: route.abort())
    blocked.goto(conference_url + "programme/")
    blocked.add_style_tag(content="[data-script-only] { display: none; }")
    assert blocked.locator("button.star").count() == len(SESSIONS) and blocked.locator("button.star:visible").count() == 0
    assert axe_violations(blocked) == []


def test_the_script_is_loaded_only_on_the_programme_pages(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context().new_page()
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(conference_url)
    page.goto(conference_url + "en/")
    assert not [url for url in loaded if "mon-programme.js" in url]
    page.goto(conference_url + "programme/")
    assert page.locator('script[src$="mon-programme.js"][defer]').count() == 1
