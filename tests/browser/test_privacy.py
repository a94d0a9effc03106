"""Visiting the site asks nothing of another host: no font, script, image, tile or analytics."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from .network import foreign, load_everything, recorded_requests
from .visits import Visit

EXTERNAL_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Traceurs</title>
<link rel="stylesheet" href="https://fonts.example.org/css?family=Marianne">
<script src="https://analytics.example.net/tag.js"></script></head>
<body><main><p>Texte</p><img src="https://tiles.example.com/1/2/3.png" alt="Carte"></main></body></html>"""


def test_every_page_requests_only_the_local_server(visits: dict[str, Visit]) -> None:
    """Every request made while loading (and scrolling) every page goes to 127.0.0.1 or is data:/blob:."""
    assert all(len(v.requests) >= 2 for v in visits.values()), "each page should at least load itself and its stylesheet"
    failures = {"/" + path: foreign(list(v.requests)) for path, v in visits.items() if foreign(list(v.requests))}
    assert not failures, failures


def test_external_requests_are_caught(page: Page, serve_html: Callable[[dict[str, str]], str]) -> None:
    """A page with a web font, an analytics script and a map tile from other hosts is caught (all three)."""
    with recorded_requests(page) as urls:
        load_everything(page, serve_html({"index.html": EXTERNAL_PAGE}))
    hosts = {url.split("/")[2] for url in foreign(urls)}
    assert hosts == {"fonts.example.org", "analytics.example.net", "tiles.example.com"}
