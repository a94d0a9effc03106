"""The seminar's real site, built once as published (absolute SITEURL) and once for preview (relative)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventsite.build import build_site
from eventsite.localserver import serve_folder
from tests.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, FILLED_LEGAL, REPO, SETTINGS

SITEURL = "https://example.org/seminaire"
PUBLISH_SETTINGS = REPO / "publishconf.py"


def published_overrides(cache: Path) -> dict[str, object]:
    """Build the real content as publishconf.py does, under a test address and a fresh cache."""
    return {"SITEURL": SITEURL, "FEED_DOMAIN": SITEURL, "CACHE_PATH": str(cache), "AGENDA_UID_DOMAIN": "", **FILLED_LEGAL}


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seminar built strictly with publishconf.py and SITEURL = https://example.org/seminaire."""
    root = tmp_path_factory.mktemp("published")
    build_site(PUBLISH_SETTINGS, root / "output", strict=True, overrides=published_overrides(root / "cache"))
    return root / "output"


@pytest.fixture(scope="session")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seminar built with pelicanconf.py (relative URLs), as a browser reads it from any address."""
    root = tmp_path_factory.mktemp("preview")
    build_site(SETTINGS, root / "output", strict=True, overrides={"CACHE_PATH": str(root / "cache"), "LOAD_CONTENT_CACHE": False, **FILLED_LEGAL})
    return root / "output"


def html_pages(output: Path) -> list[Path]:
    """Every HTML page of a built site (not Pagefind's bundle)."""
    return sorted(p for p in output.rglob("*.html") if "pagefind" not in p.relative_to(output).parts)


def page_url(output: Path, page: Path, siteurl: str = SITEURL) -> str:
    """The absolute URL a page of OUTPUT is served at."""
    relpath = page.relative_to(output).as_posix()
    return f"{siteurl}/" + re.sub(r"(^|/)index\.html$", r"\1", relpath)


def url_to_file(output: Path, url: str, siteurl: str = SITEURL) -> Path:
    """The file of OUTPUT an absolute URL under SITEURL points at."""
    assert url.startswith(siteurl + "/"), url
    path = url[len(siteurl) + 1 :].split("#", 1)[0]
    return output / (path + "index.html" if path == "" or path.endswith("/") else path)


def front_matter(path: Path) -> dict[str, str]:
    """The « Key: value » header of a content file, keys in lower case."""
    fields: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields


@pytest.fixture(scope="session")
def served(preview: Path) -> Iterator[str]:
    """The preview build served on 127.0.0.1 (a free port), for the browser tests."""
    with serve_folder(preview) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser downloaded)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: bash scripts/setup.sh --test installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object, served: str) -> Iterator[object]:
    """A fresh page that may only reach the local server: any other host is refused and recorded."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1024, "height": 800})
    outside: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url
        if url.startswith(served) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.outside_requests = outside
    try:
        yield tab
    finally:
        context.close()
