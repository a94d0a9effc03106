"""One Markdown instance per reader, reset between files, instead of one built per file.

Pelican's MarkdownReader builds a new `markdown.Markdown` for every file (extensions loaded,
registries filled): about 0.5 ms to 2 ms a file, the largest fixed cost of reading a big site.
`ReusedMarkdownMixin` keeps one instance per reader and calls `reset()` before each file,
which is what `reset()` is for. Combine it with any MarkdownReader subclass by putting it
first: the event plugin's reader is `EventMarkdownReader(ReusedMarkdownMixin, MarkdownReader)`.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

META = "meta"


class ReusedMarkdownMixin:
    """Read Markdown files with one Markdown instance per reader, reset before each file."""

    _reused: Markdown | None = None
    ahead: Any = None  # a MarkdownAhead (markdown_ahead.py) whose worker converts some of this reader's files ahead
    _meta: Any = None
    _meta_priority: float = 27  # markdown.extensions.meta registers its preprocessor at 27

    def _markdown(self) -> Markdown:
        """This reader's Markdown instance, built on first use, reset and ready for a new file."""
        if self._reused is None:
            self._reused = Markdown(**self.settings["MARKDOWN"])  # type: ignore[attr-defined]
            registry = self._reused.preprocessors
            self._meta = registry[META] if META in registry else None
            for item in getattr(registry, "_priority", ()):
                if item.name == META:
                    self._meta_priority = item.priority
        markdown = self._reused
        if self._meta is not None and META not in markdown.preprocessors:
            # Pelican's _parse_metadata deregisters it to render formatted fields: put it back.
            markdown.preprocessors.register(self._meta, META, self._meta_priority)
        markdown.reset()
        return markdown

    def _text(self, source_path: str) -> str:
        """The Markdown text of SOURCE_PATH, as Pelican opens it (a subclass may prepare it)."""
        with pelican_open(source_path) as text:
            return text

    def convert(self, source_path: str) -> tuple[str, tuple[str, Any]]:
        """The Markdown text of SOURCE_PATH and its conversion: the HTML and Markdown's raw metadata (None without the meta extension).

        What read() does before the metadata are parsed; MarkdownAhead's worker runs it on its copy of the reader.
        """
        text = self._text(source_path)
        markdown = self._markdown()
        return text, (markdown.convert(text), getattr(markdown, "Meta", None))

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Parse content and metadata of a Markdown file, as MarkdownReader.read does (the body maybe converted ahead)."""
        self._source_path = source_path
        text = self._text(source_path)
        self._md = self._markdown()
        converted = self.ahead.take(source_path, text) if self.ahead is not None else None
        if converted is None:
            converted = (self._md.convert(text), getattr(self._md, "Meta", None))
        content, meta = converted
        metadata = self._parse_metadata(meta) if meta is not None else {}
        return content, metadata
