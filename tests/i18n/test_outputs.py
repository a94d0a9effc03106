"""The English edition's outputs: calendars, programme.json, search, memento, JSON-LD, sitemap and social cards.

One bilingual site (tests/i18n/test_languages.py's translations) is built once for this module.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar
from PIL import Image

from eventsite.build import build_site
from tests.conftest import BASE_SITE, REPO, SETTINGS, parse, site_overrides, write_site
from tests.i18n.test_languages import LEGAL, TRANSLATIONS

SITEURL = "https://example.org/seminaire"
EN_NAME = "Digital transformation: a lever for management innovation in the French civil service"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The bilingual site, published with an absolute SITEURL (the sitemap and JSON-LD need one)."""
    root = tmp_path_factory.mktemp("bilingual")
    content = write_site(root, {**BASE_SITE, **TRANSLATIONS})
    output = root / "output"
    overrides = site_overrides(root, content, SITEURL=SITEURL, RELATIVE_URLS=False, CARDS_PROCESSES=1, **LEGAL)
    build_site(SETTINGS, output, strict=True, overrides=overrides)
    return output


def calendar(path: Path) -> Calendar:
    """A .ics file parsed by icalendar."""
    return Calendar.from_ical(path.read_bytes())


def site_file(out: Path, url: str) -> Path:
    """The file an absolute URL of the site is served from."""
    assert url.startswith(SITEURL + "/"), url
    path = out / url.removeprefix(SITEURL + "/")
    return path / "index.html" if url.endswith("/") else path


# --- agenda ------------------------------------------------------------------------------------

def test_each_edition_has_its_calendars_in_its_language(out):
    whole = calendar(out / "en/programme/seminaire.ics")
    assert str(whole["X-WR-CALNAME"]) == EN_NAME
    summaries = [str(e["SUMMARY"]) for e in whole.walk("VEVENT")]
    assert summaries == ["Opening", "Table ronde", "Ateliers"]  # translated where a translation exists
    opening = calendar(out / "en/programme/ouverture.ics").walk("VEVENT")[0]
    assert str(opening["SUMMARY"]) == "Opening" and "Lecture hall" in str(opening["LOCATION"])
    assert str(opening["URL"]) == f"{SITEURL}/en/programme/#ouverture"
    french = calendar(out / "programme/ouverture.ics").walk("VEVENT")[0]
    assert str(french["SUMMARY"]) == "Ouverture" and str(french["URL"]) == f"{SITEURL}/programme/#ouverture"


def test_english_calendar_links_lead_to_english_calendars(out):
    soup = parse(out / "en/programme/index.html")
    links = [a["href"] for a in soup.select('a[href$=".ics"]')]
    assert len(links) == 4  # the whole programme, then each of the three sessions
    for href in links:
        assert href.startswith(f"{SITEURL}/en/programme/"), href
        assert site_file(out, href).is_file(), href
    french = [a["href"] for a in parse(out / "programme/index.html").select('a[href$=".ics"]')]
    assert french and all(href.startswith(f"{SITEURL}/programme/") for href in french)


def test_each_edition_has_its_programme_json(out):
    data = json.loads((out / "en/programme/programme.json").read_text(encoding="utf-8"))
    assert data["event"]["name"] == EN_NAME
    assert data["event"]["calendar"] == f"{SITEURL}/en/programme/seminaire.ics"
    assert data["event"]["programme_url"] == f"{SITEURL}/en/programme/"
    opening = next(s for s in data["sessions"] if s["id"] == "ouverture")
    assert opening["title"] == "Opening" and opening["calendar"] == f"{SITEURL}/en/programme/ouverture.ics"
    json_link = parse(out / "en/programme/index.html").select_one('a[href$="programme.json"]')["href"]
    assert json_link == f"{SITEURL}/en/programme/programme.json"


# --- search and memento --------------------------------------------------------------------------

