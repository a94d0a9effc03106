"""Extract what the pre-publish checks need from one HTML page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

# Attributes holding one URL, by tag; every one of them loads a resource
# except <a>/<area> href (navigation) and <link> href (depends on rel).
RESOURCE_ATTRS: dict[str, tuple[str, ...]] = {
    "img": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "source": ("src",),
    "track": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "input": ("src",),
    "object": ("data",),
}
SRCSET_TAGS = frozenset({"img", "source"})
NAVIGATION_TAGS = frozenset({"a", "area"})
# <link rel> values whose href the browser loads (or connects to) by itself.
RESOURCE_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "mask-icon",
        "manifest",
        "preload",
        "modulepreload",
        "prefetch",
        "prerender",
        "preconnect",
        "dns-prefetch",
    }
)
SRCSET_URL = re.compile(r"[\s,]*(\S+)")
CSS_URL = re.compile(
    r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I
)


@dataclass(frozen=True)
class Ref:
    """One URL found in a page: `resource` if the browser loads it, else `link`."""

    role: str  # "link" or "resource"
    tag: str
    url: str
    line: int | None


@dataclass(frozen=True)
class PageScan:
    """What one page says about itself and what it points to."""

    title: str | None
    lang: str | None
    anchors: frozenset[str]
    refs: tuple[Ref, ...]
    images_without_alt: tuple[tuple[str, int | None], ...]


def srcset_urls(value: str) -> list[str]:
    """Return the URLs of a `srcset` attribute, parsed as the HTML spec does."""
    urls, pos = [], 0
    while pos < len(value):
        match = SRCSET_URL.match(value, pos)
        if not match:
            break
        url, pos = match.group(1), match.end()
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            comma = value.find(",", pos)  # skip the descriptors
            pos = len(value) if comma < 0 else comma + 1
        if url:
            urls.append(url)
    return urls


def css_urls(css: str) -> list[str]:
    """Return the URLs of `url(...)` and `@import` in a piece of CSS."""
    found = []
    for match in CSS_URL.finditer(css):
        url = (match.group(2) or match.group(4) or "").strip()
        if url and not url.startswith("data:"):
            found.append(url)
    return found


def _link_role(tag: Tag) -> str:
    rels = {r.lower() for r in tag.get_attribute_list("rel") if r}
    return "resource" if rels & RESOURCE_RELS else "link"


def _refs_of(tag: Tag) -> list[Ref]:
    name, line = tag.name, tag.sourceline
    refs: list[Ref] = []
    if name in NAVIGATION_TAGS and tag.has_attr("href"):
        refs.append(Ref("link", name, tag["href"], line))
    if name == "link" and tag.has_attr("href"):
        refs.append(Ref(_link_role(tag), name, tag["href"], line))
    for attr in RESOURCE_ATTRS.get(name, ()):
        if tag.has_attr(attr):
            refs.append(Ref("resource", name, tag[attr], line))
    if name in SRCSET_TAGS and tag.has_attr("srcset"):
        refs += [Ref("resource", name, u, line) for u in srcset_urls(tag["srcset"])]
    if name == "style":
        refs += [Ref("resource", name, u, line) for u in css_urls(tag.get_text())]
    if tag.has_attr("style"):
        refs += [Ref("resource", name, u, line) for u in css_urls(tag["style"])]
    return refs


def scan_page(html: str) -> PageScan:
    """Parse one HTML document and return its title, lang, anchors and URLs."""
    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    html_tag = soup.find("html")
    anchors: set[str] = set()
    refs: list[Ref] = []
    no_alt: list[tuple[str, int | None]] = []
    for tag in soup.find_all(True):
        if tag.get("id"):
            anchors.add(tag["id"])
        if tag.name == "a" and tag.get("name"):
            anchors.add(tag["name"])
        if tag.name == "img" and not tag.has_attr("alt"):
            no_alt.append((tag.get("src", ""), tag.sourceline))
        refs += _refs_of(tag)
    lang = (html_tag.get("lang") or "").strip() if html_tag else ""
    return PageScan(
        title=title_tag.get_text().strip() if title_tag else None,
        lang=lang or None,
        anchors=frozenset(anchors),
        refs=tuple(r for r in refs if r.url.strip() or r.role == "resource"),
        images_without_alt=tuple(no_alt),
    )
