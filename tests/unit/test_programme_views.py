"""The programme's views computed in Python: filter values only from identifiers and real language codes, language
names in the edition's locale, the rooms page in the menu only with room files, day pages only for several days."""

from __future__ import annotations

import datetime as dt

from event.linking import build_programme
from event.model import Event, Room, Session
from event.programme_views import day_pages, filter_values, language_name, set_languages, with_rooms_page
from event.settings import read_event_settings

SETTINGS = read_event_settings({})
NAV = (("Accueil", ""), ("Programme", "programme/"), ("Intervenants", "intervenants/"))


def session(slug: str, day: int = 10, lang: str = "") -> Session:
    return Session(slug=slug, source_path=f"sessions/{slug}.md", title=slug, day=dt.date(2027, 6, day),
                   start=dt.time(9), end=dt.time(10), room="Amphi", lang=lang)


def test_a_session_is_filtered_by_its_files_identifiers_and_a_language_code_only():
    room = Room(slug="amphi", source_path="rooms/amphi.md", name="../../Amphi")
    plain, odd, english = session("a"), session("b", lang="../../x"), session("c", lang="EN")
    set_languages([plain, odd, english], "fr")
    plain.room_entity = room
    assert filter_values(plain) == {"salle": "amphi", "langue": "fr"}  # the file's slug, never its Name
    assert filter_values(odd) == {}  # a Lang that is no language code names no page
    assert filter_values(english) == {"langue": "en"}


def test_language_names_come_in_the_editions_locale():
    assert (language_name("en", "fr_FR"), language_name("fr", "en_GB"), language_name("pt-br", "fr_FR")) == ("Anglais", "French", "Portugais")
    assert language_name("zz", "fr_FR") == "Zz"  # no name known: the code itself


def test_the_rooms_page_joins_the_menu_after_the_programme_only_with_room_files():
    with_rooms = Event(rooms=[Room(slug="amphi", source_path="rooms/amphi.md", name="Amphi")])
    assert with_rooms_page(NAV, Event(), SETTINGS, "Salles") == NAV
    assert with_rooms_page(NAV, with_rooms, SETTINGS, "Salles") == (NAV[0], NAV[1], ("Salles", "salles/"), NAV[2])
    named = (*NAV, ("Nos salles", "salles/"))
    assert with_rooms_page(named, with_rooms, SETTINGS, "Salles") == named  # the author's own item is kept, once


def test_days_get_a_page_only_when_there_are_several():
    one = day_pages(build_programme([session("a")]), SETTINGS)
    assert [day.url for day in one] == [""]
    two = day_pages(build_programme([session("a"), session("b", day=11)]), SETTINGS)
    assert [(day.slug, day.url) for day in two] == [("2027-06-10", "programme/2027-06-10/"), ("2027-06-11", "programme/2027-06-11/")]
