"""Real Pelican builds: pages, HTML attributes, removals, embedding, event images."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from gallery_support import all_files, gallery_md

from gallery import event_images, settings

DATA = Path(__file__).resolve().parent / "data"


def soup(path: Path) -> BeautifulSoup:
    """Parse an HTML file the way browsers do."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


@pytest.fixture
def site(tmp_path: Path, make_photo) -> Path:
    """A content folder with one gallery of four photos and a news article embedding it."""
    folder = tmp_path / "content" / "galleries" / "journee"
    names = {f"{n:02d}-photo.jpg": f"Description précise de la photo {n}" for n in range(1, 5)}
    for index, name in enumerate(names):
        make_photo(folder / name, size=(500 + 20 * index, 300))
    (folder / "gallery.md").write_text(gallery_md("La journée", names), encoding="utf-8")
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "retour.md").write_text(
        "Title: Retour en images\nDate: 2026-11-21 10:00\nGallery: journee\n\nMerci à tous.\n",
        encoding="utf-8",
    )
    (news / "autre.md").write_text(
        "Title: Autre\nDate: 2026-11-22 10:00\nGallery: inconnue\n\nTexte.\n", encoding="utf-8"
    )
    return tmp_path


def photo_images(page: BeautifulSoup) -> list:
    """Return the <img> of every gallery photo on a page."""
    return page.select(".gallery-grid img")


def test_gallery_page_has_responsive_accessible_images(site: Path, build_site) -> None:
    output = build_site(GALLERY_EAGER_COUNT=3)  # the mechanism, whatever count the site itself chose
    page = soup(output / "galeries" / "journee" / "index.html")
    images = photo_images(page)
    assert len(images) == 4
    for img in images:
        for attribute in ("src", "srcset", "sizes", "width", "height", "alt", "loading"):
            assert img.get(attribute), (attribute, img)
        assert img["alt"].startswith("Description précise")
        source = img.find_previous_sibling("source")
        assert source["type"] == "image/webp" and source["srcset"] and source["sizes"]
        for candidate in img["srcset"].split(","):
            url = candidate.split()[0]
            assert (output / "galeries" / "journee" / url).resolve().exists(), url
        link = img.find_parent("a")
        assert link["href"].endswith(".jpg")
    assert [img["loading"] for img in images] == ["eager", "eager", "eager", "lazy"]
    listing = soup(output / "galeries" / "index.html")
    assert listing.select_one('a[href$="galeries/journee/"]')


