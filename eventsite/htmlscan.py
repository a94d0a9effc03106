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
# Every attribute, on any tag, whose value is a URL (or a list of them) the browser may follow.
URL_ATTRS = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background",
    "longdesc", "codebase", "classid", "archive", "usemap", "manifest", "icon", "profile",
    "dynsrc", "lowsrc", "itemtype",
})
LIST_ATTRS = ("srcset", "imagesrcset", "ping")  # several URLs in one attribute
# SVG presentation attributes whose value may be url(...).
SVG_URL_ATTRS = ("fill", "stroke", "filter", "mask", "clip-path", "marker-start", "marker-mid",
                 "marker-end", "cursor")
SVG_REF_TAGS = frozenset({"image", "feimage", "use"})
IMAGE_TAGS = frozenset({"img", "source"})
JSON_LD = "application/ld+json"
# data: URLs a browser runs as a document or a script.
ACTIVE_DATA_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml",
    "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
})
INVISIBLE = re.compile(r"[\t\n\r]")
REFRESH_URL = re.compile(r"^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['\"]?)(.*?)\1\s*$", re.I | re.S)
CSS_URL = re.compile(
    r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|(?:@import\s+|image-set\(\s*)(['"])([^'"]+)\3""", re.I
)


@dataclass(frozen=True)
class Ref:
    """One URL found in a page: `resource` if the browser loads it, else `link`."""

    role: str  # "link" or "resource"
    tag: str
    url: str
    line: int | None


@dataclass(frozen=True)
class Active:
    """Something active or pointing elsewhere, for the checks to judge.

    kind: "script" (url = its src, "" when inline), "handler" (url = the attribute),
    "url" (a URL attribute), "image-url" (a URL only drawn as an image: <img src>, CSS),
    "form", "svg", "ping", "srcdoc", "refresh" or "base".
    """

    kind: str
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
    active: tuple[Active, ...] = ()


def active_scheme(url: str, *, as_image: bool = False) -> str | None:
    """Return the scheme when `url` runs code once followed (javascript:, vbscript:, data:text/html…).

    `as_image`: the URL is only ever drawn as an image (<img src>, CSS), where an SVG runs nothing.
    """
    plain = INVISIBLE.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                          "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
                                          "\x1a\x1b\x1c\x1d\x1e\x1f ").lower()
    for scheme in ("javascript:", "vbscript:", "livescript:"):
        if plain.startswith(scheme):
            return scheme
    if plain.startswith("data:"):
        media = re.split(r"[;,]", plain[5:], maxsplit=1)[0].strip()
        if media in ACTIVE_DATA_TYPES and not (as_image and media == "image/svg+xml"):
            return f"data:{media}"
    return None


def _attr_urls(tag: Tag, attr: str) -> list[str]:
    """Return the URLs of one attribute of a tag (several for srcset and ping)."""
    value = tag.get(attr)
    if isinstance(value, list):  # bs4 splits some attributes on spaces
        value = " ".join(value)
    if value is None:
        return []
    if attr == "ping":
        return value.split()
    return srcset_urls(value) if attr in LIST_ATTRS else [value]


def _active_of(tag: Tag) -> list[Active]:
    """Return the scripts, handlers, active URLs and foreign references of one tag."""
    name, line = tag.name, tag.sourceline
    found: list[Active] = []
    if name == "script":
        kind = (tag.get("type") or "").strip().lower()
        if tag.has_attr("src"):
            found.append(Active("script", name, tag["src"], line))
        elif kind != JSON_LD:
            found.append(Active("script", name, "", line))
    for attr in tag.attrs:
        if attr.lower().startswith("on"):
            found.append(Active("handler", name, attr, line))
        elif attr in URL_ATTRS or attr in LIST_ATTRS:
            kind = "image-url" if name in IMAGE_TAGS and attr in ("src", "srcset") else "url"
            found += [Active(kind, name, u, line) for u in _attr_urls(tag, attr)]
    if name in ("animate", "set") and (tag.get("attributename") or "").lower() in ("href", "xlink:href"):
        for attr in ("to", "values", "from"):
            found += [Active("url", name, u, line) for u in (tag.get(attr) or "").split(";") if u.strip()]
    if name == "form" and tag.has_attr("action"):
        found.append(Active("form", name, tag["action"], line))
    if tag.has_attr("formaction"):
        found.append(Active("form", name, tag["formaction"], line))
    if name in SVG_REF_TAGS:
        found += [Active("svg", name, tag[a], line) for a in ("href", "xlink:href", "src") if tag.has_attr(a)]
    found += [Active("ping", name, u, line) for u in _attr_urls(tag, "ping")]
    if tag.has_attr("srcdoc"):
        found.append(Active("srcdoc", name, "srcdoc", line))
    if name == "meta" and (tag.get("http-equiv") or "").strip().lower() == "refresh":
        match = REFRESH_URL.match(tag.get("content") or "")
        if match and match.group(2).strip():
            found.append(Active("refresh", name, match.group(2).strip(), line))
    css = [tag.get_text()] if name == "style" else []
    css += [tag[a] for a in ("style", *SVG_URL_ATTRS) if tag.has_attr(a)]
    found += [Active("image-url", name, u, line) for text in css for u in css_urls(text, keep_data=True)]
    if name == "base" and tag.has_attr("href"):
        found.append(Active("base", name, tag["href"], line))
    return found


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


def css_urls(css: str, *, keep_data: bool = False) -> list[str]:
    """Return the URLs of `url(...)` and `@import` in a piece of CSS (data: URLs only if asked)."""
    found = []
    for match in CSS_URL.finditer(css):
        url = (match.group(2) or match.group(4) or "").strip()
        if url and (keep_data or not url.startswith("data:")):
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
    for attr in ("style", *SVG_URL_ATTRS):
        if tag.has_attr(attr):
            refs += [Ref("resource", name, u, line) for u in css_urls(tag[attr])]
    return refs


def scan_page(html: str) -> PageScan:
    """Parse one HTML document and return its title, lang, anchors and URLs."""
    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    html_tag = soup.find("html")
    anchors: set[str] = set()
    refs: list[Ref] = []
    no_alt: list[tuple[str, int | None]] = []
    active: list[Active] = []
    for tag in soup.find_all(True):
        active += _active_of(tag)
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
        active=tuple(active),
    )
