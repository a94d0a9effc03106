"""Walk every text node and text attribute of a built site, each with its language, as a browser resolves it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag

# Text that is code or data, never typeset.
NOT_TEXT = {"script", "style", "pre", "code", "kbd", "samp", "textarea", "template"}
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
TEXT_METAS = {"description", "og:title", "og:description", "og:site_name", "og:image:alt",
              "twitter:title", "twitter:description", "twitter:image:alt"}
# A plain (breaking) space before : ; ! ? (as punctuation: followed by a space or the end),
# after « or before ».
PLAIN_SPACE = re.compile(r" [:;!?](?=\s|$)|« | »")


def lang_of(element: Tag | None) -> str:
    """The language of ELEMENT: its nearest lang attribute, its own included."""
    while element is not None:
        if isinstance(element, Tag) and element.has_attr("lang"):
            return str(element["lang"]).lower()
        element = element.parent
    return ""


def texts(soup: BeautifulSoup) -> Iterator[tuple[str, str, str]]:
    """(language, where, text) for every text node and text attribute of SOUP."""
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype)) or not isinstance(node, NavigableString):
            continue
        if any(parent.name in NOT_TEXT for parent in node.parents):
            continue
        yield lang_of(node.parent), node.parent.name, str(node)
    for element in soup.find_all(True):
        for name in TEXT_ATTRIBUTES:
            if element.has_attr(name):
                yield lang_of(element), f"{element.name}[{name}]", str(element[name])
        if element.name == "meta" and {element.get("name"), element.get("property")} & TEXT_METAS:
            yield lang_of(element), f"meta {element.get('name') or element.get('property')}", element["content"]


def plain_spaces(output: Path, lang: str = "fr") -> list[str]:
    """Every LANG text of every HTML file under OUTPUT that has a plain space where French wants none."""
    found = []
    for page in sorted(output.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html5lib")
        for node_lang, where, text in texts(soup):
            if node_lang.split("-")[0] == lang and PLAIN_SPACE.search(text):
                found.append(f"{page.relative_to(output)} {where}: {text.strip()[:80]!r}")
    return found
