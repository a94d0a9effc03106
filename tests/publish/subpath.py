"""Serve a built folder under a sub-path (/repo/) and crawl it for broken URLs.

Importable by other tests: `with serve_under(folder) as url: crawl(url)`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

from eventsite.htmlscan import css_urls, scan_page


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serve `directory` at `prefix` only; every other path is a 404."""

    prefix = "/repo/"

    def _inside(self) -> bool:
        path = urlsplit(self.path).path
        return path.startswith(self.prefix) or path == self.prefix.rstrip("/")

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        """Answer GET under the prefix, 404 elsewhere."""
        if self._inside():
            super().do_GET()
        else:
            self.send_error(404, "outside the sub-path")

    def do_HEAD(self) -> None:  # noqa: N802
        """Answer HEAD under the prefix, 404 elsewhere."""
        if self._inside():
            super().do_HEAD()
        else:
            self.send_error(404, "outside the sub-path")

    def translate_path(self, path: str) -> str:
        """Drop the prefix before mapping the URL to a file."""
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep test output quiet."""


@contextmanager
def serve_under(folder: Path, prefix: str = "/repo/") -> Iterator[str]:
    """Serve `folder` at http://127.0.0.1:PORT{prefix} in a thread; yield that URL."""
    handler = type("Handler", (SubPathHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class CrawlResult:
    """Status of every internal URL fetched, the broken ones, the external ones."""

    statuses: dict[str, int] = field(default_factory=dict)
    broken: list[tuple[str, int, str]] = field(default_factory=list)  # url, status, from
    external: set[str] = field(default_factory=set)


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url, timeout=10) as response:  # noqa: S310 (local server only)
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, "", b""
    except URLError:
        return 0, "", b""


def _urls_in(content_type: str, body: bytes) -> list[str]:
    text = body.decode("utf-8", errors="replace")
    if content_type == "text/html":
        return [ref.url for ref in scan_page(text).refs]
    if content_type == "text/css":
        return css_urls(text)
    return []


def crawl(start: str) -> CrawlResult:
    """Fetch `start` and every same-host URL reachable from it; record non-200s."""
    origin = urlsplit(start)
    result = CrawlResult()
    queue: list[tuple[str, str]] = [(start, "(départ)")]
    while queue:
        url, referrer = queue.pop()
        if url in result.statuses:
            continue
        status, content_type, body = _fetch(url)
        result.statuses[url] = status
        if status != 200:
            result.broken.append((url, status, referrer))
            continue
        for found in _urls_in(content_type, body):
            target = urldefrag(urljoin(url, found.strip())).url
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https"):
                continue
            if parts.netloc != origin.netloc:
                result.external.add(target)
            elif target not in result.statuses:
                queue.append((target, url))
    return result
