"""The programme's other views, as plain pages of both editions: a page per day, filter pages by room and language
(tracks link their own page), the filter nav, the rooms page and its menu item; file names from identifiers only."""

from __future__ import annotations

import shutil
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eventsite.build import build_site
from eventsite.check import check_content, scaffold_schema
from eventsite.scaffold import create
from tests.conference.site import CONFERENCE, build_conference
from tests.conference.test_rooms_tracks import build_changed
from tests.conftest import parse

DAYS = {"2027-06-10": ["ouverture", "webinaire", "atelier-donnees", "soiree"], "2027-06-11": ["communs", "recherche"]}
ROOMS = {"frioul": ["ouverture", "atelier-donnees", "communs"], "en-ligne": ["webinaire", "recherche"], "fort": ["soiree"]}
BASE = "https://example.org/rnum/"
LANGUAGES = {"fr": ["ouverture", "webinaire", "atelier-donnees", "soiree", "communs"], "en": ["recherche"]}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_conference(tmp_path_factory.mktemp("views"), SITEURL="https://example.org/rnum")


def site_path(output: Path, page: Path, href: str) -> str:
    """HREF, written on PAGE of OUTPUT (relative URLs), as a path from the site's root (« programme/salle/frioul/ »)."""
    if href.startswith(BASE):
        return href[len(BASE):]
    folder = page.parent.relative_to(output).as_posix()
    joined = posixpath.normpath(posixpath.join(folder, href))
    return "" if joined == "." else joined + ("/" if href.endswith("/") else "")


def sessions_on(page: Path) -> list[str]:
    return [article["id"] for article in parse(page).select("main .programme-day article.session")]


def filter_nav(output: Path, page: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    """Filter kind → (label, path, aria-current) of each link of the page's filter nav ("" : the whole programme)."""
    nav = parse(page).select_one('nav.programme-filters[aria-label]')
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    for link in nav.select("a"):
        found.setdefault(link["data-filter"], []).append((link.get_text(strip=True), site_path(output, page, link["href"]), link.get("aria-current")))
    return found


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_day_has_its_own_page_linked_from_the_day_navigation(output, prefix):
    for day, slugs in DAYS.items():
        page = output / f"{prefix}programme/{day}/index.html"
        assert sessions_on(page) == slugs
        soup = parse(page)
        assert [a.get("aria-current") for a in soup.select(".day-nav a")] == ["page" if d == day else None for d in DAYS]
        alternates = {link["hreflang"]: site_path(output, page, link["href"]) for link in soup.select('link[rel="alternate"][hreflang]')}
        assert alternates.items() >= {"fr": f"programme/{day}/", "en": f"en/programme/{day}/"}.items()
    page = output / f"{prefix}programme/index.html"
    programme = parse(page)
    assert [site_path(output, page, a["href"]) for a in programme.select(".day-nav a")] == [f"{prefix}programme/{day}/" for day in DAYS]
    # « Imprimer ce jour » is a plain link to the day's page (the script prints the day in place).
    links = programme.select(".print-day a[data-print-day]")
    assert [site_path(output, page, a["href"]) for a in links] == [f"{prefix}programme/{day}/" for day in DAYS]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_room_and_language_pages_list_only_their_sessions_with_the_timetable(output, prefix):
    for room, slugs in ROOMS.items():
        page = output / f"{prefix}programme/salle/{room}/index.html"
        assert sessions_on(page) == slugs, room
        assert all(a["data-salle"] == room for a in parse(page).select("main article.session"))
    for lang, slugs in LANGUAGES.items():
        assert sessions_on(output / f"{prefix}programme/langue/{lang}/index.html") == slugs, lang
    frioul = parse(output / f"{prefix}programme/salle/frioul/index.html")
    assert frioul.html["lang"] == (prefix.rstrip("/") or "fr")
    assert frioul.select_one("#ouverture .session__meta .session__when")  # the programme's own session partial


def test_the_filter_nav_links_each_value_to_its_page_and_marks_the_current_one(output):
    base = ""
    nav = filter_nav(output, output / "programme/index.html")
    assert nav[""] == [("Tout le programme", base + "programme/", "page")]
    assert nav["parcours"] == [("Données ouvertes", base + "parcours/donnees-ouvertes/", None),
                               ("Accessibilité", base + "parcours/accessibilite/", None)]  # the tracks' own pages, in their Order
    assert nav["salle"] == [("Salle Frioul", base + "programme/salle/frioul/", None), ("En ligne", base + "programme/salle/en-ligne/", None),
                            ("Terrasse du fort", base + "programme/salle/fort/", None)]
    assert nav["langue"] == [("Anglais", base + "programme/langue/en/", None), ("Français", base + "programme/langue/fr/", None)]
    on_room = filter_nav(output, output / "programme/salle/en-ligne/index.html")
    assert [current for *_, current in on_room["salle"]] == [None, "page", None] and on_room[""][0][2] is None
    on_track = filter_nav(output, output / "parcours/accessibilite/index.html")
    assert [current for *_, current in on_track["parcours"]] == [None, "page"]
    english = filter_nav(output, output / "en/programme/langue/en/index.html")
    assert english["langue"] == [("English", base + "en/programme/langue/en/", "page"), ("French", base + "en/programme/langue/fr/", None)]
    assert [label for label, *_ in english["salle"]] == ["Frioul room", "Online", "Fort terrace"]
    # Each session carries the values the script filters it by.
    webinar = parse(output / "programme/index.html").select_one("#webinaire")
    assert (webinar["data-parcours"], webinar["data-salle"], webinar["data-langue"]) == ("accessibilite", "en-ligne", "fr")


@pytest.mark.parametrize(("prefix", "heading", "menu"), [("", "Salles", "Salles"), ("en/", "Rooms", "Rooms")])
def test_the_rooms_page_lists_each_room_in_order_with_its_facts_and_sessions(output, prefix, heading, menu):
    soup = parse(output / f"{prefix}salles/index.html")
    assert soup.h1.get_text() == heading
    rooms = soup.select("section.room")
    assert [room["id"] for room in rooms] == ["frioul", "en-ligne", "fort"]  # the rooms' Order
    facts = {room["id"]: {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in room.select("dt")} for room in rooms}
    if not prefix:
        assert facts["frioul"] == {"Capacité": "120 places", "Accès": "Rez-de-chaussée, de plain-pied, boucle magnétique"}
        assert facts["fort"]["Adresse"] == "Fort Ganteaume, boulevard Charles Livon, 13007 Marseille"
        assert facts["en-ligne"] == {"En ligne": "Rejoindre la salle en ligne (En ligne)"}
    assert soup.select_one("#en-ligne dd a")["href"] == "https://video.example.org/live/salle"
    for room, slugs in ROOMS.items():
        section = soup.select_one(f"section#{room}")
        assert [a["href"].rsplit("#", 1)[-1] for a in section.select(".room-sessions a")] == slugs
        assert section.select_one(f'a[href$="programme/salle/{room}/"]')
    assert "Annulée" in soup.select_one("#frioul .room-sessions").get_text() or prefix
    # In the menu, right after the programme.
    home = output / f"{prefix}index.html"
    items = [(a.get_text(), site_path(output, home, a["href"])) for a in parse(home).select(".site-nav a")]
    at = [label for label, _ in items].index(menu)
    assert items[at - 1][1] == f"{prefix}programme/" and items[at][1] == f"{prefix}salles/"


def test_without_room_files_there_is_no_rooms_page_menu_item_or_room_filter(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONFERENCE / "content", content)
    shutil.rmtree(content / "rooms")
    out = build_site(CONFERENCE / "settings.py", tmp_path / "output", strict=True,
                     overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}).output
    assert not (out / "salles").exists() and not (out / "programme/salle").exists()
    assert "salles/" not in [site_path(out, out / "index.html", a["href"]) for a in parse(out / "index.html").select(".site-nav a")]
    assert set(filter_nav(out, out / "programme/index.html")) == {"", "parcours", "langue"}


