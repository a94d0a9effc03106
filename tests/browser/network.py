"""Record the requests a page makes and tell which leave the local server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from playwright.sync_api import Page, Request

LOCAL_HOSTS = frozenset({"127.0.0.1"})
LOCAL_SCHEMES = frozenset({"data", "blob"})


@contextmanager
def recorded_requests(page: Page) -> Iterator[list[str]]:
    """Collect the URL of every request PAGE makes inside the block (aborted ones included)."""
    urls: list[str] = []

    def record(request: Request) -> None:
        urls.append(request.url)

    page.on("request", record)
    try:
        yield urls
    finally:
        page.remove_listener("request", record)


def foreign(urls: list[str]) -> list[str]:
    """The URLs that are neither on 127.0.0.1 nor data:/blob:."""
    return [url for url in urls if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname not in LOCAL_HOSTS]


def load_everything(page: Page, url: str) -> None:
    """Open URL, scroll to the bottom so lazy images load too, and wait for every image and font."""
    page.goto(url)
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("() => [...document.images].every(img => img.complete) && document.fonts.status === 'loaded'")
