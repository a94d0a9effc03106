"""A workshop's Facilitators refer to speakers where they are speakers: by identifier (« anne-sophie-d-arcy ») or by name.

A plain name that names no speaker (« Justine ») stays plain text; an item written like an
identifier (lower case and hyphens, no space) that names no speaker is reported by validation.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Facilitator, Speaker, Workshop
from .schema import SLUG_RE, fold


def looks_like_identifier(item: str) -> bool:
    """True for an item written as a file's identifier (« jeanne-dupont »), not as a name (« Jeanne Dupont »)."""
    return bool(SLUG_RE.match(item))


def speaker_named(item: str, by_slug: Mapping[str, Speaker], by_name: Mapping[str, Speaker]) -> Speaker | None:
    """The speaker ITEM names: by identifier, else by name (accents and case apart), else None."""
    return by_slug.get(item) or by_name.get(fold(item))


def link_facilitators(workshops: Iterable[Workshop], speakers: Iterable[Speaker]) -> None:
    """Fill each workshop's ``facilitating`` and each named speaker's ``facilitates``, in file order."""
    speakers = list(speakers)
    by_slug = {s.slug: s for s in speakers}
    by_name = {fold(s.name): s for s in speakers if s.name}
    for workshop in workshops:
        workshop.facilitating = [Facilitator(item, speaker_named(item, by_slug, by_name)) for item in workshop.facilitators]
        for person in dict.fromkeys(f.speaker for f in workshop.facilitating if f.speaker is not None):
            person.facilitates.append(workshop)


def unknown_identifiers(facilitators: Iterable[str], speakers: Iterable[Speaker]) -> list[str]:
    """The items written like an identifier that name no speaker (by identifier or by name)."""
    speakers = list(speakers)
    by_slug = {s.slug: s for s in speakers}
    by_name = {fold(s.name): s for s in speakers if s.name}
    return [item for item in facilitators if looks_like_identifier(item) and speaker_named(item, by_slug, by_name) is None]
