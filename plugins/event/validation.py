"""Checks across content files: references, duplicates, times, rooms and images."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from eventsite.safepaths import PathOutside, resolve_inside

from .collation import names_end_with
from .model import Entity, Event, Room, Session, Speaker, Track
from .header import field_line
from .problems import ContentProblem
from .facilitators import unknown_identifiers
from .contrast import MIN_CONTRAST, THEME_SURFACE, contrast_ratio, darkened
from .rooms import find_named, room_key
from .schema import SESSION_STATUSES
from .settings import EventSettings


def _problem(entity: Entity, content_path: Path, field: str, message: str, fix: str) -> ContentProblem:
    """A problem on FIELD (its English name) of ENTITY, named as the author spelt it, at its line."""
    spelling, line = field_line(content_path / entity.source_path, field.lower()) if field else ("", None)
    return ContentProblem(entity.source_path, spelling or field, message, fix, line)


def duplicate_slugs(entities: Sequence[Entity], content_path: Path, label: str) -> list[ContentProblem]:
    """Report two files of one type that share an identifier."""
    problems = []
    first: dict[str, Entity] = {}
    for entity in entities:
        if entity.slug in first:
            problems.append(
                _problem(
                    entity,
                    content_path,
                    "",
                    f"l'identifiant « {entity.slug} » est déjà pris par {first[entity.slug].source_path} ({label})",
                    "renommez l'un des deux fichiers",
                )
            )
        else:
            first[entity.slug] = entity
    return problems


def unknown_references(
    entity: Entity,
    content_path: Path,
    field: str,
    slugs: Iterable[str],
    targets: Mapping[str, Entity],
    label: str,
) -> list[ContentProblem]:
    """Report each identifier in SLUGS that names no file of the target type."""
    problems = []
    for slug in slugs:
        if slug and slug not in targets:
            close = difflib.get_close_matches(slug, sorted(targets), n=1, cutoff=0.75)
            known = ", ".join(sorted(targets)) or "aucun pour l'instant"
            fix = (
                f"vouliez-vous écrire « {close[0]} » ?"
                if close
                else f"écrivez l'identifiant d'un fichier existant ({known}) ou créez le fichier"
            )
            problems.append(_problem(entity, content_path, field, f"« {slug} » ne correspond à aucun fichier {label}", fix))
    return problems


def unknown_named(
    session: Session, content_path: Path, field: str, value: str, targets: Sequence[Room | Track], label: str
) -> list[ContentProblem]:
    """Report a Room or Track value that names no file of TARGETS (by identifier or name), suggesting the closest identifier."""
    if not value or not targets or find_named(value, targets) is not None:
        return []
    spelt = {key: t.slug for t in targets for key in (t.slug, room_key(t.name))}
    close = difflib.get_close_matches(room_key(value), sorted(spelt), n=1, cutoff=0.6)
    known = ", ".join(t.slug for t in targets)
    fix = f"vouliez-vous écrire « {spelt[close[0]]} » ?" if close else f"écrivez l'identifiant d'un fichier existant ({known}) ou créez le fichier"
    return [_problem(session, content_path, field, f"« {value} » ne correspond à aucun fichier {label}", fix)]


def track_contrast(track: Track, settings: EventSettings, content_path: Path) -> list[ContentProblem]:
    """Report a track colour under 4.5:1 against the pages' surface (the colour borders text: it must stand out)."""
    surface = settings.colors.get("surface", THEME_SURFACE)
    if not track.color or contrast_ratio(track.color, surface) >= MIN_CONTRAST:
        return []
    ratio = f"{contrast_ratio(track.color, surface):.1f}".replace(".", ",")
    return [
        _problem(
            track, content_path, "Color",
            f"la couleur {track.color} ne contraste qu'à {ratio}:1 avec le fond des pages ({surface}) : il faut au moins 4,5:1",
            f"choisissez une couleur plus foncée, ex. {darkened(track.color, surface)}",
        )
    ]


# A session whose End is earlier than its Start ends the next day (19:00–00:30); past this many
# hours it is taken for a typo (Start and End swapped, 14:00–13:00) and refused.
OVERNIGHT_LIMIT = dt.timedelta(hours=12)


def session_times(session: Session, content_path: Path) -> list[ContentProblem]:
    """Report a session that ends when it starts, or that « ends the next day » more than 12 hours later."""
    if session.end == session.start:
        reason = "une séquence dure au moins une minute"
    elif session.overnight and session.ends_at - session.starts_at > OVERNIGHT_LIMIT:
        hours = (session.ends_at - session.starts_at) // dt.timedelta(hours=1)
        reason = f"une séquence qui finit le lendemain (19:00 → 00:30) dure au plus 12 heures, celle-ci en durerait {hours}"
    else:
        return []
    return [
        _problem(
            session,
            content_path,
            "End",
            f"la fin ({session.end:%H:%M}) n'est pas après le début ({session.start:%H:%M}) : {reason}",
            "écrivez une heure de Fin (End) postérieure à l'heure de Début (Start) ; "
            "une Fin plus tôt que le Début veut dire le lendemain (Début : 19h, Fin : 0h30)",
        )
    ]


