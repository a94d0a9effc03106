"""Worker processes that work alongside the build's own process while the content is read or the pages are written.

Used by the cards plugin (drawing social cards), the typography plugin (typesetting written
pages) and the event plugin (scanning every Markdown file for placeholders while the content is
read, in a cold build). A worker never outlives its build: the build stops the pool when it ends or fails, and a
worker whose build process died (killed, with no chance to stop it) exits by itself once the job
it is running, if any, is whole (a job writes its files whole). Interrupting the build (Ctrl-C)
is the build's to handle: the workers ignore it and are stopped by it.
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

# Held by a worker while it runs a job: the watch never ends the process in between.
# One per worker process (each has its own copy); the build's process never takes it.
WORKING = threading.Lock()


def watch_parent(parent: int) -> None:
    """End this worker, between two jobs, once the process PARENT is gone (its build was killed)."""
    event = threading.Event()
    while not event.wait(PARENT_CHECK_SECONDS):
        if os.getppid() != parent:
            with WORKING:
                os._exit(0)


def start_worker(parent: int) -> None:
    """Set up a worker process: Ctrl-C left to the build, and the watch on the build's process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=watch_parent, args=(parent,), name="build-parent-watch", daemon=True).start()


def run_jobs(jobs: list[tuple[Any, ...]]) -> list[Any]:
    """Run each job (a function, then its arguments) in a worker, none cut short by the watch; return their results."""
    results = []
    for job, *arguments in jobs:
        with WORKING:
            results.append(job(*arguments))
    return results


class BuildWorkers:
    """A pool of worker processes for one build: jobs handed over in batches, then waited for or cancelled, and the pool stopped.

    A batch is one exchange with a worker (a few jobs: handing social cards over one by one cost
    the build's process about 0.1 ms a card); a batch begun ends whole when the pool is cancelled.
    """

    def __init__(self, count: int, batch: int = 1) -> None:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=context,
                                        initializer=start_worker, initargs=(os.getpid(),))
        self.batch = batch
        self.waiting: list[tuple[Any, ...]] = []  # jobs not handed over yet: (function, arguments...)
        self.handed: list[Future[list[Any]]] = []  # each batch's results

    def submit(self, job: Callable[..., Any], *arguments: Any) -> None:
        """Hand JOB(*ARGUMENTS) to a worker (with the next jobs, once a batch is full or at flush())."""
        self.waiting.append((job, *arguments))
        if len(self.waiting) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Hand over the jobs still waiting for their batch to fill."""
        if self.waiting:
            self.handed.append(self.pool.submit(run_jobs, self.waiting))
            self.waiting = []

    def finish(self) -> list[Any]:
        """Wait for every job (a failed one raises its error) and stop the workers; return their results, in order."""
        try:
            self.flush()
            return [result for future in self.handed for result in future.result()]
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the workers at once: batches not begun are dropped, those begun end whole (a few jobs each)."""
        self.waiting = []
        self.pool.shutdown(wait=True, cancel_futures=True)
