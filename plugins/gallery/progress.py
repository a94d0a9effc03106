"""A one-line progress bar, shown only on a terminal outside CI."""

from __future__ import annotations

import os
import sys
from typing import TextIO


def wanted(stream: TextIO | None = None) -> bool:
    """Return True when stderr is a terminal and CI is not set."""
    stream = stream or sys.stderr
    return bool(stream.isatty()) and not os.environ.get("CI")


class Progress:
    """Counts finished items and redraws one line on stderr."""

    def __init__(self, label: str, total: int, enabled: bool) -> None:
        """Prepare a bar for total items."""
        self.label, self.total, self.enabled, self.done = label, total, enabled, 0

    def step(self) -> None:
        """Count one finished item and redraw."""
        self.done += 1
        if self.enabled and self.total:
            filled = 30 * self.done // self.total
            bar = "#" * filled + "-" * (30 - filled)
            sys.stderr.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        """End the line."""
        if self.enabled and self.total:
            sys.stderr.write("\n")
            sys.stderr.flush()
