"""Record every Pelican build of a test run, in this process and in the Python processes it starts.

Python imports this module at start-up when its folder is on PYTHONPATH (bench/suite/run.py puts
it there). It does nothing unless SUITE_BUILD_LOG names a file: then, once `pelican` is imported,
each call of Pelican._get_writer (one per build that writes: Pelican.run() and eventsite's
write phase) appends one JSON line to that file: the process, the test running
(PYTEST_CURRENT_TEST, inherited by child processes), the content folder, and whether it is the
seminar's content (the repository's content/ or a copy of it).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import os
import sys
from pathlib import Path
from typing import Any

SEMINAR_MARK = Path("speakers") / "clement-bertholet.md"  # a file only the seminar's content holds


def record(pelican: Any) -> None:
    """Append one line about this build to SUITE_BUILD_LOG."""
    content = Path(str(pelican.settings.get("PATH", "")))
    line = {
        "pid": os.getpid(),
        "test": os.environ.get("PYTEST_CURRENT_TEST", ""),
        "path": str(content),
        "seminar": (content / SEMINAR_MARK).is_file(),
    }
    with open(os.environ["SUITE_BUILD_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(line) + "\n")


def patch(module: Any) -> None:
    """Make Pelican._get_writer record the build before it returns the writer."""
    original = module.Pelican._get_writer

    def get_writer(self: Any) -> Any:
        record(self)
        return original(self)

    module.Pelican._get_writer = get_writer


class PelicanWatcher(importlib.abc.MetaPathFinder):
    """Patch `pelican` right after it is first imported."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name != "pelican":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            execute(module)
            patch(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if os.environ.get("SUITE_BUILD_LOG"):
    sys.meta_path.insert(0, PelicanWatcher())
