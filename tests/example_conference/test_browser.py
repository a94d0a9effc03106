"""The example event in Chromium: no axe violation on a page of each kind at 1280 and 360 px (pages found by a
crawl from home, so new pages are picked up), rooms as columns at 1280 px and a list at 360 px; full-page
screenshots kept in test-artifacts/example-conference/."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.axe import axe_script, axe_violations, describe
from tests.browser.crawl import crawl
from tests.browser.walk import problems_on_every_page, report
from tests.conftest import ARTIFACTS, SharedBuild

from .site import DAYS, ROOMS

SCREENSHOTS = ARTIFACTS / "example-conference"
WIDTHS = (1280, 360)


def kinds_of_page(paths: Iterable[str]) -> list[str]:
    """One page of each kind (first folder and depth) of the default edition, every programme page, and the
    English home and programme pages: what axe checks."""
    chosen: dict[tuple[str, int], str] = {}
    for path in sorted(paths):
        parts = path.strip("/").split("/")
        if parts[0] == "en":
            if len(parts) == 1 or parts[1] == "programme":
                chosen[(path, 0)] = path
            continue
        key = (path, 0) if parts[0] == "programme" else (parts[0], len(parts))
        chosen.setdefault(key, path)
    return sorted(chosen.values())


def test_a_page_of_each_kind_is_chosen_whatever_the_pages():
    paths = ["", "en/", "en/intervenants/x/", "en/programme/", "intervenants/a/", "intervenants/b/", "intervenants/",
             "programme/", "programme/2027-10-13/", "salles/", "changements/"]
    assert kinds_of_page(paths) == ["", "changements/", "en/", "en/programme/", "intervenants/", "intervenants/a/",
                                    "programme/", "programme/2027-10-13/", "salles/"]


def boxes(page: Page, selector: str) -> list[dict]:
    """The bounding boxes of every element SELECTOR matches, in document order."""
    found = page.locator(selector)
    return [found.nth(i).bounding_box() for i in range(found.count())]


def box(page: Page, selector: str) -> dict:
    """The bounding box of the one element SELECTOR matches."""
    found = page.locator(selector).bounding_box()
    assert found is not None, selector
    return found


def day_section(day: str) -> str:
    return f'section[aria-labelledby="jour-{day}"]'


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violation_on_a_page_of_each_kind(new_context: Callable[..., BrowserContext], example_site: SharedBuild,
                                                 example_url: str, width: int):
    paths = kinds_of_page(crawl(example_site.output).reached)
    assert {"", "programme/", "parcours/accessibilite/", "intervenants/agnes-oudin/", "en/programme/"} <= set(paths)
    context = new_context(viewport={"width": width, "height": 800})
    context.add_init_script(path=str(axe_script()))
    failures = problems_on_every_page(context.new_page(), example_url, paths, lambda page: describe(axe_violations(page)))
    assert not failures, report(failures, len(paths))


def test_the_four_rooms_are_columns_at_1280(new_context: Callable[..., BrowserContext], example_url: str):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(example_url + "programme/")
    for day in DAYS[1:]:
        headers = page.locator(f"{day_section(day)} .timetable__room")
        assert headers.all_inner_texts() == list(ROOMS)
        columns = boxes(page, f"{day_section(day)} .timetable__room")
        assert [c["x"] for c in columns] == sorted({c["x"] for c in columns})  # left to right, none on top of another
        assert all(abs(c["y"] - columns[0]["y"]) < 1 for c in columns)  # one row of headers
    columns = boxes(page, f"{day_section(DAYS[1])} .timetable__room")
    parallel = [box(page, f"#{slug}") for slug in ("marches-accessibles", "design-system", "donnees-sante", "green-procurement")]
    for session, column in zip(parallel, columns):
        assert abs(session["x"] - column["x"]) < 2 and abs(session["y"] - parallel[0]["y"]) < 2  # 10:00, each under its room
    first_day = page.locator(f"{day_section(DAYS[0])} .timetable__room").all_inner_texts()
    assert first_day == [*ROOMS, "Les Docks"]  # the off-site evening adds its own column that day
    workshop, lunch = box(page, "#atelier-demarches"), box(page, "#dejeuner-1")
    assert workshop["y"] < lunch["y"] and workshop["y"] + workshop["height"] > lunch["y"] + lunch["height"]  # spans lunch
    assert abs(workshop["y"] - box(page, "#formulaires")["y"]) < 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "programme-1280.png"), full_page=True)
    for day in DAYS:
        page.locator(day_section(day)).screenshot(path=str(SCREENSHOTS / f"programme-1280-{day}.png"))


def test_a_list_by_time_at_360(new_context: Callable[..., BrowserContext], example_url: str):
    page = new_context(viewport={"width": 360, "height": 640}).new_page()
    page.goto(example_url + "programme/")
    assert all(page.locator(".timetable__room").nth(i).is_hidden() for i in range(page.locator(".timetable__room").count()))
    for day in DAYS:
        sessions = boxes(page, f"{day_section(day)} article.session")
        assert len({round(b["x"]) for b in sessions}) == 1, day  # one column
        assert [b["y"] for b in sessions] == sorted(b["y"] for b in sessions), day  # one under the other
    assert "Salle virtuelle" in page.locator("#webinaire-publier .session__meta").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "programme-360.png"), full_page=True)
