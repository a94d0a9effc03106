"""Unfilled « [à remplir] » placeholders left by the scaffolds (invoke new-…), in any content file."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from eventsite.buildinputs import files_below
from eventsite.stamprecord import StampRecord, code_version, stamp_of, stamp_record

from . import header as header_reader, problems as problem_types, schema
from .header import NotUtf8Error, duplicate_problems, parse_header, read_text
from .problems import ContentProblem

PLACEHOLDER_RE = re.compile(r"^\[[^\]]+\]$")


def is_placeholder(value: str) -> bool:
    """True for a value that is still a « [what to write] » placeholder."""
    return bool(PLACEHOLDER_RE.match(value.strip()))


def placeholder_problem(source_path: str, field: str, value: str, line: int | None) -> ContentProblem:
    """The problem told for one unfilled placeholder."""
    where = f"le champ « {field} »" if field else "le texte"
    return ContentProblem(
        source_path,
        field,
        f"{where} n'est pas rempli : « {value.strip()} »",
        "remplacez le texte entre crochets par la vraie valeur (sans les crochets), ou supprimez la ligne si le champ est facultatif",
        line,
    )


def file_placeholders(text: str, source_path: str, *, header: bool) -> list[ContentProblem]:
    """Every placeholder in one file's TEXT: in its body lines, and in its header too when HEADER is true."""
    problems = []
    head = parse_header(text)
    if header:
        problems += [placeholder_problem(source_path, f.spelling, f.value, f.line) for f in head.fields if is_placeholder(f.value)]
    in_comment = False
    for number, line in enumerate(text.split("\n")[head.body_start :], start=head.body_start + 1):
        stripped = line.strip()
        if "<!--" in stripped:
            in_comment = True
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if is_placeholder(stripped) or is_placeholder(stripped.lstrip("#").strip()):
            problems.append(placeholder_problem(source_path, "", stripped, number))
    return problems


def markdown_problems(path: Path, relpath: str, in_event: bool) -> list[ContentProblem]:
    """The placeholders, repeated fields and encoding of the Markdown file at PATH (RELPATH below content/).

    The header and encoding of a file IN_EVENT are checked by its reader; only its body is scanned here.
    """
    try:
        text = read_text(path)
    except NotUtf8Error as error:
        return [] if in_event else [error.problem(relpath)]
    found = file_placeholders(text, relpath, header=not in_event)
    return found + ([] if in_event else duplicate_problems(parse_header(text), relpath))


def problems_data(found: list[ContentProblem]) -> list[dict[str, Any]]:
    """FOUND as JSON-ready data (problems_from reads it back)."""
    return [dataclasses.asdict(problem) for problem in found]


def problems_from(data: Any) -> list[ContentProblem]:
    """The problems kept as DATA (TypeError if they are not)."""
    return [ContentProblem(**fields) for fields in data]


def placeholder_record(settings: Mapping[str, Any], content: Path, event_folders: tuple[str, ...]) -> StampRecord:
    """The problems content_placeholders found in CONTENT's files, kept in SETTINGS' CACHE_PATH by the files' stamps."""
    version = code_version([sys.modules[__name__], header_reader, problem_types, schema], [sorted(schema.ALIASES.items()), event_folders])
    return stamp_record(settings, "placeholders", content, version)


def content_placeholders(content: Path, event_folders: tuple[str, ...], record: StampRecord | None = None) -> list[ContentProblem]:
    """Placeholders, repeated fields and encodings of every Markdown file under CONTENT.

    The headers and encodings of event files are checked by their reader; the others (news,
    pages) are checked here, so that every problem reaches the event plugin's one list. A file
    whose stamp did not change keeps the problems RECORD holds for it (noted there otherwise).
    """
    record = record or StampRecord(None, "")
    found = []
    below = len(str(content)) + 1
    for path in sorted(p for p in files_below(content) if p.suffix == ".md"):
        try:
            seen = path.stat()  # the file read, a link followed: taken before reading it
        except OSError:  # a link to nothing
            continue
        if not stat.S_ISREG(seen.st_mode):
            continue
        relpath = str(path)[below:].replace(os.sep, "/")
        in_event = relpath.split("/", 1)[0] in event_folders
        found += record.computed(relpath, stamp_of(seen), lambda: markdown_problems(path, relpath, in_event), problems_data, problems_from)
    return found


def scan_placeholders(content: Path, event_folders: tuple[str, ...], record: StampRecord) -> tuple[list[ContentProblem], StampRecord]:
    """content_placeholders, with the RECORD it noted every file in: a scan run by another process hands both back."""
    return content_placeholders(content, event_folders, record), record
