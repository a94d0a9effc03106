"""One visit of a page as a visitor makes it: load, scroll to the end, then what was asked and read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Page

from .network import load_everything, recorded_requests


@dataclass(frozen=True)
class Visit:
    """What one page load showed: every request URL, and the text of <main>."""

    requests: tuple[str, ...]
    main_text: str


def main_text(page: Page) -> str:
    """The visible text of the current document's <main>, whitespace collapsed."""
    return re.sub(r"\s+", " ", page.inner_text("main")).strip()


def visit(page: Page, url: str) -> Visit:
    """Load URL in PAGE as a visitor would (lazy images included) and record what it did."""
    with recorded_requests(page) as urls:
        load_everything(page, url)
    return Visit(tuple(urls), main_text(page))
