"""Warn about originals under content/ that carry metadata and are published as copies."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from event.problems import ContentProblem

from eventsite.imagemetadata import metadata_labels

FIX = ("exportez l'image à nouveau sans métadonnées (ou passez-la dans un outil qui les retire), "
       "puis remplacez le fichier : le site publié en est nettoyé, mais l'original du dépôt les garde")


def content_image_problems(settings: Mapping[str, Any], sources: Iterable[str]) -> list[ContentProblem]:
    """Return one ContentProblem per static image of content/ that carries metadata.

    SOURCES are the files the static generator will really copy (paths under content/, as its read
    phase left them: images processed by the gallery plugin are no longer among them).
    """
    content = Path(settings["PATH"])
    problems = []
    for source in sorted(set(sources)):
        found = metadata_labels(content / source)
        if found:
            problems.append(ContentProblem(
                source.replace(os.sep, "/"), "",
                f"l'image contient des métadonnées ({', '.join(found)}), par exemple le lieu de la prise de vue",
                FIX,
            ))
    return problems
