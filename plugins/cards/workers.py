"""Worker processes that draw social cards while the build goes on writing pages."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any


class CardWorkers:
    """A pool of drawing processes for one build: cards handed over, and the copies waiting for them."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=context)
        self.pending: dict[str, Future[float]] = {}  # cache file → its drawing (giving its CPU seconds)
        self.copies: list[tuple[str, str]] = []  # (cache file, file in the site) to copy once drawn

    def drawing(self, cached: str) -> bool:
        """True if the card CACHED was handed to a worker during this build."""
        return cached in self.pending

    def submit(self, draw: Callable[..., float], cached: str, *arguments: Any) -> None:
        """Hand the drawing of CACHED to a worker."""
        self.pending[cached] = self.pool.submit(draw, cached, *arguments)

    def copy_when_drawn(self, cached: str, target: str) -> None:
        """Place CACHED at TARGET once its drawing is done (finish)."""
        self.copies.append((cached, target))

    def finish(self, place: Callable[[str, str], None] = shutil.copyfile) -> float:
        """Wait for every drawing (a failed one raises its error), PLACE the cards into the site, stop the workers.

        Return the CPU seconds the workers spent drawing.
        """
        try:
            cpu = sum(future.result() for future in self.pending.values())
            for cached, target in self.copies:
                os.makedirs(os.path.dirname(target), exist_ok=True)  # a rebuild may have swept it meanwhile
                place(cached, target)
            return cpu
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def cancel(self) -> None:
        """Stop the workers without waiting for what they were drawing (a build that failed)."""
        self.pool.shutdown(wait=False, cancel_futures=True)
