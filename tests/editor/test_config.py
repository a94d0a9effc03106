"""The editor's configuration is generated from the schema: every schema field has its form field, as the schema says."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from eventsite.editorconfig import decap_config, editor_settings
from eventsite.editorschema import ALT_REQUIRED, RELATION_HINT, Form, event_modules
from eventsite.editorserver import EditorServer
from tests.conftest import REPO, SETTINGS

API, SITE = "http://127.0.0.1:8001/api/v1", "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def schema_view() -> tuple[Any, Any, Any]:
    """(schema module, reading module, event settings) as the build reads them."""
    _content, schema, reading, event = event_modules(SETTINGS)
    return schema, reading, event


def schema_types(schema: Any, reading: Any, event: Any) -> dict[str, tuple[Any, ...]]:
    """Each folder of content/ → the schema fields of its files."""
    types = {t.collection: t.fields for t in reading.content_types(event)}
    return {**types, "news": schema.article_fields(), "pages": schema.page_fields()}


def collections(forms: tuple[Form, ...]) -> dict[str, dict[str, Any]]:
    """Decap's collections by name."""
    return {c["name"]: c for c in decap_config(forms, API, SITE)["collections"]}


def test_every_schema_field_has_its_form_field(forms: tuple[Form, ...], schema_view: tuple[Any, Any, Any]) -> None:
    config = collections(forms)
    missing = [
        f"{folder}: {field.name}"
        for folder, fields in schema_types(*schema_view).items()
        for field in fields
        if field.key not in {f["name"] for f in config[folder]["fields"]}
    ]
    assert not missing, f"schema fields without a form field: {missing}"
    assert all(config[folder]["folder"] == f"content/{folder}" for folder in schema_types(*schema_view))


def test_each_form_field_says_what_the_schema_says(forms: tuple[Form, ...], schema_view: tuple[Any, Any, Any]) -> None:
    config = collections(forms)
    for folder, fields in schema_types(*schema_view).items():
        by_name = {f["name"]: f for f in config[folder]["fields"]}
        for field in fields:
            form_field = by_name[field.key]
            assert form_field["label"] == field.label.replace("_", " "), (folder, field.name)
            assert form_field["required"] is field.required, (folder, field.name)
            expected = RELATION_HINT if form_field["widget"] == "relation" else field.help
            assert form_field.get("hint", "").removesuffix(ALT_REQUIRED) == expected, (folder, field.name)


def test_allowed_values_references_dates_and_images(forms: tuple[Form, ...], schema_view: tuple[Any, Any, Any]) -> None:
    _schema, _reading, event = schema_view
    sessions = {f["name"]: f for f in collections(forms)["sessions"]["fields"]}
    assert [(o["value"], o["label"]) for o in sessions["kind"]["options"]] == list(event.session_kinds.items())
    partners = {f["name"]: f for f in collections(forms)["partners"]["fields"]}
    assert [o["value"] for o in partners["tier"]["options"]] == list(event.partner_tiers)
    assert (sessions["speakers"]["value_field"], sessions["speakers"]["search_fields"]) == ("{{slug}}", ["name"])
    for name, expected in {"speakers": "speakers", "moderators": "speakers"}.items():
        assert (sessions[name]["widget"], sessions[name]["collection"], sessions[name]["multiple"]) == ("relation", expected, True)
    assert (sessions["day"]["widget"], sessions["day"]["format"], sessions["day"]["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    assert (sessions["start"]["format"], sessions["start"]["date_format"], sessions["start"]["picker_utc"]) == ("HH:mm", False, False)
    speakers = collections(forms)["speakers"]
    photo = {f["name"]: f for f in speakers["fields"]}["photo"]
    assert photo["widget"] == "image" and speakers["media_folder"] == "/content/images/intervenants"
    proposals = {f["name"]: f for f in collections(forms)["proposals"]["fields"]}
    assert (proposals["workshop"]["widget"], proposals["workshop"]["collection"], proposals["workshop"]["multiple"]) == ("relation", "workshops", False)


def test_the_editor_serves_the_generated_configuration(forms: tuple[Form, ...], tmp_path) -> None:
    server = EditorServer(tmp_path, forms, port=0, site_url=SITE, bundle=tmp_path)
    server.start()
    try:
        with urllib.request.urlopen(server.url + "editor.json", timeout=10) as response:
            served = json.loads(response.read())
        api = server.url.replace("/admin/", "/api/v1")
        assert served == json.loads(json.dumps(editor_settings(forms, api, SITE, local=True)))
        assert served["config"]["backend"] == {"name": "proxy", "proxy_url": api, "branch": "main"}
    finally:
        server.stop()
    hand_written = [p for p in REPO.rglob("config.yml") if ".git" not in p.parts and "node_modules" not in p.parts
                    and ".venv" not in p.parts and ".github" not in p.parts]
    assert not hand_written, f"the editor's configuration is generated, never written by hand: {hand_written}"
