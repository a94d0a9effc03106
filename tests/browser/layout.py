"""Measure what a narrow screen or large text does to a page: sideways scrolling and clipped text."""

from __future__ import annotations

from playwright.sync_api import Page

# Elements wider than the viewport, so the report names what overflows.
_OVERFLOW = """(width) => {
    return [...document.body.querySelectorAll('*')]
        .filter(el => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length)
        .slice(0, 5)
        .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ends at ${Math.round(el.getBoundingClientRect().right)}px`);
}"""

# Elements that hide their overflow and whose text no longer fits: what the visitor cannot read.
_CLIPPED = """() => {
    const hides = v => v === 'hidden' || v === 'clip';
    return [...document.body.querySelectorAll('*')].filter(el => {
        const s = getComputedStyle(el);
        if (!(hides(s.overflowX) || hides(s.overflowY) || s.textOverflow === 'ellipsis')) return false;
        if (el.clientWidth <= 1 || el.clientHeight <= 1) return false;  // visually hidden on purpose
        if (!el.innerText || !el.innerText.trim()) return false;
        return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    }).slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} clips "${el.innerText.trim().slice(0, 40)}"`);
}"""


def horizontal_overflow(page: Page) -> list[str]:
    """What makes PAGE wider than its viewport (empty when scrollWidth <= innerWidth).

    A mobile browser zooms out to fit a page that is too wide, which widens innerWidth: the
    width the page was opened at counts too.
    """
    scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    width = min(inner_width, page.viewport_size["width"]) if page.viewport_size else inner_width
    if scroll_width <= width:
        return []
    return [f"page is {scroll_width}px wide in a {width}px viewport", *page.evaluate(_OVERFLOW, width)]


def clipped_text(page: Page) -> list[str]:
    """The elements of PAGE that hide part of their text (overflow hidden/clip or an ellipsis)."""
    return page.evaluate(_CLIPPED)


def enlarge_text(page: Page, percent: int = 200) -> None:
    """Resize PAGE's text to PERCENT, as a browser's text-only zoom does (rem and em follow)."""
    page.evaluate("percent => { document.documentElement.style.fontSize = percent + '%'; }", percent)


def text_loss(page: Page) -> list[str]:
    """After text resizing: sideways scrolling and clipped text, together."""
    return horizontal_overflow(page) + clipped_text(page)
