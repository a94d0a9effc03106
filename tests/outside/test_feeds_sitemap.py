"""The Atom feed of the news (full content) and sitemap.xml (every page) parse and list everything."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from seo.seo import build_sitemap, page_path
from tests.conftest import REPO, parse
from tests.outside.conftest import SITEURL, front_matter, html_pages, page_url

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = sorted((REPO / "content/news").glob("*.md"))


def last_paragraph(source) -> str:
    body = source.read_text(encoding="utf-8").split("\n\n", 1)[1]
    return [p for p in body.strip().split("\n\n") if not p.startswith("#")][-1].strip()


def test_atom_feed_lists_every_article_with_full_content(published):
    feed = ET.parse(published / "feeds/atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITEURL}/feeds/atom.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(NEWS)
    by_link = {e.find(f"{ATOM}link").get("href"): e for e in entries}
    for source in NEWS:
        entry = by_link[f"{SITEURL}/actualites/{source.stem}/"]
        assert entry.find(f"{ATOM}title").text == front_matter(source)["title"]
        assert entry.find(f"{ATOM}published").text.startswith(front_matter(source)["date"][:10])
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html"
        # Full content: the article's last paragraph is in the feed, not only its summary.
        text = " ".join(parse_fragment(content.text).split())
        assert " ".join(last_paragraph(source).replace("*", "").split())[:60] in text


def parse_fragment(fragment: str) -> str:
    from bs4 import BeautifulSoup

    return html.unescape(BeautifulSoup(fragment, "html5lib").get_text()).replace("\u00a0", " ").replace("\u202f", " ")


def test_pages_link_the_feed(published):
    link = parse(published / "index.html").select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link is not None and link["href"] == f"{SITEURL}/feeds/atom.xml"


def test_sitemap_lists_every_page(published):
    root = ET.parse(published / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locs = [u.find(f"{SITEMAP}loc").text for u in root.findall(f"{SITEMAP}url")]
    assert len(locs) == len(set(locs))
    assert set(locs) == {page_url(published, p) for p in html_pages(published)}
    expected = {"", "programme/", "intervenants/", "propositions/", "partenaires/", "actualites/", "recherche/"}
    expected |= {f"intervenants/{p.stem}/" for p in (REPO / "content/speakers").glob("*.md")}
    expected |= {f"propositions/{p.stem}/" for p in (REPO / "content/themes").glob("*.md")}
    expected |= {f"actualites/{p.stem}/" for p in NEWS}
    expected |= {f"{p.stem}/" for p in (REPO / "content/pages").glob("*.md") if p.stem != "accueil"}
    assert {f"{SITEURL}/{path}" for path in expected} <= set(locs)
    assert locs[0] == f"{SITEURL}/"


def test_sitemap_is_built_with_xml_etree_and_escapes():
    tree = build_sitemap(["index.html", "a&b/index.html"], "https://example.org/x")
    text = ET.tostring(tree.getroot(), encoding="unicode")
    assert "a&amp;b/" in text
    assert page_path("programme/index.html") == "programme/" and page_path("index.html") == ""


def test_a_page_s_language_versions_are_read_from_its_head_alone(tmp_path):
    from seo.sitemap import HEAD_READ, page_alternates

    filler = "<meta name=x content=y>\n" * (2 * HEAD_READ // 24)  # the links come after more than one read
    links = '<LINK rel="alternate" HREFLANG="en" href="../en/programme/"><link rel=alternate HrefLang=fr href="./">'
    body = '<body><link rel="alternate" hreflang="de" href="/de/">'  # a link after <body> is not the head's
    (tmp_path / "programme").mkdir()
    (tmp_path / "programme/index.html").write_text(f"<html><head>{filler}{links}</head>{body}</body></html>", encoding="utf-8")
    assert page_alternates(str(tmp_path), "programme/index.html") == {"en": "/en/programme/", "fr": "/programme/"}
    (tmp_path / "seule.html").write_text(f"<html><head>{filler}<link rel=stylesheet href=a.css></head>{body}", encoding="utf-8")
    assert page_alternates(str(tmp_path), "seule.html") == {}
    (tmp_path / "fragment").mkdir()
    (tmp_path / "fragment/index.html").write_text(f"{filler}{links}", encoding="utf-8")  # no <body>: the whole file is its head
    assert page_alternates(str(tmp_path), "fragment/index.html") == {"en": "/en/programme/", "fr": "/fragment/"}
