"""An Atom 1.0 document (RFC 4287) built with ElementTree: never from strings, every text escaped by the serializer."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    """One entry: a stable id (an absolute IRI), its title, when it was updated, its page and a plain-text summary."""

    id: str
    title: str
    updated: dt.datetime
    link: str
    summary: str


@dataclass(frozen=True)
class Feed:
    """The feed itself: id, title, language, last update, author, its own address and the page it mirrors."""

    id: str
    title: str
    lang: str
    updated: dt.datetime
    author: str
    self_link: str
    page_link: str


def stamp(moment: dt.datetime) -> str:
    """An aware datetime as RFC 3339 in UTC: « 2027-06-01T12:30:00Z »."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def atom_document(feed: Feed, entries: Sequence[FeedEntry]) -> bytes:
    """The feed's XML, UTF-8 with its declaration: the same entries give the same bytes."""
    # Plain tag names under a default namespace declared on the root (what Atom readers expect to see).
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": feed.lang})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title)
    _add(root, "updated", stamp(feed.updated))
    _add(_add(root, "author"), "name", feed.author)
    _add(root, "link", rel="self", type="application/atom+xml", href=feed.self_link)
    _add(root, "link", rel="alternate", type="text/html", href=feed.page_link)
    for entry in entries:
        item = _add(root, "entry")
        _add(item, "id", entry.id)
        _add(item, "title", entry.title)
        _add(item, "updated", stamp(entry.updated))
        _add(item, "link", rel="alternate", type="text/html", href=entry.link)
        _add(item, "summary", entry.summary, type="text")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
