"""Fixtures: a source repository with a commit, and a bare `origin` made by the test."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest


def run_git(repo: Path, *args: str, check: bool = True) -> str:
    """Run git in `repo` and return its stripped output (fails on error if `check`)."""
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=check
    )
    return done.stdout.strip()


def remote_sha(bare: Path, branch: str) -> str | None:
    """Return the sha of `branch` in a bare repository, or None."""
    done = subprocess.run(
        ["git", "-C", str(bare), "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
        capture_output=True, text=True, check=False,
    )
    return done.stdout.strip() or None


@dataclass(frozen=True)
class Repos:
    """A source repository and its bare `origin`."""

    source: Path
    bare: Path


def make_repos(base: Path) -> Repos:
    """Create a source repo with one commit and a bare origin (file:// URL)."""
    bare, source = base / "origin.git", base / "source"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(source)], check=True)
    (source / "README.md").write_text("# Séminaire\n", encoding="utf-8")
    run_git(source, "add", "README.md")
    run_git(source, "-c", "user.name=Test", "-c", "user.email=t@example.invalid",
            "commit", "-q", "-m", "Initial")
    run_git(source, "remote", "add", "origin", bare.resolve().as_uri())
    return Repos(source, bare)


@pytest.fixture
def repos(tmp_path: Path) -> Repos:
    """A fresh source repository and bare origin for one test."""
    return make_repos(tmp_path / "git")
