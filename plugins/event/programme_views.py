"""The programme's other views: a page per day, and filters by track, room and language.

Each filter value is a plain page (a track's own page, ``programme/salle/<room>/``,
``programme/langue/<code>/``) listing its sessions with the timetable's partials; the programme
page links to them in a small filter nav, which its script turns into in-place filters. Every
file name comes from a safe identifier (a room or track file's slug, a checked language code, an
ISO date), never from a display name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from .labels import N_
from .model import Event, ProgrammeDay, Session
from .settings import EventSettings

# A language code that can name a folder: « en », « fr », « pt-br » (lower case, letters and digits).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")

# The filter kinds, in the nav's order: the query key the script writes (?salle=frioul) and its label.
TRACK, ROOM, LANGUAGE = "parcours", "salle", "langue"
GROUP_LABELS = {TRACK: N_("Parcours"), ROOM: N_("Salle"), LANGUAGE: N_("Langue")}
# The rooms page's item in the menu.
ROOMS_LABEL = N_("Salles")
# Fewest values for a group to be offered: one track has its page anyway; one room or one language filters nothing.
FEWEST = {TRACK: 1, ROOM: 2, LANGUAGE: 2}


@dataclass(frozen=True)
class FilterLink:
    """One value of a filter: its safe value, label, page URL and the programme it leaves."""

    kind: str
    value: str
    label: str
    url: str
    # The language the label is written in ("" : the edition's).
    lang: str
    # The EVENT_URLS key of the page the event generator writes for it ("" : the page exists already, a track's).
    key: str
    days: tuple[ProgrammeDay, ...]

    @property
    def kind_label(self) -> str:
        """The French name of its kind (« Salle »), translated where it is shown."""
        return GROUP_LABELS[self.kind]

    @property
    def count(self) -> int:
        """How many sessions the filter leaves."""
        return sum(len(slot.sessions) for day in self.days for slot in day.slots)


@dataclass(frozen=True)
class FilterGroup:
    """The values of one filter kind (track, room or language), in the event's order."""

    kind: str
    label: str
    links: tuple[FilterLink, ...]


def set_languages(sessions: Sequence[Session], default_lang: str) -> None:
    """Give each session the language it is held in: its file's Lang (folded to lower case), else DEFAULT_LANG."""
    for session in sessions:
        session.language = (session.lang or default_lang).strip().lower()


def language_name(code: str, locale: str) -> str:
    """CODE's name in LOCALE, capitalised (« en » in fr_FR → « Anglais »); the code itself when Babel has none."""
    try:
        name = Locale.parse(locale).languages.get(code.split("-")[0], code)
    except (UnknownLocaleError, ValueError):
        name = code
    return name[:1].upper() + name[1:]


def filter_values(session: Session) -> dict[str, str]:
    """KIND → the value of SESSION for each filter it can be found by (data-* attributes of its article)."""
    values = {}
    if session.track_entity is not None:
        values[TRACK] = session.track_entity.slug
    if session.room_entity is not None:
        values[ROOM] = session.room_entity.slug
    if LANGUAGE_CODE.fullmatch(session.language):
        values[LANGUAGE] = session.language
    return values


def subset(sessions: Sequence[Session], keep: Callable[[Session], bool],
           build: Callable[[list[Session]], tuple[ProgrammeDay, ...]]) -> tuple[ProgrammeDay, ...]:
    """The programme of the SESSIONS KEEP accepts, laid out by BUILD (days, slots, grids)."""
    return build([s for s in sessions if keep(s)])


def filter_groups(event: Event, settings: EventSettings,
                  build: Callable[[list[Session]], tuple[ProgrammeDay, ...]]) -> tuple[FilterGroup, ...]:
    """The filters of EVENT's programme (linked, sessions in order) that have enough values to choose from."""
    sessions = event.sessions
    tracks = [FilterLink(TRACK, t.slug, t.name, t.url, t.lang, "", subset(sessions, lambda s, t=t: s.track_entity is t, build))
              for t in event.tracks if t.sessions]
    rooms = [FilterLink(ROOM, r.slug, r.name, settings.urls["room_programme"].format(slug=r.slug), r.lang, "room_programme",
                        subset(sessions, lambda s, r=r: s.room_entity is r, build))
             for r in event.rooms if r.sessions]
    codes = dict.fromkeys(s.language for s in sessions if LANGUAGE_CODE.fullmatch(s.language))
    languages = [FilterLink(LANGUAGE, code, language_name(code, settings.locale),
                            settings.urls["language_programme"].format(slug=code), "", "language_programme",
                            subset(sessions, lambda s, code=code: s.language == code, build))
                 for code in sorted(codes)]
    found = ((TRACK, tracks), (ROOM, rooms), (LANGUAGE, languages))
    return tuple(FilterGroup(kind, GROUP_LABELS[kind], tuple(links)) for kind, links in found if len(links) >= FEWEST[kind])


def day_pages(programme: tuple[ProgrammeDay, ...], settings: EventSettings) -> tuple[ProgrammeDay, ...]:
    """PROGRAMME with each day's slug (its ISO date) and page URL, when there is more than one day."""
    if len(programme) < 2:
        return programme
    return tuple(dataclasses.replace(day, slug=day.day.isoformat(), url=settings.urls["day"].format(slug=day.day.isoformat()))
                 for day in programme)


def pages_to_write(event: Event) -> list[FilterLink]:
    """The filter values whose page the event generator writes (rooms, languages; tracks have theirs)."""
    return [link for group in event.filters for link in group.links if link.key]


def with_rooms_page(nav: tuple[tuple[str, str], ...], event: Event, settings: EventSettings,
                    label: str) -> tuple[tuple[str, str], ...]:
    """NAV with the rooms page (LABEL) after the programme's item, when the event has room files and NAV lacks it."""
    rooms_url = settings.urls["rooms"]
    if not event.rooms or any(path == rooms_url for _, path in nav):
        return nav
    at = next((index + 1 for index, (_, path) in enumerate(nav) if path == settings.urls["programme"]), len(nav))
    return (*nav[:at], (label, rooms_url), *nav[at:])
