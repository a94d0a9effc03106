"""Browser fixtures: the session's seminar site (tests/conftest.py), its pages, fresh contexts of the session's Chromium."""

from __future__ import annotations

import tempfile

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from .crawl import page_paths
from .visits import Visit, visit
from eventsite.localserver import serve_folder
from tests.conference.site import build_conference
from tests.conftest import SharedBuild


@pytest.fixture(scope="session")
def site_pages(seminar_site: SharedBuild) -> list[str]:
    """The URL path of every page of the built site ('' is the home page)."""
    paths = page_paths(seminar_site.output)
    assert "" in paths and "programme/" in paths, f"the built site lacks its home or programme page: {paths}"
    return paths


@pytest.fixture(scope="session")
def conference_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small conference (tests/conference/event), built strictly once and served on 127.0.0.1."""
    with serve_folder(build_conference(tmp_path_factory.mktemp("conference"))) as url:
        yield url


@pytest.fixture(scope="session")
def gallery_path(site_pages: list[str]) -> str:
    """The URL path of the site's first gallery page (galeries/<slug>/)."""
    galleries = [path for path in site_pages if path.startswith("galeries/") and path.count("/") == 2]
    assert galleries, "the built site has no gallery page: is the gallery plugin in PLUGINS?"
    return galleries[0]


def keep_local(route: Route) -> None:
    """Let requests to 127.0.0.1 (and data:/blob:) through; abort the rest before they leave."""
    url = route.request.url
    if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort("blockedbyclient")


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """A factory of fresh browser contexts (options as Browser.new_context), closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> BrowserContext:
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})
        context.route("**/*", keep_local)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="package")
def visits(browser: Browser, base_url: str, site_pages: list[str]) -> dict[str, Visit]:
    """Every page visited once with JavaScript on (path → requests and main text), shared by tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("**/*", keep_local)
    page = context.new_page()
    try:
        return {path: visit(page, base_url + path) for path in site_pages}
    finally:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A page in a fresh context, 1280×800, JavaScript on."""
    return new_context().new_page()


@pytest.fixture
def serve_html(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], str]]:
    """Write fixture pages (path → HTML) into a folder and serve it; returns the base URL."""
    with ExitStack() as servers:

        def serve(files: dict[str, str]) -> str:
            folder = Path(tempfile.mkdtemp(prefix="fixture-site-", dir=tmp_path))
            for relpath, html in files.items():
                target = folder / relpath
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
            return servers.enter_context(serve_folder(folder))

        yield serve