def test_page_names_come_from_identifiers_never_from_names_or_languages(tmp_path):
    out = build_changed(tmp_path, {
        "rooms/fort.md": (r"^Nom : Terrasse du fort$", "Nom : ../../../pwned/Terrasse"),
        "sessions/soiree.md": (r"^Kind: social$", "Kind: social\nLangue : ../../pwned"),
    })
    assert not list(tmp_path.rglob("pwned*"))
    assert "../../../pwned/Terrasse" in parse(out / "programme/salle/fort/index.html").h1.get_text()  # its file's name, its Name shown
    assert sorted(p.name for p in (out / "programme/langue").iterdir()) == ["en", "fr"]  # no page for a code that is no language
    assert "data-langue" not in parse(out / "programme/index.html").select_one("#soiree").attrs


def test_the_sitemap_and_the_pre_publish_checks_accept_the_new_pages(output):
    from eventsite.checks import check_site

    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in ET.parse(output / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)}
    for path in ("programme/2027-06-11/", "programme/salle/frioul/", "programme/langue/en/", "salles/", "en/salles/", "en/programme/salle/fort/"):
        assert f"https://example.org/rnum/{path}" in locations, path
    assert list(check_site(output, site_url="https://example.org/rnum", validate_html=False).problems) == []
    # Search indexes the rooms page; a day's or a filter's page repeats the programme, which is indexed already.
    assert parse(output / "salles/index.html").select_one("main[data-pagefind-body]")
    for path in ("programme/2027-06-10/", "programme/salle/frioul/", "en/programme/langue/fr/"):
        assert not parse(output / f"{path}index.html").select("[data-pagefind-body]"), path


def test_a_new_room_from_its_scaffold_passes_check_and_appears_on_the_rooms_page(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONFERENCE / "content", content)
    settings = CONFERENCE / "settings.py"
    _, schemas = scaffold_schema(settings)
    path = create("room", "Salle Calanque", content, schemas)
    assert path == content / "rooms/salle-calanque.md"
    overrides = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    assert any("n'est pas rempli" in str(p) for p in check_content(settings, overrides))  # placeholders left: reported
    filled = {"Ordre": "5", "Capacité": "40", "Accès": "Premier étage, ascenseur", "Adresse": None, "En_ligne": "non", "Lien": None}
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        field = line.split(" : ", 1)[0]
        if field in filled and "[" in line:
            if filled[field] is not None:
                lines.append(f"{field} : {filled[field]}")
            continue
        lines.append("Une petite salle pour les ateliers." if line.startswith("[") else line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check_content(settings, overrides) == []
    out = build_site(settings, tmp_path / "output", strict=True, overrides=overrides).output
    room = parse(out / "salles/index.html").select_one("section#salle-calanque")
    assert room.h2.get_text() == "Salle Calanque" and "40 places" in room.get_text() and "Aucune séquence" in room.get_text()
