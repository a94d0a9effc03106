"""What tasks.py, the build, the preview and publishing import is all in requirements.txt."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.conftest import REPO
from tests.setup.runtime import PACKAGING_TOOLS, normalise, pinned, runtime_env, modules_outside_requirements

ENTRY_MODULES = [
    "tasks",
    "eventsite.__main__",
    "eventsite.build",
    "eventsite.check",
    "eventsite.preview",
    "eventsite.publish",
    "eventsite.checks",
    "eventsite.tasks_publish",
]


def run_python(code: str, env: dict[str, str], cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run CODE in a child Python with ENV; capture what it prints."""
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_blocker_refuses_test_only_packages(tmp_path: Path) -> None:
    """The check can fail: pytest and html5lib are test-only, and the blocker refuses them."""
    assert {"pytest", "html5lib", "playwright"} <= modules_outside_requirements()
    done = run_python("import html5lib", runtime_env(tmp_path))
    assert done.returncode != 0 and "test-only package" in done.stderr


@pytest.mark.parametrize("module", ENTRY_MODULES)
def test_entry_module_imports_with_requirements_txt_only(tmp_path: Path, module: str) -> None:
    """Importing MODULE (and everything it imports) needs nothing outside requirements.txt."""
    done = run_python(f"import {module}", runtime_env(tmp_path))
    assert done.returncode == 0, done.stderr


def test_publishing_modules_load_and_scan_a_page(tmp_path: Path) -> None:
    """The pre-publish HTML scan runs with requirements.txt alone (it is what `invoke publish` runs)."""
    code = (
        "from eventsite.htmlscan import scan_page\n"
        "scan = scan_page('<html lang=\"fr\"><title>t</title><img src=\"a.png\" alt=\"\"></html>')\n"
        "print(sorted(r.url for r in scan.refs))\n"
    )
    done = run_python(code, runtime_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "a.png" in done.stdout


def test_requirements_txt_pins_its_own_dependencies() -> None:
    """Every dependency of a package in requirements.txt is pinned there too (a fresh venv gets no surprise)."""
    runtime = pinned(REPO / "requirements.txt")
    missing = []
    for name in sorted(runtime):
        for text in importlib.metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            if normalise(requirement.name) not in runtime | PACKAGING_TOOLS:
                missing.append(f"{name} → {requirement.name}")
    assert not missing


def scratch_project(tmp_path: Path) -> Path:
    """A copy of the project (tasks, settings, content, theme, plugins, code) without output/ or cache/."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py", "requirements.txt"):
        shutil.copy2(REPO / name, project / name)
    for name in ("content", "theme", "plugins", "eventsite"):
        shutil.copytree(REPO / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def test_tasks_run_without_a_shell_and_without_test_packages(tmp_path: Path) -> None:
    """`invoke --list`, `new-speaker` with quotes and `build` work with no shell and requirements.txt only."""
    project = scratch_project(tmp_path)
    env = runtime_env(tmp_path, pythonpath=project)

    def invoke(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project, env=env,
                              capture_output=True, text=True, timeout=600)

    listed = invoke("--list")
    assert listed.returncode == 0, listed.stderr
    assert {"preview", "build", "check", "publish", "new-speaker"} <= set(listed.stdout.split())

    before = set((project / "content" / "speakers").iterdir())
    created = invoke("new-speaker", "Jeanne d'Arc \"la\" Dupont & Cie")
    assert created.returncode == 0, created.stdout + created.stderr
    new_files = set((project / "content" / "speakers").iterdir()) - before
    assert len(new_files) == 1
    assert "Jeanne d'Arc \"la\" Dupont & Cie" in new_files.pop().read_text(encoding="utf-8")

    built = invoke("build")
    assert built.returncode == 0, built.stdout + built.stderr
    assert (project / "output" / "index.html").is_file()
