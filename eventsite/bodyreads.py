"""Which content bodies a build reads, and which of them each page's render read.

Every body reaches a template, a plugin or a feed through Pelican's ``Content.get_content``
(``content``, ``summary`` and the event entities' ``body`` all call it; a reader of the
body itself, such as the theme's ``summary_of``, says so with ``note_read``). While a build holds a
BodyReads (``traced``), each such call notes the content file it read: into the page being
rendered, or, outside any render, into the reads of the build itself (a translation's
"has a body", a feed, a calendar...). A page's render is a function of the site-wide inputs and
of the bodies read before and during it, so a render reused while those bodies are unchanged is
the one a new render would give (eventsite/rendermemo.py keys the "every body" pages so).
The hook is put on Pelican's class once per process and does nothing when no build traces.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

HOOKED = "_event_body_reads"  # set on the hooked get_content, so that it is hooked once
_CURRENT: ContextVar[BodyReads | None] = ContextVar("body_reads", default=None)


@dataclass
class BodyReads:
    """The content files whose body was read: outside any page's render, and within each render under way."""

    outside: set[str] = field(default_factory=set)
    rendering: list[set[str]] = field(default_factory=list)

    def note(self, item: Any) -> None:
        """Note that ITEM's body was read (an item without a source file is computed from what the site reads)."""
        path = getattr(item, "source_path", None)
        if isinstance(path, str):
            (self.rendering[-1] if self.rendering else self.outside).add(path)

    def note_paths(self, paths: Iterable[str]) -> None:
        """Note that the bodies of the content files PATHS were read (by a part of the render reused as it was)."""
        (self.rendering[-1] if self.rendering else self.outside).update(paths)

    @contextmanager
    def render(self) -> Iterator[set[str]]:
        """The bodies a render reads inside the block, together with those the build read before it."""
        read = set(self.outside)
        self.rendering.append(read)
        try:
            yield read
        finally:
            self.rendering.pop()
            if self.rendering:  # a render within a render: what the inner one read, the outer one shows
                self.rendering[-1].update(read)


def hook_pelican() -> None:
    """Make Pelican's Content.get_content note each read in the build's BodyReads (once per process)."""
    from pelican.contents import Content

    original = Content.__dict__["get_content"]
    if getattr(original, HOOKED, False):
        return

    def get_content(self: Any, siteurl: str) -> str:
        reads = _CURRENT.get()
        if reads is not None:
            reads.note(self)
        return original.__get__(self, type(self))(siteurl)

    setattr(get_content, HOOKED, True)
    get_content.__wrapped__ = original  # type: ignore[attr-defined]
    Content.get_content = get_content


def note_read(item: Any) -> None:
    """Note that ITEM's body was read other than through get_content (a summary cut from it), in the build's BodyReads if any."""
    reads = _CURRENT.get()
    if reads is not None:
        reads.note(item)


def forget_memoized_bodies() -> int:
    """Empty the caches of Pelican's memoized Content methods (get_content, get_summary); return how many entries went.

    They are keyed on the content objects themselves and never emptied: in a long-lived process
    (the preview's worker) each build's objects, and what they hold, would stay in memory for good.
    """
    from pelican.contents import Content
    from pelican.utils import memoized

    removed = 0
    for value in vars(Content).values():
        value = getattr(value, "__wrapped__", value)
        if isinstance(value, memoized):
            removed += len(value.cache)
            value.cache.clear()
    return removed


@contextmanager
def traced() -> Iterator[BodyReads]:
    """The bodies read inside the block (in this thread or task), as a BodyReads."""
    hook_pelican()
    reads = BodyReads()
    token = _CURRENT.set(reads)
    try:
        yield reads
    finally:
        _CURRENT.reset(token)
