"""A news item's or page's summary cut from its text once a build, whatever the page that shows it.

Pelican's ``summary`` cuts the body to SUMMARY_MAX_LENGTH words with an HTML parser, and keeps the
result by page depth (the body's links are made relative to the page first): a news item's page
(its description) and the news list (its card) each cut it. The cut does not depend on where the
links lead, so ``summary_of(item)`` cuts the body as written once, then makes its links relative
to the page being written, with the same Pelican step its body goes through
(``Content._update_content``): the same text as ``item.summary``. The read is noted in the build's
record of the bodies each page reads (eventsite/bodyreads.py, ``note_read``), as ``get_content``
notes it. A summary given in the header (``Summary:``) is Pelican's, as before.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from pelican.utils import strip_toc_elements_from_html, truncate_html_paragraphs, truncate_html_words

from eventsite.bodyreads import note_read


def cut_summary(content: Any) -> str:
    """Pelican's get_summary on CONTENT's body as written, its links not yet made relative to any page."""
    settings = content.settings
    text = content._get_content() if hasattr(content, "_get_content") else content._content
    max_paragraphs = settings.get("SUMMARY_MAX_PARAGRAPHS")
    if max_paragraphs is not None:
        text = truncate_html_paragraphs(text, max_paragraphs)
    if settings["SUMMARY_MAX_LENGTH"] is not None:
        text = truncate_html_words(text, settings["SUMMARY_MAX_LENGTH"], settings["SUMMARY_END_SUFFIX"])
    return strip_toc_elements_from_html(text)


class Summaries:
    """One Jinja environment's summaries, each body cut once (a build makes its environments anew)."""

    def __init__(self) -> None:
        self.cut: dict[int, tuple[Any, str]] = {}

    @pass_context
    def summary_of(self, context: Any, item: Any) -> str:
        """Jinja global summary_of: ITEM.summary on the page being written, its body cut once a build."""
        content = getattr(item, "_original", item)  # a news item shown in another edition (pelican_editions.EditionView)
        if "summary" in content.metadata or not hasattr(content, "_update_content"):
            return str(item.summary)
        siteurl = content.get_siteurl()
        note_read(content)  # the body read, for the page's record of the bodies it shows (its links are not made relative in full)
        found = self.cut.get(id(content))
        if found is None:  # the content is kept with its cut: its id stays its own for the build
            found = self.cut[id(content)] = (content, cut_summary(content))
        return str(content._update_content(found[1], siteurl))
