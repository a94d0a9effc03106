"""Entries kept by key across builds in one pack file per build, instead of one file per entry.

A cold build of thousands of pages spent more creating one small file per entry than computing
them. A build reads the finished packs of its folder (``pack-<ns>-<pid>.bin``), and appends every
entry it uses, found there or made now, to its own part (``.pack-<pid>.part``), which is never
read by another build. When the build ends well, the part is renamed into a finished pack and
the older packs are deleted: the folder holds what the last build used. When it does not, the
part is deleted and the older packs stay.

Each record is a header line (key, length, blake2b digest of the bytes), then the bytes. A
record that is cut short or malformed ends the reading of its pack; one whose bytes do not match
their digest is not found: either way the entry is made again. Used by the render memo
(eventsite/rendermemo.py) and the typography plugin's cache.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from typing import BinaryIO

logger = logging.getLogger(__name__)

PACK_PREFIX = "pack-"
PACK_SUFFIX = ".bin"
PART_PREFIX = ".pack-"
PART_SUFFIX = ".part"
FLUSH_BYTES = 4 * 1024 * 1024  # a part is appended to in writes of about this size

Location = tuple[str, int, int, str]  # pack file, offset of the entry's bytes, their length, their digest
Stamp = tuple[str, int, int]  # a finished pack: path, size, mtime_ns


def check_of(data: bytes) -> str:
    """The digest a record keeps of its bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def record(key: str, data: bytes, check: str | None = None) -> bytes:
    """One entry as a pack holds it: a header line (key, length, digest of the bytes, CHECK when known), then the bytes."""
    return f"{key} {len(data)} {check or check_of(data)}\n".encode("ascii") + data


def read_header(line: bytes) -> tuple[str, int, str] | None:
    """The key, length and digest of a record's header line; None when it is not one."""
    parts = line.split()
    if len(parts) != 3 or not line.endswith(b"\n") or not parts[1].isdigit():
        return None
    try:
        return parts[0].decode("ascii"), int(parts[1]), parts[2].decode("ascii")
    except UnicodeDecodeError:
        return None


def pack_index(path: str) -> dict[str, Location]:
    """Key → location of every entry of the pack at PATH, up to its first record that is cut short or malformed."""
    found: dict[str, Location] = {}
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            while handle.tell() < size:
                header = read_header(handle.readline(200))
                start = handle.tell()
                if header is None or start + header[1] > size:
                    break
                found[header[0]] = (path, start, header[1], header[2])
                handle.seek(header[1], os.SEEK_CUR)
    except OSError:  # deleted meanwhile by another build: what was read stays usable, the rest is made again
        pass
    return found


def index_of(stamps: tuple[Stamp, ...]) -> dict[str, Location]:
    """Key → location of every entry of the packs of STAMPS, the later packs' entries winning."""
    found: dict[str, Location] = {}
    for path, _size, _mtime in stamps:
        found.update(pack_index(path))
    return found


