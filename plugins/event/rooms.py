"""Rooms and tracks as sessions name them: by identifier or by name, case and spacing never making a second one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeVar

from .model import Entity, Room, Session, Track

Named = TypeVar("Named", Room, Track)


def room_key(name: str) -> str:
    """The room a name stands for: « salle  Frioul » and « Salle Frioul » are one room."""
    return " ".join(name.split()).casefold()


def find_named(value: str, entities: Sequence[Named]) -> Named | None:
    """The room or track VALUE names: its identifier (file name), else its Name with case and spacing folded."""
    wanted = room_key(value)
    by_slug = next((e for e in entities if e.slug == value.strip()), None)
    return by_slug or next((e for e in entities if room_key(e.name) == wanted or e.slug == wanted), None)


def name_keys(entities: Iterable[Entity]) -> set[str]:
    """Every way a session may name ENTITIES: identifiers and folded names."""
    return {key for e in entities for key in (e.slug, room_key(getattr(e, "name", "")))}


def unify_rooms(sessions: Iterable[Session]) -> None:
    """Give every session of one room the same spelling: the most used one (on a tie, the first in programme order)."""
    sessions = sorted(sessions, key=lambda s: (s.day, s.start, s.source_path))
    counts: dict[str, Counter[str]] = {}
    for session in sessions:
        counts.setdefault(room_key(session.room), Counter())[" ".join(session.room.split())] += 1
    spelling = {key: found.most_common(1)[0][0] for key, found in counts.items()}
    for session in sessions:
        session.room = spelling[room_key(session.room)]


def link_rooms(sessions: Sequence[Session], rooms: Sequence[Room]) -> None:
    """Point each session at its room file and show the room's name; without room files, unify free-text rooms.

    An off-site room's address becomes the session's location and an online room makes the session
    online with the room's link as its stream, unless the session says otherwise (its own fields win).
    """
    if not rooms:
        unify_rooms(sessions)
        return
    for session in sessions:
        room = next((r for r in rooms if r.slug == session.room_slug), None) or find_named(session.room, rooms)
        if room is None:
            continue  # validation reported it
        session.room_slug, session.room_entity, session.room = room.slug, room, room.name
        if room.address and not session.location:
            session.location = room.address
        if room.online:
            session.attendance = "online" if session.attendance == "in-person" else session.attendance
            session.stream = session.stream or room.link


def link_tracks(sessions: Sequence[Session], tracks: Sequence[Track]) -> None:
    """Point each session at its track file, and each track at its sessions (in programme order)."""
    for session in sessions:
        track = find_named(session.track, tracks) if session.track else None
        session.track_entity = track
        if track is not None:
            track.sessions.append(session)


def list_room_sessions(sessions: Sequence[Session]) -> None:
    """Give each room file its sessions, in the order of SESSIONS (programme order)."""
    for session in sessions:
        if session.room_entity is not None:
            session.room_entity.sessions.append(session)


def room_rank(sessions: Sequence[Session]) -> dict[str, tuple[int, int, str]]:
    """Each room name → its column rank: room files by Order then name, then free-text rooms, first used first."""
    first_used = dict.fromkeys(s.room for s in sorted(sessions, key=lambda s: (s.starts_at, s.room)))
    rank = {}
    for index, name in enumerate(first_used):
        room = next((s.room_entity for s in sessions if s.room == name and s.room_entity is not None), None)
        rank[name] = (0, room.order, room.name) if room else (1, index, name)
    return rank
