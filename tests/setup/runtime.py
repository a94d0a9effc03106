"""A Python that sees only requirements.txt: the test-only packages are blocked at import time."""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
from pathlib import Path

from tests.conftest import REPO

# Installed with pip itself, never imported by the site.
PACKAGING_TOOLS = frozenset({"pip", "setuptools", "wheel"})

SITECUSTOMIZE = '''"""Installed by tests/setup: refuse to import the test-only packages."""
import os
import sys


class _TestOnly:
    blocked = frozenset(os.environ.get("EVENTSITE_BLOCKED_MODULES", "").split(","))

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.blocked:
            raise ModuleNotFoundError(f"No module named {name!r} (test-only package, not in requirements.txt)", name=name)
        return None


sys.meta_path.insert(0, _TestOnly())
'''


def normalise(name: str) -> str:
    """A distribution name as pip compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(requirements: Path) -> set[str]:
    """The distribution names pinned in a requirements file (its own lines, not the -r includes)."""
    names = set()
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(normalise(re.split(r"[=<>!~\[; ]", line, maxsplit=1)[0]))
    return names


def modules_outside_requirements() -> set[str]:
    """Top-level modules whose every installed distribution is outside requirements.txt."""
    runtime = pinned(REPO / "requirements.txt") | PACKAGING_TOOLS
    modules = set()
    for module, dists in importlib.metadata.packages_distributions().items():
        if all(normalise(d) not in runtime for d in dists):
            modules.add(module)
    return modules - set(sys.stdlib_module_names)


def runtime_env(scratch: Path, pythonpath: Path = REPO) -> dict[str, str]:
    """Environment variables for a child Python that cannot import the test-only packages."""
    custom = scratch / "sitecustomize-dir"
    custom.mkdir(parents=True, exist_ok=True)
    (custom / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(custom), str(pythonpath)]),
        "EVENTSITE_BLOCKED_MODULES": ",".join(sorted(modules_outside_requirements())),
        # invoke runs c.run() through this shell: a task that needs a shell fails.
        "INVOKE_RUN_SHELL": str(scratch / "no-shell-here"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
