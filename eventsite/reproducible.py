"""Fingerprint a built site so two builds can be compared byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """Return the sha256 hex digest of one file."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def tree_digest(root: Path) -> dict[str, str]:
    """Return {relative POSIX path: sha256} for every file below `root`, sorted."""
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): file_digest(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def tree_differences(first: dict[str, str], second: dict[str, str]) -> list[str]:
    """Return the paths that are missing from one tree or differ between the two."""
    return sorted(p for p in first.keys() | second.keys() if first.get(p) != second.get(p))
