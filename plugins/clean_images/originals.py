"""Warn about originals under content/ that carry metadata and are published as copies."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from event.problems import ContentProblem

from .metadata import metadata_labels

FIX = ("exportez l'image à nouveau sans métadonnées (ou passez-la dans un outil qui les retire), "
       "puis remplacez le fichier : le site publié en est nettoyé, mais l'original du dépôt les garde")


def static_files(content: Path, static_paths: list[str], excludes: list[str]) -> Iterator[Path]:
    """Yield the files Pelican's static generator copies from `content`, dot-files left out."""
    excluded = [content / e for e in excludes]
    for static in static_paths:
        start = content / static
        candidates = [start] if start.is_file() else sorted(start.rglob("*")) if start.is_dir() else []
        for path in candidates:
            parts = path.relative_to(content).parts
            if (path.is_file() and not any(p.startswith(".") for p in parts)
                    and not any(path == e or e in path.parents for e in excluded)):
                yield path


def content_image_problems(settings: Mapping[str, Any], sources: Iterable[str] | None = None) -> list[ContentProblem]:
    """Return one ContentProblem per static image of content/ that carries metadata.

    SOURCES, when given, are the files the static generator will really copy (paths under content/,
    as its read phase left them: images processed by the gallery plugin are no longer among them).
    """
    content = Path(settings["PATH"])
    problems = []
    seen: set[Path] = set()
    candidates = (
        (content / source for source in sorted(sources)) if sources is not None
        else static_files(content, list(settings.get("STATIC_PATHS", ())), list(settings.get("STATIC_EXCLUDES", ())))
    )
    for path in candidates:
        found = metadata_labels(path) if path not in seen else ()
        seen.add(path)
        if found:
            problems.append(ContentProblem(
                os.path.relpath(path, content).replace(os.sep, "/"), "",
                f"l'image contient des métadonnées ({', '.join(found)}), par exemple le lieu de la prise de vue",
                FIX,
            ))
    return problems
