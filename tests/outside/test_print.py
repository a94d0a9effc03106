"""Print: the programme and the outcomes on A4, without navigation, links shown, breaks at sessions and themes."""

from __future__ import annotations

import re

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
