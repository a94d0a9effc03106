"""Publish a checked site folder onto a git branch (gh-pages) with ghp-import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from eventsite.allowances import Allowances
from eventsite.checks import check_site
from eventsite.gitinfo import branch_sha, current_env, identity_env, source_commit
from eventsite.report import CheckReport, Problem

DEFAULT_MESSAGE = "Publication du site"


class PublishRefused(Exception):
    """The site has problems: nothing was published, the branch is untouched."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(f"publication refusée : {len(self.problems)} problème(s)")


class PublishFailed(Exception):
    """ghp-import (or git) failed; its output is kept for the maintainer."""


@dataclass(frozen=True)
class PublishResult:
    """What was (or, in a dry run, would be) published, and where."""

    site_dir: Path
    branch: str
    remote: str | None  # None when not pushed
    cname: str | None
    message: str
    files: int
    size_bytes: int
    dry_run: bool
    commit: str | None  # the branch's new sha; None in a dry run
    report: CheckReport

    def summary(self) -> str:
        """Return a French one-paragraph summary for the terminal."""
        verb = "serait publié" if self.dry_run else "publié"
        target = f"{self.remote}/{self.branch}" if self.remote else f"{self.branch} (local)"
        return (
            f"{self.files} fichier(s), {self.size_bytes / 1024:.1f} Kio {verb} sur {target}; "
            f"CNAME : {self.cname or 'aucun'}; message : « {self.message} »"
            + (f"; commit {self.commit}" if self.commit else "")
        )


def commit_message(message: str, source: str) -> str:
    """Return the publication commit message, naming the source commit."""
    return f"{message} (source : {source})"


def folder_stats(site_dir: Path) -> tuple[int, int]:
    """Return the number of files below `site_dir` and their total size in bytes."""
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def ghp_import_command(
    site_dir: Path, *, branch: str, remote: str, cname: str | None, push: bool, message: str
) -> list[str]:
    """Return the ghp-import command line (always with .nojekyll)."""
    exe = shutil.which("ghp-import")
    head = [exe] if exe else [sys.executable, "-m", "ghp_import"]
    command = [*head, "-n", "-m", message, "-b", branch]
    if cname:
        command += ["-c", cname]
    if push:
        command += ["-p", "-r", remote]
    return [*command, str(site_dir)]


def publish(
    site_dir: Path,
    *,
    repo: Path,
    branch: str = "gh-pages",
    remote: str = "origin",
    cname: str | None = None,
    push: bool = False,
    dry_run: bool = False,
    message: str = DEFAULT_MESSAGE,
    base_path: str | None = None,
    site_url: str | None = None,
    allow: Allowances = Allowances(),
) -> PublishResult:
    """Check `site_dir`, then commit it onto `branch` of `repo` (push if asked).

    Raises PublishRefused (branch untouched) when the checks find any problem,
    PublishFailed when ghp-import fails.
    """
    site_dir, repo = Path(site_dir).resolve(), Path(repo).resolve()
    report = check_site(site_dir, base_path=base_path, site_url=site_url, validate_html=True,
                        allow=allow)
    if not report.ok:
        raise PublishRefused(list(report.problems))
    full_message = commit_message(message, source_commit(repo))
    files, size = folder_stats(site_dir)
    result = PublishResult(
        site_dir, branch, remote if push else None, cname, full_message,
        files, size, dry_run, None, report,
    )
    if dry_run:
        return result
    command = ghp_import_command(
        site_dir, branch=branch, remote=remote, cname=cname, push=push, message=full_message
    )
    done = subprocess.run(
        command, cwd=repo, env=identity_env(repo, current_env()),
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise PublishFailed(f"ghp-import a échoué ({done.returncode}) : {done.stderr.strip()}")
    return replace(result, commit=branch_sha(repo, branch))
