"""The site works with the keyboard alone: skip link, navigation, programme, visible focus."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from .focus import focus_problems, focusable_in, invisible_focus, skip_link_problems, tab_through
from .walk import problems_on_every_page, report

NO_SKIP_LINK = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Sans lien d'évitement</title></head>
<body><header><nav><a href="/a/">A</a></nav></header><main id="contenu" tabindex="-1"><p>Texte</p></main></body></html>"""

HIDDEN_FOCUS = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Focus invisible</title>
<style>a:focus { outline: none; }</style></head>
<body><a href="#contenu">Aller au contenu</a><nav><a href="/a/">A</a> <a href="/b/">B</a></nav>
<main id="contenu" tabindex="-1"><p>Texte</p></main></body></html>"""


def test_skip_link_is_first_and_moves_focus_to_main(page: Page, base_url: str, site_pages: list[str]) -> None:
    """On every page the first Tab shows the skip link, and Enter on it moves focus into <main>."""
    failures = problems_on_every_page(page, base_url, site_pages, skip_link_problems)
    assert not failures, report(failures, len(site_pages))


def test_skip_link_check_fails_without_one(page: Page, serve_html: Callable[[dict[str, str]], str]) -> None:
    """A page whose first Tab stop is a navigation link fails the skip-link check."""
    page.goto(serve_html({"index.html": NO_SKIP_LINK}))
    assert skip_link_problems(page)


def test_navigation_links_are_reached_in_order_with_visible_focus(page: Page, base_url: str) -> None:
    """Tab from the top of the home page reaches each main menu link, in order, each visibly focused."""
    page.goto(base_url)
    stops = tab_through(page)
    menu = focusable_in(page, "header nav")
    assert len(menu) >= 4, "the main menu has fewer links than expected"
    reached = [stop for stop in stops if stop.index in menu]
    assert [stop.index for stop in reached] == menu, [stop.label for stop in reached]
    assert not invisible_focus(reached)


def test_focus_is_visible_and_everything_reachable_on_every_page(page: Page, base_url: str, site_pages: list[str]) -> None:
    """On every page each Tab stop shows a focus indicator, and every visible link or control is reached."""
    failures = problems_on_every_page(page, base_url, site_pages, focus_problems)
    assert not failures, report(failures, len(site_pages))


def test_invisible_focus_is_reported(page: Page, serve_html: Callable[[dict[str, str]], str]) -> None:
    """Links whose outline is removed on focus are reported by the focus check."""
    page.goto(serve_html({"index.html": HIDDEN_FOCUS}))
    assert len(invisible_focus(tab_through(page))) == 3


def test_programme_links_are_reachable_with_tab(page: Page, base_url: str) -> None:
    """Every link of the programme (speakers, workshops) is reached with Tab, in reading order, visibly."""
    page.goto(base_url + "programme/")
    stops = tab_through(page)
    links = focusable_in(page, "main")
    assert len(links) >= 10, "the programme has fewer links than the seminar's speakers"
    in_main = [stop for stop in stops if stop.in_main]
    assert [stop.index for stop in in_main] == links
    assert not invisible_focus(in_main)
