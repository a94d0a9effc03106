"""event.header.recorded_header: the header the reader just parsed is taken, only for the same file as it was read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import event.header as header
from event.source_reader import EventMarkdownReader
from eventsite.stamprecord import StampRecord, stamp_of

TEXT = "Titre : Ouverture\nSalle : Amphi\n\nLe corps.\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the header record reads itself (read_header)."""
    seen: list[str] = []
    original = header.read_header
    monkeypatch.setattr(header, "read_header", lambda path, *args: seen.append(str(path)) or original(path, *args))
    return seen


def reader_parse(path: Path) -> header.ParsedHeader:
    reader = EventMarkdownReader.__new__(EventMarkdownReader)  # only _text is used: no Markdown instance
    reader._text(str(path))
    assert reader.last_header is not None
    return reader.last_header


def test_the_reader_s_header_is_taken_for_the_file_it_read(tmp_path: Path, reads: list[str]) -> None:
    path = tmp_path / "ouverture.md"
    path.write_text(TEXT, encoding="utf-8")
    found = header.recorded_header(path, StampRecord(None, ""), reader_parse(path))
    assert found.get("title").value == "Ouverture" and reads == []


def test_another_file_or_a_file_changed_since_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    path, other = tmp_path / "ouverture.md", tmp_path / "cloture.md"
    path.write_text(TEXT, encoding="utf-8")
    other.write_text(TEXT.replace("Ouverture", "Clôture"), encoding="utf-8")
    assert header.recorded_header(other, StampRecord(None, ""), reader_parse(path)).get("title").value == "Clôture"
    parsed = reader_parse(path)
    path.write_text(TEXT.replace("Ouverture", "Ouverture, nouveau titre"), encoding="utf-8")  # an edit after the reader's read
    assert stamp_of(os.stat(path)) != parsed[1]
    assert header.recorded_header(path, StampRecord(None, ""), parsed).get("title").value == "Ouverture, nouveau titre"
    assert reads == [str(other), str(path)]