def clock(moment: dt.datetime, day: dt.date) -> str:
    """« 09:30 », or « 00:30 le 2027-06-11 » when MOMENT is not on DAY."""
    return f"{moment:%H:%M}" if moment.date() == day else f"{moment:%H:%M} le {moment.date().isoformat()}"


def overlapping_pairs(sessions: Iterable[Session]) -> Iterator[tuple[Session, Session]]:
    """Each (earlier, later) pair of SESSIONS whose times overlap, by a sweep in start order (n log n plus the pairs)."""
    running: list[Session] = []
    for later in sorted(sessions, key=lambda s: (s.starts_at, s.ends_at, s.source_path)):
        running = [s for s in running if s.ends_at > later.starts_at]
        yield from ((earlier, later) for earlier in running)
        running.append(later)


def room_overlaps(sessions: Sequence[Session], content_path: Path, rooms: Sequence[Room] = ()) -> list[ContentProblem]:
    """Report sessions that overlap in time in the same room (by identifier or name, case and spacing apart), naming both."""
    problems = []
    by_room: dict[str, list[Session]] = {}
    for session in sessions:
        room = find_named(session.room, rooms)
        by_room.setdefault(room.slug if room else room_key(session.room), []).append(session)
    for in_room in by_room.values():
        for earlier, later in overlapping_pairs(in_room):
            problems.append(
                _problem(
                    later,
                    content_path,
                    "Start",
                    f"la salle « {earlier.room} » est déjà occupée de {earlier.start:%H:%M} à {clock(earlier.ends_at, earlier.day)} "
                    f"par « {earlier.title} » ({earlier.source_path}) : « {later.title} » ({later.source_path}, "
                    f"{later.start:%H:%M}–{clock(later.ends_at, later.day)}) a la même Salle (Room) le même Jour (Day), "
                    "et leurs horaires Début/Fin (Start/End) se chevauchent",
                    "changez l'heure de Début ou de Fin (Start/End), ou la Salle (Room), de l'une des deux séquences",
                )
            )
    return problems


def speaker_overlaps(sessions: Sequence[Session], speakers: Mapping[str, Entity], content_path: Path) -> list[ContentProblem]:
    """Report a person booked (to speak or moderate) in two sessions whose times overlap, on the later one."""
    problems = []
    by_person: dict[str, list[Session]] = {}
    for session in sessions:
        for slug in dict.fromkeys((*session.speaker_slugs, *session.moderator_slugs)):
            by_person.setdefault(slug, []).append(session)
    for slug, booked in by_person.items():
        name = getattr(speakers.get(slug), "name", "") or slug
        for earlier, later in overlapping_pairs(booked):
            field = "Speakers" if slug in later.speaker_slugs else "Moderators"
            problems.append(
                _problem(
                    later,
                    content_path,
                    field,
                    f"{name} ({slug}) est attendu·e à la fois dans « {earlier.title} » ({earlier.source_path}, "
                    f"le {earlier.day.isoformat()} de {earlier.start:%H:%M} à {clock(earlier.ends_at, earlier.day)}) "
                    f"et dans « {later.title} » ({later.start:%H:%M}–{clock(later.ends_at, later.day)}), "
                    "dont les horaires se chevauchent",
                    f"retirez « {slug} » de l'une des deux séquences, ou changez l'heure de Début ou de Fin (Start/End) de l'une d'elles",
                )
            )
    return problems


# The states that change what a calendar holds (« full » does not).
CALENDAR_CHANGES = frozenset({"cancelled", "moved", "postponed"})


def unannounced_change(session: Session, content_path: Path) -> list[ContentProblem]:
    """Report a changed Status without a Modified date: calendars would not pick the change up."""
    if session.status not in CALENDAR_CHANGES or session.modified:
        return []
    return [
        _problem(
            session,
            content_path,
            "Status",
            f"le statut « {SESSION_STATUSES[session.status]} » n'est pas daté : les agendas qui ont déjà la séquence ne verront pas le changement",
            "ajoutez une ligne « Modifié : AAAA-MM-JJ HH:MM » (date et heure du changement) ; "
            "à chaque nouveau changement, mettez-la à jour",
        )
    ]


def missing_images(event: Event, content_path: Path) -> list[ContentProblem]:
    """Report photos and logos whose file is not under content/."""
    problems = []
    checks = [(s, "Photo", s.photo) for s in event.speakers] + [(p, "Logo", p.logo) for p in event.partners]
    for entity, field, path in checks:
        if not path:
            continue
        try:
            resolve_inside(content_path, path)
        except PathOutside:
            problems.append(
                _problem(
                    entity,
                    content_path,
                    field,
                    f"l'image « {path} » est hors du dossier content/ (ou y mène par un lien) : elle n'est pas publiée",
                    "copiez l'image sous content/images/ et écrivez ce chemin, par ex. images/intervenants/nom.jpg",
                )
            )
            continue
        if not (content_path / path).is_file():
            problems.append(
                _problem(
                    entity,
                    content_path,
                    field,
                    f"l'image « {path} » est introuvable",
                    "déposez l'image à cet endroit sous content/, corrigez le chemin, ou retirez la ligne",
                )
            )
    return problems


