"""Commit a folder onto a branch with git's plumbing: same tree, no commit; push before the branch moves."""

from __future__ import annotations

import os
import stat
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

PUSH_TIMEOUT = 300  # seconds; an unreachable remote must not hang a publication forever


class GitFailed(Exception):
    """A git command failed; the message holds its error output."""


def _git(repo: Path, *args: str, env: Mapping[str, str] | None = None, stdin: str | None = None,
         timeout: float | None = None) -> str:
    """Run git in REPO, return its stripped output; raise GitFailed on failure."""
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True, text=True,
                              env=dict(env) if env is not None else None, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise GitFailed(f"git {args[0]} : pas de réponse après {timeout:.0f} s") from None
    if done.returncode != 0:
        raise GitFailed(done.stderr.strip() or done.stdout.strip() or f"git {args[0]} : code {done.returncode}")
    return done.stdout.strip()


def folder_tree(repo: Path, folder: Path, extra: Mapping[str, bytes]) -> str:
    """Write every file of FOLDER plus EXTRA (name → content) as git objects; return the tree's sha.

    Bytes are stored as they are: no .gitignore, no .gitattributes filter, no line-ending change.
    """
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    blobs = _git(repo, "hash-object", "-w", "--no-filters", "--stdin-paths",
                 stdin="".join(f"{p}\n" for p in files)).split() if files else []
    entries = {
        p.relative_to(folder).as_posix(): (0o100755 if os.stat(p).st_mode & stat.S_IXUSR else 0o100644, sha)
        for p, sha in zip(files, blobs)
    }
    for name, content in extra.items():
        with tempfile.NamedTemporaryFile(delete=False) as handle:
            handle.write(content)
        try:
            entries[name] = (0o100644, _git(repo, "hash-object", "-w", "--no-filters", handle.name))
        finally:
            os.unlink(handle.name)
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "GIT_INDEX_FILE": os.path.join(scratch, "index")}
        index = "".join(f"{mode:o} {sha}\t{name}\n" for name, (mode, sha) in sorted(entries.items()))
        _git(repo, "update-index", "--add", "--index-info", env=env, stdin=index)
        return _git(repo, "write-tree", env=env)


def branch_tree(repo: Path, branch: str) -> str | None:
    """Return the tree sha of a local branch's tip, or None when the branch does not exist."""
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}^{{tree}}")
    except GitFailed:
        return None


def commit(repo: Path, tree: str, parent: str | None, message: str, env: Mapping[str, str]) -> str:
    """Create a commit of TREE on PARENT (no branch moves); return its sha."""
    return _git(repo, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message, env=env)


def push(repo: Path, remote: str, sha: str, branch: str, env: Mapping[str, str]) -> None:
    """Push SHA to REMOTE's BRANCH (never forced); raise GitFailed if the remote refuses or is unreachable."""
    quiet = {**env, "GIT_TERMINAL_PROMPT": "0"}  # fail instead of waiting for a password
    _git(repo, "push", "--porcelain", remote, f"{sha}:refs/heads/{branch}", env=quiet, timeout=PUSH_TIMEOUT)


def move_branch(repo: Path, branch: str, new: str, old: str | None) -> None:
    """Point BRANCH at NEW, only if it still points at OLD (None: it must not exist yet)."""
    _git(repo, "update-ref", f"refs/heads/{branch}", new, old or "")
