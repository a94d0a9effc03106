"""The event's entities, as read from content files and linked together."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

from markupsafe import Markup

# What fills each attribute of an entity. An attribute with no role is a header attribute: the
# field of plugins/event/schema.py whose ``attribute`` it is fills it when the file is read (a test
# keeps the two in step). The others say who sets them:
IDENTITY = "identity"  # the file itself: its slug, path and parsed page
LANGUAGE = "language"  # the language of the texts, set on a translated copy
LINK = "link"  # linking.py: other entities, found from the header's identifiers; reset on a copy
ENRICHMENT = "enrichment"  # later phases: URLs, display labels, pictures; language-neutral
HEADER = "header"
ROLES = (IDENTITY, LANGUAGE, LINK, ENRICHMENT, HEADER)


# Where a block of HTML ends: each becomes one line of plain text.
BLOCK_END = re.compile(r"</(?:p|li|h\d|blockquote|div)>|<br\s*/?>")


def plain_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph per line (calendars, programme.json, schedule files)."""
    lines = (Markup(block).striptags() for block in BLOCK_END.split(str(html or "")))
    return "\n".join(line for line in lines if line)


def set_by(name: str) -> dict[str, str]:
    """The dataclass field metadata saying who sets an attribute (one of ROLES)."""
    return {"role": name}


def attribute_roles(cls: type) -> dict[str, str]:
    """Each dataclass attribute of CLS → its role (HEADER when it declares none)."""
    return {f.name: f.metadata.get("role", HEADER) for f in fields(cls)}


def attributes_of(cls: type, wanted: str) -> frozenset[str]:
    """The attributes of CLS whose role is WANTED (LINK: what linking.py fills in)."""
    return frozenset(name for name, found in attribute_roles(cls).items() if found == wanted)


@dataclass(eq=False)
class Entity:
    """What every content file of the event has: identity, source and body."""

    slug: str = field(metadata=set_by(IDENTITY))
    source_path: str = field(metadata=set_by(IDENTITY))
    url: str = field(default="", metadata=set_by(ENRICHMENT))
    source: Any = field(default=None, repr=False, metadata=set_by(IDENTITY))
    # Language of the header's texts and of the body ("" = the site's default language).
    lang: str = field(default="", metadata=set_by(LANGUAGE))
    body_lang: str = field(default="", metadata=set_by(LANGUAGE))

    def __post_init__(self) -> None:
        """A file's own Lang: field (read by Pelican into its metadata) is the language of its texts and body."""
        metadata = getattr(self.source, "metadata", None) or {}
        self.lang = self.lang or str(metadata.get("lang") or "")
        self.body_lang = self.body_lang or self.lang

    @property
    def body(self) -> Markup:
        """The rendered Markdown body, marked safe for templates."""
        return Markup(self.source.content) if self.source is not None else Markup("")

    @cached_property
    def plain_body(self) -> str:
        """The body as plain text, one paragraph per line: worked out once (each calendar and schedule file shows it)."""
        return plain_text(self.body)


@dataclass(eq=False)
class Speaker(Entity):
    """A person who speaks at, moderates or concludes the event."""

    name: str = ""
    family_name: str = ""
    role: str = ""
    organisation: str = ""
    photo: str | None = None
    photo_alt: str = ""
    links: tuple[str, ...] = ()
    order: int = 0
    picture: Any = field(default=None, metadata=set_by(ENRICHMENT))
    sessions: list[Session] = field(default_factory=list, metadata=set_by(LINK))
    # Workshops whose Facilitators name this speaker (by identifier or by name).
    facilitates: list[Workshop] = field(default_factory=list, metadata=set_by(LINK))

    @property
    def initials(self) -> str:
        """Up to two initials, shown when the speaker has no photo."""
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalpha()]
        return "".join(w[0].upper() for w in (words[:1] + words[-1:] if len(words) > 1 else words))

    @property
    def title(self) -> str:
        """The speaker's name, so that speakers read like other pages."""
        return self.name


# Where a session's SEQUENCE counts from (see Session.sequence).
SEQUENCE_ORIGIN = dt.datetime(2000, 1, 1)


