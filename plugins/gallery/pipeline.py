"""Run image jobs through the cache and a process pool; report what happened."""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from . import cache, jobs, progress
from .jobs import Job, Outcome
from .model import Picture

logger = logging.getLogger(__name__)

# Only files named like our outputs are ever deleted: '<stem>-<width>.<ext>'.
OUTPUT_NAME = re.compile(r"-\d+\.(jpg|webp|png)$")


@dataclass(frozen=True)
class Report:
    """The result of one pipeline run."""

    pictures: dict[str, Picture]  # key -> Picture, successful jobs only
    processed: int
    reused: int
    failures: tuple[tuple[str, str], ...]  # (source, French message)
    seconds: float

    def summary(self, label: str) -> str:
        """Return the one-line summary of the run."""
        return (
            f"{label} : {self.processed} traitées, {self.reused} réutilisées, "
            f"{len(self.failures)} en échec, {self.seconds:.1f} s"
        )


def _execute(todo: Sequence[Job], processes: int) -> Iterator[Outcome]:
    """Yield the outcome of each job, in a pool when there is more than one."""
    if processes <= 1 or len(todo) <= 1:
        for job in todo:
            yield jobs.process(job)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(min(processes, len(todo)), maxtasksperchild=50) as pool:
        yield from pool.imap_unordered(jobs.process, todo, chunksize=1)


def _sweep(output_root: str, owned_dirs: Iterable[str], keep: set[str]) -> int:
    """Delete image files in owned_dirs that no current job produced; return the count."""
    removed = 0
    for owned in owned_dirs:
        top = os.path.join(output_root, owned)
        for folder, _dirs, files in os.walk(top):
            for name in files:
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, output_root).replace(os.sep, "/")
                stale_tmp = name.startswith(".tmp-")
                if stale_tmp or (OUTPUT_NAME.search(name) and relative not in keep):
                    os.unlink(path)
                    removed += 1
    return removed


def run(
    todo_jobs: Sequence[Job],
    *,
    output_root: str,
    manifest_path: str,
    owned_dirs: Sequence[str],
    processes: int,
    label: str = "Galerie",
) -> Report:
    """Build every job not already in the cache, delete stale outputs, log a summary."""
    start = time.perf_counter()
    manifest = cache.Manifest(manifest_path)
    pictures: dict[str, Picture] = {}
    failures: list[tuple[str, str]] = []
    prints: dict[str, str] = {}
    todo: list[Job] = []
    by_key = {job.key: job for job in todo_jobs}
    for job in todo_jobs:
        try:
            prints[job.key] = cache.fingerprint(manifest.content_digest(job.source), job.params())
        except OSError as error:
            failures.append((job.source, f"fichier illisible ({error.strerror})"))
            continue
        cached = manifest.lookup(job.key, prints[job.key], job.output_root)
        if cached is None:
            todo.append(job)
        else:
            pictures[job.key] = cached.with_alt(job.alt)
    reused = len(pictures)
    processed = 0
    notes: list[tuple[str, str]] = []
    bar = progress.Progress(label, len(todo), progress.wanted())
    for outcome in _execute(todo, processes):
        bar.step()
        job = by_key[outcome.key]
        if outcome.picture is None:
            failures.append((job.source, outcome.error))
        else:
            processed += 1
            if outcome.note:
                notes.append((job.source, outcome.note))
            pictures[job.key] = outcome.picture
            manifest.store(job.key, prints[job.key], outcome.picture, outcome.outputs)
    bar.close()
    manifest.keep_only(set(pictures), {job.source for job in todo_jobs})
    _sweep(output_root, owned_dirs, manifest.outputs())
    manifest.save()
    failures.sort()
    for source, note in sorted(notes):
        logger.info("Image convertie : %s : %s", source, note)
    for source, message in failures:
        logger.warning("Image laissée de côté : %s : %s", source, message)
    report = Report(pictures, processed, reused, tuple(failures), time.perf_counter() - start)
    logger.info(report.summary(label))
    return report

