"""The programme's scripts (stars, « Mon programme », filters) are in its first paint on a phone, even when they
arrive late: they never push the programme down after it is shown (Lighthouse's layout shift)."""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Route

PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
SHIFTS = """(() => {
  window.layoutShifts = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) window.layoutShifts.push(e.value); })
    .observe({type: 'layout-shift', buffered: true});
})()"""
SCRIPT_DELAY = 0.8  # seconds a script is held back: a slow network, long enough for a first paint without it


def late(route: Route) -> None:
    """Serve the request after SCRIPT_DELAY, as a slow network would."""
    time.sleep(SCRIPT_DELAY)
    route.continue_()


def test_late_scripts_do_not_shift_the_programme_on_a_phone(new_context: Callable[..., BrowserContext],
                                                            base_url: str) -> None:
    page = new_context(**PHONE).new_page()
    page.add_init_script(SHIFTS)
    page.route("**/theme/js/*.js", late)
    page.goto(base_url + "programme/")
    page.wait_for_selector("#mon-programme:not([hidden])")
    page.wait_for_selector("article.session .star")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.layoutShifts") == []