@dataclass(eq=False)
class Session(Entity):
    """A slot of the programme."""

    title: str = ""
    day: dt.date = dt.date.min
    start: dt.time = dt.time.min
    end: dt.time = dt.time.min
    room: str = ""
    kind: str = ""
    kind_label: str = field(default="", metadata=set_by(ENRICHMENT))
    speaker_slugs: tuple[str, ...] = ()
    moderator_slugs: tuple[str, ...] = ()
    speakers: list[Speaker] = field(default_factory=list, metadata=set_by(LINK))
    moderators: list[Speaker] = field(default_factory=list, metadata=set_by(LINK))
    workshops: list[Workshop] = field(default_factory=list, metadata=set_by(LINK))
    # The conference fields (schema.session_change_fields): state, attendance, place, audience, links.
    status: str = "scheduled"
    status_note: str = ""
    modified: dt.datetime | None = None
    attendance: str = "in-person"
    stream: str = ""
    registration: str = ""
    location: str = ""
    level: str = ""
    tags: tuple[str, ...] = ()
    slides: str = ""
    video: str = ""
    capacity: int | None = None
    track: str = ""
    # The room and track files the Room and Track fields name (None without content/rooms/, content/tracks/).
    room_entity: Room | None = field(default=None, metadata=set_by(LINK))
    room_slug: str = field(default="", metadata=set_by(ENRICHMENT))  # kept by translated copies, whose room name differs
    track_entity: Track | None = field(default=None, metadata=set_by(LINK))
    # The language the session is held in: its file's Lang, else the originals' (kept by translated copies).
    language: str = field(default="", metadata=set_by(ENRICHMENT))

    @property
    def track_name(self) -> str:
        """The track's name from its file, else the Track field as written (no content/tracks/)."""
        return self.track_entity.name if self.track_entity is not None else self.track

    @property
    def room_lang(self) -> str:
        """The language of the room's name: its room file's, else the session's own (a free-text Room)."""
        return self.room_entity.lang if self.room_entity is not None else self.lang

    @property
    def changed(self) -> bool:
        """True when the session is no longer as first announced (any status but « scheduled »)."""
        return self.status != "scheduled"

    @property
    def online(self) -> bool:
        """True when the session is only online: no street address applies to it."""
        return self.attendance == "online"

    @property
    def sequence(self) -> int:
        """The calendars' SEQUENCE: minutes from 2000 to the content's Modified date (0 without one).

        It grows each time an author moves Modified forward, and two builds of the same content agree.
        """
        return int((self.modified - SEQUENCE_ORIGIN).total_seconds() // 60) if self.modified and self.modified > SEQUENCE_ORIGIN else 0

    @property
    def starts_at(self) -> dt.datetime:
        """Start as a naive date and time."""
        return dt.datetime.combine(self.day, self.start)

    @property
    def overnight(self) -> bool:
        """True when the session ends the next day: an End earlier than its Start (19:00–00:30)."""
        return self.end < self.start

    @property
    def end_day(self) -> dt.date:
        """The day the session ends: its Day, or the next day when it runs past midnight."""
        return self.day + dt.timedelta(days=1) if self.overnight else self.day

    @property
    def ends_at(self) -> dt.datetime:
        """End as a naive date and time (the next day for a session past midnight)."""
        return dt.datetime.combine(self.end_day, self.end)


@dataclass(eq=False)
class Partner(Entity):
    """An organiser, partner or supporter of the event."""

    name: str = ""
    tier: str = ""
    website: str = ""
    logo: str | None = None
    order: int = 0
    picture: Any = field(default=None, metadata=set_by(ENRICHMENT))

    @property
    def title(self) -> str:
        """The partner's name."""
        return self.name


@dataclass(eq=False)
class Theme(Entity):
    """A theme of the workshops, grouping workshops and their proposals."""

    title: str = ""
    order: int = 0
    workshops: list[Workshop] = field(default_factory=list, metadata=set_by(LINK))
    proposals: list[Proposal] = field(default_factory=list, metadata=set_by(LINK))


@dataclass(eq=False)
class Workshop(Entity):
    """A workshop of the day, under one theme."""

    title: str = ""
    theme_slug: str = ""
    session_slug: str = ""
    facilitators: tuple[str, ...] = ()
    order: int = 0
    theme: Theme | None = field(default=None, metadata=set_by(LINK))
    session: Session | None = field(default=None, metadata=set_by(LINK))
    proposals: list[Proposal] = field(default_factory=list, metadata=set_by(LINK))
    # Each Facilitators item in order: the speaker it names, or its plain name.
    facilitating: list[Facilitator] = field(default_factory=list, metadata=set_by(LINK))


@dataclass(frozen=True)
class Facilitator:
    """One person facilitating a workshop: the speaker the Facilitators item names, or only a name (no page)."""

    name: str
    speaker: Speaker | None = None

    @property
    def url(self) -> str:
        """The speaker's page, or "" for a plain name."""
        return self.speaker.url if self.speaker is not None else ""

    @property
    def label(self) -> str:
        """What the page shows: the speaker's name (never an identifier), else the name as written."""
        return self.speaker.name if self.speaker is not None else self.name


@dataclass(eq=False)
class Proposal(Entity):
    """A proposal produced by a workshop."""

    title: str = ""
    workshop_slug: str = ""
    theme_slug: str = ""
    example: bool = False
    order: int = 0
    workshop: Workshop | None = field(default=None, metadata=set_by(LINK))
    theme: Theme | None = field(default=None, metadata=set_by(LINK))


@dataclass(eq=False)
class Room(Entity):
    """A room of the venue, another building's, or an online one: what a session's Room names."""

    name: str = ""
    order: int = 0
    capacity: int | None = None
    access: str = ""
    address: str = ""
    online: bool = False
    link: str = ""
    sessions: list[Session] = field(default_factory=list, metadata=set_by(LINK))

    @property
    def title(self) -> str:
        """The room's name."""
        return self.name


@dataclass(eq=False)
class Track(Entity):
    """A track of the programme: a name, a colour (never the only signal) and a page listing its sessions."""

    name: str = ""
    color: str = ""
    order: int = 0
    sessions: list[Session] = field(default_factory=list, metadata=set_by(LINK))

    @property
    def title(self) -> str:
        """The track's name."""
        return self.name

    @property
    def style(self) -> Markup:
        """The custom property giving the track's colour to its border (the schema checked it is #rrggbb)."""
        return Markup(f"--track: {self.color}") if re.fullmatch(r"#[0-9a-f]{6}", self.color) else Markup("")


@dataclass(frozen=True)
class ProgrammeSlot:
    """Sessions that start at the same time on the same day."""

    starts_at: dt.datetime
    sessions: tuple[Session, ...]


@dataclass(frozen=True)
class ProgrammeDay:
    """One day of the programme, as slots in time order."""

    day: dt.date
    slots: tuple[ProgrammeSlot, ...]
    rooms: tuple[str, ...]
    # The day as a timetable (timetable.DayGrid): rooms as columns, rows of time; None without parallel sessions.
    grid: Any = None
    # Its own page (programme_views.day_pages): identifier and URL, "" when the event has one day only.
    slug: str = ""
    url: str = ""


@dataclass(frozen=True)
class PartnerTier:
    """Partners of one tier, in order."""

    tier: str
    label: str
    partners: tuple[Partner, ...]


@dataclass
class Event:
    """Everything the event plugin read and linked, shared with templates."""

    speakers: list[Speaker] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    workshops: list[Workshop] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    rooms: list[Room] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    programme: tuple[ProgrammeDay, ...] = ()
    # The programme's filters by track, room and language (programme_views.FilterGroup), for the filter nav and pages.
    filters: tuple[Any, ...] = ()
    tiers: tuple[PartnerTier, ...] = ()

    def filter_url(self, kind: str, value: str) -> str:
        """The page of the programme filtered by KIND (« salle »…) = VALUE, or "" when the programme offers none."""
        return next((link.url for group in self.filters if group.kind == kind for link in group.links if link.value == value), "")

    @property
    def organisers(self) -> tuple[Partner, ...]:
        """The partners whose tier is "organiser", in order."""
        return tuple(p for tier in self.tiers if tier.tier == "organiser" for p in tier.partners)
