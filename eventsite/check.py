"""Validate all content without writing the site: the build's read-and-link phase, every plugin."""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.plugins import signals

from .build import collect_warnings, pelican_settings, problem_lines
from .phases import content_problems, read_and_link


def event_generator_class(pelican: Pelican) -> type:
    """The event plugin's generator, as the plugins give it to Pelican."""
    for _receiver, value in signals.get_generators.send(pelican):
        for candidate in value if isinstance(value, (list, tuple)) else (value,):
            if getattr(candidate, "__name__", "") == "EventGenerator":
                return candidate
    raise RuntimeError("le greffon « event » n'est pas dans PLUGINS : rien à vérifier")


def scaffold_schema(settings_file: Path) -> tuple[Path, dict[str, Any]]:
    """The content folder and each kind's schema.ContentSchema (this event's Kind and Tier values and folders), from the event plugin."""
    with tempfile.TemporaryDirectory(prefix="eventsite-new-") as scratch:
        pelican = Pelican(pelican_settings(settings_file, {"OUTPUT_PATH": scratch}))
        package = event_generator_class(pelican).__module__.rsplit(".", 1)[0]
        event = importlib.import_module(f"{package}.settings").read_event_settings(pelican.settings)
        schemas = importlib.import_module(f"{package}.reading").event_schemas(event)
        return Path(pelican.settings["PATH"]), schemas


def check_everything(settings_file: Path, overrides: Mapping[str, Any] | None = None) -> tuple[list[Any], list[str]]:
    """The build's read-and-link phase, nothing written but the cache: (content problems, other warnings logged)."""
    with tempfile.TemporaryDirectory(prefix="eventsite-check-") as scratch:
        settings = pelican_settings(settings_file, {**(overrides or {}), "OUTPUT_PATH": scratch})
        with collect_warnings() as collector:  # the problems are returned, not logged
            _generators, context = read_and_link(Pelican(settings))
        problems = content_problems(context)
        return problems + image_problems(settings, context), collector.messages(problems)


def image_problems(settings: Mapping[str, Any], context: Mapping[str, Any]) -> list[Any]:
    """The static images of content/ that carry metadata (check only: the build cleans its copies)."""
    if "clean_images" not in settings.get("PLUGINS", ()):
        return []
    sources = [static.get_relative_source_path() for static in context.get("staticfiles", ())]
    return importlib.import_module("clean_images.originals").content_image_problems(settings, sources)


def check_content(settings_file: Path, overrides: Mapping[str, Any] | None = None) -> list[Any]:
    """Every content problem (ContentProblem) the build would report, without writing the site."""
    return check_everything(settings_file, overrides)[0]


def report(problems: list[Any]) -> str:
    """The problems as the French lines printed by `invoke check` and the build."""
    if not problems:
        return "Aucun problème dans le contenu."
    return f"{len(problems)} problème(s) dans le contenu :\n{problem_lines(problems)}"
