"""Write a file all at once: a temporary file beside it, then one rename over it.

A crash or an interrupted build never leaves half a file, a reader never sees one, and a file
that is a hard link (to the image store, to content/) is replaced, never written through. The
new file gets the mode the umask gives a new file, or the mode of the file it replaces when
asked to keep it (mkstemp alone would leave 0600, which git and a web server keep).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .filemode import new_file_mode

TEMPORARY_PREFIX = ".tmp-"


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str], *, keep_mode: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside TARGET; when the block ends without error, move it over TARGET.

    With KEEP_MODE, an existing TARGET's permission bits are kept; otherwise the umask's are used.
    On error the temporary file is removed and TARGET is left as it was.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = new_file_mode()
    if keep_mode:
        with contextlib.suppress(FileNotFoundError):
            mode = target.stat().st_mode & 0o777
    handle, name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=target.suffix, dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(target: str | os.PathLike[str], data: bytes, *, keep_mode: bool = False) -> None:
    """Write DATA to TARGET atomically, as replacing does, through the one descriptor mkstemp opens.

    Half the system calls of replacing (no second opening, no mkdir while the folder exists): a
    cold build writes thousands of cards and memo entries this way.
    """
    target = os.fspath(target)
    folder = os.path.dirname(target) or "."
    mode = new_file_mode()
    if keep_mode:
        with contextlib.suppress(FileNotFoundError):
            mode = os.stat(target).st_mode & 0o777
    try:
        handle, name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=os.path.splitext(target)[1], dir=folder)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=os.path.splitext(target)[1], dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), mode)
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
