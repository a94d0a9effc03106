"""Build the site into a temporary folder and move it into place only when it succeeds."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock
from pelican import Pelican
from pelican.settings import read_settings

from .bodyreads import BodyReads, traced
from .buildinputs import Inputs, build_digest, changed_since, digest_of
from .buildrecord import BuildRecord, read_record, record_path, write_record
from .collection import collection_paused
from .phases import content_problems, read_and_link, write
from .rendermemo import CHANNEL_MARK, RenderMemo, memo_folder
from .recycling import file_marks, remove_unwritten
from .staging import staging_folder, swap_into_place
from .templatecode import with_shared_templates
from .writtenpages import WrittenPages, written_record

# The staging folder may hold the previous site: every file must be written again, never kept
# because it looks current (what is not written is deleted as stale). The one exception is a page
# proven current by the record of what each page file holds (eventsite/writtenpages.py).
REWRITE_EVERYTHING = {"DELETE_OUTPUT_DIRECTORY": False, "STATIC_CHECK_IF_MODIFIED": False, "STATIC_CREATE_LINKS": False}


@dataclass
class BuildResult:
    """What a build produced: where, how long, its content problems and the other warnings it logged."""

    output: Path
    seconds: float
    problems: list[Any] = field(default_factory=list)  # the channel's ContentProblems, in full
    other_warnings: list[str] = field(default_factory=list)  # logged warnings outside the channel
    unchanged: bool = False  # nothing changed since the last build: the site was kept as it was
    pages_reused: int = 0  # pages whose inputs did not change: not rendered again (eventsite/rendermemo.py)
    pages_rendered: int = 0
    parts_reused: int = 0  # parts of pages rendered apart (the programme's days): reused, and rendered (RenderMemo.render_fragment)
    parts_rendered: int = 0

    @property
    def warnings(self) -> list[str]:
        """Every warning, one line each: the content problems first."""
        return [str(p) for p in self.problems] + self.other_warnings


def problem_lines(problems: Sequence[Any]) -> str:
    """Problems printed in full, one block each (file, line, field, message, what to do)."""
    return "\n".join(p.report_lines() if hasattr(p, "report_lines") else f"- {p}" for p in problems)


class BuildFailed(Exception):
    """The build failed or, in strict mode, had problems or warnings; nothing was written."""

    def __init__(self, problems: Sequence[Any]) -> None:
        self.problems = [str(p) for p in problems]
        super().__init__(
            f"Échec de la construction ({len(self.problems)} problème(s)) ; le site précédent est conservé :\n{problem_lines(problems)}"
        )


# Pelican's own lines for a file it skipped; the event plugin reports each such file in French.
PELICAN_SKIPS = ("Could not process %s", "Skipping %s: could not find information about '%s'")


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not getattr(record, CHANNEL_MARK, False):
            self.records.append(record)

    def messages(self, problems: Sequence[Any]) -> list[str]:
        """The collected messages, without Pelican's skip lines for files the channel explains."""
        explained = {str(p.file) for p in problems}

        def explained_skip(record: logging.LogRecord) -> bool:
            target = str(record.args[0]) if isinstance(record.args, tuple) and record.args else ""
            return record.msg in PELICAN_SKIPS and any(target.endswith(file) for file in explained)

        return [r.getMessage() for r in self.records if not explained_skip(r)]


def forget_logged_messages() -> None:
    """Let Pelican log again what it already logged in this process (its LimitFilter drops repeats), so each build logs afresh."""
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


@contextmanager
def collect_warnings() -> Iterator[_WarningCollector]:
    """Collect every warning or error logged inside the block (content problems apart), even one logged before in this process."""
    forget_logged_messages()  # or a warning an earlier build or check logged would pass strict mode
    collector = _WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield collector
    finally:
        root.removeHandler(collector)


@contextmanager
def cache_locked(settings: Mapping[str, Any]) -> Iterator[None]:
    """Hold CACHE_PATH's lock while Pelican's content cache is in use (Pelican rewrites it in place)."""
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        yield
        return
    folder = Path(settings["CACHE_PATH"])
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder / "content.lock")):  # a second build waits here for the first
        yield


