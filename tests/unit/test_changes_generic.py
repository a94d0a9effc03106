"""Pure parts of the changes page and of the generic look: which sessions changed and in what order, date spans, the favicon."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from changes.atom import Feed, FeedEntry, atom_document
from changes.changes import link_from
from changes.entries import changes_of
from event.contrast import contrast_ratio
from event.dates import date_span
from event.favicon import favicon_svg, icon_colors, initial
from event.settings import read_event_settings
from event.tokens import FALLBACK_TOKENS, event_tokens
from tests.conftest import REPO
from tests.unit.entities import entity

SESSION = "Titre : {slug}\nJour : 2027-06-{day}\nDébut : 9h\nFin : 10h\nSalle : Amphi\nType : talk\n{extra}"


def session(slug: str, extra: str = "", day: int = 10):
    return entity("session", SESSION.format(slug=slug, day=day, extra=extra), f"sessions/{slug}.md")


def test_changes_are_the_changed_or_modified_sessions_newest_first_then_the_undated():
    sessions = [
        session("ouverture"),
        session("complete", "Statut : complète\n", day=11),
        session("annulee", "Statut : annulée\nModifié : 2027-06-01 14:30\n"),
        session("modifiee", "Modifié : 2027-06-03 08:00\n"),
        session("deplacee", "Statut : déplacée\nModifié : 2027-06-02\n"),
        session("reportee", "Statut : reportée\n", day=10),
    ]
    english = {"Annulée": "Cancelled", "Modifiée": "Changed"}
    found = changes_of(sessions, lambda message: english.get(message, message))
    assert [(c.session.slug, c.when) for c in found] == [
        ("modifiee", dt.datetime(2027, 6, 3, 8, 0)), ("deplacee", dt.datetime(2027, 6, 2, 0, 0)),
        ("annulee", dt.datetime(2027, 6, 1, 14, 30)), ("reportee", None), ("complete", None),
    ]
    assert [c.label for c in found][:3] == ["Changed", "Déplacée", "Cancelled"]  # each in the edition's words
    assert [c.label for c in changes_of(sessions, str)] == ["Modifiée", "Déplacée", "Annulée", "Reportée", "Complète"]


@pytest.mark.parametrize(("start", "end", "locale", "shown"), [
    (dt.date(2027, 6, 10), dt.date(2027, 6, 12), "fr_FR", "10–12 juin 2027"),
    (dt.date(2027, 6, 30), dt.date(2027, 7, 2), "fr_FR", "30 juin – 2 juillet 2027"),
    (dt.date(2027, 6, 10), dt.date(2027, 6, 12), "en_GB", "10–12 June 2027"),
    (dt.date(2027, 6, 30), dt.date(2027, 7, 2), "en_GB", "30 June – 2 July 2027"),
    (dt.date(2027, 7, 1), dt.date(2027, 7, 2), "fr_FR", "1er–2 juillet 2027"),
    (dt.date(2027, 12, 31), dt.date(2028, 1, 1), "fr_FR", "31 décembre 2027 – 1er janvier 2028"),
    (dt.date(2018, 3, 1), dt.date(2018, 3, 1), "fr_FR", "jeudi 1er mars 2018"),
])
def test_one_date_span_formatter(start, end, locale, shown):
    assert date_span(start, end, locale) == shown


def test_the_figures_heading_follows_the_number_of_days():
    assert not read_event_settings({"EVENT_START": dt.date(2018, 3, 1)}).several_days
    assert read_event_settings({"EVENT_START": dt.date(2027, 6, 10), "EVENT_END": dt.date(2027, 6, 12)}).several_days


def test_the_favicon_takes_the_accent_pair_and_fixes_a_clash():
    theme = {"THEME": str(REPO / "theme")}
    css = (REPO / "theme/static/css/main.css").read_text(encoding="utf-8")
    background, letter = icon_colors(event_tokens(theme, {}))  # the theme's own pair
    assert f"--color-accent: {background};" in css and f"--color-accent-contrast: {letter};" in css
    assert icon_colors(event_tokens({}, {})) == (FALLBACK_TOKENS["accent"], FALLBACK_TOKENS["accent-contrast"])  # no theme
    assert icon_colors(event_tokens(theme, {"accent": "#0b6e4f", "accent-contrast": "#fafafa"})) == ("#0b6e4f", "#fafafa")
    background, letter = icon_colors(event_tokens(theme, {"accent": "#f5d000"}))  # the theme's white on yellow: 1.4:1
    assert background == "#f5d000" and letter == "#000000" and contrast_ratio(letter, background) >= 4.5
    assert (initial("Rencontres numériques"), initial("« Événement » 2027"), initial("…")) == ("R", "É", "•")


def test_the_favicon_is_well_formed_svg_whatever_the_name():
    svg = etree.fromstring(favicon_svg("<script>&", event_tokens({}, {"accent": "#0b6e4f"})).encode())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and not svg.findall(".//{http://www.w3.org/2000/svg}script")
    assert svg.find("{http://www.w3.org/2000/svg}text").text == "S"


def test_feed_links_are_absolute_under_an_absolute_site_else_relative_to_the_feed():
    assert link_from("programme/changements/atom.xml", "programme/#x", "https://e.org/s") == "https://e.org/s/programme/#x"
    assert link_from("en/programme/changements/atom.xml", "en/programme/#x", "") == "../#x"
    assert link_from("programme/changements/atom.xml", "programme/changements/", "") == "./"
    assert link_from("programme/changements/atom.xml", "programme/changements/atom.xml", "") == "atom.xml"


def test_the_atom_document_escapes_every_text():
    moment = dt.datetime(2027, 6, 1, 12, 30, tzinfo=dt.timezone.utc)
    feed = Feed("urn:uuid:1", "Changements <b>&</b>", "fr", moment, "A & B", "atom.xml", "./")
    document = atom_document(feed, [FeedEntry("urn:uuid:2", "</title><x>", moment, "../#a", "« note » & <i>")])
    root = etree.fromstring(document)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.findtext("a:title", namespaces=ns) == "Changements <b>&</b>"
    assert root.findtext("a:entry/a:title", namespaces=ns) == "</title><x>"
    assert root.findtext("a:entry/a:updated", namespaces=ns) == "2027-06-01T12:30:00Z"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
