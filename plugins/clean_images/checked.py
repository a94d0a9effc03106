"""The output files an earlier build found clean (or not an image), by path and stamp: not opened again while unchanged.

A stamp is a file's device, inode, size, modification and change times. Writing, truncating,
linking, renaming onto a file or setting its times (os.utime) changes its change time, which no
program can set back: a file with the stamp it had when it was checked holds the bytes that were
checked. Two writes within one tick of the kernel's coarse clock can leave the same stamp, so a
stamp is only recorded when the file's times are at least RACY_NS (eventsite/stamprecord.py) older than the moment the
check began (git's « racily clean » rule); a new, changed or racy file is always opened.

The build writes into a staging folder that is new or the site of the build before the last
(eventsite/staging.py): each path keeps the stamps of the last two folders that held it, and only
the paths of the current output are kept. The record (CACHE_PATH/RECORD_FILE, written atomically)
is only a shortcut: a missing, corrupt or other-version record means every file is opened.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from eventsite.atomicfile import write_bytes
from eventsite.stamprecord import settled

logger = logging.getLogger(__name__)

RECORD_FILE = "clean-images-checked.json"
VERSION = 1
KEPT_STAMPS = 2  # per path: the staging folder alternates between two sites

Stamp = str  # "device:inode:size:mtime_ns:ctime_ns"


def stamp_of(found: os.stat_result) -> Stamp:
    """What tells a file changed, from its lstat: device, inode, size, modification and change times."""
    return f"{found.st_dev}:{found.st_ino}:{found.st_size}:{found.st_mtime_ns}:{found.st_ctime_ns}"


def read_record(path: Path) -> dict[str, list[Stamp]]:
    """The stamps recorded in PATH by relative path; empty when it is missing, unreadable or of another version."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) and data.get("version") == VERSION else None
    if not isinstance(files, dict):
        return {}
    if not all(isinstance(stamps, list) and all(isinstance(s, str) for s in stamps) for stamps in files.values()):
        return {}
    return files


@dataclass
class CheckedFiles:
    """The stamps of the files found clean by earlier builds, and those of this build's check, by relative path."""

    path: Path | None  # None: nothing read or kept (every file is opened)
    moment_ns: int  # when this build's check began: stamps are recorded against it
    earlier: dict[str, list[Stamp]] = field(default_factory=dict)
    now: dict[str, list[Stamp]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None, moment_ns: int | None = None) -> CheckedFiles:
        """The record at PATH (None: no record), for a check beginning at MOMENT_NS (now by default)."""
        moment = time.time_ns() if moment_ns is None else moment_ns  # before any file is looked at
        return cls(path, moment, read_record(path) if path is not None else {})

    def unchanged(self, relative: str, found: os.stat_result) -> bool:
        """Whether the file RELATIVE (lstat FOUND) has a stamp an earlier build recorded; if so it is carried over, first."""
        known = self.earlier.get(relative)
        if not known:
            return False
        stamp = stamp_of(found)
        if stamp == known[0]:
            self.now[relative] = known
        elif stamp in known:
            self.now[relative] = [stamp, *(other for other in known if other != stamp)][:KEPT_STAMPS]
        else:
            return False
        return True

    def opened(self, relative: str, found: os.stat_result, clean: bool) -> None:
        """Carry RELATIVE's recorded stamps over to this build; its stamp FOUND first when it was found CLEAN and is settled."""
        trusted = clean and settled(found.st_mtime_ns, found.st_ctime_ns, self.moment_ns)
        known = self.earlier.get(relative, ())
        if not known and not trusted:
            return  # most often a file this build wrote: nothing to keep
        same_file = f"{found.st_dev}:{found.st_ino}:"  # its earlier stamps are stale: it changed since
        stamps = [stamp_of(found)] if trusted else []
        stamps += [stamp for stamp in known if not stamp.startswith(same_file)]
        if stamps:
            self.now[relative] = stamps[:KEPT_STAMPS]

    def save(self) -> None:
        """Write this build's record when it differs from the one read (a record not written only costs speed)."""
        if self.path is None or self.now == self.earlier:
            return
        body = json.dumps({"version": VERSION, "files": self.now}, separators=(",", ":"), sort_keys=True)
        try:
            write_bytes(self.path, body.encode("utf-8"))
        except OSError as error:
            logger.debug("clean_images: record of the checked files not written: %s", error)
