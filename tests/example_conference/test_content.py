"""The example event exemplifies every conference field: a field added to the schema without an example fails here."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from event import schema
from event.header import read_header
from tests.conftest import REPO

from .site import CONTENT, SETTINGS

# The content types of issue 13 whose every field the example must show (a session's Lang too: a session held in English).
EXAMPLED = ("session", "room", "track")


def written(folder: Path, fields: tuple[schema.Field, ...]) -> Counter[str]:
    """How many files of FOLDER (translations included) write each of FIELDS, by canonical key."""
    aliases = schema.alias_table(fields)
    return Counter(f.key for path in sorted(folder.rglob("*.md")) for f in read_header(path, aliases).firsts() if f.key in aliases.values())


def unexemplified(key: str, content: Path = CONTENT) -> list[str]:
    """The fields of content type KEY (and, for sessions, Lang) that no file of CONTENT writes."""
    kind = schema.content_schema(key)
    lang = next(f for f in schema.common_fields() if f.key == "lang")
    fields = kind.fields + ((lang,) if key == "session" else ())
    found = written(content / kind.folder, fields)
    return [f.name for f in fields if not found[f.key]]


@pytest.mark.parametrize("key", EXAMPLED)
def test_every_field_of_sessions_rooms_and_tracks_is_exemplified(key):
    assert unexemplified(key) == [], f"write these fields in a file of tests/example_conference/event/content/{key}s"


def test_a_field_added_to_the_schema_without_an_example_is_caught(monkeypatch):
    added = schema.Field("Sponsor", "sponsor", schema.text, french="Mécène")
    original = schema.room_fields
    monkeypatch.setattr(schema, "room_fields", lambda: (*original(), added))
    assert unexemplified("room") == ["Sponsor"]


def test_every_status_attendance_and_level_value_is_exemplified():
    kind = schema.content_schema("session")
    fields = tuple(f for f in kind.fields if f.key in {"status", "attendance", "level"})
    values = {f.key: set() for f in fields}
    for path in sorted((CONTENT / "sessions").glob("*.md")):
        for found in read_header(path, schema.alias_table(fields)).firsts():
            if found.key in values:
                values[found.key].add(kind.field(found.key).parse(found.value))
    assert values == {"status": set(schema.SESSION_STATUSES) - {"scheduled"}, "attendance": {"online", "hybrid"},
                      "level": set(schema.SESSION_LEVELS)}


def test_translations_only_hold_translatable_fields():
    every = schema.every_field()
    for path in sorted(CONTENT.rglob("en/*.md")):
        for found in read_header(path).firsts():
            assert any(f.key == found.key and f.translatable for f in every), (path, found.spelling)


def test_eventsite_check_reports_nothing():
    done = subprocess.run([sys.executable, "-m", "eventsite", "check", "--settings", str(SETTINGS)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip(), done.stderr.strip()) == (0, "Aucun problème dans le contenu.", "")
