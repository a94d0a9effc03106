"""What the last build wrote, kept in the cache (CACHE_PATH/builds/): its inputs' digest and its files.

A build whose inputs have the recorded digest, with an output whose every file is the one the
build left there (same path, inode, size, mtime and ctime; nothing added or removed), has
nothing to do: the site is kept as it is. A file planted in the output, a file changed or
deleted, or a record that cannot be read makes a real build.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .buildinputs import Inputs
from .filemode import new_file_mode
from .recycling import entries_below

RECORD_VERSION = 3  # 3: the files' stamps and hashes are kept apart (eventsite/stamprecord.py)


RECORD_FOLDER = "builds"


def record_path(cache: Path, output: Path) -> Path:
    """The record of OUTPUT's build in the CACHE folder, outside the published tree (named by OUTPUT's path)."""
    name = hashlib.sha256(os.fsencode(output)).hexdigest()[:32]
    return cache / RECORD_FOLDER / f"{name}.json"


def output_marks(output: Path) -> dict[str, list[int]] | None:
    """Every file, link and folder below OUTPUT with its (inode, size, mtime, ctime); None when OUTPUT is no folder."""
    if not output.is_dir() or output.is_symlink():
        return None
    marks: dict[str, list[int]] = {}
    for path, entry in entries_below(output):
        found = entry.stat(follow_symlinks=False)
        marks[path] = [found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]
    return marks


@dataclass
class RecordedProblem:
    """A content problem of the recorded build, as it was reported (its one-line and full forms)."""

    line: str
    lines: str

    def __str__(self) -> str:
        return self.line

    def report_lines(self) -> str:
        """The problem's full report, as the build printed it."""
        return self.lines


@dataclass
class BuildRecord:
    """The recorded build: its inputs' digest, its output's files and its report."""

    digest: str = ""
    output: dict[str, list[int]] | None = None
    problems: list[RecordedProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def keeps(self, digest: str, output: Path) -> bool:
        """Whether a build of DIGEST into OUTPUT has nothing to do: same inputs, output exactly as written."""
        return bool(self.digest) and self.digest == digest and self.output is not None and output_marks(output) == self.output


def read_record(path: Path) -> BuildRecord:
    """The build record at PATH; an empty one when there is none or it cannot be read (a real build follows)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != RECORD_VERSION:
            return BuildRecord()
        return BuildRecord(digest=str(data["digest"]), output=data["output"],
                           problems=[RecordedProblem(str(a), str(b)) for a, b in data["problems"]],
                           warnings=[str(w) for w in data["warnings"]])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return BuildRecord()


def write_record(path: Path, output: Path, inputs: Inputs, problems: list[Any], warnings: list[str]) -> None:
    """Write at PATH the record of the build just swapped into OUTPUT: its INPUTS, OUTPUT's files, PROBLEMS and WARNINGS."""
    data = {
        "version": RECORD_VERSION,
        "digest": inputs.digest,
        "output": output_marks(output),
        "problems": [[str(p), p.report_lines() if hasattr(p, "report_lines") else f"- {p}"] for p in problems],
        "warnings": list(warnings),
    }
    target = path
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False))  # json.dump encodes in Python; dumps with the C encoder
        os.chmod(temporary, new_file_mode())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
