"""The English edition is the French one in English: every page, the same pictures, the same links (issue 12).

A bilingual event with portraits, a logo and a gallery is built once; each page of one edition is
compared with its counterpart in the other (« x/index.html » ↔ « en/x/index.html »).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from eventsite.build import build_site
from tests.conftest import BASE_SITE, FILLED_LEGAL, SETTINGS, parse, site_overrides, write_site
from tests.gallery.gallery_support import gallery_md, photo_bytes
from tests.i18n.test_languages import TRANSLATIONS
from tests.paths.support import write_image

PREFIX = "en/"

BILINGUAL = {
    **TRANSLATIONS,
    "speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\nPhoto: images/intervenants/alice.jpg\n\nBio d'Alice.\n",
    "speakers/bob-durand.md": "Name: Bob Durand\nRole: Animateur\nPhoto: images/intervenants/bob.jpg\n\nBio de Bob.\n",
    "partners/ira.md": "Name: IRA de Lyon\nTier: organiser\nLogo: images/partenaires/ira.png\n\nL'IRA.\n",
    "partners/en/ira.md": "\nThe IRA.\n",
    "galleries/journee/gallery.md": gallery_md("La journée", {"a.jpg": "Une salle", "b.jpg": "Un atelier"}),
    "news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\nGallery: journee\n\nLa journée.\n",
    "news/en/compte-rendu.md": "Title: Report\n\nThe day.\n",
    "news/annonce.md": "Title: Annonce\nDate: 2018-02-01 10:00\n\nBientôt.\n",
}
# Menus with the same language-neutral paths in both editions (labels may differ).
EVENT_LANGUAGES = {"en": {"EVENT_NAME": "The event", "EVENT_LOCALE": "en_GB"}}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bilingual")
    content = write_site(root, {**BASE_SITE, **BILINGUAL})
    write_image(content / "images/intervenants/alice.jpg")
    write_image(content / "images/intervenants/bob.jpg", colour=(20, 90, 160))
    write_image(content / "images/partenaires/ira.png", mode="RGBA", colour=(0, 0, 0, 0), fmt="PNG")
    for name in ("a.jpg", "b.jpg"):
        (content / "galleries/journee" / name).write_bytes(photo_bytes())
    out = root / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(
        root, content, **FILLED_LEGAL, EVENT_LANGUAGES=EVENT_LANGUAGES, GALLERY_PROCESSES=1,
        GALLERY_WIDTHS=(120,), GALLERY_MAX_WIDTH=240))
    return out


def pages(out: Path) -> Iterator[str]:
    """Every HTML page of OUT, relative to it."""
    return (str(p.relative_to(out)) for p in out.rglob("*.html"))


def french_pages(out: Path) -> set[str]:
    return {p for p in pages(out) if not p.startswith(PREFIX)}


def english_pages(out: Path) -> set[str]:
    return {p[len(PREFIX):] for p in pages(out) if p.startswith(PREFIX)}


def site_path(page: str, href: str) -> str | None:
    """HREF of PAGE as a path from the site root, or None for an address elsewhere."""
    href = urldefrag(href)[0]
    if not href or urlsplit(href).scheme or href.startswith("//"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return "" if path == "." else path + ("/" if href.endswith("/") else "")


def neutral(path: str) -> str:
    """PATH without the English edition's prefix."""
    return path[len(PREFIX):] if path.startswith(PREFIX) else path


def pictures(out: Path, page: str) -> set[str]:
    """The site paths of every <img> of PAGE."""
    return {site_path(page, img["src"]) for img in parse(out / page).select("img[src]")}


def links(out: Path, page: str) -> set[str]:
    """The internal links of PAGE, language-neutral; the language switch and hreflang alternates left out."""
    soup = parse(out / page)
    for other in soup.select(".language-switch, link[hreflang]"):
        other.decompose()
    found = {site_path(page, tag["href"]) for tag in soup.select("a[href], link[href]")}
    return {neutral(path) for path in found if path is not None}


def test_every_page_exists_in_both_editions(built: Path) -> None:
    french, english = french_pages(built), english_pages(built)
    assert len(french) > 12 and "galeries/journee/index.html" in french  # the site really has pages
    assert sorted(french - english) == [] and sorted(english - french) == []


def test_both_editions_show_the_same_pictures(built: Path) -> None:
    for page in sorted(french_pages(built)):
        assert pictures(built, PREFIX + page) == pictures(built, page), page
    assert any(p.startswith("images/intervenants/alice-martin") for p in pictures(built, "intervenants/alice-martin/index.html"))
    assert any("journee" in p for p in pictures(built, "en/actualites/compte-rendu/index.html"))
    assert any("partenaires/ira" in p for p in pictures(built, "en/partenaires/index.html"))


def test_both_editions_link_to_the_same_pages(built: Path) -> None:
    differences = {}
    for page in sorted(french_pages(built)):
        french, english = links(built, page), links(built, PREFIX + page)
        if french != english:
            differences[page] = (sorted(french - english), sorted(english - french))
    assert differences == {}


def test_english_links_stay_in_the_english_edition(built: Path) -> None:
    leaving = {}
    for page in sorted(english_pages(built)):
        soup = parse(built / PREFIX / page)
        for other in soup.select(".language-switch, link[hreflang]"):
            other.decompose()
        targets = {site_path(PREFIX + page, a["href"]) for a in soup.select("main a[href], nav a[href], footer a[href]")}
        outside = sorted(t for t in targets if t is not None and not t.startswith((PREFIX, "images/", "theme/")))
        if outside:
            leaving[page] = outside
    assert leaving == {}
