"""A gallery is translated as anything else: <gallery>/en/gallery.md holds only its translated title, captions and alts."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from eventsite.build import build_site
from eventsite.check import check_content
from tests.conftest import BASE_SITE, SETTINGS, parse, site_overrides, write_site
from tests.gallery.gallery_support import photo_bytes

GALLERY = "galleries/journee/"
FRENCH = (
    "Title: La journée\nCredit: Service communication\nLicense: CC BY 4.0\n\nLa journée en images.\n\n"
    "## a.jpg\nAlt: Une salle pleine\nLégende: L'ouverture en *amphi*\n\n"
    "## b.jpg\nAlt: Un atelier\nLégende: L'atelier du matin\n"
)
ENGLISH = "Title: The day\n\n## a.jpg\nCaption: The opening in the *lecture hall*\nAlt: A full room\n"
EVENT_LANGUAGES = {"en": {"EVENT_NAME": "The event"}}


def write_gallery(root: Path, files: dict[str, str]) -> Path:
    """BASE_SITE plus FILES and the gallery's two photos; the content folder."""
    content = write_site(root, {**BASE_SITE, GALLERY + "gallery.md": FRENCH, **files})
    for name in ("a.jpg", "b.jpg"):
        (content / GALLERY / name).write_bytes(photo_bytes((320, 240)))
    return content


def overrides(root: Path, content: Path) -> dict[str, object]:
    return site_overrides(root, content, EVENT_LANGUAGES=EVENT_LANGUAGES, GALLERY_PROCESSES=1,
                          GALLERY_WIDTHS=(120,), GALLERY_MAX_WIDTH=240)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gallery-translation")
    content = write_gallery(root, {
        GALLERY + "en/gallery.md": ENGLISH,
        "news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\nGallery: journee\n\nLa journée.\n",
        "news/en/compte-rendu.md": "Title: Report\n\nThe day.\n",
    })
    out = root / "output"
    build_site(SETTINGS, out, strict=True, overrides=overrides(root, content))
    return out


def words(tag) -> str:
    """The text of TAG, spaces squashed."""
    return " ".join(tag.get_text().split())


def pictures(page, folder: str) -> list[str]:
    """The site paths of the gallery's images on PAGE, which lives in FOLDER."""
    return [posixpath.normpath(posixpath.join(folder, img["src"])) for img in page.select(".gallery-grid img")]


def figures(page) -> list:
    return page.select(".gallery-grid__figure")


def test_english_gallery_shows_its_translation_and_marks_what_stays_french(built: Path) -> None:
    page = parse(built / "en/galeries/journee/index.html")
    assert page.html["lang"] == "en"
    title = page.select_one("main h1")
    assert title.get_text(strip=True) == "The day" and not title.has_attr("lang")
    description = page.select_one(".gallery-page__header div")
    assert "La journée en images." in description.get_text() and description["lang"] == "fr"  # not translated
    first, second = figures(page)
    assert first.find_parent(attrs={"lang": "fr"}) is None and not first.has_attr("lang")
    image = first.select_one("img")
    assert image["alt"] == "A full room" and not image.has_attr("lang")
    caption = first.select_one(".gallery-grid__text")
    assert words(caption) == "The opening in the lecture hall" and not caption.has_attr("lang")
    assert caption.select_one("em").get_text() == "lecture hall"  # Markdown, as in French
    assert second.select_one("img")["alt"] == "Un atelier" and second.select_one("img")["lang"] == "fr"
    other = second.select_one(".gallery-grid__text")
    assert words(other) == "L’atelier du matin" and other["lang"] == "fr"
    card = parse(built / "en/galeries/index.html").select_one(".gallery-card__title")
    assert card.get_text(strip=True) == "The day" and not card.has_attr("lang")


def test_a_translated_news_item_embeds_the_translated_gallery(built: Path) -> None:
    first, second = figures(parse(built / "en/actualites/compte-rendu/index.html"))
    assert first.find_parent(attrs={"lang": "fr"}) is None
    assert first.select_one("img")["alt"] == "A full room" and not first.select_one("img").has_attr("lang")
    assert words(first.select_one(".gallery-grid__text")) == "The opening in the lecture hall"
    assert second.select_one(".gallery-grid__text")["lang"] == "fr"
    french = figures(parse(built / "actualites/compte-rendu/index.html"))
    assert [f.select_one("img")["alt"] for f in french] == ["Une salle pleine", "Un atelier"]


def test_french_gallery_is_unchanged_and_both_show_the_same_pictures(built: Path) -> None:
    french = parse(built / "galeries/journee/index.html")
    english = parse(built / "en/galeries/journee/index.html")
    assert french.select_one("main h1").get_text(strip=True) == "La journée"
    assert [img["alt"] for img in french.select(".gallery-grid img")] == ["Une salle pleine", "Un atelier"]
    assert words(figures(french)[0].select_one(".gallery-grid__text")) == "L’ouverture en amphi"
    assert not french.select("main [lang]")  # everything is in the page's language
    assert pictures(french, "galeries/journee/") == pictures(english, "en/galeries/journee/")
    assert len(pictures(french, "galeries/journee/")) == 2
    assert not (built / "images/galeries/journee/en").exists()  # the translation folder is no sub-gallery
    assert not (built / "galeries/en").exists() and not (built / "en/galeries/en").exists()


def test_translation_problems_are_told_with_file_line_field_and_fix(tmp_path: Path) -> None:
    content = write_gallery(tmp_path, {
        GALLERY + "en/gallery.md": "Title: The day\nCredit: Comms\n\n## c.jpg\nAlt: Nothing\n\n## b.jpg\nLicense: CC BY\nAlt: A workshop\n",
        GALLERY + "de/gallery.md": "Title: Der Tag\n",
    })
    problems = check_content(SETTINGS, overrides(tmp_path, content))
    told = {(p.file, p.line, p.field, p.message.split(" :")[0]) for p in problems if p.file.startswith(GALLERY)}
    assert told == {
        (GALLERY + "en/gallery.md", 2, "Credit", "ce champ ne se traduit pas (galerie, en)"),
        (GALLERY + "en/gallery.md", 4, "", "« ## c.jpg » ne correspond à aucune photo de la galerie"),
        (GALLERY + "en/gallery.md", 8, "License", "ce champ ne se traduit pas (photo b.jpg, en)"),
        (GALLERY + "de/gallery.md", None, "", "« de » n'est pas une autre langue du site (en)"),
    }
    fixes = {p.field: p.fix for p in problems if p.file.startswith(GALLERY)}
    assert fixes["Credit"].startswith("une traduction ne contient que ces champs : Titre ;")
    assert fixes["License"].startswith("une traduction ne contient que ces champs : Alt, Légende ;")
    assert all(p.severity == "error" for p in problems if p.file.startswith(GALLERY))
