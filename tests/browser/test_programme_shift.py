"""The programme's scripts (stars, « Mon programme », filters) are in its first paint on a phone, even when they
arrive late: they never push the programme down after it is shown (Lighthouse's layout shift)."""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Route

from .phone import PHONE, layout_shifts, record_layout_shifts

SCRIPT_DELAY = 0.8  # seconds a script is held back: a slow network, long enough for a first paint without it


def late(route: Route) -> None:
    """Serve the request after SCRIPT_DELAY, as a slow network would."""
    time.sleep(SCRIPT_DELAY)
    route.continue_()


def test_late_scripts_do_not_shift_the_programme_on_a_phone(new_context: Callable[..., BrowserContext],
                                                            base_url: str) -> None:
    page = new_context(**PHONE).new_page()
    record_layout_shifts(page)
    page.route("**/theme/js/*.js", late)
    page.goto(base_url + "programme/")
    page.wait_for_selector("#mon-programme:not([hidden])")
    page.wait_for_selector("article.session .star")
    page.wait_for_load_state("networkidle")
    assert layout_shifts(page) == []
