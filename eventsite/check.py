"""Validate all content without writing the site: the event plugin's readers and checks only."""

from __future__ import annotations

import importlib
import logging
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.plugins import signals

from .build import pelican_settings


def event_generator_class(pelican: Pelican) -> type:
    """The event plugin's generator, as the plugins give it to Pelican."""
    for _receiver, value in signals.get_generators.send(pelican):
        for candidate in value if isinstance(value, (list, tuple)) else (value,):
            if getattr(candidate, "__name__", "") == "EventGenerator":
                return candidate
    raise RuntimeError("le greffon « event » n'est pas dans PLUGINS : rien à vérifier")


def scaffold_schema(settings_file: Path) -> tuple[Path, dict[str, tuple[Any, ...]]]:
    """The content folder and each kind's schema fields (allowed Kind and Tier values included), from the event plugin."""
    with tempfile.TemporaryDirectory(prefix="eventsite-new-") as scratch:
        pelican = Pelican(pelican_settings(settings_file, {"OUTPUT_PATH": scratch}))
        package = event_generator_class(pelican).__module__.rsplit(".", 1)[0]
        event = importlib.import_module(f"{package}.settings").read_event_settings(pelican.settings)
        fields = importlib.import_module(f"{package}.reading").scaffold_fields(event)
        return Path(pelican.settings["PATH"]), fields


def check_content(settings_file: Path, overrides: Mapping[str, Any] | None = None) -> list[Any]:
    """Every content problem (ContentProblem) the event plugin finds; nothing is written but the cache."""
    with tempfile.TemporaryDirectory(prefix="eventsite-check-") as scratch:
        settings = pelican_settings(settings_file, {**(overrides or {}), "OUTPUT_PATH": scratch})
        pelican = Pelican(settings)  # loads the plugins and checks their settings
        generator_class = event_generator_class(pelican)
        context: dict[str, Any] = {**pelican.settings, "generated_content": {}, "static_links": set(), "static_content": {}}
        logger = logging.getLogger("event.generator")
        level = logger.level
        logger.setLevel(logging.ERROR)  # the problems are returned, not logged twice
        try:
            generator = generator_class(
                context=context,
                settings=pelican.settings,
                path=pelican.settings["PATH"],
                theme=pelican.settings["THEME"],
                output_path=scratch,
            )
            generator.generate_context()
        finally:
            logger.setLevel(level)
        return list(generator.problems) + image_problems(pelican.settings)


def image_problems(settings: Mapping[str, Any]) -> list[Any]:
    """The static images of content/ that carry metadata, when the clean_images plugin is on."""
    if "clean_images" not in settings.get("PLUGINS", ()):
        return []
    return importlib.import_module("clean_images.originals").content_image_problems(settings)


def report(problems: list[Any]) -> str:
    """The problems as the French lines printed by `invoke check`."""
    if not problems:
        return "Aucun problème dans le contenu."
    lines = [f"{len(problems)} problème(s) dans le contenu :"]
    for problem in problems:
        where = f"{problem.file}, ligne {problem.line}" if problem.line else problem.file
        field = f", champ {problem.field}" if problem.field else ""
        lines.append(f"- {where}{field} : {problem.message}\n    → à faire : {problem.fix}")
    return "\n".join(lines)
