"""The conference's timetable in Chromium: rooms as columns at 1280 px, a list at 360 px, day links without
JavaScript, no axe violation; screenshots kept in test-artifacts/timetable/."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.conftest import ARTIFACTS

from .axe import axe_violations

SCREENSHOTS = ARTIFACTS / "timetable"


def boxes(page: Page, selector: str) -> list[dict]:
    return [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).bounding_box()
    assert found is not None, selector
    return found


@pytest.mark.parametrize("path", ["programme/", "en/programme/"])
def test_rooms_are_columns_at_1280_and_a_session_spans_its_duration(new_context: Callable[..., BrowserContext], conference_url, path):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(conference_url + path)
    day = 'section[aria-labelledby="jour-2027-06-10"]'
    frioul, online, *others = boxes(page, f"{day} .timetable__room")  # in the rooms' Order: Frioul, online, the fort
    columns = [frioul, online, *others]
    assert [c["x"] for c in columns] == sorted(c["x"] for c in columns) and all(abs(c["y"] - frioul["y"]) < 1 for c in columns)
    opening, webinar = box(page, "#ouverture"), box(page, "#webinaire")
    assert abs(opening["x"] - frioul["x"]) < 2 and abs(webinar["x"] - online["x"]) < 2  # each in its room's column
    assert webinar["y"] > opening["y"] and webinar["y"] < opening["y"] + opening["height"]  # 9:30 starts within 9:00–10:00
    assert webinar["y"] + webinar["height"] > opening["y"] + opening["height"]  # and ends after it
    workshop = box(page, "#atelier-donnees")
    assert workshop["y"] > opening["y"] + opening["height"]
    second = box(page, "#recherche"), box(page, "#communs")
    assert abs(second[0]["y"] - second[1]["y"]) < 2 and second[1]["x"] < second[0]["x"]  # same slot, room order kept
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{path.replace('/', '-') or 'programme'}1280.png"), full_page=True)
    assert axe_violations(page) == []


def test_a_list_by_time_with_room_labels_at_360(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context(viewport={"width": 360, "height": 640}).new_page()
    page.goto(conference_url + "programme/")
    assert page.locator(".timetable__room").first.is_hidden()
    lefts = {round(b["x"]) for b in boxes(page, "article.session")}
    page.screenshot(path=str(SCREENSHOTS / "programme-360.png"), full_page=True)
    assert len(lefts) == 1, lefts  # one column
    tops = [b["y"] for b in boxes(page, "article.session")]
    assert tops == sorted(tops)  # in time order
    assert "En ligne" in page.locator("#webinaire .session__meta").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "programme-360.png"), full_page=True)
    assert axe_violations(page) == []


def test_day_links_work_without_javascript_and_with_the_keyboard(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context(viewport={"width": 1280, "height": 700}, java_script_enabled=False).new_page()
    page.goto(conference_url + "programme/")
    links = page.locator(".day-nav a")
    assert links.count() == 2
    links.nth(1).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(conference_url + "programme/2027-06-11/")  # the day's own page
    assert page.locator(".programme-day").count() == 1 and 0 <= box(page, "#jour-2027-06-11")["y"] < 700
    assert page.locator('.day-nav a[aria-current="page"]').inner_text() == "vendredi 11 juin 2027"