def finished_packs(folder: str) -> tuple[Stamp, ...]:
    """The (path, size, mtime_ns) of the finished packs of FOLDER, oldest first."""
    stamps = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(PACK_PREFIX) and entry.name.endswith(PACK_SUFFIX):
                    found = entry.stat(follow_symlinks=False)
                    stamps.append((entry.path, found.st_size, found.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(stamps, key=lambda stamp: (stamp[2], stamp[0])))


def part_path(folder: str) -> str:
    """The part this process's build appends to in FOLDER."""
    return os.path.join(folder, f"{PART_PREFIX}{os.getpid()}{PART_SUFFIX}")


def read_from(handle: BinaryIO, location: Location) -> bytes | None:
    """The bytes of the entry at LOCATION read from HANDLE (its pack, open), None when they do not match their digest."""
    _path, start, length, check = location
    handle.seek(start)
    data = handle.read(length)
    return data if len(data) == length and check_of(data) == check else None


class PackStore:
    """One build's entries in FOLDER: those of the finished packs readable, those it uses appended to its own part."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = os.fspath(folder)
        self.started = time.time_ns()
        self.index = index_of(finished_packs(self.folder))
        self.own: dict[str, Location] = {}  # the entries of this build's part
        self.pending: list[bytes] = []  # records not yet appended to the part
        self.pending_bytes = 0
        self.written = 0  # bytes appended to the part
        self.handles: dict[str, BinaryIO] = {}
        self.part: int | None = None  # the part's descriptor, opened at the first entry kept
        self.broken = False  # the part could not be written: the entries are not kept
        try:
            os.unlink(part_path(self.folder))  # left by an earlier build of this process that did not end well
        except OSError:
            pass

    def get(self, key: str) -> bytes | None:
        """The bytes of the entry KEY (this build's, or a finished pack's, then kept for the next build too); None when there is none."""
        if key in self.own:
            self.flush()
            return self._read(self.own[key])
        location = self.index.get(key)
        if location is None:
            return None
        data = self._read(location)
        if data is not None:
            self._append(key, data, location[3])
        return data

    def carry(self, key: str) -> bool:
        """Keep the entry KEY of a finished pack for the next build, unread (its digest is checked when it is read); False when there is none."""
        if key in self.own:
            return True
        location = self.index.get(key)
        data = self._raw(location) if location is not None else None
        if location is None or data is None:
            return False
        self._append(key, data, location[3])
        return True

    def keep(self, key: str, data: bytes) -> None:
        """Keep DATA as the entry KEY, in this build's part."""
        self._append(key, data, check_of(data))

    def _append(self, key: str, data: bytes, check: str) -> None:
        """Queue the record of KEY; its location is known once its header is counted."""
        header = f"{key} {len(data)} {check}\n".encode("ascii")
        offset = self.written + self.pending_bytes + len(header)
        self.own[key] = (part_path(self.folder), offset, len(data), check)
        self.pending.append(header + data)
        self.pending_bytes += len(header) + len(data)
        if self.pending_bytes >= FLUSH_BYTES:
            self.flush()

    def _raw(self, location: Location) -> bytes | None:
        """The bytes at LOCATION, unchecked; None when its pack is gone or is shorter."""
        try:
            handle = self.handles.get(location[0])
            if handle is None:
                handle = self.handles[location[0]] = open(location[0], "rb")
            handle.seek(location[1])
            data = handle.read(location[2])
        except OSError:  # deleted by another build meanwhile: made again
            return None
        return data if len(data) == location[2] else None

    def _read(self, location: Location) -> bytes | None:
        """The bytes at LOCATION, None when its pack is gone or they do not match their digest."""
        data = self._raw(location)
        return data if data is not None and check_of(data) == location[3] else None

    def flush(self) -> None:
        """Append the queued records to this build's part (a part that cannot be written only costs speed)."""
        if not self.pending or self.broken:
            self.pending.clear()
            self.pending_bytes = 0
            return
        data = b"".join(self.pending)
        self.pending.clear()
        self.pending_bytes = 0
        try:
            if self.part is None:
                os.makedirs(self.folder, exist_ok=True)
                self.part = os.open(part_path(self.folder), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
            view = memoryview(data)
            while view:
                view = view[os.write(self.part, view):]
            self.written += len(data)
        except OSError as error:
            logger.debug("pack not written in %s: %s", self.folder, error)
            self.broken = True
            self.own.clear()

    def close(self) -> None:
        """Append what is queued, then close the packs read and this build's part (it is opened again to keep more)."""
        self.flush()
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()
        if self.part is not None:
            os.close(self.part)
            self.part = None

    def finish(self, stray: Callable[[str], bool] = lambda name: False) -> int:
        """Make this build's part a finished pack, then delete the older packs and parts, and the files of FOLDER whose
        name is STRAY, not touched since this build started; return how many files were deleted."""
        self.close()
        mine = ""
        part = part_path(self.folder)
        if not self.broken and self.written:  # a part of this process's earlier build that failed is not this one
            mine = os.path.join(self.folder, f"{PACK_PREFIX}{time.time_ns()}-{os.getpid()}{PACK_SUFFIX}")
            try:
                os.replace(part, mine)
            except OSError:  # deleted meanwhile (a build sharing the cache took it for an old part): nothing kept
                mine = ""
        removed = 0
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return 0
        for entry in entries:
            name = entry.name
            old = name.startswith(PACK_PREFIX) and name.endswith(PACK_SUFFIX) or name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX)
            if entry.path == mine or not (old or stray(name)):
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime_ns < self.started:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:  # removed meanwhile by another build
                continue
        return removed

    def discard(self) -> None:
        """Forget this build's part (its entries may not be what their keys say); the finished packs stay."""
        self.pending.clear()
        self.pending_bytes = 0
        self.broken = True  # nothing more is kept
        self.close()
        self.own.clear()
        try:
            os.unlink(part_path(self.folder))
        except OSError:
            pass
