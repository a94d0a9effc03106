"""The writer of the build: every page it writes gets its ``edition``, even those Pelican's own generators write."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any

from pelican.writers import Writer

from .dependencies import source_dependencies
from .editions import edition_for


def content_lang(kwargs: Mapping[str, Any]) -> str | None:
    """The language of what is being written: an explicit ``lang``, else its page's or article's."""
    explicit = kwargs.get("lang")
    if isinstance(explicit, str) and explicit:
        return explicit
    for key in ("page", "article"):
        lang = getattr(kwargs.get(key), "lang", None)
        if lang:
            return str(lang)
    return None


class EditionWriter(Writer):
    """Pelican's Writer, adding ``edition=`` (from the page's or article's language) when the caller gave none.

    With ``renders`` (an eventsite.rendermemo.RenderMemo, set by the build), a page whose inputs did not
    change since a previous build is not rendered again: the memo gives its text, from the
    dependency map of the event's linked model; and a page file of the staging folder that still
    holds that page is left in place, not opened again (its content_written context says so).
    """

    renders: Any = None

    def write_file(self, name: Any, template: Any, context: Mapping[str, Any], *args: Any, **kwargs: Any) -> Any:
        """Write NAME as Pelican does, with the edition of its language in the template's context."""
        if "edition" not in kwargs:
            edition = edition_for(context, content_lang(kwargs))
            if edition is not None:
                kwargs["edition"] = edition
        if self.renders is not None:
            if self.renders.dependencies is None:
                self.renders.dependencies = source_dependencies(context.get("event"))
            template = self.renders.wrap(template, kwargs)
            self.renders.pending.clear()
            written = super().write_file(name, template, context, *args, **kwargs)
            self.renders.note_written()  # after content_written: the pages are typeset
            return written
        return super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> IO[str]:
        """Open FILENAME as Pelican does; a page left in place is not opened (its writing goes nowhere)."""
        if self.renders is None or filename not in self.renders.leaving:
            return super()._open_w(filename, encoding, override)
        self.renders.leaving.discard(filename)
        # Pelican's own bookkeeping, without the opening: a second write of this file in this build fails or is skipped alike.
        if filename in self._overridden_files or filename in self._written_files:
            return super()._open_w(filename, encoding, override)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return open(os.devnull, "w", encoding=encoding)


def edition_writer(_pelican: Any) -> type[EditionWriter]:
    """Handler of Pelican's get_writer: write with EditionWriter."""
    return EditionWriter
