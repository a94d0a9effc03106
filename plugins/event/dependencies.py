"""Which content files each entity's page reads: its own and those of the entities linked to it (two links away)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass

from eventsite.safepaths import real_file

from .model import LINK, Entity, Event, attributes_of

# Hops of links followed from an entity: a speaker's page shows its sessions, and each session its workshops.
DEPTH = 2


def linked_entities(entity: Entity) -> list[Entity]:
    """The entities ENTITY's linking attributes hold (linking.py fills them in)."""
    found: list[Entity] = []
    for name in attributes_of(type(entity), LINK):
        value = getattr(entity, name, None)
        values = value if isinstance(value, (list, tuple)) else [value]
        found.extend(v for v in values if isinstance(v, Entity))
    return found


def all_entities(event: Event) -> Iterable[Entity]:
    """Every entity of EVENT, collection after collection."""
    for declared in fields(event) if is_dataclass(event) else ():
        value = getattr(event, declared.name)
        if isinstance(value, list):
            yield from (item for item in value if isinstance(item, Entity))


def content_file(item: object, folders: dict[str, str] | None = None) -> str | None:
    """The absolute path of ITEM's content file (an entity's is its Pelican page's), links resolved; None when unknown.

    FOLDERS, when given, keeps the folders resolved from one call to the next (see real_file).
    """
    for owner in (getattr(item, "source", None), item):
        path = getattr(owner, "source_path", None)
        if isinstance(path, str) and os.path.isabs(path):
            return real_file(path, {} if folders is None else folders)
    return None


def source_dependencies(event: Event | None, depth: int = DEPTH) -> Mapping[str, frozenset[str]]:
    """Each entity's content file → the content files its page reads (its own, and its linked entities' up to DEPTH links away)."""
    result: dict[str, frozenset[str]] = {}
    if event is None:
        return result
    files_of: dict[int, str | None] = {}  # each entity's file resolved once (realpath reads every folder of the path)
    folders: dict[str, str] = {}  # and each folder once

    def file_of(entity: Entity) -> str | None:
        if id(entity) not in files_of:
            files_of[id(entity)] = content_file(entity, folders)
        return files_of[id(entity)]

    for entity in all_entities(event):
        reached, frontier = {entity}, [entity]
        for _ in range(depth):
            frontier = [other for item in frontier for other in linked_entities(item) if other not in reached]
            reached.update(frontier)
        own = file_of(entity)
        files = {file_of(e) for e in reached}
        if own is not None and None not in files:
            result[own] = frozenset(f for f in files if f is not None)
    return result
