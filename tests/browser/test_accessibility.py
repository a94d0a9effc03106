"""Every page of the built site passes axe-core's WCAG 2.1 A and AA rules."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page

from .axe import axe_script, axe_violations, describe
from .walk import problems_on_every_page, report

BROKEN_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Page cassée</title></head>
<body>
  <main>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <p style="color:#bbb;background:#fff">Texte trop pâle</p>
    <a href="/ailleurs/"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a>
    <button></button>
    <input type="text">
  </main>
</body>
</html>
"""


def test_every_page_has_no_axe_violation(new_context: Callable[..., BrowserContext], base_url: str, site_pages: list[str]) -> None:
    """axe reports nothing on any page of the site, with JavaScript on."""
    context = new_context()
    context.add_init_script(path=axe_script())
    page = context.new_page()
    failures = problems_on_every_page(page, base_url, site_pages, lambda page: describe(axe_violations(page)))
    assert not failures, report(failures, len(site_pages))


def test_axe_finds_violations_on_a_broken_page(page: Page, serve_html: Callable[[dict[str, str]], str]) -> None:
    """The same check reports a page without lang, alt text, contrast, link, button and field names."""
    page.goto(serve_html({"index.html": BROKEN_PAGE}))
    found = {v["id"] for v in axe_violations(page)}
    assert {"html-has-lang", "image-alt", "color-contrast", "link-name", "button-name", "label"} <= found, found
