"""Pelican's news and pages given their address once, when the content is read and linked, instead of at every use.

Pelican works out a news article's ``url`` and ``save_as`` again at each use (``url_format`` copies
its metadata and formats the ARTICLE_URL setting): about 7 times an article while its page, the
news index, the feeds, the sitemap and the structured data are written, 0.15 s of a cold build of
the 3,000-item bench site. Pelican's own ``override_url`` and ``override_save_as`` (what a
``Url:`` or ``Save_as:`` header sets) hold the address worked out once, at
``all_generators_finalized``: nothing after linking changes what an address is made of (slug,
lang, date, category, the URL settings).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pelican.contents import Content

# The context keys where Pelican puts its read content (each item's translations come with it).
CONTENT_KEYS = ("articles", "drafts", "pages", "hidden_pages", "draft_pages")


def read_contents(context: Mapping[str, Any]) -> Iterator[Content]:
    """Every news article and page Pelican read, and every translation of one."""
    for key in CONTENT_KEYS:
        for item in context.get(key, ()) or ():
            yield item
            yield from getattr(item, "translations", ()) or ()


def fix_addresses(generators: Sequence[Any]) -> None:
    """all_generators_finalized handler: each read article's and page's url and save_as worked out once, from now on kept."""
    if not generators:
        return
    for item in read_contents(generators[0].context):
        if isinstance(item, Content):
            for key in ("url", "save_as"):
                if not hasattr(item, f"override_{key}"):
                    setattr(item, f"override_{key}", item.get_url_setting(key))
