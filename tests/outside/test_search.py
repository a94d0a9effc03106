"""Search: a Pagefind index built with the site, a search page served from the site, usable without JavaScript."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from search.search import pagefind_command
from tests.conftest import REPO, parse
from tests.outside.conftest import SITEURL, html_pages, page_url


def test_pagefind_index_is_built_in_french(published):
    entry = json.loads((published / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    # One index per language: the French pages in « fr », the English edition's in « en ».
    assert entry["languages"]["fr"]["page_count"] >= 15
    assert set(entry["languages"]) <= {"fr", "en"}
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css"):
        assert (published / "pagefind" / name).is_file()


def test_content_pages_are_indexed_listing_pages_are_not(published):
    for relpath in ("programme/index.html", "intervenants/clement-bertholet/index.html", "propositions/accompagnement/index.html",
                    "actualites/compte-rendu-seminaire/index.html", "infos-pratiques/index.html"):
        assert parse(published / relpath).select("[data-pagefind-body]"), relpath
    for relpath in ("intervenants/index.html", "actualites/index.html", "propositions/index.html", "recherche/index.html"):
        assert not parse(published / relpath).select("[data-pagefind-body]"), relpath


def test_search_page_works_without_javascript(published):
    soup = parse(published / "recherche/index.html")
    fallback = soup.select_one("main noscript")
    assert fallback is not None
    text = fallback.decode_contents()
    assert f'href="{SITEURL}/programme/"' in text and f'href="{SITEURL}/intervenants/"' in text
    listed = {a["href"] for a in soup.select(".site-index a")}
    french = [p for p in html_pages(published) if p.relative_to(published).parts[0] != "en"]
    pages = {page_url(published, p) for p in french} - {f"{SITEURL}/recherche/"}
    assert pages <= listed
    scripts = [s["src"] for s in soup.select("script[src]")]
    styles = [s["href"] for s in soup.select("link[rel=stylesheet]")]
    assert all(src.startswith(SITEURL) for src in scripts + styles), "every asset from the site itself"
    assert f"{SITEURL}/pagefind/pagefind-ui.js" in scripts


def test_every_page_links_the_search_page(published):
    for page in html_pages(published):
        if page.relative_to(published).parts[0] == "en":
            continue  # the search page is French; the English edition's footer is its own
        assert f"{SITEURL}/recherche/" in {a["href"] for a in parse(page).select("footer a")}, page


def test_pagefind_runs_the_shipped_binary_offline():
    import pagefind_bin

    command = pagefind_command("out", {})
    assert Path(command[0]).parent == Path(pagefind_bin.__file__).parent and "--force-language" not in command
    assert subprocess.run([*command[:1], "--version"], capture_output=True, check=True).stdout.startswith(b"pagefind")
    assert pagefind_command("out", {"SEARCH_LANGUAGE": "fr"})[-2:] == ["--force-language", "fr"]


@pytest.mark.parametrize("name, slug", [("Bertholet", "clement-bertholet"), ("Esther Mac Namara", "esther-mac-namara")])
def test_search_finds_a_speaker_in_chromium(page, served, name, slug):
    page.goto(f"{served}/recherche/")
    box = page.locator(".pagefind-ui__search-input")
    box.wait_for(timeout=15000)
    box.fill(name)
    result = page.locator(f'.pagefind-ui__result-link[href*="intervenants/{slug}/"]')
    result.first.wait_for(timeout=15000)
    assert name.split()[-1] in result.first.inner_text()
    assert page.outside_requests == []


def test_search_from_the_address_bar(page, served):
    page.goto(f"{served}/recherche/?q=Spérandio")
    page.locator('.pagefind-ui__result-link[href*="intervenants/cedric-sperandio/"]').first.wait_for(timeout=15000)
    assert page.outside_requests == []


def test_search_page_without_javascript(browser, served):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{served}/recherche/")
        # Without JavaScript the <noscript> text shows, with the programme and the speakers a click away.
        # (CSS locators: Playwright's text and role engines skip what is inside <noscript>.)
        assert "besoin de JavaScript" in tab.locator(".search__fallback").inner_text()
        assert tab.locator(".search__fallback").is_visible()
        assert tab.locator(".search__fallback a[href='../programme/']").is_visible()
        assert tab.locator(".search__fallback a[href='../intervenants/']").is_visible()
        assert tab.get_by_role("link", name="Clément Bertholet").is_visible()
        assert tab.locator(".pagefind-ui__search-input").count() == 0
    finally:
        context.close()
