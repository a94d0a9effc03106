"""Checks across content files: references, duplicates, times, rooms and images."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from eventsite.safepaths import PathOutside, resolve_inside

from .model import Entity, Event, Session
from .header import field_line
from .problems import ContentProblem
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


def session_times(session: Session, content_path: Path) -> list[ContentProblem]:
    """Report a session that ends before (or when) it starts."""
    # An End that could not be read stays at midnight: its own error says so.
    if session.end != session.end.min and session.end <= session.start:
        return [
            _problem(
                session,
                content_path,
                "End",
                f"la fin ({session.end:%H:%M}) n'est pas après le début ({session.start:%H:%M})",
                "écrivez une heure de Fin (End) postérieure à l'heure de Début (Start)",
            )
        ]
    return []


def room_overlaps(sessions: Sequence[Session], content_path: Path) -> list[ContentProblem]:
    """Report sessions that overlap in time in the same room on the same day, naming both."""
    problems = []
    by_room = sorted(sessions, key=lambda s: (s.day, s.room, s.start))
    for (_day, room), group in itertools.groupby(by_room, key=lambda s: (s.day, s.room)):
        ordered = list(group)
        for earlier, later in itertools.combinations(ordered, 2):
            if later.start < earlier.end and earlier.start < later.end:
                problems.append(
                    _problem(
                        later,
                        content_path,
                        "Start",
                        f"la salle « {room} » est déjà occupée de {earlier.start:%H:%M} à {earlier.end:%H:%M} "
                        f"par « {earlier.title} » ({earlier.source_path}) : « {later.title} » ({later.source_path}, "
                        f"{later.start:%H:%M}–{later.end:%H:%M}) a la même Salle (Room) le même Jour (Day), "
                        "et leurs horaires Début/Fin (Start/End) se chevauchent",
                        "changez l'heure de Début ou de Fin (Start/End), ou la Salle (Room), de l'une des deux séquences",
                    )
                )
    return problems


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


def validate_event(event: Event, settings: EventSettings, content_path: Path) -> list[ContentProblem]:
    """Every cross-file problem of the event, in a stable order."""
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
    ):
        problems += duplicate_slugs(entities, content_path, label)
    for session in event.sessions:
        problems += unknown_references(session, content_path, "Speakers", session.speaker_slugs, speakers, "d'intervenant (content/speakers/)")
        problems += unknown_references(session, content_path, "Moderators", session.moderator_slugs, speakers, "d'intervenant (content/speakers/)")
        problems += session_times(session, content_path)
    problems += room_overlaps(event.sessions, content_path)
    problems += event_days(event.sessions, settings, content_path)
    for workshop in event.workshops:
        problems += unknown_references(workshop, content_path, "Theme", [workshop.theme_slug], themes, "de thème (content/themes/)")
        problems += unknown_references(workshop, content_path, "Session", [workshop.session_slug], sessions, "de séquence (content/sessions/)")
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
