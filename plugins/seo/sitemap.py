"""sitemap.xml from every page actually written, each translated page with its language versions and x-default."""

from __future__ import annotations

import json
import logging
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from eventsite.atomicfile import write_bytes
from eventsite.writtenpages import identity_of

from .addresses import is_absolute, page_path
from .settings import setting

logger = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
HEADS_FILE = "sitemap-heads.json"
# A <link> start tag (its quoted values may hold « > »); what html.parser reads as no tags: comments, scripts, styles.
LINK_TAG = re.compile(r"""<link[\t\n\f\r /](?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
HREFLANG = re.compile(b"hreflang", re.IGNORECASE)  # no alternate language without this attribute
HEAD_READ = 16 * 1024  # bytes read at once from a page, until its <body> tag
NOT_TAGS = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)


def site_pages(output_path: str, exclude: tuple[str, ...]) -> list[str]:
    """Every HTML file of the built site, as sorted paths relative to OUTPUT_PATH."""
    found = []
    for folder, dirs, files in os.walk(output_path):
        dirs.sort()
        for name in files:
            if not name.endswith(".html"):
                continue
            relpath = os.path.relpath(os.path.join(folder, name), output_path).replace(os.sep, "/")
            if not any(relpath.startswith(prefix) or relpath == prefix for prefix in exclude):
                found.append(relpath)
    return sorted(found, key=lambda p: (p != "index.html", p))


class Hreflangs(HTMLParser):
    """The ``<link rel="alternate" hreflang href>`` of an HTML page's head: language → href as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep each alternate link; stop at the body."""
        if tag == "body":
            self.done = True
        values = dict(attrs)
        if tag == "link" and not self.done and values.get("rel") == "alternate" and values.get("hreflang") and values.get("href"):
            self.found.setdefault(str(values["hreflang"]), str(values["href"]))


def head_links(head: str) -> str:
    """The <link> tags of an HTML page's HEAD (page_head): all Hreflangs needs to read (parsing the whole head costs 20× more)."""
    return "".join(LINK_TAG.findall(NOT_TAGS.sub("", head)))


def page_head(path: str) -> bytes:
    """The bytes of the page at PATH up to its <body> tag (the whole page when it has none): its head, read alone."""
    with open(path, "rb") as handle:
        data = handle.read(HEAD_READ)
        while b"<body" not in data:
            more = handle.read(HEAD_READ)
            if not more:
                break
            data += more
    cut = data.find(b"<body")
    return data[:cut] if cut >= 0 else data


def page_alternates(output_path: str, relpath: str) -> dict[str, str]:
    """Language → site-relative path of each language version of the page RELPATH (empty when it has none)."""
    head = page_head(os.path.join(output_path, relpath))
    if not HREFLANG.search(head):  # a page of a one-language site: nothing to decode or parse
        return {}
    links = head_links(head.decode("utf-8"))
    parser = Hreflangs()
    parser.feed(links)
    page = "/" + page_path(relpath)
    found = {lang: href if is_absolute(href) else urljoin(page, href) for lang, href in parser.found.items()}
    return found if len(found) > 1 else {}


class KnownHeads:
    """The language versions read from the pages of the last two sitemaps, by page path and file identity.

    A page file with the identity (device, inode, size, change time) it had when it was read
    holds the same bytes (eventsite/writtenpages.py): its versions are not read again. The
    preview's builds leave most pages in place, in the site of the build before the last, so
    the record keeps two generations, as writtenpages does.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.earlier: dict[str, dict[str, str]] = {}
        self.generations: list[dict[str, dict[str, str]]] = []
        self.now: dict[str, dict[str, str]] = {}
        if path is None:
            return
        try:
            with open(path, encoding="utf-8") as handle:
                generations = json.load(handle)["generations"][:2]
            self.generations = [{str(k): {str(lang): str(href) for lang, href in v.items()} for k, v in g.items()} for g in generations]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.generations = []
        for generation in reversed(self.generations):
            self.earlier.update(generation)

    def alternates(self, output_path: str, relpath: str) -> dict[str, str]:
        """RELPATH's language versions, read from its file unless it is the file they were read from before."""
        identity = identity_of(os.path.join(output_path, relpath))
        key = f"{relpath}\0{identity}"
        found = self.earlier.get(key) if identity is not None else None
        if found is None:
            found = page_alternates(output_path, relpath)
        if identity is not None and self.path is not None:
            self.now[key] = found
        return found

    def save(self) -> None:
        """Keep this sitemap's pages and the previous one's (a record that cannot be written only costs speed)."""
        if self.path is None:
            return
        body = json.dumps({"generations": [self.now, *self.generations[:1]]}, ensure_ascii=False, separators=(",", ":"))
        try:
            write_bytes(self.path, body.encode("utf-8"))
        except OSError as error:
            logger.debug("sitemap: record of the pages read not written: %s", error)


def known_heads_path(settings: Mapping[str, Any]) -> str | None:
    """CACHE_PATH/sitemap-heads.json (its keys name each file by device and inode, whatever the output folder), or None."""
    cache = settings.get("CACHE_PATH")
    return os.path.join(str(cache), HEADS_FILE) if cache else None


def absolute_alternates(found: Mapping[str, str], base: str, default_lang: str) -> list[tuple[str, str]]:
    """(hreflang, URL) of each version, then x-default (the DEFAULT_LANG version), URLs under BASE."""
    def full(href: str) -> str:
        return href if is_absolute(href) else f"{base}/{href.lstrip('/')}"

    versions = [(lang, page_path(full(href))) for lang, href in sorted(found.items())]
    if default_lang in found:
        versions.append(("x-default", page_path(full(found[default_lang]))))
    return versions


def build_sitemap(
    paths: list[str], siteurl: str, alternates: Mapping[str, list[tuple[str, str]]] | None = None
) -> ET.ElementTree:
    """A sitemap listing PATHS under SITEURL, each with its language versions (ALTERNATES: path → (hreflang, URL))."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    base = siteurl.rstrip("/")
    for path in paths:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{base}/{page_path(path)}"
        for lang, href in (alternates or {}).get(path, ()):
            ET.SubElement(url, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": lang, "href": href})
    ET.indent(urlset)
    return ET.ElementTree(urlset)


def write_sitemap(pelican: Any) -> None:
    """finalized handler: write sitemap.xml from every page actually written, whatever wrote it."""
    target = setting(pelican.settings, "SEO_SITEMAP")
    if not target:
        return
    siteurl = str(pelican.settings.get("SITEURL") or "")
    if not is_absolute(siteurl):
        logger.debug("sitemap: SITEURL n'est pas absolu, les adresses du plan du site sont relatives à la racine")
    paths = site_pages(pelican.output_path, tuple(setting(pelican.settings, "SEO_SITEMAP_EXCLUDE")))
    default_lang = str(pelican.settings.get("DEFAULT_LANG") or "")
    alternates = {}
    known = KnownHeads(known_heads_path(pelican.settings))
    for path in paths:
        found = known.alternates(pelican.output_path, path)
        if found:
            alternates[path] = absolute_alternates(found, siteurl.rstrip("/"), default_lang)
    known.save()
    tree = build_sitemap(paths, siteurl, alternates)
    destination = os.path.join(pelican.output_path, str(target))
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    tree.write(destination, encoding="utf-8", xml_declaration=True)
