"""Grid thumbnails are chosen for their cell's width (at 1× and 2×), not the screen's; the lightbox stays large."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable

from PIL import Image
from playwright.sync_api import BrowserContext

# (viewport width, device pixel ratio): Lighthouse's phone first, then 1 to 4 grid columns.
VIEWPORTS = ((412, 1.75), (360, 3), (600, 2), (900, 1), (1150, 2), (1440, 1))
PROBE_WIDTH = 1000


def probe_image() -> str:
    """A PROBE_WIDTH × 1 PNG as a data: URL: with « PROBE_WIDTHw » its natural width is the sizes value."""
    buffer = io.BytesIO()
    Image.new("L", (PROBE_WIDTH, 1)).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


MEASURE = """async (probe) => {
  const thumbs = [...document.querySelectorAll('.gallery-grid img')];
  const sizes = thumbs[0].sizes;
  const img = new Image();
  img.sizes = sizes;
  img.srcset = probe + ' 1000w';
  await img.decode();
  const eager = thumbs.filter(t => t.loading === 'eager');
  await Promise.all(eager.map(t => t.complete ? null : new Promise(r => { t.onload = r; t.onerror = r; })));
  return {
    sizes: img.naturalWidth,
    cells: thumbs.map(t => t.getBoundingClientRect().width),
    chosen: eager.map(t => t.currentSrc),
    widths: thumbs[0].srcset.split(',').map(c => parseInt(c.trim().split(/\\s+/)[1])),
  };
}"""


def chosen_width(url: str) -> int:
    """The width in an output file name: '<stem>-<width>.<ext>'."""
    return int(re.search(r"-(\d+)\.(?:webp|jpg)$", url).group(1))


def test_thumbnails_are_sized_to_their_grid_cell(new_context: Callable[..., BrowserContext], base_url: str,
                                                 gallery_path: str) -> None:
    probe = probe_image()
    for width, ratio in VIEWPORTS:
        page = new_context(viewport={"width": width, "height": 900}, device_scale_factor=ratio).new_page()
        page.goto(base_url + gallery_path)
        measured = page.evaluate(MEASURE, probe)
        cell = measured["cells"][0]
        assert all(abs(c - cell) < 1 for c in measured["cells"]), measured
        # `sizes` says exactly how wide a cell is, at every width of the screen.
        assert abs(measured["sizes"] - cell) <= 1.5, (width, measured)
        assert measured["chosen"], measured
        needed = cell * ratio
        fitting = min((w for w in measured["widths"] if w >= needed), default=max(measured["widths"]))
        for url in measured["chosen"]:
            assert chosen_width(url) <= fitting, (width, ratio, cell, url)  # never more than the cell needs
        if (width, ratio) == (412, 1.75):  # Lighthouse's phone: no 960 or 1600 px thumbnail
            assert all(chosen_width(url) <= 720 for url in measured["chosen"]), measured


def test_lightbox_still_shows_a_large_photo_on_a_phone(new_context: Callable[..., BrowserContext], base_url: str,
                                                       gallery_path: str) -> None:
    page = new_context(viewport={"width": 412, "height": 900}, device_scale_factor=1.75).new_page()
    page.goto(base_url + gallery_path)
    page.locator(".gallery-grid__link").first.click()
    dialog_image = page.locator("dialog img").first
    dialog_image.wait_for()
    page.wait_for_function("img => img.complete && img.currentSrc", arg=dialog_image.element_handle())
    assert chosen_width(dialog_image.evaluate("img => img.currentSrc")) >= 720
