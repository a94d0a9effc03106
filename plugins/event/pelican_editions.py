"""Pelican's news and pages in every edition: the translation when there is one, else the original shown there.

An English visitor stays in the English edition: an untranslated page of the default language is
also written under the edition's prefix (en/organisateurs/), with the edition's menus and
interface, its text marked in its own language by the templates (``lang_attr(page.lang)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pelican.generators import Generator

from eventsite.safepaths import Inside

from .editions import editions_of
from .pelican_translation import translated_address


class EditionView:
    """A news item or page shown in another edition: its own address there, everything else the original's."""

    def __init__(self, original: Any, prefix: str) -> None:
        self._original = original
        # An original Pelican does not write (empty save_as: refused, or turned off) is not written here either.
        self.save_as = f"{prefix}{original.save_as}" if original.save_as else ""
        self.url = translated_address(str(original.url), prefix, "url") if original.save_as else ""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_original":
            raise AttributeError(name)
        return getattr(self._original, name)


def in_edition(items: Iterable[Any], lang: str, prefix: str, default_lang: str) -> tuple[Any, ...]:
    """ITEMS (Pelican's articles or pages of the default language) as the edition LANG shows them:
    the translation into LANG when there is one, else an EditionView of the original.

    Pelican's objects are left as they are (its feeds and translations lists know nothing of views).
    """
    if lang == default_lang:
        return tuple(items)
    return tuple(
        next((t for t in getattr(item, "translations", ()) if t.lang == lang), None) or EditionView(item, prefix)
        for item in items
    )


class EditionPagesGenerator(Generator):
    """Writes, in each edition but the default one, its news index and the news and pages it shows untranslated."""

    def generate_context(self) -> None:
        """Nothing to read: the editions are made by the event generator."""

    def _write_views(self, writer: Any, edition: Any, views: Sequence[Any], key: str) -> None:
        output = Inside(self.output_path)  # each folder resolved once for the batch
        for view in views:
            if not isinstance(view, EditionView) or not view.save_as:
                continue  # a translation (Pelican's own generator writes it), or an original Pelican does not write
            output.resolve(view.save_as)  # the original's address was checked: never raises
            writer.write_file(
                view.save_as, self.get_template(view.template), self.context, edition=edition,
                relative_urls=self.settings["RELATIVE_URLS"], url=view.url, **{key: view},
            )

    def generate_output(self, writer: Any) -> None:
        """Write every non-default edition's untranslated news and pages, and its news index."""
        index = self.settings.get("INDEX_SAVE_AS", "index.html")
        for edition in editions_of(self.context):
            if edition.default:
                continue
            self._write_views(writer, edition, edition.news, "article")
            self._write_views(writer, edition, edition.pages, "page")
            if index:
                writer.write_file(
                    edition.url(index), self.get_template("index"), self.context, edition=edition,
                    relative_urls=self.settings["RELATIVE_URLS"], url=edition.url(index),
                    alternates={e.lang: e.url(index) for e in editions_of(self.context)},
                )
