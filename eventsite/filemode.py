"""The permission bits the umask gives a new file."""

from __future__ import annotations

import os


def new_file_mode() -> int:
    """Return the mode the umask gives a new file (0o644 under umask 022)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
