"""event.source_reader: a plain date is read without dateutil, to exactly the value Pelican's get_date gives."""

from __future__ import annotations

import pytest
from pelican.readers import METADATA_PROCESSORS
from pelican.settings import DEFAULT_CONFIG

from event.source_reader import EventMarkdownReader, plain_date

CASES = ["2030-01-01", "2030-01-01 10:00", "2030-01-01T10:00", "2030-01-01 10:00:30", " 2030-01-01  10:00 ",
         "2030-01-01_10:00", "2030-12-31T23:59:59", "2030-02-30", "2030-01-01 24:00", "2030-01-01 10:60", "2030-1-1",
         "2030-01-01 10:00+02:00", "01/02/2030", "1er mars 2018", "", "2030-01-01 10h00"]


def pelicans(name: str, value: str) -> object:
    """What Pelican's own processing gives (or the error it raises, by type and message)."""
    try:
        return METADATA_PROCESSORS[name](value, DEFAULT_CONFIG)
    except ValueError as error:
        return ("ValueError", str(error))


@pytest.mark.parametrize("name", ["date", "modified"])
def test_the_reader_gives_pelicans_value_for_every_date(name: str) -> None:
    reader = EventMarkdownReader.__new__(EventMarkdownReader)  # process_metadata needs no Markdown instance
    reader.settings = DEFAULT_CONFIG
    for value in CASES:
        try:
            ours: object = reader.process_metadata(name, value)
        except ValueError as error:
            ours = ("ValueError", str(error))
        theirs = pelicans(name, value)
        assert ours == theirs and type(ours) is type(theirs), (name, value)


def test_only_plain_dates_skip_dateutil() -> None:
    assert plain_date("2030-01-01 10:00") is not None
    assert [value for value in CASES if plain_date(value) is not None] == [
        "2030-01-01", "2030-01-01 10:00", "2030-01-01T10:00", "2030-01-01 10:00:30", " 2030-01-01  10:00 ", "2030-12-31T23:59:59"]


def test_a_plain_date_does_not_go_through_dateutil(monkeypatch: pytest.MonkeyPatch) -> None:
    import pelican.readers

    monkeypatch.setattr(pelican.readers, "get_date", lambda value: pytest.fail(f"dateutil asked for {value!r}"))
    reader = EventMarkdownReader.__new__(EventMarkdownReader)
    reader.settings = DEFAULT_CONFIG
    assert reader.process_metadata("date", "2030-01-01 10:00") == plain_date("2030-01-01 10:00")
