"""Signal handlers of the containment plugin; register() only connects them.

Pelican copies every file of STATIC_PATHS and every `{static}`/`{attach}` target, following
symlinks and `../`. Once the static generator has listed them, this plugin drops each one
whose real path leaves content/, whose output leaves the output folder, or that is a
dot-file (.env, .git/config, .DS_Store, .htaccess), and tells the author which file linked it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from pelican import signals

from eventsite.safepaths import PathOutside, is_hidden, resolve_inside

logger = logging.getLogger(__name__)


def linking_files(generated: Mapping[str, Any]) -> dict[str, list[str]]:
    """Map each `{static}`/`{attach}` target (relative to content/) to the content files that link it."""
    links: dict[str, list[str]] = {}
    for source, content in generated.items():
        if content is None or not hasattr(content, "get_static_links"):
            continue
        for target in content.get_static_links():
            links.setdefault(os.path.normpath(target), []).append(source)
    return links


def refusal(generator: Any, static: Any) -> str:
    """Return why this static file must not be published (French), or "" when it may be."""
    relative = static.get_relative_source_path()
    try:
        resolve_inside(generator.path, relative)
    except PathOutside:
        return "le fichier est hors du dossier content/ (ou un lien y mène)"
    if is_hidden(relative):
        return "c'est un fichier caché (son nom ou celui d'un dossier commence par un point)"
    try:
        resolve_inside(generator.output_path, static.save_as)
    except PathOutside:
        return "il serait écrit hors du dossier du site"
    return ""


def drop_unsafe_static_files(generator: Any) -> None:
    """Remove from the static files every file read from outside content/, or hidden, or written outside."""
    links = linking_files(generator.context.get("generated_content", {}))
    kept = []
    for static in generator.staticfiles:
        why = refusal(generator, static)
        if not why:
            kept.append(static)
            continue
        relative = static.get_relative_source_path()
        generator.context["static_content"].pop(relative, None)
        linked_by = links.get(os.path.normpath(relative), [])
        if linked_by or not is_hidden(relative):
            logger.warning(
                "%s [lien {static} ou {attach}] : « %s » n'est pas publié : %s → ne liez que des fichiers "
                "déposés sous content/images/ (ni lien symbolique vers l'extérieur, ni « ../ », ni fichier caché)",
                ", ".join(linked_by) or relative, relative, why,
            )
    generator.staticfiles[:] = kept


def register() -> None:
    """Connect the containment plugin's signal handler."""
    signals.static_generator_finalized.connect(drop_unsafe_static_files)