def test_gallery_is_embedded_in_an_article_and_unknown_slug_warns(
    site: Path, build_site, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    output = build_site()
    article = soup(output / "actualites/retour/index.html")
    assert len(photo_images(article)) == 4
    assert not photo_images(soup(output / "actualites/autre/index.html"))
    assert any("autre.md" in r.getMessage() and "Gallery" in r.getMessage() and "inconnue" in r.getMessage()
               for r in caplog.records)


def test_a_gallery_named_with_the_french_field_is_embedded_and_an_unknown_one_named_at_its_line(
    site: Path, build_site, caplog: pytest.LogCaptureFixture
) -> None:
    news = site / "content" / "news"
    (news / "retour.md").write_text(
        "Titre : Retour en images\nDate : 2026-11-21 10:00\nGalerie : journee\n\nMerci à tous.\n", encoding="utf-8"
    )
    (news / "autre.md").write_text("Titre : Autre\nDate : 2026-11-22 10:00\nGalerie : inconnue\n\nTexte.\n", encoding="utf-8")
    caplog.set_level(logging.WARNING)
    output = build_site()
    assert len(photo_images(soup(output / "actualites/retour/index.html"))) == 4
    told = [r.getMessage() for r in caplog.records if "autre.md" in r.getMessage()]
    assert any("autre.md:3 [champ Galerie]" in m and "« inconnue » n'existe pas" in m for m in told), told
    (news / "autre.md").write_text("Titre : Autre\nDate : 2026-11-22 10:00\nGalerie : [identifiant d'une galerie]\n\nTexte.\n",
                                   encoding="utf-8")
    caplog.clear()
    build_site()
    told = [r.getMessage() for r in caplog.records if "autre.md" in r.getMessage()]
    assert len(told) == 1 and "n'est pas rempli" in told[0], told  # the scaffold's placeholder, told once


def test_second_build_does_no_image_work(site: Path, build_site, caplog) -> None:
    caplog.set_level(logging.INFO)
    build_site()
    caplog.clear()
    build_site()
    summaries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Galerie :")]
    assert summaries and summaries[-1].startswith("Galerie : 0 traitées, 4 réutilisées, 0 en échec")


def test_removed_photo_disappears_from_every_page_and_size(site: Path, build_site) -> None:
    output = build_site()
    assert any("02-photo" in f for f in all_files(output))
    gallery_file = site / "content" / "galleries" / "journee" / "gallery.md"
    text = gallery_file.read_text(encoding="utf-8").replace("Date:", "Removed: 02-photo.jpg\nDate:", 1)
    gallery_file.write_text(text, encoding="utf-8")

    output = build_site()

    files = all_files(output)
    assert not [f for f in files if "02-photo" in f]
    for html in (f for f in files if f.endswith(".html")):
        assert "02-photo" not in (output / html).read_text(encoding="utf-8"), html
    assert len(photo_images(soup(output / "galeries" / "journee" / "index.html"))) == 3


def test_missing_alt_text_warns_but_the_photo_appears(tmp_path: Path, make_photo, build_site, caplog) -> None:
    make_photo(tmp_path / "content" / "galleries" / "vrac" / "sans-alt.jpg")
    caplog.set_level(logging.WARNING)
    output = build_site()
    assert any("sans-alt.jpg" in r.getMessage() and "texte alternatif" in r.getMessage() for r in caplog.records)
    images = photo_images(soup(output / "galeries" / "vrac" / "index.html"))
    assert len(images) == 1 and images[0]["alt"]


def test_event_portraits_and_logos_go_through_the_pipeline(tmp_path: Path, make_photo) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    speakers = content / "images" / "speakers"
    speakers.mkdir(parents=True)
    shutil.copy(DATA / "portrait-chiens.jpg", speakers / "ada.jpg")  # 426×640, real photo
    make_photo(content / "images" / "partners" / "asso.png", size=(900, 300), fmt="PNG")
    ada = SimpleNamespace(name="Ada Lovelace", photo="images/speakers/ada.jpg", picture=None)
    anon = SimpleNamespace(name="Sans Photo", photo=None, picture=None)
    asso = SimpleNamespace(name="Asso", logo="images/partners/asso.png", picture=None)
    event = SimpleNamespace(speakers=[ada, anon], partners=[asso])
    gs = settings.load({"GALLERY_PROCESSES": 1})
    pelican_settings = {"PATH": str(content), "OUTPUT_PATH": str(output), "STATIC_PATHS": ["images"],
                        "STATIC_EXCLUDES": ["images/speakers", "images/partners"]}

    report = event_images.process_event(gs, pelican_settings, event, str(tmp_path / "cache" / "event.json"))

    assert report.processed == 2 and not report.failures
    assert ada.picture.width == ada.picture.height == 426 and ada.picture.alt == "Portrait de Ada Lovelace"
    assert sorted({v.width for v in ada.picture.variants}) == [160, 320, 426]
    assert anon.picture is None
    assert asso.picture.width == 320 and abs(asso.picture.height - 107) <= 1
    assert {v.format for v in asso.picture.variants} == {"png", "webp"}
    second = SimpleNamespace(name="Sittelle", photo="images/speakers/sittelle.jpg", picture=None)
    shutil.copy(DATA / "portrait-sittelle.jpg", speakers / "sittelle.jpg")  # 640×360, landscape
    event.speakers.append(second)
    again = event_images.process_event(gs, pelican_settings, event, str(tmp_path / "cache" / "event.json"))
    assert (again.processed, again.reused) == (1, 2)
    assert second.picture.width == second.picture.height == 360


def test_no_file_of_the_built_site_carries_exif_or_gps(tmp_path: Path, build_site) -> None:
    from PIL import Image

    exif = Image.Exif()
    exif[0x0110] = "SecretPhone"
    exif.get_ifd(0x8825)[2] = (45.0, 45.0, 0.0)
    folder = tmp_path / "content" / "galleries" / "privee"
    folder.mkdir(parents=True)
    Image.new("RGB", (300, 200), "teal").save(folder / "gps.jpg", exif=exif)
    assert b"SecretPhone" in (folder / "gps.jpg").read_bytes()

    output = build_site()

    images = [f for f in all_files(output) if f.endswith((".jpg", ".webp", ".png"))]
    assert images  # the photo was published, in several sizes
    for name in all_files(output):
        data = (output / name).read_bytes()
        assert b"SecretPhone" not in data and b"Exif\x00\x00" not in data, name
