"""Print: the programme and the outcomes on A4, without navigation, links shown, breaks at sessions and themes; a day of
the conference as a clean list (its page, or « Imprimer ce jour » on the programme)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import conference_url  # noqa: F401  (the conference of tests/conference, built strictly and served once)
from tests.conftest import ARTIFACTS

HIDDEN_IN_PRINT = (".site-nav", ".site-footer nav", ".skip-link", ".programme-actions", ".session__agenda")


def print_view(page, url: str, name: str) -> None:
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(url)
    page.emulate_media(media="print")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-print.png"), full_page=True)


def hidden(page, selector: str) -> bool:
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)].every(element => {
            const box = element.getBoundingClientRect();
            return getComputedStyle(element).display === "none" || (box.width === 0 && box.height === 0);
        })""",
        selector,
    )


def after_content(page, selector: str) -> str:
    return page.evaluate("selector => getComputedStyle(document.querySelector(selector), '::after').content", selector)


def test_programme_prints_without_navigation(page, served):
    page.goto(f"{served}/programme/")
    assert page.locator(".site-nav").is_visible()  # on screen, the menu is there
    print_view(page, f"{served}/programme/", "programme")
    assert (ARTIFACTS / "programme-print.png").stat().st_size > 10_000
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).count() and hidden(page, selector), selector
    assert page.locator(".site-nav").bounding_box() is None
    assert page.locator("article.session").first.is_visible()
    # Links are shown after their text; sessions and slots are never cut across pages.
    assert "../intervenants/" in after_content(page, "article.session .people a")
    assert page.evaluate("getComputedStyle(document.querySelector('article.session')).breakInside") == "avoid"
    assert page.evaluate("getComputedStyle(document.querySelector('.timeline__slot')).breakInside") == "avoid"


def test_outcomes_print_as_a_document(page, served):
    print_view(page, f"{served}/propositions/organisation-du-travail/", "propositions")
    for selector in (".site-nav", ".site-footer nav", ".skip-link"):
        assert hidden(page, selector), selector
    assert page.locator(".proposal").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.proposal')).breakInside") == "avoid"
    assert page.evaluate("getComputedStyle(document.querySelector('h2')).breakAfter") == "avoid"
    # Full width on paper: the text column is not the screen's narrow measure.
    assert page.evaluate("getComputedStyle(document.querySelector('.wrap--text')).maxWidth") == "none"


def test_programme_prints_to_a4_pdf(page, served):
    page.goto(f"{served}/programme/")
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    (ARTIFACTS / "programme.pdf").write_bytes(pdf)


def test_memento_is_one_document_a_theme_per_page(page, served, preview):
    from tests.conftest import REPO

    page.goto(f"{served}/propositions/")
    page.get_by_role("link", name="Le mémento").click()
    assert page.url == f"{served}/memento/"
    themes = len(list((REPO / "content/themes").glob("*.md")))
    proposals = len(list((REPO / "content/proposals").glob("*.md")))
    assert page.locator(".memento-theme").count() == themes
    assert page.locator(".memento .proposal").count() == proposals
    print_view(page, f"{served}/memento/", "memento")
    for selector in (".site-nav", ".site-footer nav", ".skip-link", ".memento__hint"):
        assert hidden(page, selector), selector
    breaks = page.evaluate("[...document.querySelectorAll('.memento-theme')].map(s => getComputedStyle(s).breakBefore)")
    assert breaks == ["page"] * themes
    pdf = page.pdf(format="A4")
    (ARTIFACTS / "memento.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= themes + 1, pages  # the cover and contents, then a page (or more) per theme


# --- A day of the conference (tests/conference/event): its page, and « Imprimer ce jour » on the programme ----------

SCREEN_ONLY_ON_A_DAY = (".site-nav", ".site-menu", ".skip-link", ".day-nav", ".print-day", ".programme-crumb", ".language-switch",
                        ".session__agenda", ".timetable__room")


@pytest.fixture
def conference_page(browser, conference_url):  # noqa: F811
    """A page of a fresh context that may only reach the served conference."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 794, "height": 1123})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(conference_url) else route.abort())
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("width", [794, 1280])
def test_a_day_page_prints_as_a_clean_list_with_time_and_room_on_each_session(conference_page, conference_url, width):  # noqa: F811
    page = conference_page
    page.set_viewport_size({"width": width, "height": 1123})
    page.goto(conference_url + "programme/2027-06-10/")
    assert page.locator(".timetable__room").first.is_visible() == (width >= 1024)  # on screen, the grid from 64rem
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY_ON_A_DAY:
        assert hidden(page, selector), selector
    sessions = page.locator("article.session")
    assert sessions.count() == 4  # that day only
    lefts = {round(sessions.nth(i).bounding_box()["x"]) for i in range(sessions.count())}
    assert len(lefts) == 1, lefts  # a list, not the grid, whatever the width
    for i in range(sessions.count()):
        assert sessions.nth(i).locator(".session__when").is_visible() and sessions.nth(i).locator(".session__room").is_visible()
    assert after_content(page, "article.session .people a") == "none"  # no addresses after links
    page.screenshot(path=str(ARTIFACTS / f"jour-print-{width}.png"), full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    (ARTIFACTS / "jour.pdf").write_bytes(pdf)


def test_print_this_day_prints_only_that_day_from_the_programme(conference_page, conference_url):  # noqa: F811
    page = conference_page
    # window.print() stubbed: it records which days would be on paper at that moment.
    page.add_init_script("""window.print = () => { window.__printed = [...document.querySelectorAll('.programme-day')]
        .map(day => getComputedStyle(day).display); };""")
    page.goto(conference_url + "programme/")
    assert page.locator("button.star").count() == 6  # the programme's script ran: stars to hide on paper
    page.emulate_media(media="print")
    for selector in (".programme-filters", ".star", ".print-day", ".my-programme", ".day-nav"):
        assert hidden(page, selector), selector
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Imprimer ce jour (vendredi 11 juin 2027)").click()
    assert page.url == conference_url + "programme/"  # printed in place, no page loaded
    page.emulate_media(media="print")
    assert page.evaluate("window.__printed") == ["block", "block"]  # the stub ran on screen: both days shown there
    assert page.evaluate("[...document.querySelectorAll('.programme-day')].map(day => getComputedStyle(day).display)") == ["none", "block"]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("[...document.querySelectorAll('.programme-day')].map(day => getComputedStyle(day).display)") == ["block", "block"]
