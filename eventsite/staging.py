"""Staging folders beside the output, swapped into place with no moment without a site."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h: swap both names in one step
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # a C library older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:  # a file system without RENAME_EXCHANGE
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def retired_name(staging: Path) -> Path:
    """Where the fallback swap parks the previous site: « .output-old-TOKEN » beside the staging folder."""
    return staging.with_name(staging.name.replace("-build-", "-old-", 1))


def swap_into_place(built: Path, output: Path) -> None:
    """Replace OUTPUT with BUILT so that OUTPUT always exists; then delete the previous site.

    Linux exchanges both folders in one step. Elsewhere the previous site is renamed away
    first; if that build is killed in between, the next build puts it back (remove_leftovers).
    """
    if not output.exists():
        os.replace(built, output)
    elif exchange(built, output):
        shutil.rmtree(built, ignore_errors=True)  # BUILT now holds the previous site
    else:
        retired = retired_name(built)
        os.replace(output, retired)
        os.replace(built, output)
        shutil.rmtree(retired, ignore_errors=True)


def _lock(output: Path, token: str) -> FileLock:
    """The lock a build holds on its staging folder for as long as it runs."""
    return FileLock(output.with_name(f".{output.name}-build-{token}.lock"))


def remove_leftovers(output: Path) -> list[str]:
    """Delete the staging folders of builds that were killed; return their names.

    A folder whose build still runs is left alone (its lock is held). A previous site
    parked by a killed fallback swap is put back when OUTPUT is missing.
    """
    pattern = re.compile(rf"^\.{re.escape(output.name)}-(?:build|old)-([0-9a-f]+)(?:\.lock)?$")
    tokens = sorted({m.group(1) for p in output.parent.iterdir() if (m := pattern.match(p.name))})
    removed: list[str] = []
    for token in tokens:
        lock = _lock(output, token)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue
        try:
            old = output.with_name(f".{output.name}-old-{token}")
            if old.is_dir() and not output.exists():
                os.replace(old, output)
            for folder in (output.with_name(f".{output.name}-build-{token}"), old):
                if folder.exists():
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder.name)
        finally:
            lock.release()
            Path(lock.lock_file).unlink(missing_ok=True)
    return removed


@contextmanager
def staging_folder(output: Path) -> Iterator[Path]:
    """Yield a new empty folder beside OUTPUT (mode from the umask), locked, removed on the way out."""
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    token = secrets.token_hex(6)
    lock = _lock(output, token)
    lock.acquire(timeout=0)  # taken before the folder exists: no cleaner can take it for a leftover
    staging = output.with_name(f".{output.name}-build-{token}")
    try:
        os.mkdir(staging)  # 0o777 minus the umask, unlike tempfile.mkdtemp's 0o700
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release()
        Path(lock.lock_file).unlink(missing_ok=True)
