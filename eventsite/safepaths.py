"""Safe names and contained paths: what every plugin uses before it reads or writes a file.

Content is untrusted: a display name, a file name or a folder name may hold spaces, quotes,
`#`, `?`, `%` or full-width characters that NFKC folds into `../`. Every name the build
writes comes from `safe_slug`, and every path read or written from content-derived data
goes through `resolve_inside`, which refuses anything outside its root (symlinks included).
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import PurePosixPath

from .filemode import new_file_mode

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
    return Inside(root).resolve(relative)


class Inside:
    """One root's paths checked as resolve_inside checks them, each folder resolved once: for a batch of
    files read or written one after the other (a folder of content, a set of calendars), never kept longer."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.base = os.path.realpath(root)
        self.folders: dict[str, str] = {}  # folder as written under the root → its real path
        self.seen: set[str] = set()  # real folders looked in once (the second look lists them)
        self.unlisted: set[str] = set()  # real folders that could not be listed: looked in name by name
        self.links: dict[str, frozenset[str]] = {}  # real folder → the names of its symbolic links (one scandir)

    def is_link(self, folder: str, name: str) -> bool:
        """Whether the subfolder FOLDER/NAME (FOLDER real) is a symbolic link: one lstat, or for a folder looked in again, one
        scandir for all its names (folders are remembered for the batch anyway; files are never: resolve lstats each)."""
        links = self.links.get(folder)
        if links is not None:
            return name in links
        if folder not in self.seen or folder in self.unlisted:  # once: an lstat costs less than a listing
            self.seen.add(folder)
            return os.path.islink(os.path.join(folder, name))
        try:
            with os.scandir(folder) as entries:  # the entry types come with the listing: no lstat each
                links = frozenset(entry.name for entry in entries if entry.is_symlink())
        except OSError:  # not there (yet): looked up name by name, as islink says of a missing path
            self.unlisted.add(folder)
            return os.path.islink(os.path.join(folder, name))
        self.links[folder] = links
        return name in links

    def resolve(self, relative: str | os.PathLike[str]) -> str:
        """ROOT/RELATIVE fully resolved (symlinks followed); PathOutside unless it lies inside ROOT."""
        base, text = self.base, os.fspath(relative)
        if not text or os.path.isabs(text) or (os.name == "nt" and os.path.splitdrive(text)[0]):
            raise PathOutside(f"« {text} » n'est pas un chemin relatif à {base}")
        folder, name = os.path.split(text)
        if name in ("", ".", ".."):  # not a name: realpath reads the whole path
            target = os.path.realpath(os.path.join(base, text))
        else:
            target = os.path.join(self.real_folder(folder), name)
            if os.path.islink(target):  # the file itself is checked each time, never remembered: it may be swapped for a link
                target = os.path.realpath(target)
        if os.path.commonpath([base, target]) != base or target == base:
            raise PathOutside(f"« {text} » sort du dossier {base}")
        return target

    def real_folder(self, folder: str) -> str:
        """The real path of ROOT/FOLDER, from its parent's (one lstat a new folder, not one per component of the whole path)."""
        known = self.folders.get(folder)
        if known is not None:
            return known
        parent, name = os.path.split(folder)
        if not folder:
            real = self.base
        elif not name or name in (".", "..") or parent == folder:  # "a/", "..", an absolute root: realpath decides
            real = os.path.realpath(os.path.join(self.base, folder))
        else:
            real_parent = self.real_folder(parent)
            joined = os.path.join(real_parent, name)
            real = os.path.realpath(joined) if self.is_link(real_parent, name) else joined
        self.folders[folder] = real
        return real

    def write(self, relative: str, data: bytes) -> None:
        """Write DATA at ROOT/RELATIVE, creating folders; PathOutside unless it lies inside ROOT.

        A file that already holds exactly DATA (a build into the previous site) only has its
        times set to now, as writing would set them: creating or truncating a file costs far more
        than reading it (1.5 ms against 0.03 ms here), and the build's recycling keeps a file
        whose change time moved (eventsite/recycling.py).
        """
        target = self.resolve(relative)
        if holds(target, data):
            os.utime(target)
            return
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)


def holds(path: str, data: bytes) -> bool:
    """Whether PATH is a regular file of one name, with a new file's mode, that holds exactly DATA."""
    try:
        found = os.lstat(path)
        if not stat.S_ISREG(found.st_mode) or found.st_nlink != 1 or found.st_size != len(data):
            return False
        if stat.S_IMODE(found.st_mode) != new_file_mode():
            return False
        with open(path, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def write_inside(root: str | os.PathLike[str], relative: str, data: bytes) -> None:
    """Write DATA at ROOT/RELATIVE, creating folders; raise PathOutside unless it lies inside ROOT."""
    Inside(root).write(relative, data)


def is_hidden(relative: str | os.PathLike[str]) -> bool:
    """Return True when a part of the path is a dot-file or dot-folder (.env, .git, .DS_Store…)."""
    parts = PurePosixPath(os.fspath(relative).replace(os.sep, "/")).parts
    return any(part.startswith(".") and part not in (".", "..") for part in parts)


def real_file(path: str, folders: dict[str, str]) -> str:
    """os.path.realpath(PATH), its folder's resolved once in FOLDERS (folder → realpath): one lstat a file, not one a folder of its path."""
    folder, name = os.path.split(path)
    if name in ("", ".", ".."):
        return os.path.realpath(path)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    found = os.path.join(folders[folder], name)
    return os.path.realpath(found) if os.path.islink(found) else found
