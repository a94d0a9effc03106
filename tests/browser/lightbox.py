"""Drive the gallery lightbox with the keyboard and read its state."""

from __future__ import annotations

from playwright.sync_api import Page

THUMBNAILS = "[data-gallery-item]"
DIALOG = "dialog.lightbox"


def tab_to(page: Page, selector: str, nth: int = 0, limit: int = 200) -> None:
    """Press Tab from the current focus until the NTH element matching SELECTOR has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("([s, n]) => document.activeElement === document.querySelectorAll(s)[n]", [selector, nth]):
            return
    raise AssertionError(f"Tab never reached {selector} #{nth}")


def state(page: Page) -> dict:
    """Whether the lightbox is open, what it shows, and where focus is (once queued events such as
    the dialog's `close` have run)."""
    return page.evaluate(
        """async ([thumbs, dialog]) => {
            await new Promise(resolve => setTimeout(resolve));
            const box = document.querySelector(dialog);
            const links = [...document.querySelectorAll(thumbs)];
            const image = box && box.querySelector('img');
            const shown = image && image.getAttribute('src') ? new URL(image.getAttribute('src'), location.href).href : null;
            return {
                open: !!box && box.open,
                shown: shown ? links.findIndex(link => link.href === shown) : null,
                position: box ? box.innerText.match(/Photo \\d+ sur \\d+/)?.[0] ?? null : null,
                focusInside: !!box && box.contains(document.activeElement),
                focusedThumbnail: links.indexOf(document.activeElement),
                count: links.length,
            };
        }""",
        [THUMBNAILS, DIALOG],
    )
