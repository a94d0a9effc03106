"""Whole builds of small sites: pages, cross-links, order, escaping and navigation."""

from __future__ import annotations

from pathlib import Path

from eventsite.build import build_site
from tests.conftest import SETTINGS, parse, site_overrides


def build(tmp_path: Path, content: Path, strict: bool = True, **extra: object) -> Path:
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=strict, overrides=site_overrides(tmp_path, content, **extra))
    return out


def links(soup, selector: str = "main a") -> set[str]:
    return {a["href"] for a in soup.select(selector)}


def test_speaker_and_session_link_both_ways(small_site):
    out = small_site.output
    speaker = parse(out / "intervenants/alice-martin/index.html")
    assert {"../../programme/#ouverture", "../../programme/#table-ronde"} <= links(speaker)
    programme = parse(out / "programme/index.html")
    table = programme.find(id="table-ronde")
    assert {a.get_text() for a in table.select(".people a")} == {"Alice Martin", "Bob Durand"}
    assert "../intervenants/bob-durand/" in links(table, "a")
    moderator = parse(out / "intervenants/bob-durand/index.html")
    assert "(animation)" in moderator.main.get_text()


def test_workshop_lists_proposals_and_theme_lists_workshops(small_site):
    out = small_site.output
    theme = parse(out / "propositions/organisation/index.html")
    workshop = theme.find(id="espaces")
    assert [h.get_text() for h in workshop.select(".proposal__title")] == ["Bureaux partagés", "Ouvrir des tiers-lieux"]
    assert workshop.find(class_="tag--example") is not None
    outcomes = parse(out / "propositions/index.html")
    assert {"../propositions/organisation/", "../propositions/organisation/#espaces"} <= links(outcomes)
    programme = parse(out / "programme/index.html")
    assert "../propositions/organisation/#espaces" in links(programme.find(id="ateliers"), "a")


def test_programme_is_in_time_order(tmp_path, site):
    content = site({"sessions/pause.md": "Title: Pause\nDay: 2018-03-01\nStart: 10:45\nEnd: 11:00\nRoom: Hall\nKind: break\n\nCafé.\n"})
    out = build(tmp_path, content)
    programme = parse(out / "programme/index.html")
    ids = [a["id"] for a in programme.select("article.session")]
    assert ids == ["ouverture", "table-ronde", "pause", "ateliers"]
    times = [t.get_text() for t in programme.select(".timeline__time time")]
    assert times == ["9\u00a0h", "9\u00a0h\u00a030", "10\u00a0h\u00a045", "11\u00a0h"]
    assert programme.select_one(".programme-day h2").get_text() == "jeudi 1er mars 2018"


def test_parallel_sessions_share_a_slot(tmp_path, site):
    content = site({"sessions/atelier-b.md": "Title: Atelier B\nDay: 2018-03-01\nStart: 11:00\nEnd: 12:00\nRoom: Salle B\nKind: workshop\n\nB.\n"})
    out = build(tmp_path, content)
    slot = parse(out / "programme/index.html").select(".timeline__sessions--parallel")
    assert len(slot) == 1
    assert {a["id"] for a in slot[0].select("article.session")} == {"ateliers", "atelier-b"}


def test_title_with_script_is_escaped(tmp_path, site):
    content = site({"sessions/ouverture.md": (
        "Title: <script>alert(1)</script> Ouverture\nDay: 2018-03-01\nStart: 09:00\nEnd: 09:30\nRoom: Amphi\nKind: opening\n\nTexte.\n"
    ), "speakers/bob-durand.md": "Name: Bob <b>Durand</b>\nRole: <img src=x onerror=alert(1)>\n\nBio.\n"})
    out = build(tmp_path, content)
    for page in ("programme/index.html", "intervenants/bob-durand/index.html", "intervenants/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        soup = parse(out / page)
        # Only JSON-LD scripts (seo plugin), whose JSON cannot close its element, and the theme's own file.
        own = ("/theme/js/mon-programme.js", "/theme/js/programme-vues.js")  # the theme's own files, no inline code
        scripts = [s for s in soup.find_all("script") if not (s.get("src", "").endswith(own) and not s.string)]
        assert all(script.get("type") == "application/ld+json" for script in scripts)
        assert all("</" not in script.string for script in scripts)
        assert soup.find("b") is None and soup.find("img") is None
        assert "&lt;" in html
    assert "<script>alert(1)</script> Ouverture" in parse(out / "programme/index.html").find(id="ouverture").h3.get_text()


def test_markdown_body_is_rendered(tmp_path, site):
    content = site({"speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\n\nUne **bio** avec [un lien](https://example.org).\n"})
    out = build(tmp_path, content)
    prose = parse(out / "intervenants/alice-martin/index.html").select_one("main .prose")
    assert prose.find("strong").get_text() == "bio"
    assert prose.find("a")["href"] == "https://example.org"


def test_navigation_marks_the_current_page(small_site):
    out = small_site.output
    def current(page: str) -> dict[str, str]:
        nav = parse(out / page).find("nav", attrs={"aria-label": "Menu principal"})
        return {a.get_text(): a["aria-current"] for a in nav.find_all("a", attrs={"aria-current": True})}
    assert current("programme/index.html") == {"Programme": "page"}
    assert current("intervenants/index.html") == {"Intervenants": "page"}
    assert current("intervenants/alice-martin/index.html") == {"Intervenants": "true"}
    assert current("index.html") == {"Accueil": "page"}


def test_every_page_has_landmarks_lang_and_skip_link(small_site):
    out = small_site.output
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        soup = parse(page)
        assert soup.html["lang"] == ("en" if page.relative_to(out).parts[0] == "en" else "fr"), page
        assert soup.title.get_text().strip(), page
        skip = soup.select_one("a.skip-link")
        assert skip["href"] == "#contenu" and soup.find(id="contenu").name == "main", page
        assert soup.find("header") and soup.find("footer") and soup.find("nav"), page
        assert len(soup.find_all("h1")) == 1, page
        levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4"])]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (page, levels)


def test_home_shows_figures_and_footer_organisers(small_site):
    out = small_site.output
    home = parse(out / "index.html")
    assert [li.strong.get_text() for li in home.select(".figures__list li")] == ["100+", "9"]
    assert "IRA de Lyon" in home.find("footer").get_text()
    assert "jeudi 1er mars 2018" in home.main.get_text()


def test_no_resource_from_another_host(small_site):
    out = small_site.output
    for page in out.rglob("*.html"):
        soup = parse(page)
        for tag in soup.find_all(["script", "link", "img", "iframe", "source"]):
            ref = tag.get("src") or tag.get("href") or ""
            assert not ref.startswith(("http:", "https:", "//")), (page, ref)
