"""The programme's filters in Chromium (theme/static/js/programme-vues.js): with the keyboard they filter in place,
keep the filter in the address and announce the count; without JavaScript the same links open the filter pages.
The day, filter and rooms pages are axe-clean at 1280 and 360 px with visible focus. Screenshots in
test-artifacts/programme-views/."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.conftest import ARTIFACTS

from .axe import axe_violations
from .focus import focus_problems

SCREENSHOTS = ARTIFACTS / "programme-views"
ALL = {"ouverture", "webinaire", "atelier-donnees", "soiree", "communs", "recherche"}


def visible_sessions(page: Page) -> set[str]:
    return set(page.eval_on_selector_all(".programme-day article.session", "els => els.filter(el => el.getClientRects().length).map(el => el.id)"))


def focus_link(page: Page, name: str) -> None:
    """Tab (never click) until the filter nav's link NAME has focus."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("(name) => document.activeElement.closest('.programme-filters') !== null && document.activeElement.textContent.trim() === name", name):
            return
    raise AssertionError(f"Tab never reached the filter « {name} »")


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.mark.parametrize("width", [1280, 360])
def test_keyboard_filters_in_place_keep_the_address_and_announce_the_count(new_context: Callable[..., BrowserContext], conference_url, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(conference_url + "programme/")
    page.evaluate("window.__samePage = true")  # gone if the browser loaded another page
    if width < 768:  # on phones the filters fold into a disclosure, opened with the keyboard
        assert page.locator(".programme-filters a").first.is_hidden()
        page.locator(".programme-filters__toggle").focus()
        page.keyboard.press("Enter")
    else:
        assert page.locator(".programme-filters__toggle").is_hidden()
    focus_link(page, "Salle Frioul")
    page.keyboard.press("Enter")
    assert visible_sessions(page) == {"ouverture", "atelier-donnees", "communs"}
    assert page.evaluate("window.__samePage") is True and page.url == conference_url + "programme/?salle=frioul"
    assert page.locator(".programme-filters__status").inner_text() == "Séances affichées : 3"
    assert page.locator('.programme-filters a[aria-current="page"]').all_inner_texts() == ["Salle Frioul"]
    assert page.evaluate("document.activeElement.textContent.trim()") == "Salle Frioul"  # focus stays where it was
    focus_link(page, "Anglais")
    page.keyboard.press("Enter")
    assert visible_sessions(page) == {"recherche"} and page.url.endswith("programme/?langue=en")
    assert page.locator('section[aria-labelledby="jour-2027-06-10"]').is_hidden()  # a day with nothing left goes
    screenshot(page, f"filtre-langue-{width}.png")
    assert axe_violations(page) == []
    page.go_back()
    assert visible_sessions(page) == {"ouverture", "atelier-donnees", "communs"} and page.evaluate("window.__samePage") is True
    page.go_back()
    assert visible_sessions(page) == ALL
    assert page.locator('.programme-filters a[aria-current="page"]').all_inner_texts() == ["Tout le programme"]


def test_a_shared_address_opens_filtered_and_the_whole_programme_link_resets(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context().new_page()
    page.goto(conference_url + "programme/?parcours=accessibilite")
    assert visible_sessions(page) == {"webinaire"}
    page.get_by_role("link", name="Tout le programme", exact=True).click()
    assert visible_sessions(page) == ALL and page.url == conference_url + "programme/"


def test_without_javascript_the_filters_and_days_are_pages(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(conference_url + "programme/")
    page.get_by_role("navigation", name="Filtrer le programme").get_by_role("link", name="En ligne").click()
    assert page.url == conference_url + "programme/salle/en-ligne/"
    assert visible_sessions(page) == {"webinaire", "recherche"}
    assert page.locator("h1").inner_text().replace("\xa0", " ") == "Salle : En ligne"
    page.get_by_role("navigation", name="Filtrer le programme").get_by_role("link", name="Accessibilité").click()
    assert page.url == conference_url + "parcours/accessibilite/"  # the track's own page
    page.goto(conference_url + "programme/")
    page.get_by_role("navigation", name="Jours du programme").get_by_role("link", name="vendredi 11 juin 2027").click()
    assert page.url == conference_url + "programme/2027-06-11/" and visible_sessions(page) == {"communs", "recherche"}
    assert page.locator(".print-day__button").is_hidden()  # printing needs the script: no dead button
    page.goto(conference_url + "programme/")
    page.get_by_role("link", name="Imprimer ce jour (jeudi 10 juin 2027)").click()
    assert page.url == conference_url + "programme/2027-06-10/"


@pytest.mark.parametrize("path", ["programme/", "programme/salle/frioul/", "en/programme/langue/en/", "programme/2027-06-11/", "salles/", "en/salles/",
                                  "parcours/accessibilite/"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_new_pages_are_axe_clean_with_visible_focus(new_context: Callable[..., BrowserContext], conference_url, path, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(conference_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    if width == 1280:
        screenshot(page, f"{path.strip('/').replace('/', '-')}-{width}.png")
        assert focus_problems(page) == []


def test_the_script_is_loaded_only_on_the_programme_and_day_pages(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context().new_page()
    for path, expected in (("", 0), ("salles/", 0), ("programme/", 1), ("programme/2027-06-10/", 1)):
        page.goto(conference_url + path)
        assert page.locator('script[src$="programme-vues.js"][defer]').count() == expected, path
