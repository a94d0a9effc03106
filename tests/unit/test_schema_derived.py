"""What derives from the schema stays in step with it: the guides' tables, the model's attributes, the editor's metadata."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from event import formatdoc, model, reading, schema
from event.settings import read_event_settings

REPO = Path(__file__).resolve().parents[2]
GUIDES = ("docs/format-contenu.md", "docs/galeries.md")


def undeclared(ctype: reading.ContentType) -> set[str]:
    """Header attributes of a type's model class that no schema field fills, and schema attributes the class lacks."""
    header = model.attributes_of(ctype.cls, model.HEADER)
    return header ^ {f.attribute for f in ctype.fields}


@pytest.mark.parametrize("guide", GUIDES)
def test_each_guide_shows_the_tables_the_schema_gives(guide):
    text = (REPO / guide).read_text(encoding="utf-8")
    generated = formatdoc.tables(read_event_settings({}))
    blocks = formatdoc.BLOCK_RE.findall(text)
    assert blocks, "the guide marks no generated table"
    assert formatdoc.render(text, generated) == text, f"regenerate with: .venv/bin/python scripts/format_contenu.py ({guide})"


def test_a_guide_edited_by_hand_is_caught():
    text = (REPO / GUIDES[0]).read_text(encoding="utf-8")
    edited = text.replace("| `Nom` | `Name` | oui |", "| `Nom` | `Name` | non |", 1)
    assert edited != text
    assert formatdoc.render(edited, formatdoc.tables(read_event_settings({}))) == text


def test_every_guide_table_is_a_content_type_of_the_schema():
    generated = formatdoc.tables(read_event_settings({}))
    keys = {c.key for c in schema.content_schemas()} | {"photo", "common"}
    keys |= {f"{c.key}-extra" for c in schema.content_schemas() if c.scaffold_fields != c.fields}
    marked = {m[1] for guide in GUIDES for m in formatdoc.BLOCK_RE.findall((REPO / guide).read_text(encoding="utf-8"))}
    assert marked == keys == set(generated)


@pytest.mark.parametrize("ctype", reading.content_types(read_event_settings({})), ids=lambda c: c.key)
def test_the_model_declares_exactly_the_attributes_the_schema_fills(ctype):
    assert undeclared(ctype) == set(), f"{ctype.cls.__name__}: give these a schema field or a role in model.py"


def test_a_model_attribute_no_field_fills_is_caught():
    @dataclasses.dataclass(eq=False)
    class Wider(model.Speaker):
        nickname: str = ""  # read from nowhere: neither a field nor a declared role

    speaker = next(c for c in reading.content_types(read_event_settings({})) if c.key == "speaker")
    assert undeclared(dataclasses.replace(speaker, cls=Wider)) == {"nickname"}
    assert undeclared(dataclasses.replace(speaker, fields=speaker.fields[:-1])) == {"order"}


def test_link_attributes_are_what_linking_fills():
    assert model.attributes_of(model.Speaker, model.LINK) == {"sessions", "facilitates"}
    assert model.attributes_of(model.Session, model.LINK) == {"speakers", "moderators", "workshops", "room_entity", "track_entity"}
    assert model.attributes_of(model.Track, model.LINK) == {"sessions"}
    assert model.attributes_of(model.Room, model.LINK) == {"sessions"}  # the rooms page lists them
    assert model.attributes_of(model.Workshop, model.LINK) == {"theme", "session", "proposals", "facilitating"}
    assert model.attributes_of(model.Proposal, model.LINK) == {"workshop", "theme"}
    assert model.attributes_of(model.Speaker, model.ENRICHMENT) == {"url", "picture"}


def test_every_field_tells_an_editor_form_what_to_show():
    for content in schema.content_schemas({"talk": "Intervention"}, {"partner": "Partenaires"}):
        assert content.label and content.title and content.body and content.folder, content.key
        for field in (*content.fields, *content.sections):
            assert field.label and field.help and "\n" not in field.help, (content.key, field.name)
            assert field.widget in schema.WIDGETS, (content.key, field.name)
            source = schema.option_source(field)
            if field.widget == "reference":
                assert source and source[0] == "collection", (content.key, field.name)
            if field.widget == "select":
                assert field.choices or (source and source[0] == "setting"), (content.key, field.name)


def test_widgets_follow_the_parsers_unless_given():
    session = schema.content_schema("session", {"talk": "Intervention"})
    widgets = {f.name: (f.widget, f.multiple, schema.option_source(f)) for f in session.fields}
    assert widgets["Day"] == ("date", False, None) and widgets["Start"] == ("time", False, None)
    assert widgets["Kind"] == ("select", False, ("setting", "EVENT_SESSION_KINDS"))
    assert widgets["Speakers"] == ("reference", True, ("collection", "speakers"))
    page = schema.content_schema("page")
    figures = next(f for f in page.fields if f.name == "Figures")
    assert (figures.widget, figures.multiple, figures.separator) == ("list", True, ";")
    with pytest.raises(ValueError, match="unknown widget"):
        schema.Field("X", "x", schema.text, widget="slider")
    with pytest.raises(ValueError, match="unknown options source"):
        schema.Field("X", "x", schema.slug, options="speaker")


def test_the_event_folders_of_the_settings_move_the_scaffolds():
    moved = reading.event_schemas(read_event_settings({"EVENT_PATHS": {"speaker": "personnes"}}))
    assert moved["speaker"].folder == "personnes" and moved["session"].folder == "sessions"
    assert moved["gallery"].file_name == "{slug}/gallery.md"


def test_the_description_an_editor_is_generated_from_is_plain_data():
    import json

    described = [schema.schema_description(c) for c in reading.event_schemas(read_event_settings({})).values()]
    assert json.loads(json.dumps(described)) == described
    session = next(d for d in described if d["key"] == "session")
    kind = next(f for f in session["fields"] if f["name"] == "Kind")
    assert kind["label"] == "Type" and kind["widget"] == "select" and kind["options"] == {"from": "setting", "name": "EVENT_SESSION_KINDS"}
    assert "Table ronde" in kind["choices"] and kind["required"] is True
    gallery = next(d for d in described if d["key"] == "gallery")
    assert [f["label"] for f in gallery["sections"]] == ["Alt", "Légende", "Crédit", "Licence", "Licence_url"]
