"""Run image jobs through the cache and a process pool; report what happened."""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from filelock import FileLock, Timeout
from eventsite.safepaths import PathOutside, resolve_inside

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
    """Yield the outcome of each job, in a pool when there is more than one.

    With fewer photos than processes, each job encodes its widths in parallel threads.
    """
    if todo and len(todo) < processes:
        todo = [dataclasses.replace(job, threads=processes // len(todo)) for job in todo]
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


def store_root(manifest_path: str) -> str:
    """The image store beside a manifest: built images live here between builds."""
    return os.path.join(os.path.dirname(manifest_path) or ".", "files")


@contextmanager
def store_locked(manifest_path: str, label: str) -> Iterator[None]:
    """Hold the image store's cross-process lock: one build at a time reads, writes or sweeps it."""
    folder = os.path.dirname(manifest_path) or "."
    os.makedirs(folder, exist_ok=True)
    lock = FileLock(os.path.join(folder, "store.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        logger.info("%s : une autre construction utilise le cache des images ; attente de sa fin…", label)
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def link_outputs(store: str, site_root: str, outputs: Iterable[str], owned_dirs: Iterable[str]) -> int:
    """Hard-link (or copy) each current output from the store into the site; drop stale ones.

    The site may be a fresh folder each build (atomic builds): linking costs no image work.
    A link already in place is made again: a build into the previous site deletes every file
    it did not write (eventsite/recycling.py), and linking anew is what marks it as written.
    """
    linked = 0
    for relative in sorted(outputs):
        try:
            source = resolve_inside(store, relative)
            target = resolve_inside(site_root, relative)
        except PathOutside as error:
            logger.warning("Image non publiée : %s ; supprimez le dossier cache/ puis reconstruisez", error)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = os.path.join(os.path.dirname(target), ".tmp-" + os.path.basename(target))
        try:
            os.link(source, temporary)
        except OSError:  # another file system, or links not allowed
            shutil.copy2(source, temporary)
        os.replace(temporary, target)
        linked += 1
    _sweep(site_root, owned_dirs, set(outputs))
    return linked


def run(
    todo_jobs: Sequence[Job],
    *,
    output_root: str,
    manifest_path: str,
    owned_dirs: Sequence[str],
    processes: int,
    label: str = "Galerie",
    site_root: str | None = None,
) -> Report:
    """Build every job not already in the cache, delete stale outputs, log a summary.

    Jobs write under OUTPUT_ROOT; with SITE_ROOT, the current outputs are then linked
    from OUTPUT_ROOT (the store) into the site.
    """
    start = time.perf_counter()
    # One build at a time reads, fills, sweeps and links the store: a second build waits,
    # then reuses what the first made; no sweep deletes files another build is writing.
    with store_locked(manifest_path, label):
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
        if site_root is not None:
            link_outputs(output_root, site_root, manifest.outputs(), owned_dirs)
    failures.sort()
    for source, note in sorted(notes):
        logger.info("Image convertie : %s : %s", source, note)
    # Failures are not logged here: the callers send each one through the content problem channel
    # (gallery/channel.failure_problems), which logs it once.
    report = Report(pictures, processed, reused, tuple(failures), time.perf_counter() - start)
    logger.info(report.summary(label))
    return report

