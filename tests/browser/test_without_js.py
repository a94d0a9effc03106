"""Every page reads the same with JavaScript off: the main text does not depend on scripts."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page

SCRIPTED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Programme en JS</title></head>
<body><main><h1>Programme</h1><div id="programme"></div></main>
<script>document.getElementById('programme').textContent = '9 h 30 : ouverture';</script></body></html>"""


def main_text(page: Page, url: str) -> str:
    """The visible text of URL's <main>, whitespace collapsed."""
    page.goto(url)
    return re.sub(r"\s+", " ", page.inner_text("main")).strip()


def pages_that_differ(with_js: Page, without_js: Page, urls: list[str]) -> list[str]:
    """The URLs whose main text is not the same with and without JavaScript."""
    return [url for url in urls if main_text(with_js, url) != main_text(without_js, url)]


def test_every_page_reads_the_same_without_javascript(
    new_context: Callable[..., BrowserContext], base_url: str, site_pages: list[str]
) -> None:
    """The innerText of <main> is identical with JavaScript on and off, on every page."""
    with_js = new_context().new_page()
    without_js = new_context(java_script_enabled=False).new_page()
    assert pages_that_differ(with_js, without_js, [base_url + path for path in site_pages]) == []


def test_text_written_by_a_script_is_caught(
    new_context: Callable[..., BrowserContext], serve_html: Callable[[dict[str, str]], str]
) -> None:
    """A page whose programme is written by a script reads differently without JavaScript, and the check says so."""
    url = serve_html({"index.html": SCRIPTED_PAGE})
    assert pages_that_differ(new_context().new_page(), new_context(java_script_enabled=False).new_page(), [url]) == [url]