def event_days(sessions: Sequence[Session], settings: EventSettings, content_path: Path) -> list[ContentProblem]:
    """Report sessions dated outside EVENT_START..EVENT_END when those are set."""
    if not settings.start:
        return []
    end = settings.end or settings.start
    return [
        _problem(
            s,
            content_path,
            "Day",
            f"le {s.day.isoformat()} est hors des dates de l'événement ({settings.start} – {end})",
            "corrigez le Jour (Day) ou les réglages EVENT_START/EVENT_END",
        )
        for s in sessions
        if s.day != s.day.min and not settings.start <= s.day <= end
    ]


def family_name_outside(speaker: Speaker, content_path: Path) -> list[ContentProblem]:
    """A family name given for sorting that is not the end of the speaker's name."""
    if not speaker.family_name or names_end_with(speaker.name, speaker.family_name):
        return []
    return [_problem(
        speaker, content_path, "Family_name",
        f"« {speaker.family_name} » n'est pas la fin du nom « {speaker.name} » : la liste des intervenants ne peut pas le classer",
        "écrivez les derniers mots du Nom tels quels (ex. « Ben Salah » pour « Karim Ben Salah »), ou retirez la ligne",
    )]


def validate_event(
    event: Event, settings: EventSettings, content_path: Path, unplaced: Collection[Entity] = ()
) -> list[ContentProblem]:
    """Every cross-file problem of the event, in a stable order (UNPLACED: entities left out, their times unknown)."""
    speakers = {s.slug: s for s in event.speakers}
    sessions = {s.slug: s for s in event.sessions}
    themes = {t.slug: t for t in event.themes}
    workshops = {w.slug: w for w in event.workshops}
    problems: list[ContentProblem] = []
    for entities, label in (
        (event.speakers, "intervenant"),
        (event.sessions, "séquence"),
        (event.partners, "partenaire"),
        (event.themes, "thème"),
        (event.workshops, "atelier"),
        (event.proposals, "proposition"),
        (event.rooms, "salle"),
        (event.tracks, "parcours"),
    ):
        problems += duplicate_slugs(entities, content_path, label)
    for speaker in event.speakers:
        problems += family_name_outside(speaker, content_path)
    for session in event.sessions:
        problems += unknown_references(session, content_path, "Speakers", session.speaker_slugs, speakers, "d'intervenant (content/speakers/)")
        problems += unknown_references(session, content_path, "Moderators", session.moderator_slugs, speakers, "d'intervenant (content/speakers/)")
        problems += unknown_named(session, content_path, "Room", session.room, event.rooms, "de salle (content/rooms/)")
        problems += unknown_named(session, content_path, "Track", session.track, event.tracks, "de parcours (content/tracks/)")
    for track in event.tracks:
        problems += track_contrast(track, settings, content_path)
    left_out = {id(entity) for entity in unplaced}
    placed = [s for s in event.sessions if id(s) not in left_out]
    for session in placed:
        problems += session_times(session, content_path)
        problems += unannounced_change(session, content_path)
    held = [s for s in placed if s.status != "cancelled"]  # a cancelled session frees its room and its people
    problems += room_overlaps(held, content_path, event.rooms)
    problems += speaker_overlaps(held, speakers, content_path)
    problems += event_days(event.sessions, settings, content_path)
    for workshop in event.workshops:
        problems += unknown_references(workshop, content_path, "Theme", [workshop.theme_slug], themes, "de thème (content/themes/)")
        problems += unknown_references(workshop, content_path, "Session", [workshop.session_slug], sessions, "de séquence (content/sessions/)")
        problems += unknown_references(
            workshop, content_path, "Facilitators", unknown_identifiers(workshop.facilitators, event.speakers), speakers,
            "d'intervenant (content/speakers/) ; un nom de personne s'écrit avec ses majuscules, ex. Justine Martin",
        )
    for proposal in event.proposals:
        problems += unknown_references(proposal, content_path, "Workshop", [proposal.workshop_slug], workshops, "d'atelier (content/workshops/)")
        problems += unknown_references(proposal, content_path, "Theme", [proposal.theme_slug], themes, "de thème (content/themes/)")
        workshop = workshops.get(proposal.workshop_slug)
        if workshop and proposal.theme_slug and proposal.theme_slug in themes and proposal.theme_slug != workshop.theme_slug:
            problems.append(
                _problem(
                    proposal,
                    content_path,
                    "Theme",
                    f"le thème « {proposal.theme_slug} » n'est pas celui de l'atelier « {workshop.slug} » ({workshop.theme_slug})",
                    f"écrivez « Thème : {workshop.theme_slug} » ou retirez la ligne (le thème de l'atelier s'applique)",
                )
            )
    problems += missing_images(event, content_path)
    return problems
