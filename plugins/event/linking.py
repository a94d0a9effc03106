"""Link the event's entities both ways, after reading and before writing."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from .collation import name_sort_key
from .facilitators import link_facilitators
from .programme_views import day_pages, filter_groups
from .rooms import link_rooms, link_tracks, list_room_sessions, room_rank
from .timetable import day_grid, has_parallel
from .model import Entity, Event, PartnerTier, ProgrammeDay, ProgrammeSlot, Session
from .settings import EventSettings


def _by_order(entity: Entity) -> tuple[int, str]:
    """Order field first (sessions have none: their time orders them), then title or identifier."""
    return (getattr(entity, "order", 0), getattr(entity, "title", "") or entity.slug)


def build_programme(sessions: list[Session]) -> tuple[ProgrammeDay, ...]:
    """Group sessions into days and slots of equal start time, in time order, parallel sessions in room order.

    Rooms keep one order over the whole event (room files by Order, then first used first), so that columns never swap.
    """
    rank = room_rank(sessions)
    ordered = sorted(sessions, key=lambda s: (s.day, s.start, rank[s.room], s.ends_at))
    days = []
    for day, in_day in itertools.groupby(ordered, key=lambda s: s.day):
        day_sessions = list(in_day)
        slots = tuple(
            ProgrammeSlot(starts_at=start, sessions=tuple(group))
            for start, group in itertools.groupby(day_sessions, key=lambda s: s.starts_at)
        )
        rooms = tuple(sorted(dict.fromkeys(s.room for s in day_sessions), key=rank.__getitem__))
        grid = day_grid(day_sessions, rooms) if has_parallel(day_sessions) else None  # one track at a time: a plain list
        days.append(ProgrammeDay(day=day, slots=slots, rooms=rooms, grid=grid))
    return tuple(days)


def build_tiers(event: Event, tiers: Mapping[str, str]) -> tuple[PartnerTier, ...]:
    """Partners grouped by tier, tiers in settings order, partners by Order then name."""
    result = []
    for tier, label in tiers.items():
        members = tuple(sorted((p for p in event.partners if p.tier == tier), key=_by_order))
        if members:
            result.append(PartnerTier(tier=tier, label=label, partners=members))
    return tuple(result)


def link_event(event: Event, settings: EventSettings) -> None:
    """Fill in every cross-link of EVENT; unknown references are skipped (validation reports them)."""
    speakers = {s.slug: s for s in event.speakers}
    sessions = {s.slug: s for s in event.sessions}
    themes = {t.slug: t for t in event.themes}
    workshops = {w.slug: w for w in event.workshops}

    link_rooms(event.sessions, event.rooms)
    event.sessions.sort(key=lambda s: (s.day, s.start, s.ends_at, s.room))
    event.rooms.sort(key=_by_order)
    event.tracks.sort(key=_by_order)
    link_tracks(event.sessions, event.tracks)
    list_room_sessions(event.sessions)
    for session in event.sessions:
        session.kind_label = settings.session_kinds.get(session.kind, session.kind)
        session.speakers = [speakers[s] for s in session.speaker_slugs if s in speakers]
        session.moderators = [speakers[s] for s in session.moderator_slugs if s in speakers]
        for person in dict.fromkeys(session.speakers + session.moderators):
            person.sessions.append(session)

    theme_rank = {t.slug: rank for rank, t in enumerate(sorted(event.themes, key=_by_order))}
    event.workshops.sort(key=lambda w: (theme_rank.get(w.theme_slug, len(theme_rank)), *_by_order(w)))
    for workshop in event.workshops:
        workshop.theme = themes.get(workshop.theme_slug)
        workshop.session = sessions.get(workshop.session_slug)
        if workshop.theme:
            workshop.theme.workshops.append(workshop)
        if workshop.session:
            workshop.session.workshops.append(workshop)

    link_facilitators(event.workshops, event.speakers)

    event.proposals.sort(key=_by_order)
    for proposal in event.proposals:
        proposal.workshop = workshops.get(proposal.workshop_slug)
        if proposal.workshop:
            proposal.workshop.proposals.append(proposal)
            proposal.theme_slug = proposal.theme_slug or proposal.workshop.theme_slug
        proposal.theme = themes.get(proposal.theme_slug)
        if proposal.theme:
            proposal.theme.proposals.append(proposal)

    event.speakers.sort(key=lambda s: (s.order, name_sort_key(s.name, s.family_name), s.slug))
    event.themes.sort(key=_by_order)
    event.programme = day_pages(build_programme(event.sessions), settings)
    event.filters = filter_groups(event, settings, build_programme)
    event.tiers = build_tiers(event, settings.partner_tiers)
