"""Open Graph and Twitter tags on every page, and 1200×630 cards drawn, wrapped and cached."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from cards import cards as cards_module
from cards.drawing import CardText, draw_card, load_font, wrap
from cards.cache import card_colors
from cards.settings import DEFAULTS
from tests.conftest import REPO
from eventsite.build import BuildFailed, build_site
from tests.conftest import SETTINGS, SharedBuild, parse, site_overrides
from tests.outside.conftest import SITEURL, html_pages, page_url, url_to_file

COLORS_FROM_CSS = dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-f]{6})", (REPO / "theme/static/css/main.css").read_text()))
REQUIRED = ("og:title", "og:description", "og:image", "og:url", "og:type", "og:locale")
BOLD = DEFAULTS["CARDS_FONT_BOLD"]
COLORS = card_colors({"THEME": str(REPO / "theme")})


def tags(page) -> dict[str, str]:
    soup = parse(page)
    found = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    found.update({m["name"]: m["content"] for m in soup.select("meta[name]")})
    return found


def test_every_page_has_social_tags_and_a_1200x630_image(published):
    pages = html_pages(published)
    assert len(pages) >= 25
    for page in pages:
        meta = tags(page)
        for name in REQUIRED:
            assert meta.get(name, "").strip(), (page, name)
        english = page.relative_to(published).parts[0] == "en"
        assert meta["og:locale"] == ("en_GB" if english else "fr_FR")
        assert meta["og:url"] == page_url(published, page)
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["twitter:image"] == meta["og:image"]
        image = url_to_file(published, meta["og:image"])
        with Image.open(image) as picture:
            assert picture.size == (1200, 630), image
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


def test_articles_are_articles_and_titles_are_the_pages(published):
    meta = tags(published / "actualites/compte-rendu-seminaire/index.html")
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Retour sur le séminaire du 1er mars 2018"
    assert meta["og:description"].startswith("Malgré la neige")
    assert tags(published / "intervenants/clement-bertholet/index.html")["og:title"] == "Clément Bertholet"
    assert tags(published / "programme/index.html")["og:type"] == "website"


def test_each_page_has_its_own_card(published):
    images = {tags(p)["og:image"] for p in html_pages(published)}
    assert len(images) == len(html_pages(published))
    assert all(image.startswith(f"{SITEURL}/images/cartes/") for image in images)


@pytest.mark.parametrize(
    "text",
    [
        "Table ronde : le management public face à la transformation numérique",
        "Anticonstitutionnellement " * 12,
        "https://www.exemple.gouv.fr/une/adresse/tres/longue/sans/espace/aucune/qui/deborde/forcement/de/la/ligne",
        "Éloge de l'expérimentation : « Oser » ? Oui ! " * 8,
    ],
)
def test_wrapped_lines_never_overflow(text):
    font = load_font(BOLD, 64)
    lines, shortened = wrap(text, font, 1040, 3)
    assert 1 <= len(lines) <= 3
    assert all(font.getlength(line) <= 1040 for line in lines)
    if shortened:
        assert lines[-1].endswith("…")


def test_french_punctuation_never_starts_a_line():
    font = load_font(BOLD, 64)
    for width in range(600, 1100, 37):  # every word of a real title fits 600 px
        lines, _ = wrap("Transformation numérique : levier ? Oui ! « Confiance » partout", font, width, 20)
        assert not any(line.lstrip().startswith((":", "?", "!", "»")) for line in lines), (width, lines)


def test_card_colours_follow_the_theme_and_event_colors():
    assert COLORS["background"] == COLORS_FROM_CSS["accent"] and COLORS["band"] == COLORS_FROM_CSS["surface"]
    overridden = card_colors({"THEME": str(REPO / "theme"), "EVENT_COLORS": {"accent": "#006a4e"}})
    assert overridden["background"] == "#006a4e" and overridden["text"] == COLORS["text"]
    assert card_colors({"CARDS_COLORS": {"background": "#000000"}}) == {"background": "#000000"}


def test_card_text_stays_inside_its_margins():
    text = CardText("jeudi 1er mars 2018 · Lyon", "Numériquement " * 40, "Un événement " * 30)
    image = draw_card(text, (1200, 630), COLORS, BOLD, DEFAULTS["CARDS_FONT_REGULAR"])
    assert image.size == (1200, 630)
    background = Image.new("RGB", (1, 1), COLORS["background"]).getpixel((0, 0))
    band = Image.new("RGB", (1, 1), COLORS["band"]).getpixel((0, 0))
    # The right margin (the last 78 px) holds only the background or the band: no text ran into it.
    for x in range(1122, 1200):
        for y in range(0, 630, 3):
            assert image.getpixel((x, y)) in (background, band), (x, y)


COMPOSED_TEXTS = [
    CardText("1 janvier 2030 · Paris", "Actualité 12", "Séminaire des managers publics"),
    CardText("", "Quelle « place » pour l'IA ? Débat : 9 h 30, gjpqy ÉÊÀÇ", ""),
    CardText("jeudi 1er mars 2018 · Lyon", "Numériquement " * 40, "Un événement " * 30),
    CardText("k", "https://exemple.fr/" + "tres-long-mot-sans-espace" * 6, "Pied"),
    CardText("Sans titre", "", "Pied"),
]


@pytest.mark.parametrize("text", COMPOSED_TEXTS, ids=range(len(COMPOSED_TEXTS)))
@pytest.mark.parametrize("colors", [COLORS, {**COLORS, "background": "#006a4e", "text": "#fafafa", "band": "#101010"}])
def test_a_composed_card_is_the_drawn_card_byte_for_byte(text, colors):
    # The fast path (background drawn once, title coverage mapped through a table) must give the
    # very pixels of drawing the whole card in RGB and mapping it onto the palette.
    from cards.compose import compose_card, on_palette

    fonts = (BOLD, DEFAULTS["CARDS_FONT_REGULAR"])
    design = ((1200, 630), tuple(sorted(colors.items())), *fonts)
    expected = on_palette(draw_card(text, (1200, 630), colors, *fonts), *design)
    composed = compose_card(text, *design)
    assert composed.mode == "P" and composed.getpalette() == expected.getpalette()
    assert composed.tobytes() == expected.tobytes()


@pytest.mark.parametrize("text", COMPOSED_TEXTS, ids=range(len(COMPOSED_TEXTS)))
def test_a_card_file_is_a_valid_png_of_the_composed_card(text):
    # The file is put together from rows compressed apart (png.py): any decoder must read one PNG.
    import io

    from cards.compose import card_png, compose_card

    design = ((1200, 630), tuple(sorted(COLORS.items())), BOLD, DEFAULTS["CARDS_FONT_REGULAR"])
    data = card_png(text, *design)
    with Image.open(io.BytesIO(data)) as image:
        image.verify()  # chunk CRCs, IEND
    with Image.open(io.BytesIO(data)) as image:
        expected = compose_card(text, *design)
        assert (image.format, image.mode, image.size) == ("PNG", "P", (1200, 630))
        assert image.getpalette() == expected.getpalette() and image.tobytes() == expected.tobytes()


def cached_cards(cache) -> dict[str, int]:
    """The cards kept in CACHE (file name → mtime in ns): a card drawn by a build is a new or rewritten file."""
    folder = cache / DEFAULTS["CARDS_CACHE_DIR"]
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.png")} if folder.is_dir() else {}


def build_cards(tmp_path, site, cache, **extra):
    """Build; return the output and the cards the build drew (new or rewritten in the cache)."""
    out = tmp_path / "output"
    before = cached_cards(cache)
    overrides = site_overrides(tmp_path, site(), CACHE_PATH=str(cache), SEARCH_PAGEFIND=False, **extra)
    build_site(SETTINGS, out, strict=True, overrides=overrides)
    after = cached_cards(cache)
    return out, {name for name, mtime in after.items() if before.get(name) != mtime}


def test_cards_are_cached_on_text_design_and_fonts(tmp_path, site):
    cache = tmp_path / "cache"
    out, drawn = build_cards(tmp_path, site, cache)
    assert len(drawn) > 5
    first = {p.name: p.read_bytes() for p in (out / "images/cartes").iterdir()}
    out, drawn_again = build_cards(tmp_path, site, cache)
    assert drawn_again == set()
    assert {p.name: p.read_bytes() for p in (out / "images/cartes").iterdir()} == first
    colors = {**COLORS, "background": "#333333"}
    _, redrawn = build_cards(tmp_path, site, cache, CARDS_COLORS=colors)
    assert len(redrawn) == len(drawn) and not redrawn & drawn


def test_cards_drawn_by_worker_processes_are_those_drawn_in_the_build(tmp_path, site, monkeypatch):
    handed = []
    submit = cards_module.BuildWorkers.submit
    monkeypatch.setattr(cards_module.BuildWorkers, "submit", lambda self, *a: (handed.append(a[1]), submit(self, *a))[1])
    cards = {}
    for count in (1, 2):
        root = tmp_path / f"processes-{count}"
        out, drawn = build_cards(root, site, root / "cache", CARDS_PROCESSES=count)
        assert len(drawn) > 5
        cards[count] = {p.name: p.read_bytes() for p in (out / "images/cartes").iterdir()}
        assert bool(handed) == (count == 2)  # one process draws itself; two hand the cards to workers
        pointed = {tags(page).get("og:image", "").rsplit("/images/cartes/", 1)[-1] for page in out.rglob("*.html")}
        assert len(pointed) > 5 and pointed == set(cards[count])  # every page's card is in the site at the end, no other
    assert cards[2] == cards[1]


@pytest.mark.parametrize("value", [0, "2", True, 1.5])
def test_a_wrong_cards_processes_stops_the_build_in_french(tmp_path, site, value):
    with pytest.raises(BuildFailed, match="CARDS_PROCESSES vaut"):
        build_cards(tmp_path, site, tmp_path / "cache", CARDS_PROCESSES=value)


def test_whole_site_cards_are_drawn_on_a_cold_build(published_site: SharedBuild):
    # Their cost is measured by bench/cards/run.py (CPU per card against its budget), never asserted here.
    drawn = [int(m.group(1)) for line in published_site.log if (m := re.search(r"(\d+) dessinée", line))]
    assert len(drawn) == 1 and drawn[0] >= 25  # the session's build started from an empty cache
    for page in html_pages(published_site.output):
        assert url_to_file(published_site.output, tags(page)["og:image"]).is_file(), page


def test_a_page_with_its_own_image_keeps_it(tmp_path, site):
    content = site({"news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\nImage: images/photo.png\n\nLa journée.\n"})
    (content / "images").mkdir()
    Image.new("RGB", (1200, 800), "#336699").save(content / "images/photo.png")
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content, SITEURL=SITEURL, RELATIVE_URLS=False, SEARCH_PAGEFIND=False))
    meta = tags(out / "actualites/compte-rendu/index.html")
    assert meta["og:image"] == f"{SITEURL}/images/photo.png" and (out / "images/photo.png").is_file()
    assert "og:image:width" not in meta  # its size is not ours to tell
    other = tags(out / "programme/index.html")
    assert other["og:image"] == f"{SITEURL}/images/cartes/programme.png"