def empty_folder(folder: Path) -> None:
    """Remove everything inside FOLDER, keeping the folder itself (and so its lock and mode)."""
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def pelican_settings(settings_file: Path, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings from SETTINGS_FILE with OVERRIDES applied (the file is not changed)."""
    return read_settings(str(settings_file), override=dict(overrides or {}))


def inputs_of(settings_file: Path, output: Path, strict: bool, overrides: Mapping[str, Any] | None) -> tuple[Path | None, BuildRecord, Inputs]:
    """Where this build's record is kept, the recorded build, and this build's inputs (digest and file stamps).

    (None, empty, empty) when the settings do not read: the build reads them again and reports the problem in French.
    """
    try:
        settings = pelican_settings(settings_file, {**(overrides or {}), "OUTPUT_PATH": str(output)})
    except Exception:  # noqa: BLE001
        return None, BuildRecord(), Inputs()
    path = record_path(Path(settings["CACHE_PATH"]).resolve(), output)
    recorded = read_record(path)
    options = {"strict": strict, "overrides": dict(overrides or {}), "output": str(output), "rewrite": REWRITE_EVERYTHING}
    return path, recorded, build_digest(settings, Path(settings_file), options)


def render_memo(settings: Mapping[str, Any], inputs: Inputs, problems: Sequence[Any], staging: Path, output: Path,
                body_reads: BodyReads | None = None) -> RenderMemo | None:
    """The pages of earlier builds this one may reuse, or leave in place in STAGING (None when its inputs are unknown).

    BODY_READS, the bodies this build reads (traced from its start), keys each "every body" page on those it reads.
    """
    if not inputs.headers:
        return None
    site = digest_of({"inputs": inputs.headers, "problems": [str(p) for p in problems]})
    folder = memo_folder(settings)
    return RenderMemo(folder=folder, site=site, bodies=inputs.bodies, output=str(staging),
                      written=WrittenPages.read(written_record(folder, output)), body_reads=body_reads)


@collection_paused()  # every build: the CLI's, the publish build, the preview's worker's (eventsite/collection.py)
def build_site(
    settings_file: Path,
    output: Path,
    *,
    strict: bool,
    overrides: Mapping[str, Any] | None = None,
    verify: Callable[[Path], list[str]] | None = None,
    before_swap: Callable[[Path], None] | None = None,
) -> BuildResult:
    """Build into a temporary folder; if it builds (and VERIFY finds nothing) move it to OUTPUT, else raise BuildFailed.

    BEFORE_SWAP, if given, may add to the built folder just before it replaces OUTPUT.

    When no input changed since the build recorded for OUTPUT (in CACHE_PATH) and OUTPUT is exactly
    as that build left it, nothing is built or written (eventsite/buildrecord.py); not with VERIFY
    or BEFORE_SWAP, whose work is not part of the digest. Otherwise the pages whose inputs did not
    change are not rendered again (eventsite/rendermemo.py).

    Strict stops after reading and linking, before anything is written, when the content problem
    channel or the log holds anything; it reports them all.
    """
    output = Path(output).resolve()
    started = time.perf_counter()
    record_file, recorded, inputs = inputs_of(settings_file, output, strict, overrides)
    if verify is not None or before_swap is not None:
        record_file = None  # their work is not part of the digest: never kept, never recorded
    elif recorded.keeps(inputs.digest, output):
        return BuildResult(output=output, seconds=time.perf_counter() - started, problems=list(recorded.problems),
                           other_warnings=list(recorded.warnings), unchanged=True)
    with staging_folder(output) as staging:
        previous = file_marks(staging)  # empty unless the staging folder is the previous site
        extra: dict[str, Any] = {**(overrides or {}), "OUTPUT_PATH": str(staging), **REWRITE_EVERYTHING}
        if strict:
            extra["EVENT_STRICT"] = True
        while True:
            with collect_warnings() as collector:
                try:
                    settings = with_shared_templates(pelican_settings(settings_file, extra))  # each template compiled once
                    with cache_locked(settings), traced() as body_reads:
                        pelican = Pelican(settings)
                        strict = strict or bool(pelican.settings.get("EVENT_STRICT"))  # publishconf.py asks for it
                        generators, context = read_and_link(pelican)
                        problems = content_problems(context)
                        logged = collector.messages(problems)
                        if strict and (problems or logged):
                            raise BuildFailed([*problems, *(f"avertissement (mode strict) : {w}" for w in logged)])
                        renders = render_memo(pelican.settings, inputs, problems, staging, output, body_reads)
                        # Stale files of the previous site go before the search index reads the site; those left in place stay.
                        try:
                            write(pelican, generators, renders=renders,
                                  before_finalized=lambda: remove_unwritten(staging, previous, renders.kept_below(str(staging)) if renders else set()))
                        finally:
                            if renders is not None:
                                renders.close()
                except BuildFailed:
                    raise
                except (IsADirectoryError, NotADirectoryError, FileExistsError) as error:
                    if not previous:
                        raise BuildFailed([f"{type(error).__name__}: {error}"]) from error
                    # Written over the previous site, where a folder became a file (or the reverse):
                    # once more, from an empty folder. Any other failure is reported at once.
                    empty_folder(staging)
                    previous = {}
                    continue
                except Exception as error:  # every failure becomes one report, never a traceback
                    failures = getattr(error, "problems", None)
                    raise BuildFailed(list(failures) if failures else [f"{type(error).__name__}: {error}"]) from error
            break
        warnings = collector.messages(problems)
        if strict and warnings:
            raise BuildFailed([f"avertissement (mode strict) : {w}" for w in warnings])
        failed_checks = verify(staging) if verify else []
        if failed_checks:
            raise BuildFailed(failed_checks)
        if before_swap is not None:
            before_swap(staging)
        moved = inputs.headers != "" and changed_since(inputs)
        if moved and renders is not None:  # an edit saved during the build: what it rendered may not match its keys
            renders.forget_made()
        elif renders is not None:
            renders.prune()  # what this build used is kept for the next one, the rest goes
            if renders.written is not None:
                renders.written.save(written_record(memo_folder(settings), output))
        swap_into_place(staging, output)
    if record_file is not None and not moved:
        write_record(record_file, output, inputs, problems, warnings)
    return BuildResult(output=output, seconds=time.perf_counter() - started, problems=problems, other_warnings=warnings,
                       pages_reused=renders.reused if renders else 0, pages_rendered=renders.rendered if renders else 0,
                       parts_reused=renders.fragments_reused if renders else 0, parts_rendered=renders.fragments_rendered if renders else 0)
