"""Typeset pages kept by content across builds: CACHE_PATH/typography/<sha256>.html, the unused ones pruned.

An entry's name is the sha256 of the written page's bytes, the plugin's code and the settings that
shape the result, so a page, a rule or a setting that changes is typeset again: no entry is ever
stale. An entry holds the bytes to write over the page, or nothing when typesetting leaves the
page as it is. A build marks the entries it uses (their mtime) after its start marker, and
deletes the others when it ends: the cache holds no more than the last build's pages.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os

from eventsite.atomicfile import TEMPORARY_PREFIX, write_bytes

from .settings import TypographySettings

logger = logging.getLogger(__name__)

ENTRY_SUFFIX = ".html"
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


def page_key(page: bytes, config: TypographySettings, lang: str) -> str:
    """The cache key of a written page: its bytes, the plugin's code, the settings that shape it and its default language."""
    shape = json.dumps({"code": code_digest(), "langs": sorted(config.langs), "quotes": config.quotes, "lang": lang})
    digest = hashlib.sha256(shape.encode("utf-8"))
    digest.update(b"\0")
    digest.update(page)
    return digest.hexdigest()


def entry_path(folder: str, key: str) -> str:
    """The file of the entry KEY (hex digits only: it stays inside FOLDER)."""
    return os.path.join(folder, key + ENTRY_SUFFIX)


def read_entry(path: str) -> bytes | None:
    """The bytes of the entry at PATH, marked as used by this build; None when there is none."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        os.utime(path)
    except OSError:  # missing, or pruned by another build meanwhile: typeset again
        return None
    return data


def write_entry(path: str, data: bytes) -> None:
    """Keep DATA as the entry at PATH, atomically; a cache that cannot be written only costs speed."""
    try:
        write_bytes(path, data)
    except OSError as error:
        logger.debug("typography cache not written: %s", error)


def marker_path(folder: str) -> str:
    """The start marker of this process's build in FOLDER."""
    return os.path.join(folder, f"{MARKER_PREFIX}{os.getpid()}")


def mark_build_start(folder: str) -> None:
    """Note the start of a build in FOLDER: entries it does not use before it ends will be pruned."""
    os.makedirs(folder, exist_ok=True)
    marker = marker_path(folder)
    with open(marker, "wb"):
        pass
    os.utime(marker)  # written anew by a second build of the same process (the preview)


def prune(folder: str) -> int:
    """Delete the entries, temporary files and older markers not touched since this build's start; return how many."""
    marker = marker_path(folder)
    try:
        started = os.stat(marker).st_mtime_ns
    except OSError:  # no build started here: nothing known to be unused
        return 0
    removed = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if entry.path == marker or not name.endswith(ENTRY_SUFFIX) and not name.startswith((TEMPORARY_PREFIX, MARKER_PREFIX)):
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime_ns < started:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:  # removed meanwhile by another build
                continue
    os.unlink(marker)
    return removed
