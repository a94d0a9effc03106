"""Typeset pages kept by content across builds: one pack file per build in CACHE_PATH/typography/.

An entry's key is the sha256 of the written page's bytes, the plugin's code and the settings that
shape the result, so a page, a rule or a setting that changes is typeset again: no entry is ever
stale. An entry holds the bytes to write over the page, or nothing when typesetting leaves the
page as it is.

A build appends every entry it uses (found in the last build's pack, or typeset now) to its own
pack, ``.pack-<pid>.part``: one file for the whole build instead of one new file per page, which
on a cold build of thousands of pages cost more than the typesetting itself. When the build ends,
the part is renamed ``pack-<ns>-<pid>.bin`` (only finished packs are read) and every older pack,
part, stray temporary file and marker is deleted: the cache holds no more than the last build's
pages. Each record carries its key, its length and a digest of its bytes: a record that does not
check out ends the reading of its pack, and its pages are typeset again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from typing import BinaryIO

from eventsite.atomicfile import TEMPORARY_PREFIX
from eventsite.packstore import (PACK_PREFIX, PACK_SUFFIX, PART_SUFFIX, Location, Stamp, finished_packs, index_of,
                                 part_path, read_from, record)

from .settings import TypographySettings

logger = logging.getLogger(__name__)

ENTRY_SUFFIX = ".html"  # the entries of the cache's first layout (one file per page): pruned like any old entry
MARKER_PREFIX = ".build-"
CODE_FOLDER = os.path.dirname(os.path.abspath(__file__))


@functools.lru_cache(maxsize=4)
def _digest_of_files(stamps: tuple[tuple[str, int, int], ...]) -> str:
    """The sha256 of the files of STAMPS ((path, size, mtime_ns), in order), read once per stamp."""
    digest = hashlib.sha256()
    for path, _size, _mtime in stamps:
        with open(path, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """The sha256 of the plugin's Python files: a change of a rule or of the tokenizer typesets every page again.

    Computed once per process: the code a process runs cannot change under it (the preview's build
    worker is restarted when a plugin file changes), so no page pays for scanning the folder.
    """
    stamps = []
    with os.scandir(CODE_FOLDER) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                found = entry.stat()
                stamps.append((entry.path, found.st_size, found.st_mtime_ns))
    return _digest_of_files(tuple(sorted(stamps)))


def shape(config: TypographySettings, lang: str) -> str:
    """What shapes a typeset text besides the text: the plugin's code, the settings and the page's default language."""
    return json.dumps({"code": code_digest(), "langs": sorted(config.langs), "quotes": config.quotes, "lang": lang})


def page_key(page: bytes, config: TypographySettings, lang: str) -> str:
    """The cache key of a written page: its bytes, the plugin's code, the settings that shape it and its default language."""
    digest = hashlib.sha256(shape(config, lang).encode("utf-8"))
    digest.update(b"\0")
    digest.update(page)
    return digest.hexdigest()


@functools.lru_cache(maxsize=2)
def _index(stamps: tuple[Stamp, ...]) -> dict[str, Location]:
    """Key → location of every entry of the finished packs of STAMPS ((path, size, mtime_ns)), read once per stamp."""
    return index_of(stamps)


def _append(folder: str, key: str, data: bytes) -> None:
    """Append the entry KEY to this build's pack; a cache that cannot be written only costs speed."""
    _append_records(folder, record(key, data))


