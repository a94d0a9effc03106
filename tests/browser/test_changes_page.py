"""The conference's « Changements » page, a speaker's page with the workshops they facilitate and the programme's link
to the changes, in Chromium: zero axe violations at 360 and 1280 px, reached from the programme with the keyboard.
Screenshots in test-artifacts/changements/."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext

from tests.conftest import ARTIFACTS

from .axe import axe_violations, describe

SCREENSHOTS = ARTIFACTS / "changements"
PAGES = ("programme/changements/", "en/programme/changements/", "intervenants/anne-sophie-d-arcy/", "propositions/ouverture-des-donnees/")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_changes_and_facilitation_pages_have_no_axe_violation(new_context: Callable[..., BrowserContext], conference_url, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    failures = {}
    for path in PAGES:
        page.goto(conference_url + path)
        found = describe(axe_violations(page))
        if found:
            failures[path] = found
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{path.strip('/').replace('/', '-')}-{width}.png"), full_page=True)
    assert failures == {}


def test_the_programme_leads_to_the_changes_with_the_keyboard(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(conference_url + "programme/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.programme-changes') !== null"):
            break
    else:
        raise AssertionError("the changes link is never reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/programme/changements/")
    assert page.locator("h1").inner_text() == "Changements du programme"
    assert page.locator("li.change").count() == 3
