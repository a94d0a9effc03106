"""Pelican's Markdown reader, fed with the header as the one header parser reads it."""

from __future__ import annotations

import os
import re
from typing import Any

from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from eventsite.stamprecord import stamp_of

from . import header
from .markdown_reuse import ReusedMarkdownMixin
from .pelican_translation import mark_translation


# A date as authors and the scaffold write it: 2030-01-01, 2030-01-01 10:00, 2030-01-01T10:00:30 (no time zone).
PLAIN_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")


def plain_date(value: str) -> SafeDatetime | None:
    """The date PLAIN_DATE reads in VALUE (what Pelican's get_date, through dateutil, gives it), None otherwise."""
    found = PLAIN_DATE.fullmatch(" ".join(value.split()))
    if found is None:
        return None
    try:
        return SafeDatetime(*(int(part) for part in found.groups() if part is not None))
    except ValueError:  # 2030-02-30: Pelican's own message says so
        return None


class EventMarkdownReader(ReusedMarkdownMixin, MarkdownReader):
    """Markdown files read as authors write them: UTF-8 with or without BOM, « Champ : valeur », French names."""

    last_header: header.ParsedHeader | None = None  # the header of the file read last, for the event generator's record

    def _text(self, source_path: str) -> str:
        """The file's text with its header as the one header parser reads it; NotUtf8Error if not UTF-8."""
        stamp = stamp_of(os.stat(source_path))  # taken before reading, as the header record takes it
        text = header.read_text(source_path)
        parsed = header.parse_header(text)
        self.last_header = (os.path.abspath(source_path), stamp, parsed)
        return header.clean_text(text, parsed)

    def process_metadata(self, name: str, value: Any) -> Any:
        """Pelican's processing of a header field; a plain date read without dateutil (60 µs a file), to the same value."""
        if name in ("date", "modified") and isinstance(value, str):
            found = plain_date(value.replace("_", " ") if name == "date" else value)
            if found is not None:
                return found
        return super().process_metadata(name, value)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Content and metadata; a news or page translation (<folder>/<lang>/x.md) is marked with its language and original."""
        content, metadata = super().read(source_path)
        mark_translation(source_path, self.settings, metadata)
        return content, metadata


def use_event_reader(readers: Any) -> None:
    """Read every Markdown extension with EventMarkdownReader (a reader set in READERS is left alone)."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = EventMarkdownReader
