"""Pelican's Markdown reader, fed with the header as the one header parser reads it."""

from __future__ import annotations

from typing import Any

from pelican.readers import MarkdownReader

from . import header
from .markdown_reuse import ReusedMarkdownMixin


class EventMarkdownReader(ReusedMarkdownMixin, MarkdownReader):
    """Markdown files read as authors write them: UTF-8 with or without BOM, « Champ : valeur », French names."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """The HTML body and Pelican's metadata; NotUtf8Error for a file that is not UTF-8."""
        self._source_path = source_path
        text = header.read_text(source_path)
        self._md = self._markdown()  # one instance per reader, reset for each file
        content = self._md.convert(header.clean_text(text, header.parse_header(text)))
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata


def use_event_reader(readers: Any) -> None:
    """Read every Markdown extension with EventMarkdownReader (a reader set in READERS is left alone)."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = EventMarkdownReader
