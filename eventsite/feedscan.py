"""Extract the links of an Atom or RSS feed written by Pelican."""

from __future__ import annotations

import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_links(xml: str) -> list[str] | None:
    """Return the link URLs of an Atom/RSS document, or None if it is not a feed."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return None
    if root.tag == f"{ATOM}feed":
        return [link.get("href", "") for link in root.iter(f"{ATOM}link") if link.get("href")]
    if root.tag == "rss":
        return [link.text.strip() for link in root.iter("link") if link.text and link.text.strip()]
    return None
