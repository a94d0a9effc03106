"""The publish task body, with a stand-in for the lead's eventsite.build."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest
from invoke import Context
from invoke.exceptions import Exit

from eventsite.tasks_publish import check_output_task, publish_task
from tests.publish.conftest import Repos, remote_sha, run_git
from tests.publish.sites import page, valid_files, write_site

PUBLISHCONF = """import os
SITEURL = os.environ.get("SITEURL", "https://org.github.io/repo")
RELATIVE_URLS = False
CNAME = os.environ.get("SITE_CNAME", "")
"""


class BuildFailed(Exception):
    """Stand-in for eventsite.build.BuildFailed."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(problems)


def fake_build_module(files: dict[str, str | bytes] | None) -> types.ModuleType:
    """Return a module whose build_site writes `files` (or fails when None)."""
    module = types.ModuleType("eventsite.build")

    def build_site(settings_file: Path, output: Path, *, strict: bool,
                   overrides: dict | None = None, verify=None) -> None:
        assert strict and settings_file.name == "publishconf.py"
        if files is None:
            raise BuildFailed(["content/x.md: date manquante"])
        staging = output.with_name(".staging")
        write_site(staging, files)
        problems = verify(staging) if verify else []
        if problems:
            shutil.rmtree(staging)
            raise BuildFailed(problems)
        shutil.rmtree(output, ignore_errors=True)
        staging.rename(output)

    module.build_site = build_site  # type: ignore[attr-defined]
    module.BuildFailed = BuildFailed  # type: ignore[attr-defined]
    return module


@pytest.fixture
def project(repos: Repos) -> Path:
    """The source repository set up as a project: publishconf.py, output/ ignored."""
    (repos.source / "publishconf.py").write_text(PUBLISHCONF, encoding="utf-8")
    (repos.source / ".gitignore").write_text("output/\n__pycache__/\n", encoding="utf-8")
    run_git(repos.source, "add", ".")
    run_git(repos.source, "commit", "-q", "-m", "Add publishconf")
    return repos.source


def use_build(monkeypatch: pytest.MonkeyPatch, files: dict[str, str | bytes] | None) -> None:
    """Install the stand-in build module."""
    monkeypatch.setitem(sys.modules, "eventsite.build", fake_build_module(files))


def test_publish_task_pushes_with_cname_from_settings(
    project: Path, repos: Repos, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_CNAME", "seminaire.example.org")
    use_build(monkeypatch, valid_files())
    publish_task(Context(), push=True, root=project)
    assert run_git(repos.bare, "show", "gh-pages:CNAME") == "seminaire.example.org"
    head = run_git(project, "rev-parse", "HEAD")
    assert run_git(repos.bare, "log", "-1", "--format=%s", "gh-pages").endswith(head + ")")


def test_publish_task_dry_run_touches_nothing(
    project: Path, repos: Repos, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_build(monkeypatch, valid_files())
    publish_task(Context(), dry_run=True, push=True, cname="a.example.org", root=project)
    assert "[essai]" in capsys.readouterr().out
    assert run_git(project, "branch", "--list", "gh-pages") == ""
    assert remote_sha(repos.bare, "gh-pages") is None


@pytest.mark.parametrize("files", [None, {**valid_files(), "index.html": page(
    "A", body='<a href="absent/">x</a>')}])
def test_publish_task_stops_on_failed_build_or_check(
    project: Path, repos: Repos, monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str | bytes] | None, capsys: pytest.CaptureFixture[str],
) -> None:
    use_build(monkeypatch, files)
    with pytest.raises(Exit) as stopped:
        publish_task(Context(), push=True, root=project)
    assert stopped.value.code == 1
    assert ("date manquante" if files is None else "[dead-link]") in capsys.readouterr().out
    assert run_git(project, "branch", "--list", "gh-pages") == ""


def test_check_output_task(tmp_path: Path) -> None:
    write_site(tmp_path / "output", valid_files())
    check_output_task(Context(), no_html_validation=True, root=tmp_path)
    write_site(tmp_path / "output", {"index.html": page("A", body='<img src="x.png">')})
    with pytest.raises(Exit):
        check_output_task(Context(), no_html_validation=True, root=tmp_path)
