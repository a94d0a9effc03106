"""Editor fixtures: the forms of the repository's schema, and a local editor serving a test site."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventsite.editorschema import Form, site_forms
from eventsite.editorserver import EditorServer
from tests.conftest import SETTINGS


@pytest.fixture(scope="session")
def forms() -> tuple[Form, ...]:
    """Every form of the editor, from the repository's settings and the event plugin's schema."""
    return site_forms(SETTINGS)[1]


@pytest.fixture
def editor(site: Callable[..., Path], forms: tuple[Form, ...]) -> Iterator[EditorServer]:
    """A local editor on a free port of 127.0.0.1, over a small test site (tmp_path/content)."""
    content = site()
    # The file API needs no editor bundle: an empty folder stands for it.
    server = EditorServer(content, forms, port=0, site_url="http://127.0.0.1:9/", bundle=content.parent / "no-bundle")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def call(server: EditorServer, action: str, **params: Any) -> tuple[int, Any]:
    """POST one file API request to SERVER; (status, JSON answer)."""
    body = json.dumps({"action": action, "params": {"branch": "main", **params}}).encode("utf-8")
    request = urllib.request.Request(server.url.replace("/admin/", "/api/v1"), data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
