"""A long gallery on a phone: only the photos near the screen are laid out and fetched at first; a visitor
who scrolls sees every one, with no layout shift; paper gets them all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from eventsite.build import build_site
from eventsite.localserver import serve_folder
from tests.conftest import SETTINGS, site_overrides
from tests.gallery.gallery_support import gallery_md, photo_bytes

from .phone import PHONE, layout_shifts, record_layout_shifts

PHOTOS = 24
# For each photo of the grid: is it laid out and painted (not skipped by content-visibility)?
RENDERED = "() => [...document.querySelectorAll('.gallery-grid__figure')].map(f => f.checkVisibility({contentVisibilityAuto: true}))"
THUMBNAIL_FILES = "() => [...document.querySelectorAll('.gallery-grid img')].map(img => img.currentSrc.split('/').pop())"


@pytest.fixture
def long_gallery(tmp_path: Path, site: Callable[..., Path]) -> Iterator[str]:
    """A small site with a gallery of PHOTOS photos, built strictly and served; yields the gallery page's URL."""
    names = [f"photo-{index:02d}.jpg" for index in range(PHOTOS)]
    alts = {name: f"Paysage numéro {number}." for number, name in enumerate(names, start=1)}
    content = site({"galleries/longue/gallery.md": gallery_md("Longue galerie", alts)})
    for name in names:
        (content / "galleries" / "longue" / name).write_bytes(photo_bytes((640, 427)))
    output = build_site(SETTINGS, tmp_path / "output", strict=True,
                        overrides=site_overrides(tmp_path, content, GALLERY_PROCESSES=1)).output
    with serve_folder(output) as url:
        yield url + "galeries/longue/"


def phone_page(new_context: Callable[..., BrowserContext], requested: list[str]) -> Page:
    """A page on Lighthouse's phone that records layout shifts and the file name of every gallery image requested."""
    page = new_context(**PHONE).new_page()
    record_layout_shifts(page)
    page.on("request", lambda request: requested.append(request.url.split("/").pop())
            if "/images/galeries/" in request.url else None)
    return page


def opened(page: Page, url: str) -> list[bool]:
    """Open URL, let it load, and check that the far photos were neither laid out nor fetched; return which are."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    rendered = page.evaluate(RENDERED)
    assert len(rendered) == PHOTOS
    assert rendered[0] and not rendered[-1], rendered  # the first photo is shown, the last one not yet laid out
    return rendered


def test_a_phone_lays_out_and_fetches_only_the_photos_near_the_screen(
        new_context: Callable[..., BrowserContext], long_gallery: str) -> None:
    requested: list[str] = []
    page = phone_page(new_context, requested)
    rendered = opened(page, long_gallery)
    files = page.evaluate(THUMBNAIL_FILES)
    skipped = [index for index, shown in enumerate(rendered) if not shown]
    assert len(skipped) > PHOTOS // 2, rendered
    stems = [f"photo-{index:02d}-" for index in skipped]
    assert not [url for url in requested if url.startswith(tuple(stems))], (skipped, requested)
    assert files[0] and files[0] in requested  # the first thumbnail (the largest paint) is loaded


def test_scrolling_shows_every_photo_without_layout_shift(new_context: Callable[..., BrowserContext],
                                                          long_gallery: str) -> None:
    requested: list[str] = []
    page = phone_page(new_context, requested)
    opened(page, long_gallery)
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height + 823, 400):  # a visitor scrolling down, half a screen at a time
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_function("() => [...document.querySelectorAll('.gallery-grid img')]"
                               ".every(img => img.getBoundingClientRect().top > innerHeight || img.complete)")
    page.wait_for_function("() => [...document.querySelectorAll('.gallery-grid img')].every(img => img.complete)")
    loaded = page.evaluate("() => [...document.querySelectorAll('.gallery-grid img')].map(img => img.naturalWidth > 0)")
    assert loaded == [True] * PHOTOS, loaded
    assert layout_shifts(page) == []  # neither while loading nor while scrolling
    assert len(set(requested)) >= PHOTOS


def test_paper_gets_every_photo(new_context: Callable[..., BrowserContext], long_gallery: str) -> None:
    page = new_context(**PHONE).new_page()
    opened(page, long_gallery)
    page.emulate_media(media="print")
    assert page.evaluate(RENDERED) == [True] * PHOTOS
