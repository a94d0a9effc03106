"""The compact header: a <details> menu, closed on phones, always shown from 48rem, working without JavaScript."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext

from tests.conftest import ARTIFACTS

from .axe import axe_violations


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_menu_is_one_keyboard_operable_disclosure(new_context: Callable[..., BrowserContext], conference_url, javascript):
    page = new_context(viewport={"width": 360, "height": 640}, java_script_enabled=javascript).new_page()
    page.goto(conference_url + "programme/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 160  # was four rows of links (285 px on the seminar)
    assert page.locator(".site-nav a").first.is_hidden()
    toggle = page.locator(".site-menu__toggle")
    assert toggle.inner_text().startswith("Menu")
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.locator(".site-menu").get_attribute("open") is not None
    links = page.locator(".site-nav a")
    assert links.first.is_visible() and links.count() == 4  # Accueil, Programme, Salles (the room files'), Intervenants
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Accueil"
    if javascript:
        (ARTIFACTS / "timetable").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "timetable" / "header-open-360.png"))
        assert axe_violations(page) == []
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.locator(".site-nav a").first.is_hidden()


def test_on_a_wide_screen_the_menu_is_always_shown(new_context: Callable[..., BrowserContext], conference_url):
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(conference_url + "programme/")
    assert page.locator(".site-menu__toggle").is_hidden()
    assert page.locator(".site-nav a").nth(2).is_visible()
    current = page.locator('.site-nav a[aria-current]')
    assert current.inner_text() == "Programme"
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site name
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Accueil"
    assert axe_violations(page) == []
