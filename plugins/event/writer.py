"""The writer of the build: every page it writes gets its ``edition``, even those Pelican's own generators write."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any

from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url
from pelican.writers import Writer

from eventsite.rendermemo import LEFT_IN_PLACE

from .dependencies import source_dependencies
from .editions import edition_for


# Pelican's Writer.write_file takes these keyword arguments for itself; the others go to the template.
PELICAN_OPTIONS = ("relative_urls", "paginated", "template_name", "override_output", "url")


def paginates(options: Mapping[str, Any], page_kwargs: Mapping[str, Any], settings: Mapping[str, Any]) -> bool:
    """Whether Pelican's write_file paginates a page written with OPTIONS (its own arguments) and PAGE_KWARGS, as it decides."""
    paginated = options.get("paginated")
    if paginated is None:
        paginated = {key: value for key, value in page_kwargs.items() if key in {"articles", "dates"}}
    return bool(paginated) and options.get("template_name") in settings.get("PAGINATED_TEMPLATES", {})


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
    holds that page is left in place, not opened again (its content_written context says so); that is
    decided before Pelican's write_file copies the context, joins paths and opens a file.
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
            if not args and self._left_in_place(name, template, context, kwargs):
                return None
            template = self.renders.wrap(template, kwargs)
            self.renders.pending.clear()
            written = super().write_file(name, template, context, *args, **kwargs)
            self.renders.note_written()  # after content_written: the pages are typeset
            return written
        return super().write_file(name, template, context, *args, **kwargs)

    def _left_in_place(self, name: Any, template: Any, context: Mapping[str, Any], kwargs: Mapping[str, Any]) -> bool:
        """Whether the page NAME was left in place before Pelican's per-page work (context, paths, file): then done here.

        What Pelican's write_file would still do for it is done: the shared context's localsiteurl,
        its bookkeeping of written files, and content_written with LEFT_IN_PLACE in the page's
        context; the memo logs its render's warnings again and records the file (note_written).
        A paginated page, a file written twice or an unusual call takes Pelican's path, where the
        memo's template may still leave it in place.
        """
        if not self.renders.leaves_pages():  # a cold build: no page file holds an earlier build's page
            return False
        options = {key: kwargs[key] for key in PELICAN_OPTIONS if key in kwargs}
        page_kwargs = {key: value for key, value in kwargs.items() if key not in PELICAN_OPTIONS}
        if not name or not isinstance(name, str) or paginates(options, page_kwargs, self.settings):
            return False
        renders = self.renders
        if renders.output is None or os.path.abspath(renders.output) != os.path.abspath(self.output_path):
            return False  # the memo's folder is not the writer's: never decide for another folder
        path = renders.page_file(name)
        if path is None or path in self._overridden_files or path in self._written_files:
            return False
        renders.pending.clear()
        if renders.left_page(name, str(getattr(template, "name", "")), renders.reads(page_kwargs)) is None:
            renders.pending.clear()
            return False
        localcontext = dict(context)
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if options.get("relative_urls"):
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(page_kwargs)
        localcontext[LEFT_IN_PLACE] = True
        if localcontext["localsiteurl"] and isinstance(context, dict):  # as Pelican's _write_file, before its render
            context["localsiteurl"] = localcontext["localsiteurl"]
        if options.get("override_output"):
            self._overridden_files.add(path)
        self._written_files.add(path)
        signals.content_written.send(path, context=localcontext)
        renders.note_written()  # after content_written, as for a written page
        return True

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
