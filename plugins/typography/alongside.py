"""Written pages typeset by a worker process while the build writes the next ones.

Between ``event.write_started`` and ``event.pages_written`` (eventsite/phases.py), each written
page is handed to one worker process (eventsite/workers.py), in batches, once the build's own
process has typeset its first INLINE_PAGES: a preview's rebuild, which writes a few pages, never
starts a process for them. The worker typesets each page file in place and gives back the cache
records it used, which the build's process appends to its pack (plugins/typography/pagecache.py:
the pack is the build process's). Everything is typeset and its records kept before
``event.pages_written`` returns, so whatever reads the written site afterwards (the finalized
handlers, the record of written pages) reads it typeset. A plain ``pelican`` run sends neither
signal: each page is typeset as it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventsite.workers import BuildWorkers

# The documented context key (docs/architecture.md) holding the build's Alongside during the write phase.
ALONGSIDE_KEY = "typography_alongside"
INLINE_PAGES = 64  # typeset in the build's own process before a worker is started
BATCH_PAGES = 16  # pages handed to the worker at once

Records = list[bytes]  # cache records a typeset page used (pagecache.record), to append to the build's pack


@dataclass
class Alongside:
    """One build's typesetting of its written pages: the first ones here, the next ones in a worker, all done at finish()."""

    job: Callable[[str], Records]  # typesets the page file at a path in place; picklable (run in the worker)
    keep: Callable[[Records], None]  # appends records to the build's pack, in the build's process
    inline: int = INLINE_PAGES
    workers: BuildWorkers | None = None

    def typeset(self, path: str) -> None:
        """Typeset the written page PATH: here while INLINE pages are left, else in the worker."""
        if self.inline > 0:
            self.inline -= 1
            self.keep(self.job(path))
            return
        if self.workers is None:
            self.workers = BuildWorkers(1, BATCH_PAGES)
        self.workers.submit(self.job, path)

    def finish(self) -> None:
        """Wait for every page handed over (a failure raises its error), keep their records and stop the worker."""
        workers, self.workers = self.workers, None
        if workers is not None:
            self.keep([record for records in workers.finish() for record in records])  # one append for every page

    def cancel(self) -> None:
        """Stop the worker at once (a failed build): pages not begun are left as written, a page begun ends whole."""
        workers, self.workers = self.workers, None
        if workers is not None:
            workers.cancel()
