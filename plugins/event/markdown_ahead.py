"""Markdown bodies converted ahead by a worker process while the build reads the files.

A cold build reads every file in one process, and Markdown is a third of that time: the second
core waits. When the event generator is made (before any generator reads), it gives a worker the
Markdown files Pelican's content cache will not serve (at least AHEAD_FROM of them): the news,
the pages, then the event files, in the order their readers read them. The worker converts them
with a copy of the event generator's Markdown reader (forked: the same settings and extensions),
about twice as fast as a reader reads, so it stays ahead; a file the reader has passed is skipped.
The news and pages readers are Pelican's generators': they get the worker through the context
(MARKDOWN_AHEAD_KEY) when they start reading (lend_read_ahead). The reader takes a body from the
worker only when the worker read the very same text; a conversion that logged anything, or failed,
is left to the reader, so warnings and errors are told as they always are. Nothing is written by
the worker.

A thread of the build's process receives the worker's results as they come, BATCH at a time (one
by one when the worker is close to the reader): read only when the reader asked for a body, the
pipe filled up and the worker waited on it.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

# The documented context key (docs/architecture.md) holding the build's MarkdownAhead while the files are read.
MARKDOWN_AHEAD_KEY = "markdown_ahead"
AHEAD_FROM = 200  # fewer files to read than this: the worker is not worth its start
BATCH = 32  # results sent at once: one message a file woke the build's receiving thread 2,000 times
CLOSE = 8  # files between the worker and the reader under which each result is sent at once

Converted = tuple[str, dict[str, Any]]  # the body's HTML and Markdown's raw metadata (md.Meta)
Convert = Callable[[str], tuple[str, Converted]]  # path → (its text, its conversion)


def text_digest(text: str) -> str:
    """What the reader and the worker compare: the digest of the Markdown text each read."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class _Quiet(logging.Handler):
    """The worker's only log handler: notes that something was logged, prints nothing."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _work(paths: Sequence[str], convert: Convert, results: Connection, position: Any, parent: int) -> None:
    """In the worker: convert PATHS in order, skipping those below the build reader's POSITION, sending the results BATCH at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    quiet = _Quiet()
    logging.getLogger().handlers = [quiet]
    batch: list[tuple[str, str, Converted]] = []
    try:
        index = 0
        while index < len(paths) and os.getppid() == parent:
            if index < position.value:  # the reader has passed it: ahead of the reader again
                index = position.value + 1
                continue
            path, index = paths[index], index + 1
            logged = quiet.count
            try:
                text, converted = convert(path)
            except Exception:  # the reader will convert it, and report the error
                continue
            if quiet.count == logged:
                batch.append((path, text_digest(text), converted))
            if len(batch) >= BATCH or index - position.value < CLOSE:  # close to the reader: no result held back
                results.send(batch)
                batch = []
        if batch:
            results.send(batch)
    finally:
        results.close()


class MarkdownAhead:
    """One worker converting PATHS in the order the readers will read them, ahead of them; a reader takes what it has done."""

    def __init__(self, paths: Sequence[str], convert: Convert) -> None:
        context = multiprocessing.get_context("fork")
        self.order = {path: index for index, path in enumerate(paths)}
        self.position = context.Value("i", 0, lock=False)  # the index of the next file the reader reads
        self.ready: dict[str, tuple[str, Converted]] = {}  # filled by the receiving thread, emptied by take()
        self.taken = 0
        receiving, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_work, args=(list(paths), convert, sending, self.position, os.getpid()),
                                       name="markdown-ahead", daemon=True)
        self.process.start()
        sending.close()
        self.receiver = threading.Thread(target=self._receive, args=(receiving,), name="markdown-ahead-results", daemon=True)
        self.receiver.start()

    def take(self, path: str, text: str) -> Converted | None:
        """The worker's conversion of PATH when it read the same TEXT, else None (the reader converts it)."""
        index = self.order.get(path)
        if index is not None and index >= self.position.value:
            self.position.value = index + 1  # the worker skips what the reader has read
        found = self.ready.pop(path, None)
        if found is None or found[0] != text_digest(text):
            return None
        self.taken += 1
        return found[1]

    def _receive(self, results: Connection) -> None:
        """In the receiving thread: keep each result the worker sends, until it is done (its end of RESULTS closed)."""
        try:
            while True:
                for path, digest, converted in results.recv():
                    self.ready[path] = (digest, converted)
        except (EOFError, OSError):  # the worker is done
            pass
        finally:
            results.close()

    def received(self, timeout: float | None = None) -> bool:
        """Wait until the worker is done and every result it sent is kept (at most TIMEOUT seconds); return whether it is."""
        self.process.join(timeout)
        self.receiver.join(timeout)
        return not self.receiver.is_alive()

    def stop(self) -> None:
        """Stop the worker (it is done, or stops before its next file) and free what it left."""
        self.position.value = len(self.order)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self.receiver.join()  # the worker's end is closed: the thread reads to the end and stops
        self.ready.clear()


def worth_ahead(paths: Sequence[str]) -> bool:
    """Whether PATHS are enough to be worth a worker (at least AHEAD_FROM), and processes can be forked beside this one."""
    return len(paths) >= AHEAD_FROM and os.name == "posix" and (os.cpu_count() or 1) >= 2


def start_ahead(paths: Sequence[str], convert: Convert) -> MarkdownAhead | None:
    """A MarkdownAhead for PATHS when they are worth it (worth_ahead), else None."""
    return MarkdownAhead(paths, convert) if worth_ahead(paths) else None


def lend_read_ahead(generator: Any) -> None:
    """article_generator_preread and page_generator_preread handler: Pelican's reader of the news or pages takes the worker's bodies too."""
    ahead = generator.context.get(MARKDOWN_AHEAD_KEY)
    for reader in generator.readers.readers.values():
        if getattr(reader, "ahead", ahead) is not ahead:
            reader.ahead = ahead


def take_back_read_ahead(generator: Any) -> None:
    """article_generator_finalized and page_generator_finalized handler: its readers are done with the worker."""
    for reader in generator.readers.readers.values():
        if getattr(reader, "ahead", None) is not None:
            reader.ahead = None
