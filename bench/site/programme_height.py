"""The programme page's height and its header's on a phone (360×640) and at 1280 px, in Chromium.

    python bench/site/programme_height.py [SETTINGS ...]

Builds each settings file (default: the seminar and tests/conference/event) into a temporary
folder, serves it on 127.0.0.1 and prints the heights in CSS pixels.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from playwright.sync_api import sync_playwright  # noqa: E402

from eventsite.build import build_site  # noqa: E402
from eventsite.localserver import serve_folder  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, FILLED_LEGAL, SETTINGS  # noqa: E402

DEFAULT = (SETTINGS, REPO / "tests/conference/event/settings.py")


def main() -> None:
    """Print « settings width: page N px, header M px » for 360 and 1280 px."""
    targets = [Path(a) for a in sys.argv[1:]] or list(DEFAULT)
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for number, settings in enumerate(targets):
            out = build_site(settings, Path(scratch) / f"site{number}", strict=False,
                             overrides={"CACHE_PATH": str(Path(scratch) / f"cache{number}"), **FILLED_LEGAL}).output
            with serve_folder(out) as url:
                for width, height in ((360, 640), (1280, 800)):
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(url + "programme/")
                    total = page.evaluate("document.documentElement.scrollHeight")
                    header = page.locator(".site-header").bounding_box()["height"]
                    print(f"{settings.relative_to(REPO)} {width}: page {total} px, header {header:.0f} px")
                    page.close()
        browser.close()


if __name__ == "__main__":
    main()
