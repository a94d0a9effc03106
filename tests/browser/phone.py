"""Lighthouse's phone for browser tests, and a recorder of the layout shifts a page makes."""

from __future__ import annotations

from playwright.sync_api import Page

# Lighthouse's mobile emulation: 412 × 823 CSS px at 1.75×, touch.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
_RECORD_SHIFTS = """(() => {
  window.layoutShifts = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) window.layoutShifts.push(e.value); })
    .observe({type: 'layout-shift', buffered: true});
})()"""


def record_layout_shifts(page: Page) -> None:
    """From the next navigation on, keep the score of every layout shift of PAGE in window.layoutShifts."""
    page.add_init_script(_RECORD_SHIFTS)


def layout_shifts(page: Page) -> list[float]:
    """The layout shifts recorded so far (record_layout_shifts), after the next two frames are drawn."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return page.evaluate("window.layoutShifts")
