"""A second, different event builds from its own settings and content with no change to the theme or plugins."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventsite.build import BuildFailed, build_site
from tests.conftest import REPO, parse
from tests.i18n.links import broken_links

SECOND = Path(__file__).resolve().parent / "second_event"
SEMINAR_WORDS = ("Transformation numérique", "IRA de Lyon", "transfomanagementpublic", "Fabrique Humaine", "#1f3f8f")


def build(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    result = build_site(SECOND / "settings.py", out, strict=True, overrides={"CACHE_PATH": str(tmp_path / "cache")})
    assert result.warnings == []
    return out


def test_programme_shows_two_days_and_two_parallel_rooms(tmp_path):
    soup = parse(build(tmp_path) / "programme/index.html")
    days = soup.select(".programme-day")
    assert [d.h2.get_text() for d in days] == ["Thursday 13 June 2019", "Friday 14 June 2019"]
    for day in days:
        parallel = day.select_one(".timeline__sessions--parallel")
        assert parallel is not None
        rooms = [s.select("p.session__meta span")[-1].get_text() for s in parallel.select(".session")]
        assert rooms == ["Room A", "Room B"]
    assert soup.select_one("#keynote .badge").get_text() == "Keynote"
    assert soup.select_one(".timeline__time").get_text() == "9:00"


def test_english_only_green_and_nothing_from_the_seminar(tmp_path):
    out = build(tmp_path)
    home = parse(out / "index.html")
    tokens = home.select_one("head > style").string  # the event's colours (the <noscript> style is another)
    assert "--color-accent:#0b6e4f" in tokens and "--color-focus:#8a3b00" in tokens
    assert "13–14 June 2019" in home.select_one(".hero__facts").get_text()
    assert home.select_one(".conformity-notice a").get_text() == "Accessibility: not compliant"
    assert home.select_one(".conformity-notice a")["href"] == "./accessibility/"
    for page in sorted(out.rglob("*.html")):
        soup = parse(page)
        text = page.read_text(encoding="utf-8")
        assert soup.html["lang"] == "en", page
        assert soup.select_one(".language-switch") is None and not soup.select('link[rel="alternate"][hreflang]'), page
        french = soup.select("[lang=fr]")  # only the French authority's own form and address
        assert all("Défenseur des droits" in f.get_text() or "defenseurdesdroits" in f.get_text() for f in french), page
        assert soup.select_one(".skip-link").get_text() == "Skip to content", page
        for word in SEMINAR_WORDS:
            assert word not in text, (page, word)
    assert broken_links(out) == []
    legal = parse(out / "legal/index.html").main.get_text(" ", strip=True)
    assert "Nantes Open Data Association" in legal and "Sam Taylor, chair" in legal and "Publisher" in legal


def test_theme_and_plugins_hold_no_seminar_name(tmp_path):
    for folder in ("theme/templates", "plugins"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix in {".html", ".py"}:
                text = path.read_text(encoding="utf-8")
                for word in SEMINAR_WORDS:
                    assert word not in text, (path, word)


def test_colours_and_legal_settings_are_checked_before_building(tmp_path):
    for overrides, expected in (
        ({"EVENT_COLORS": {"accent": "red;}body{display:none"}}, "EVENT_COLORS['accent']"),
        ({"EVENT_COLORS": {"Accent color": "#123456"}}, "EVENT_COLORS['Accent color']"),
        ({"LEGAL_A11Y_STATUS": "partially"}, "LEGAL_A11Y_STATUS"),
        ({"EVENT_LANGUAGES": {"en": {"EVENT_URLS": {}}}}, "EVENT_LANGUAGES['en']"),
    ):
        with pytest.raises(BuildFailed) as failure:
            build_site(SECOND / "settings.py", tmp_path / "output", strict=True,
                       overrides={"CACHE_PATH": str(tmp_path / "cache"), **overrides})
        assert expected in str(failure.value), overrides
        assert not (tmp_path / "output").exists()
