"""Worker processes that draw social cards in parallel, while the pages are written.

A worker never outlives its build: the build stops the pool when it ends or fails, and a worker
whose build process died (killed, with no chance to stop it) exits by itself once the card it
is writing, if any, is whole. Interrupting the build (Ctrl-C) is the build's to handle: the
workers ignore it and are stopped by it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

# How often (seconds) a worker checks that the build that started it is still running.
PARENT_CHECK_SECONDS = 0.2

# Held by a worker while it draws and writes a card: the watch never ends the process in between.
# One per worker process (each has its own copy); the build's process never takes it.
DRAWING = threading.Lock()


def watch_parent(parent: int) -> None:
    """End this worker, between two cards, once the process PARENT is gone (its build was killed)."""
    event = threading.Event()
    while not event.wait(PARENT_CHECK_SECONDS):
        if os.getppid() != parent:
            with DRAWING:
                os._exit(0)


def start_worker(parent: int) -> None:
    """Set up a worker process: Ctrl-C left to the build, and the watch on the build's process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=watch_parent, args=(parent,), name="cards-parent-watch", daemon=True).start()


def run_drawings(jobs: list[tuple[Any, ...]]) -> float:
    """Run each job (a drawing function, then its arguments) in a worker, none cut short by the watch; return their CPU seconds."""
    seconds = 0.0
    for draw, *arguments in jobs:
        with DRAWING:
            seconds += draw(*arguments)
    return seconds


class CardWorkers:
    """A pool of drawing processes for one build: cards handed over in batches, then waited for or cancelled, and the pool stopped.

    A batch is one exchange with a worker (a few cards: handing them over one by one cost the
    build's process about 0.1 ms a card); a batch begun ends whole when the pool is cancelled.
    """

    def __init__(self, count: int, batch: int = 1) -> None:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=context,
                                        initializer=start_worker, initargs=(os.getpid(),))
        self.batch = batch
        self.waiting: list[tuple[Any, ...]] = []  # cards not handed over yet: (draw, cache file, arguments...)
        self.handed: list[Future[float]] = []  # each batch's drawing (giving its CPU seconds)

    def submit(self, draw: Callable[..., float], cached: str, *arguments: Any) -> None:
        """Hand the drawing of CACHED to a worker (with the next cards, once a batch is full or at flush())."""
        self.waiting.append((draw, cached, *arguments))
        if len(self.waiting) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Hand over the cards still waiting for their batch to fill."""
        if self.waiting:
            self.handed.append(self.pool.submit(run_drawings, self.waiting))
            self.waiting = []

    def finish(self) -> float:
        """Wait for every drawing (a failed one raises its error) and stop the workers; return their CPU seconds."""
        try:
            self.flush()
            return sum(future.result() for future in self.handed)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the workers at once: batches not begun are dropped, those begun end whole (a few cards each)."""
        self.waiting = []
        self.pool.shutdown(wait=True, cancel_futures=True)
