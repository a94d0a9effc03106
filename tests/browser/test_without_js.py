"""Every page reads the same with JavaScript off: the main text does not depend on scripts."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page

from .visits import Visit, main_text

SCRIPTED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Programme en JS</title></head>
<body><main><h1>Programme</h1><div id="programme"></div></main>
<script>document.getElementById('programme').textContent = '9 h 30 : ouverture';</script></body></html>"""


def text_without_js(page: Page, url: str) -> str:
    """The main text of URL in PAGE, whose context has JavaScript off."""
    page.goto(url)
    return main_text(page)


def test_every_page_reads_the_same_without_javascript(
    new_context: Callable[..., BrowserContext], base_url: str, visits: dict[str, Visit]
) -> None:
    """The innerText of <main> is identical with JavaScript on (the shared visit) and off, on every page."""
    without_js = new_context(java_script_enabled=False).new_page()
    differ = ["/" + path for path, seen in visits.items() if text_without_js(without_js, base_url + path) != seen.main_text]
    assert differ == [], f"{len(differ)} of {len(visits)} pages read differently without JavaScript: {differ}"


def test_text_written_by_a_script_is_caught(
    new_context: Callable[..., BrowserContext], serve_html: Callable[[dict[str, str]], str]
) -> None:
    """A page whose programme is written by a script reads differently without JavaScript, and the check says so."""
    url = serve_html({"index.html": SCRIPTED_PAGE})
    with_js = new_context().new_page()
    with_js.goto(url)
    assert main_text(with_js) != text_without_js(new_context(java_script_enabled=False).new_page(), url)
