"""Read-only facts about a git repository, and identity fallbacks for commits."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

FALLBACK_NAME = "Event site publisher"
FALLBACK_EMAIL = "publisher@localhost"


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `git -C repo args...` and return the finished process (never raises)."""
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )


def source_commit(repo: Path) -> str:
    """Return HEAD's sha of `repo`, suffixed with "-dirty" if the tree has changes."""
    head = git(repo, "rev-parse", "HEAD")
    sha = head.stdout.strip() if head.returncode == 0 else "sans-commit"
    dirty = git(repo, "status", "--porcelain").stdout.strip()
    return f"{sha}-dirty" if dirty else sha


def branch_sha(repo: Path, branch: str) -> str | None:
    """Return the sha a local branch points to, or None when it does not exist."""
    done = git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
    return done.stdout.strip() if done.returncode == 0 else None


def identity_env(repo: Path, env: Mapping[str, str]) -> dict[str, str]:
    """Return a copy of `env` with committer/author fallbacks when git has none."""
    result = dict(env)
    for key, fallback in (("name", FALLBACK_NAME), ("email", FALLBACK_EMAIL)):
        configured = git(repo, "config", f"user.{key}").stdout.strip()
        if not configured:
            for role in ("COMMITTER", "AUTHOR"):
                result.setdefault(f"GIT_{role}_{key.upper()}", fallback)
    return result


def current_env() -> dict[str, str]:
    """Return a copy of the process environment."""
    return dict(os.environ)