def indexed_urls(out: Path) -> dict[str, set[str]]:
    """Language → the URLs Pagefind indexed in that language (read from its fragments)."""
    found: dict[str, set[str]] = {}
    for fragment in (out / "pagefind/fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        lang = fragment.name.split("_", 1)[0]
        found.setdefault(lang, set()).add(json.loads(data[len(b"pagefind_dcd"):])["url"])
    return found


def test_english_search_page_searches_english_pages_only(out):
    soup = parse(out / "en/recherche/index.html")
    assert soup.html["lang"] == "en"  # the Pagefind UI loads the index of the page's language
    assert soup.h1.get_text(strip=True) == "Search"
    entry = json.loads((out / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"fr", "en"}
    indexed = indexed_urls(out)
    # Pagefind's URLs are from the site's root (its UI adds the base URL).
    assert "/en/programme/" in indexed["en"] and "/programme/" in indexed["fr"]
    assert all(url.startswith("/en/") for url in indexed["en"]), indexed["en"]
    assert not any(url.startswith("/en/") for url in indexed["fr"]), indexed["fr"]
    listed = {a["href"] for a in soup.select(".site-index a")}
    assert f"{SITEURL}/en/programme/" in listed and f"{SITEURL}/en/memento/" in listed
    assert not any(href.startswith(f"{SITEURL}/programme") for href in listed)
    assert parse(out / "recherche/index.html").h1.get_text(strip=True) == "Rechercher"


def test_each_edition_has_its_memento(out):
    soup = parse(out / "en/memento/index.html")
    assert soup.html["lang"] == "en"
    assert soup.select_one("#sommaire").get_text(strip=True) == "Contents"
    assert "Organisation du travail" in soup.main.get_text()  # an untranslated theme keeps its French title
    link = parse(out / "en/propositions/index.html").select_one('a[href$="memento/"]')["href"]
    assert link == f"{SITEURL}/en/memento/"
    assert parse(out / "propositions/index.html").select_one('a[href$="memento/"]')["href"] == f"{SITEURL}/memento/"


# --- seo ---------------------------------------------------------------------------------------

def jsonld(page: Path) -> list[dict]:
    """The JSON-LD objects of a page."""
    return [json.loads(s.string) for s in parse(page).select('script[type="application/ld+json"]')]


def test_english_home_has_the_event_in_english_as_json_ld(out):
    events = [o for o in jsonld(out / "en/index.html") if o["@type"] == "Event"]
    assert len(events) == 1
    event = events[0]
    assert event["name"] == EN_NAME and event["inLanguage"] == "en" and event["url"] == f"{SITEURL}/en/"
    assert "Opening" in [s["name"] for s in event["subEvent"]]
    assert all(s["url"].startswith(f"{SITEURL}/en/programme/") for s in event["subEvent"])
    assert [o["inLanguage"] for o in jsonld(out / "index.html") if o["@type"] == "Event"] == ["fr"]


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_sitemap_gives_every_translated_page_its_versions_and_x_default(out):
    root = ET.parse(out / "sitemap.xml").getroot()
    versions = {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }
    for path in ("", "programme/", "intervenants/alice-martin/", "accessibilite/", "recherche/", "memento/"):
        expected = {"fr": f"{SITEURL}/{path}", "en": f"{SITEURL}/en/{path}", "x-default": f"{SITEURL}/{path}"}
        assert versions[f"{SITEURL}/{path}"] == expected, path
        assert versions[f"{SITEURL}/en/{path}"] == expected, path
    assert versions[f"{SITEURL}/contact/"] == {}  # not translated: no alternates
    for alternates in versions.values():
        for href in alternates.values():
            assert site_file(out, href).is_file(), href


def meta(page: Path) -> dict[str, str]:
    """A page's Open Graph tags (the first of each)."""
    found: dict[str, str] = {}
    for tag in parse(page).select("meta[property]"):
        found.setdefault(tag["property"], tag["content"])
    return found


def test_social_tags_are_in_the_page_language_and_name_its_other_versions(out):
    english, french = meta(out / "en/accessibilite/index.html"), meta(out / "accessibilite/index.html")
    assert english["og:locale"] == "en_GB" and english["og:site_name"] == EN_NAME
    assert french["og:locale"] == "fr_FR" and french["og:site_name"] != EN_NAME
    assert english["og:locale:alternate"] == "fr_FR" and french["og:locale:alternate"] == "en_GB"
    assert meta(out / "programme/index.html")["og:locale:alternate"] == "en_GB"
    assert "og:locale:alternate" not in meta(out / "contact/index.html")  # not translated


# --- cards -------------------------------------------------------------------------------------

def expected_card(text):
    """The card the plugin must draw for TEXT, drawn here with its own drawing functions."""
    from cards.cache import card_colors, card_palette
    from cards.drawing import draw_card
    from cards.settings import DEFAULTS

    colors = card_colors({"THEME": str(REPO / "theme")})
    fonts = (DEFAULTS["CARDS_FONT_BOLD"], DEFAULTS["CARDS_FONT_REGULAR"])
    image = draw_card(text, (1200, 630), colors, *fonts)
    palette = card_palette((1200, 630), tuple(sorted(colors.items())), *fonts)
    return image.quantize(palette=palette, dither=Image.Dither.NONE).convert("RGB")


def card_of(out: Path, page: str) -> Image.Image:
    """The social card a page points at, as RGB pixels."""
    with Image.open(site_file(out, meta(out / page)["og:image"])) as image:
        assert image.size == (1200, 630)
        return image.convert("RGB")


def test_each_language_has_its_own_cards_in_its_language(out):
    from cards.drawing import CardText

    tagline = "A seminar for public managers of the three French civil services in Auvergne-Rhône-Alpes"
    english_home = CardText("Thursday 1 March 2018 · Lyon", EN_NAME, tagline)
    assert card_of(out, "en/index.html").tobytes() == expected_card(english_home).tobytes()
    english_page = CardText("Thursday 1 March 2018 · Lyon", "Accessibility statement", EN_NAME)
    assert card_of(out, "en/accessibilite/index.html").tobytes() == expected_card(english_page).tobytes()
    programme = CardText("Thursday 1 March 2018 · Lyon", "Programme", EN_NAME)
    assert card_of(out, "en/programme/index.html").tobytes() == expected_card(programme).tobytes()
    assert card_of(out, "index.html").tobytes() != card_of(out, "en/index.html").tobytes()
    pointed = {meta(page)["og:image"] for page in out.rglob("*.html") if "pagefind" not in page.parts}
    placed = {f"{SITEURL}/{p.relative_to(out).as_posix()}" for p in (out / "images/cartes").iterdir()}
    assert pointed == placed  # every card shown, none drawn for a page that was not written


# --- contracts ---------------------------------------------------------------------------------

def test_no_plugin_writes_into_pelican_settings():
    found = subprocess.run(["grep", "-rnE", r"pelican\.settings\[[^]]+\]\s*=|pelican\.settings\.(setdefault|update|pop)\(",
                            "plugins/"], cwd=REPO, capture_output=True, text=True).stdout
    assert found == ""


def test_outputs_plugins_keep_no_module_level_mutable_state():
    import importlib

    for name in ("agenda.agenda", "memento.memento", "search.search", "seo.seo", "cards.cards", "cards.cache", "cards.pages"):
        module = importlib.import_module(name)
        mutable = [key for key, value in vars(module).items()
                   if not key.startswith("__") and isinstance(value, (dict, list, set)) and not isinstance(value, type)]
        assert mutable == [], (name, mutable)
