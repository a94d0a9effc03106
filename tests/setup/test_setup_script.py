"""scripts/setup.py (no bash, standard library only), the Windows/macOS job, and .ci/run's order."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO

SETUP = REPO / "scripts" / "setup.py"


def load_setup():
    """scripts/setup.py as a module."""
    spec = importlib.util.spec_from_file_location("project_setup", SETUP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_setup_runs_with_the_standard_library_alone() -> None:
    """It runs before anything is installed: no site-packages (-S -I), and it answers in French."""
    done = subprocess.run([sys.executable, "-S", "-I", str(SETUP), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "installer aussi les outils de test" in done.stdout


def test_setup_knows_where_each_system_puts_the_venv_python() -> None:
    """Windows: .venv\\Scripts\\python.exe and .venv\\Scripts\\invoke; elsewhere .venv/bin/…."""
    setup = load_setup()
    venv = Path(".venv")
    assert setup.venv_python(venv, windows=True) == venv / "Scripts" / "python.exe"
    assert setup.venv_python(venv, windows=False) == venv / "bin" / "python"
    assert r".venv\Scripts\invoke preview" in setup.next_step(False, windows=True)
    assert ".venv/bin/invoke preview" in setup.next_step(False, windows=False)


def test_setup_sh_is_a_thin_wrapper_around_setup_py() -> None:
    """The bash script only hands over to setup.py."""
    lines = [line for line in (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[-1] == 'exec python3 scripts/setup.py "$@"' and len(lines) <= 3


def test_the_workflow_builds_strictly_on_windows_and_macos_without_secrets() -> None:
    """A matrix job on windows-latest and macos-latest installs with setup.py and builds strictly, read-only."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    jobs = [job for job in workflow["jobs"].values() if "matrix" in job.get("strategy", {})]
    assert len(jobs) == 1
    job = jobs[0]
    systems = {entry["os"] for entry in job["strategy"]["matrix"]["include"]}
    assert systems == {"windows-latest", "macos-latest"}
    assert job["permissions"] == {"contents": "read"}
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
    commands = [step.get("run", "") for step in job["steps"]]
    assert "python scripts/setup.py" in commands
    assert any(command.endswith(" strict") for command in commands)
    assert "secrets." not in yaml.safe_dump(job)


def test_ci_proves_the_first_command_before_the_test_tools() -> None:
    """.ci/run: setup.sh alone, invoke --list, build and preview come before setup.sh --test and pytest."""
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    order = ["\nbash scripts/setup.sh\n", ".venv/bin/invoke --list", ".venv/bin/invoke build",
             ".venv/bin/invoke preview", "bash scripts/setup.sh --test", ".venv/bin/python -m pytest"]
    positions = [script.index(step) for step in order]
    assert positions == sorted(positions)
    assert "set -euo pipefail" in script
    assert '"$tests_status" = 5' in script


def test_no_symbolic_link_is_tracked() -> None:
    """A tracked link (a worktree's .venv, node_modules or .cache pointing elsewhere) breaks a fresh clone's setup."""
    listed = subprocess.run(["git", "ls-files", "-s"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert [line.split("\t", 1)[1] for line in listed.splitlines() if line.startswith("120000 ")] == []


def test_setup_compiles_the_project_s_code(monkeypatch, tmp_path) -> None:
    """Even where PYTHONDONTWRITEBYTECODE is set, the plugins are compiled once, not at each build's start."""
    setup = load_setup()
    ran: list[list[str]] = []
    monkeypatch.setattr(setup, "run", lambda command, what: ran.append(command))
    setup.compile_project(Path(sys.executable))
    assert len(ran) == 1 and ran[0][1:4] == ["-m", "compileall", "-q"]
    assert {"eventsite", "plugins", "pelicanconf.py"} <= set(ran[0][4:])
    # The bytecode goes under tmp_path (PYTHONPYCACHEPREFIX): what an earlier setup left in the checkout proves nothing.
    done = subprocess.run(ran[0], cwd=REPO, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path)})
    assert done.returncode == 0
    for source in ("plugins/event/event.py", "eventsite/build.py", "pelicanconf.py"):
        assert list(tmp_path.rglob(Path(source).stem + ".cpython-*.pyc")), source


def test_setup_prepares_the_collation_table(monkeypatch, tmp_path) -> None:
    """The table the builds sort names with is written into .venv by setup, and sorts as pyuca does."""
    from eventsite.collationtable import TABLE_FILE, prepared_collator

    setup = load_setup()
    ran: list[list[str]] = []
    monkeypatch.setattr(setup, "run", lambda command, what: ran.append(command))
    setup.prepare_collation(Path(sys.executable))
    assert ran == [[sys.executable, "-m", "eventsite.collationtable"]]
    assert TABLE_FILE.parent.parent.parent == Path(sys.prefix)  # the venv's own share/ folder
    done = subprocess.run([*ran[0], str(tmp_path / "table.marshal")], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    collator = prepared_collator(tmp_path / "table.marshal")
    assert collator is not None and sorted(["Zoé", "Étienne", "eve"], key=collator.sort_key) == ["Étienne", "eve", "Zoé"]
