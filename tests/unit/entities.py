"""Helpers of the unit tests: content types of the default settings, one file's header read into an entity."""

from __future__ import annotations

from typing import Any

from event import header, reading
from event.model import Entity
from event.problems import ContentProblem
from event.settings import read_event_settings

SETTINGS = read_event_settings({"EVENT_LANGUAGES": {"en": {}}})
TYPES = {c.key: c for c in reading.content_types(SETTINGS)}


def read(kind: str, text: str, path: str = "") -> tuple[Any, list[ContentProblem], bool]:
    """The entity of KIND read from TEXT (a whole file) as the reader does, its problems, and whether it can be placed."""
    ctype = TYPES[kind]
    return reading.parse_entity(ctype, path or f"{ctype.collection}/{kind}.md", header.parse_header(text), None)


def entity(kind: str, text: str, path: str = "") -> Entity:
    """The entity of KIND read from TEXT, which must have no problem."""
    found, problems, complete = read(kind, text, path)
    assert problems == [] and complete, problems
    return found
