"""Results computed from one file each, kept in the cache with the file's stamp and reused while it is unchanged.

A file's stamp is (device, inode, size, mtime_ns, ctime_ns): no program can set ctime back, so a
changed file never keeps its stamp, except within one tick of the kernel's coarse clock, where
two writes can leave the same stamp. As git's index does ("racily clean"), a result is reused
only when the file's mtime and ctime were at least RACY_NS older than the moment its stamp was
recorded; a file edited just before or during a build is always read again.

A record is one JSON file in CACHE_PATH/stamps, written at once (eventsite/atomicfile.py), with
the version of the code that computed its results: a missing, damaged or other-version record
is an empty one (everything is computed again). Each build records only the files it met, so
the record stays the size of the site.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from .atomicfile import write_bytes

RECORD_FORMAT = 1
STAMPS_FOLDER = "stamps"
RACY_NS = 2_000_000_000  # a stamp is trusted for files this much older than the moment it was recorded

Result = TypeVar("Result")


def as_is(value: Any) -> Any:
    """VALUE itself (a result kept as it is computed)."""
    return value


def stamp_of(found: os.stat_result) -> list[int]:
    """What tells a file changed, from its stat: device, inode, size, modification and change times."""
    return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]


def settled(mtime_ns: int, ctime_ns: int, moment_ns: int) -> bool:
    """Whether a file with these times may be trusted by a stamp recorded at MOMENT_NS: both at least RACY_NS older."""
    return max(mtime_ns, ctime_ns) < moment_ns - RACY_NS


def code_version(modules: Iterable[ModuleType], parameters: Any = None) -> str:
    """The version of a computation: the sha256 of its MODULES' source files and of its JSON-ready PARAMETERS."""
    digest = hashlib.sha256(json.dumps([RECORD_FORMAT, parameters], sort_keys=True, default=str).encode("utf-8"))
    for module in modules:
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def record_file(cache: str | os.PathLike[str], kind: str, root: str | os.PathLike[str]) -> Path:
    """Where the record of KIND for the files under ROOT is kept in the CACHE folder (named by ROOT's path)."""
    name = hashlib.sha256(os.fsencode(Path(root).resolve())).hexdigest()[:24]
    return Path(cache) / STAMPS_FOLDER / f"{kind}-{name}.json"


class StampRecord:
    """The results of one build's files, with those of the recorded build it may reuse (one build owns it)."""

    def __init__(self, path: Path | None, version: str) -> None:
        self.path = path
        self.version = version
        self.taken = time.time_ns()  # before any stamp of this build is taken
        self.previous: dict[str, list[Any]] = {}
        self.recorded = 0  # when the previous stamps were taken (ns): files changed since, or just before, are read again
        self.current: dict[str, list[Any]] = {}
        self.fresh = 0  # results computed again by this build (the others were reused)
        if path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            data = json.loads(path.read_bytes())
            if data["version"] != self.version:
                return
            entries, taken = data["entries"], data["taken"]
            if not isinstance(entries, dict) or not isinstance(taken, int):
                return
        except (OSError, ValueError, KeyError, TypeError):
            return
        self.previous, self.recorded = entries, taken

    def recall(self, key: str, stamp: list[int]) -> Any | None:
        """The result recorded for KEY when its file still has STAMP and was not racy when recorded, else None."""
        known = self.previous.get(key)
        if not isinstance(known, list) or len(known) != 2 or known[0] != stamp:
            return None
        if not settled(stamp[3], stamp[4], self.recorded):
            return None
        self.current[key] = known
        return known[1]

    def note(self, key: str, stamp: list[int], result: Any) -> None:
        """Record RESULT (JSON-ready), computed from KEY's file when it had STAMP (taken before reading it)."""
        self.current[key] = [stamp, result]
        self.fresh += 1

    def computed(self, key: str, stamp: list[int], compute: Callable[[], Result],
                 encode: Callable[[Result], Any] = as_is, decode: Callable[[Any], Result] = as_is) -> Result:
        """KEY's result: the recorded one (DECODE of it) when its file still has STAMP, else COMPUTE's, noted (ENCODE of it).

        STAMP is taken before the file is read. A recorded result DECODE refuses (TypeError, ValueError) is computed again.
        """
        known = self.recall(key, stamp)
        if known is not None:
            try:
                return decode(known)
            except (TypeError, ValueError):
                pass  # a damaged entry: computed again
        result = compute()
        self.note(key, stamp, encode(result))
        return result

    def save(self) -> None:
        """Write the results of this build's files (those of files it did not meet are dropped); never fails a build."""
        if self.path is None or (not self.fresh and self.current.keys() == self.previous.keys()):
            return
        data = {"version": self.version, "taken": self.taken, "entries": self.current}
        try:
            write_bytes(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written: the next build computes everything again


def stamp_record(settings: Mapping[str, Any], kind: str, root: str | os.PathLike[str], version: str) -> StampRecord:
    """The record of KIND for the files under ROOT, in SETTINGS' CACHE_PATH (none kept when it has no CACHE_PATH)."""
    cache = settings.get("CACHE_PATH")
    return StampRecord(record_file(cache, kind, root) if cache else None, version)