def _append_records(folder: str, records: bytes) -> None:
    """Append RECORDS (whole records) to this build's pack at once; a cache that cannot be written only costs speed."""
    try:
        descriptor = os.open(part_path(folder), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            os.write(descriptor, records)
        finally:
            os.close(descriptor)
    except OSError as error:
        logger.debug("typography cache not written: %s", error)


def read_entry(folder: str, key: str) -> bytes | None:
    """The bytes of the entry KEY in the last build's pack, kept for the next build too; None when there is none."""
    location = _index(finished_packs(folder)).get(key)
    if location is None:
        return None
    data = _read_at(location)
    if data is not None:
        _append(folder, key, data)
    return data


def _read_at(location: Location) -> bytes | None:
    """The bytes of the entry at LOCATION, None when they are gone or do not match their digest."""
    try:
        with open(location[0], "rb") as handle:
            return read_from(handle, location)
    except OSError:  # pruned by another build meanwhile: typeset again
        return None


class Batch:
    """The entries one page reads and writes (its pieces): each pack opened once, the entries used appended at once on close()."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.index = _index(finished_packs(folder))
        self.handles: dict[str, BinaryIO] = {}
        self.records: list[bytes] = []

    def read(self, key: str) -> bytes | None:
        """The bytes of the entry KEY in the last build's pack, kept for the next build too; None when there is none."""
        location = self.index.get(key)
        if location is None:
            return None
        try:
            handle = self.handles.get(location[0])
            if handle is None:
                handle = self.handles[location[0]] = open(location[0], "rb")
            data = read_from(handle, location)
        except OSError:  # pruned by another build meanwhile: typeset again
            return None
        if data is not None:  # appended as it was read: its digest is known
            self.records.append(record(key, data, location[3]))
        return data

    def write(self, key: str, data: bytes) -> None:
        """Keep DATA as the entry KEY, in this build's pack."""
        self.records.append(record(key, data))

    def take(self) -> list[bytes]:
        """Close the packs read and give the records of the entries used, for the build's process to append (keep_records)."""
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()
        records, self.records = self.records, []
        return records

    def close(self) -> None:
        """Close the packs read, and append the entries used to this build's pack."""
        keep_records(self.folder, self.take())


@contextlib.contextmanager
def batch(folder: str) -> Iterator[Batch]:
    """A Batch of the cache FOLDER, closed when the block ends."""
    entries = Batch(folder)
    try:
        yield entries
    finally:
        entries.close()


def keep_records(folder: str, records: list[bytes]) -> None:
    """Append RECORDS (Batch.take's, maybe from a worker process) to this build's pack."""
    if records:
        _append_records(folder, b"".join(records))


def write_entry(folder: str, key: str, data: bytes) -> None:
    """Keep DATA as the entry KEY, in this build's pack."""
    _append(folder, key, data)


def entries(folder: str) -> dict[str, bytes]:
    """Every entry of the finished packs of FOLDER, by key (the last written wins)."""
    found = {}
    for key, location in _index(finished_packs(folder)).items():
        data = _read_at(location)
        if data is not None:
            found[key] = data
    return found


def marker_path(folder: str) -> str:
    """The start marker of this process's build in FOLDER."""
    return os.path.join(folder, f"{MARKER_PREFIX}{os.getpid()}")


def mark_build_start(folder: str) -> None:
    """Note the start of a build in FOLDER: what it does not use before it ends will be pruned."""
    os.makedirs(folder, exist_ok=True)
    try:
        os.unlink(part_path(folder))  # left by an earlier build of this process that did not end
    except FileNotFoundError:
        pass
    marker = marker_path(folder)
    with open(marker, "wb"):
        pass
    os.utime(marker)  # written anew by a second build of the same process (the preview)


def prune(folder: str) -> int:
    """Finish this build's pack, then delete the packs, parts, entries, temporary files and older markers not
    touched since this build's start; return how many files were deleted."""
    marker = marker_path(folder)
    try:
        started = os.stat(marker).st_mtime_ns
    except OSError:  # no build started here: nothing known to be unused
        return 0
    part = part_path(folder)
    finished = ""
    if os.path.exists(part):
        finished = os.path.join(folder, f"{PACK_PREFIX}{max(os.stat(part).st_mtime_ns, started)}-{os.getpid()}{PACK_SUFFIX}")
        os.replace(part, finished)
    removed = 0
    with os.scandir(folder) as found:
        for entry in found:
            name = entry.name
            if entry.path in (marker, finished) or not name.endswith((ENTRY_SUFFIX, PACK_SUFFIX, PART_SUFFIX)) \
                    and not name.startswith((TEMPORARY_PREFIX, MARKER_PREFIX)):
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime_ns < started:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:  # removed meanwhile by another build
                continue
    os.unlink(marker)
    return removed
