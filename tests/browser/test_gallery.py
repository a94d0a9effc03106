"""The gallery with the keyboard alone (lightbox) and without JavaScript (plain links to large images)."""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import urljoin

from PIL import Image
from playwright.sync_api import BrowserContext, Page

from .axe import axe_violations, describe
from .lightbox import THUMBNAILS, state, tab_to


def open_with_enter(page: Page, url: str, nth: int = 0) -> dict:
    """Load URL, Tab to thumbnail NTH, press Enter; return the lightbox state."""
    page.goto(url)
    tab_to(page, THUMBNAILS, nth)
    page.keyboard.press("Enter")
    return state(page)


def test_enter_on_a_thumbnail_opens_the_lightbox_on_that_photo(page: Page, base_url: str, gallery_path: str) -> None:
    """Enter on the second thumbnail opens the dialog on the second photo, with focus inside it."""
    opened = open_with_enter(page, base_url + gallery_path, nth=1)
    assert opened["count"] >= 3, "the gallery needs at least three photos for these tests"
    assert opened["open"] and opened["focusInside"], opened
    assert opened["shown"] == 1 and opened["position"] == f"Photo 2 sur {opened['count']}", opened


def test_arrows_show_the_next_and_previous_photo(page: Page, base_url: str, gallery_path: str) -> None:
    """Right arrow shows the next photo, left arrow the previous one, and the first wraps to the last."""
    count = open_with_enter(page, base_url + gallery_path)["count"]
    page.keyboard.press("ArrowRight")
    assert state(page)["shown"] == 1
    page.keyboard.press("ArrowRight")
    assert state(page)["shown"] == 2
    page.keyboard.press("ArrowLeft")
    assert state(page)["shown"] == 1
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    after = state(page)
    assert after["shown"] == count - 1 and after["position"] == f"Photo {count} sur {count}", after


def test_escape_closes_and_focus_returns_to_the_thumbnail(page: Page, base_url: str, gallery_path: str) -> None:
    """Escape closes the lightbox, even after moving to another photo, and focus goes back to the thumbnail opened."""
    open_with_enter(page, base_url + gallery_path, nth=2)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    closed = state(page)
    assert not closed["open"], closed
    assert closed["focusedThumbnail"] == 2, closed


def test_focus_stays_in_the_open_lightbox(page: Page, base_url: str, gallery_path: str) -> None:
    """While the lightbox is open, Tab and Shift+Tab never focus anything of the page behind it.

    A modal <dialog> makes the page inert; after its last control Chromium lets focus pass once
    through the browser's own interface (document.activeElement is then <body>) and comes back.
    """
    open_with_enter(page, base_url + gallery_path)
    controls = page.eval_on_selector_all("dialog.lightbox a[href], dialog.lightbox button:not([hidden])", "els => els.length")
    stops = []
    for key in ["Tab"] * (2 * controls + 2) + ["Shift+Tab"] * (2 * controls + 2):
        page.keyboard.press(key)
        stops.append(
            page.evaluate(
                "() => document.querySelector('dialog.lightbox').contains(document.activeElement) ? 'dialog'"
                " : document.activeElement === document.body ? 'browser' : document.activeElement.outerHTML.slice(0, 80)"
            )
        )
    escaped = [stop for stop in stops if stop not in ("dialog", "browser")]
    assert not escaped, escaped
    assert "browser,browser" not in ",".join(stops), stops
    assert stops.count("dialog") >= 2 * controls and state(page)["open"], stops


def test_open_lightbox_passes_axe(page: Page, base_url: str, gallery_path: str) -> None:
    """The open lightbox has no WCAG 2.1 A/AA violation (names of buttons, contrast of the caption...)."""
    assert open_with_enter(page, base_url + gallery_path)["open"]
    assert describe(axe_violations(page)) == []


def test_without_javascript_thumbnails_link_to_large_images(
    new_context: Callable[..., BrowserContext], base_url: str, gallery_path: str
) -> None:
    """With JavaScript off, each thumbnail is a link to a JPEG larger than the thumbnail itself."""
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + gallery_path)
    links = page.eval_on_selector_all(
        ".gallery-grid a[href]:has(img)", "els => els.map(a => [a.getAttribute('href'), a.querySelector('img').clientWidth])"
    )
    assert len(links) >= 3, "the gallery page shows no thumbnail links"
    assert not page.query_selector("dialog.lightbox"), "the lightbox exists without JavaScript"
    for href, shown_width in links:
        response = context.request.get(urljoin(page.url, href))
        assert response.ok and response.headers["content-type"].startswith("image/"), href
        width, _ = Image.open(io.BytesIO(response.body())).size
        assert width >= 1000 and width > shown_width, (href, width, shown_width)
