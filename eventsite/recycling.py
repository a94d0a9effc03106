"""Build into the previous site: note its files first, then delete those the build did not write."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from pathlib import Path

# A file's identity and its last change: (inode, ctime in ns). Writing, truncating, linking,
# renaming onto it or even setting its mtime (shutil.copy2) changes one of them; no program
# can set ctime back, so a file with the same pair was not touched.
Mark = tuple[int, int]


def entries_below(folder: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file, link and folder below FOLDER (links not followed), with its path relative to FOLDER."""
    stack = [""]
    while stack:
        relative = stack.pop()
        prefix = relative + os.sep if relative else ""  # os.path.join's result, for less
        with os.scandir(os.path.join(folder, relative)) as entries:
            for entry in entries:
                path = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                yield path, entry


def file_marks(folder: Path) -> dict[str, Mark]:
    """Every file and link below FOLDER (folders apart), by relative path, with its (inode, ctime).

    A file with other names (a hard link into the image store) is deleted first, and still marked:
    writing over it would change the store too. Its producer links it again.
    """
    marks: dict[str, Mark] = {}
    for path, entry in entries_below(folder):
        if entry.is_dir(follow_symlinks=False):
            continue
        found = entry.stat(follow_symlinks=False)
        if found.st_nlink > 1 and not entry.is_symlink():
            os.unlink(entry.path)  # still marked: its folder goes if nothing comes back into it
        marks[path] = (found.st_ino, found.st_ctime_ns)
    return marks


def remove_unwritten(folder: Path, before: dict[str, Mark], kept: Collection[str] = ()) -> list[str]:
    """Delete the files of BEFORE that are unchanged in FOLDER, but those the build KEPT (relative paths), then the folders left empty; return their paths."""
    removed: list[str] = []
    emptied: set[str] = set()
    for relative, mark in before.items():
        if relative in kept:
            continue
        path = os.path.join(folder, relative)
        try:
            found = os.lstat(path)
        except FileNotFoundError:  # a hard link deleted beforehand, or a file the build deleted itself
            emptied.add(os.path.dirname(relative))
            continue
        if (found.st_ino, found.st_ctime_ns) == mark:
            os.unlink(path)
            removed.append(relative)
            emptied.add(os.path.dirname(relative))
    for relative in sorted(emptied, key=len, reverse=True):
        while relative:
            try:
                os.rmdir(os.path.join(folder, relative))
            except OSError:  # not empty: the build wrote into it
                break
            relative = os.path.dirname(relative)
    return sorted(removed)
