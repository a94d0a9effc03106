"""The layout holds on a phone and with large text; screenshots are kept as test artefacts."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.conftest import ARTIFACTS
from .layout import enlarge_text, horizontal_overflow, text_loss
from .walk import problems_on_every_page, report

WIDTHS = (360, 768, 1280)
SCREENSHOTS = ARTIFACTS / "screenshots"

WIDE_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Trop large</title></head><body><main><table><tr><td style="white-space:nowrap">Une très longue ligne de tableau qui ne passe pas à la ligne sur un téléphone</td></tr></table></main></body></html>"""

CLIPPED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Texte coupé</title></head><body><main><p style="height:24px;overflow:hidden;font-size:1rem;line-height:1.5">
Une boîte haute de 24 px.</p></main></body></html>"""


def png_width(path: Path) -> int:
    """The width in pixels written in a PNG file's header."""
    return struct.unpack(">I", path.read_bytes()[16:20])[0]


def showcase_pages(site_pages: list[str], gallery_path: str) -> dict[str, str]:
    """The pages to photograph: home, programme, the first speaker and a gallery (name → path)."""
    speakers = [p for p in site_pages if p.startswith("intervenants/") and p.count("/") == 2]
    return {"accueil": "", "programme": "programme/", "intervenant": speakers[0], "galerie": gallery_path}


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_are_kept(
    new_context: Callable[..., BrowserContext], base_url: str, site_pages: list[str], gallery_path: str, width: int
) -> None:
    """Full-page screenshots of the showcase pages at each width land in test-artifacts/screenshots/."""
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in showcase_pages(site_pages, gallery_path).items():
        page.goto(base_url + path)
        target = SCREENSHOTS / f"{name}-{width}.png"
        target.unlink(missing_ok=True)
        page.screenshot(path=target, full_page=True)
        assert png_width(target) == width, target


def test_no_horizontal_scrolling_at_360(new_context: Callable[..., BrowserContext], base_url: str, site_pages: list[str]) -> None:
    """No page is wider than a 360 px phone screen."""
    page = new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True).new_page()
    failures = problems_on_every_page(page, base_url, site_pages, horizontal_overflow)
    assert not failures, report(failures, len(site_pages))


def test_horizontal_overflow_is_caught(new_context: Callable[..., BrowserContext], serve_html: Callable[[dict[str, str]], str]) -> None:
    """A table cell that cannot wrap makes a 360 px page scroll sideways, and the check says so."""
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(serve_html({"index.html": WIDE_PAGE}))
    assert horizontal_overflow(page)


def test_text_resized_to_200_percent_loses_nothing(
    new_context: Callable[..., BrowserContext], base_url: str, site_pages: list[str]
) -> None:
    """Text at 200% on a 1280 px window, by page zoom (a 640 px layout) or text-only, neither scrolls sideways nor is clipped."""
    page = new_context(viewport={"width": 640, "height": 800}).new_page()

    def check(page: Page) -> list[str]:
        zoomed = [f"page zoom 200%: {problem}" for problem in text_loss(page)]
        page.set_viewport_size({"width": 1280, "height": 800})
        enlarge_text(page, 200)
        text_only = [f"text-only 200%: {problem}" for problem in text_loss(page)]
        page.set_viewport_size({"width": 640, "height": 800})
        return zoomed + text_only

    failures = problems_on_every_page(page, base_url, site_pages, check)
    assert not failures, report(failures, len(site_pages))


def test_clipped_text_is_caught(page: Page, serve_html: Callable[[dict[str, str]], str]) -> None:
    """A fixed-height box with overflow hidden clips its text once the text is doubled, and the check says so."""
    page.goto(serve_html({"index.html": CLIPPED_PAGE}))
    assert not text_loss(page), "the fixture should fit before resizing"
    enlarge_text(page, 200)
    assert text_loss(page)
