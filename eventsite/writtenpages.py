"""Which render each page file of the last two builds holds: a page still current is left in place, not written again.

A build writes into the site of the build before the last (eventsite/staging.py: the spare). A
page file there already holds the page a render key gives when the file is exactly as a build
left it after writing that page: same device, inode, size and ctime. Writing, truncating,
linking or renaming onto a file changes its ctime, and no program can set a ctime back
(eventsite/recycling.py relies on the same), so a recorded file found unchanged still holds
what was written, typeset included. The record, CACHE_PATH/renders/written-<sha256 of the
output path>.json, keeps the files of the last two builds: the current site's and the
spare's, and what the render of each of their keys logged (only the keys that logged anything), so
that a page left in place tells its warnings again without opening its render's entry. A missing,
damaged or foreign record only costs speed: every page is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .atomicfile import write_bytes

RECORD_PREFIX = "written-"
GENERATIONS = 2  # the served site and the spare the next build writes into
VERSION = 2  # records with the warnings logged by each key's render
# A file's identity and last change: "device:inode:size:ctime_ns".
Identity = str
# A logged message (eventsite.rendermemo records and tells them again): logger name, level, text, whether the content problem channel already holds it.
Logged = tuple[str, int, str, bool]


def identity_of(path: str) -> Identity | None:
    """PATH's identity when it is a regular file (links not followed), else None."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return f"{found.st_dev}:{found.st_ino}:{found.st_size}:{found.st_ctime_ns}"


def written_record(folder: Path, output: Path) -> Path:
    """Where the page files written for the site OUTPUT are recorded: FOLDER/written-<sha256 of OUTPUT>.json."""
    digest = hashlib.sha256(str(Path(output).resolve()).encode("utf-8")).hexdigest()
    return Path(folder) / f"{RECORD_PREFIX}{digest}.json"


@dataclass
class WrittenPages:
    """The page files of earlier builds (identity → render key) and those of this build, recorded as it writes them."""

    earlier: dict[Identity, str] = field(default_factory=dict)
    generations: list[dict[Identity, str]] = field(default_factory=list)
    now: dict[str, str] = field(default_factory=dict)  # path → key of this build's page files (their identity taken at save)
    doubled: set[str] = field(default_factory=set)  # paths written twice in this build: not recorded
    # Key → what its render logged, for the keys of the record that logged anything; None: a record without them.
    logged: dict[str, list[Logged]] | None = None
    told: dict[str, list[Logged]] = field(default_factory=dict)  # key → what its render logged, for this build's pages

    @classmethod
    def read(cls, path: Path) -> WrittenPages:
        """The record at PATH; empty when it is missing or damaged."""
        logged: dict[str, list[Logged]] | None = None
        try:
            record = json.loads(Path(path).read_text(encoding="utf-8"))
            generations = [{str(k): str(v) for k, v in g.items()} for g in record["generations"][:GENERATIONS]]
            if record.get("version") == VERSION:
                logged = {str(key): [(str(n), int(lv), str(t), bool(m)) for n, lv, t, m in told]
                          for key, told in record["logged"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            generations, logged = [], None
        earlier: dict[Identity, str] = {}
        for generation in reversed(generations):
            earlier.update(generation)
        return cls(earlier=earlier, generations=generations, logged=logged)

    def logged_by(self, key: str) -> list[Logged] | None:
        """What the render of KEY logged, as recorded; None when the record does not say (read the render's entry)."""
        return None if self.logged is None else self.logged.get(key, [])

    def holds_any(self) -> bool:
        """Whether an earlier build recorded any page file (else holds() is false for every page: a cold build)."""
        return bool(self.earlier)

    def holds(self, path: str, key: str) -> bool:
        """Whether the file PATH is, untouched, the page an earlier build wrote for KEY."""
        if not self.earlier:  # a cold build: no file to look at
            return False
        if path in self.now or path in self.doubled:  # written earlier in this build: its identity changed
            return False
        found = identity_of(path)
        return found is not None and self.earlier.get(found) == key

    def note(self, path: str, key: str, logged: list[Logged]) -> None:
        """Record that PATH holds the page of KEY, whose render LOGGED this; the file's identity is taken at save(),
        once the build is done with it (typeset, maybe by another process, after this call)."""
        if logged:
            self.told[key] = list(logged)
        if path in self.now or path in self.doubled:  # two pages for one file: which one holds it is unsure
            self.now.pop(path, None)
            self.doubled.add(path)
            return
        self.now[path] = key

    def save(self, path: Path) -> None:
        """Write the record: this build's files as they are now (call once the build is done with them), then the previous
        build's; a record that cannot be written only costs speed."""
        latest = {found: key for page, key in self.now.items() if (found := identity_of(page)) is not None}
        # An older record does not say what its keys' renders logged: only this build's files are kept then.
        generations = [latest, *(self.generations[: GENERATIONS - 1] if self.logged is not None else [])]
        known = {**(self.logged or {}), **self.told}
        logged = {key: known[key] for generation in generations for key in generation.values() if key in known}
        body = json.dumps({"version": VERSION, "generations": generations, "logged": logged}, separators=(",", ":"))
        try:
            write_bytes(path, body.encode("utf-8"))
        except OSError:
            return
