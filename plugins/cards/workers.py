"""Worker processes that draw social cards in parallel, before the pages are written."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any


class CardWorkers:
    """A pool of drawing processes for one build phase: cards handed over, waited for, then the pool stopped."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=context)
        self.pending: dict[str, Future[float]] = {}  # cache file → its drawing (giving its CPU seconds)

    def drawing(self, cached: str) -> bool:
        """True if the card CACHED was handed to a worker."""
        return cached in self.pending

    def submit(self, draw: Callable[..., float], cached: str, *arguments: Any) -> None:
        """Hand the drawing of CACHED to a worker."""
        self.pending[cached] = self.pool.submit(draw, cached, *arguments)

    def finish(self) -> float:
        """Wait for every drawing (a failed one raises its error) and stop the workers; return their CPU seconds."""
        try:
            return sum(future.result() for future in self.pending.values())
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def cancel(self) -> None:
        """Stop the workers without waiting for what they were drawing (a build that failed)."""
        self.pool.shutdown(wait=False, cancel_futures=True)
