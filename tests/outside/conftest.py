"""The seminar's real site as published (absolute SITEURL) and as previewed (relative): the session's shared builds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SITEURL, SharedBuild


@pytest.fixture(scope="session")
def published(published_site: SharedBuild) -> Path:
    """The seminar built strictly with publishconf.py and SITEURL = https://example.org/seminaire."""
    return published_site.output


@pytest.fixture(scope="session")
def preview(seminar_site: SharedBuild) -> Path:
    """The seminar built with pelicanconf.py (relative URLs), as a browser reads it from any address."""
    return seminar_site.output


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
def served(base_url: str) -> str:
    """The preview build's address on 127.0.0.1, without the final slash, for the browser tests."""
    return base_url.rstrip("/")


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
