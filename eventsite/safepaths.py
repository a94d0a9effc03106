"""Safe names and contained paths: what every plugin uses before it reads or writes a file.

Content is untrusted: a display name, a file name or a folder name may hold spaces, quotes,
`#`, `?`, `%` or full-width characters that NFKC folds into `../`. Every name the build
writes comes from `safe_slug`, and every path read or written from content-derived data
goes through `resolve_inside`, which refuses anything outside its root (symlinks included).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import PurePosixPath

NOT_SLUG = re.compile(r"[^a-z0-9]+")


class PathOutside(ValueError):
    """A content-derived path that leaves the folder it must stay in."""


def safe_slug(value: str) -> str:
    """Return VALUE as an ASCII slug (a-z, 0-9, single hyphens), or "" when nothing is left.

    NFKC first (full-width `．．／` becomes `../`, then disappears), then ASCII folding
    (é → e), lower case, and every other run of characters becomes one hyphen.
    """
    text = unicodedata.normalize("NFKC", value)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return NOT_SLUG.sub("-", text.lower()).strip("-")


def resolve_inside(root: str | os.PathLike[str], relative: str | os.PathLike[str]) -> str:
    """Return ROOT/RELATIVE fully resolved (symlinks followed); raise PathOutside unless it lies inside ROOT."""
    base = os.path.realpath(root)
    text = os.fspath(relative)
    if not text or os.path.isabs(text) or (os.name == "nt" and os.path.splitdrive(text)[0]):
        raise PathOutside(f"« {text} » n'est pas un chemin relatif à {base}")
    target = os.path.realpath(os.path.join(base, text))
    if os.path.commonpath([base, target]) != base or target == base:
        raise PathOutside(f"« {text} » sort du dossier {base}")
    return target


def write_inside(root: str | os.PathLike[str], relative: str, data: bytes) -> None:
    """Write DATA at ROOT/RELATIVE, creating folders; raise PathOutside unless it lies inside ROOT."""
    target = resolve_inside(root, relative)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as handle:
        handle.write(data)


def is_hidden(relative: str | os.PathLike[str]) -> bool:
    """Return True when a part of the path is a dot-file or dot-folder (.env, .git, .DS_Store…)."""
    parts = PurePosixPath(os.fspath(relative).replace(os.sep, "/")).parts
    return any(part.startswith(".") and part not in (".", "..") for part in parts)
