"""axe-core on the local editor: what our configuration can avoid stays avoided; only Decap's own violations remain."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventsite.editorschema import Form
from eventsite.editorserver import EditorServer
from tests.browser.axe import axe_violations

# Decap CMS 3.16.3's own, which no setting removes (bench/editor/compare.py prints them in full): its header's
# colours, and the Markdown editor's text box, which has no accessible name.
DECAP_OWN = {"color-contrast", "aria-input-field-name"}


def test_no_violation_our_configuration_could_avoid(site: Callable[..., Path], forms: tuple[Form, ...], browser: Any) -> None:
    server = EditorServer(site(), forms, port=0, site_url="http://127.0.0.1:9/")
    server.start()
    found: dict[str, set[str]] = {}
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(server.url)
            page.get_by_role("button", name="Ouvrir l'éditeur").click()
            page.get_by_text("Alice Martin").wait_for()
            found["list"] = {v["id"] for v in axe_violations(page)}
            for route, ready in (("speakers/entries/alice-martin", "Fonction"), ("sessions/entries/table-ronde", "Salle")):
                page.goto("about:blank")
                page.goto(f"{server.url}#/collections/{route}")
                page.get_by_label(ready).wait_for()
                found[route] = {v["id"] for v in axe_violations(page)}
        finally:
            page.close()
    finally:
        server.stop()
    assert all(ids <= DECAP_OWN for ids in found.values()), found
