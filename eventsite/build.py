"""Build the site into a temporary folder and move it into place only when it succeeds."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock
from pelican import Pelican
from pelican.settings import read_settings

from .staging import staging_folder, swap_into_place


@dataclass
class BuildResult:
    """What a build produced: where, how long, and the warnings it logged."""

    output: Path
    seconds: float
    warnings: list[str] = field(default_factory=list)


class BuildFailed(Exception):
    """The build failed or, in strict mode, logged warnings; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"Échec de la construction ({len(self.problems)} problème(s)) ; le site précédent est conservé :\n{lines}")


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collect_warnings() -> Iterator[list[str]]:
    """Collect the messages of every warning or error logged inside the block."""
    collector = _WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield collector.messages
    finally:
        root.removeHandler(collector)


@contextmanager
def cache_locked(settings: Mapping[str, Any]) -> Iterator[None]:
    """Hold CACHE_PATH's lock while Pelican's content cache is in use (Pelican rewrites it in place)."""
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        yield
        return
    folder = Path(settings["CACHE_PATH"])
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder / "content.lock")):  # a second build waits here for the first
        yield


def pelican_settings(settings_file: Path, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings from SETTINGS_FILE with OVERRIDES applied (the file is not changed)."""
    return read_settings(str(settings_file), override=dict(overrides or {}))


def build_site(
    settings_file: Path,
    output: Path,
    *,
    strict: bool,
    overrides: Mapping[str, Any] | None = None,
    verify: Callable[[Path], list[str]] | None = None,
) -> BuildResult:
    """Build into a temporary folder; if it builds (and VERIFY finds nothing) move it to OUTPUT, else raise BuildFailed."""
    output = Path(output).resolve()
    with staging_folder(output) as staging:
        extra: dict[str, Any] = {**(overrides or {}), "OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False}
        if strict:
            extra["EVENT_STRICT"] = True
        started = time.perf_counter()
        with collect_warnings() as warnings:
            try:
                settings = pelican_settings(settings_file, extra)
                with cache_locked(settings):
                    Pelican(settings).run()
            except Exception as error:  # every failure becomes one report, never a traceback
                problems = getattr(error, "problems", None)
                raise BuildFailed([str(p) for p in problems] if problems else [f"{type(error).__name__}: {error}"]) from error
        if strict and warnings:
            raise BuildFailed([f"avertissement (mode strict) : {w}" for w in warnings])
        problems = verify(staging) if verify else []
        if problems:
            raise BuildFailed(problems)
        swap_into_place(staging, output)
    return BuildResult(output=output, seconds=time.perf_counter() - started, warnings=list(warnings))
