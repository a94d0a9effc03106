"""Staging folders beside the output, swapped into place with no moment without a site."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from filelock import FileLock, Timeout

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h: swap both names in one step
RENAME_SWAP = 2  # macOS sys/stdio.h, the same for renamex_np
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _swap_call(first: bytes, second: bytes) -> int | None:
    """Call the C library's atomic swap of two paths; None where it has none."""
    libc = ctypes.CDLL(None, use_errno=True)
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):  # glibc 2.28 and later
        call = libc.renameat2
        call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        return int(call(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE))
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):  # macOS 10.12 and later, on APFS
        call = libc.renamex_np
        call.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        return int(call(first, second, RENAME_SWAP))
    return None


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically (renameat2 or renamex_np); False where the system cannot."""
    if os.name != "posix":
        return False
    status = _swap_call(os.fsencode(first), os.fsencode(second))
    if status is None:
        return False
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:  # a file system without an atomic swap
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def retired_name(staging: Path) -> Path:
    """Where the fallback swap parks the previous site: « .output-old-TOKEN » beside the staging folder."""
    return staging.with_name(staging.name.replace("-build-", "-old-", 1))


def spare_name(output: Path) -> Path:
    """Where the previous site waits to become the next build's staging folder: « .output-spare »."""
    return output.with_name(f".{output.name}-spare")


def keep_as_spare(retired: Path, output: Path) -> None:
    """Park the previous site RETIRED as the next build's staging folder; delete it if a spare is already there."""
    try:
        os.rename(retired, spare_name(output))  # replaces nothing but an empty folder
    except OSError:  # another build parked its own first, or a system that will not rename onto a folder
        shutil.rmtree(retired, ignore_errors=True)


def swap_into_place(built: Path, output: Path) -> None:
    """Replace OUTPUT with BUILT so that OUTPUT always exists; the previous site becomes the spare.

    Linux exchanges both folders in one step. Elsewhere the previous site is renamed away
    first; if that build is killed in between, the next build puts it back (remove_leftovers).
    Deleting the previous site (thousands of files) is left out of the build: the next build
    overwrites it in place and deletes only what it did not write (eventsite/recycling.py).
    """
    if not output.exists():
        os.replace(built, output)
    elif exchange(built, output):
        keep_as_spare(built, output)  # BUILT now holds the previous site
    else:
        retired = retired_name(built)
        os.replace(output, retired)
        os.replace(built, output)
        keep_as_spare(retired, output)


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder NEW in TARGET's place (one exchange where the system has it), then delete the folder it replaced."""
    if not target.exists():
        os.replace(new, target)
    elif exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # NEW now holds the replaced folder
    else:
        retired = new.with_name(f"{new.name}-old")
        os.replace(target, retired)
        os.replace(new, target)
        shutil.rmtree(retired, ignore_errors=True)


def _lock(output: Path, token: str) -> FileLock:
    """The lock a build holds on its staging folder for as long as it runs."""
    return FileLock(output.with_name(f".{output.name}-build-{token}.lock"))


def _release(lock: FileLock) -> None:
    """Release LOCK and delete its file (left in place where another process still holds it open)."""
    lock.release()
    with suppress(OSError):
        Path(lock.lock_file).unlink(missing_ok=True)


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
            _release(lock)
    return removed


def claim_spare(output: Path, staging: Path) -> bool:
    """Move the spare onto the new empty folder STAGING when its mode is the umask's; True if it did.

    The rename is atomic: of two builds, one takes the spare and the other keeps its empty folder.
    A spare made under another umask is deleted (its files would keep their old modes).
    """
    spare = spare_name(output)
    try:
        wanted, found = stat.S_IMODE(staging.stat().st_mode), stat.S_IMODE(os.lstat(spare).st_mode)
    except FileNotFoundError:
        return False
    if not os.path.isdir(spare) or os.path.islink(spare):
        return False
    try:
        os.rename(spare, staging)  # POSIX: replaces the empty STAGING in one step
    except OSError:  # taken by another build, or no renaming onto a folder here
        return False
    if found != wanted:
        shutil.rmtree(staging, ignore_errors=True)
        os.mkdir(staging)
        return False
    return True


@contextmanager
def staging_folder(output: Path, *, reuse_spare: bool = True) -> Iterator[Path]:
    """Yield a folder beside OUTPUT (mode from the umask), locked, removed on the way out.

    With REUSE_SPARE it is the previous site when one was parked (claim_spare): the build must then
    delete the files it did not write (eventsite/recycling.py); otherwise it is a new empty folder.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    token = secrets.token_hex(6)
    lock = _lock(output, token)
    lock.acquire(timeout=10)  # taken before the folder exists: no cleaner can take it for a leftover
    staging = output.with_name(f".{output.name}-build-{token}")
    try:
        os.mkdir(staging)  # 0o777 minus the umask, unlike tempfile.mkdtemp's 0o700
        if reuse_spare:
            claim_spare(output, staging)
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        _release(lock)
