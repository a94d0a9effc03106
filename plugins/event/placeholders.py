"""Unfilled « [à remplir] » placeholders left by the scaffolds (invoke new-…), in any content file."""

from __future__ import annotations

import re
from pathlib import Path

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


def content_placeholders(content: Path, event_folders: tuple[str, ...]) -> list[ContentProblem]:
    """Placeholders, repeated fields and encodings of every Markdown file under CONTENT.

    The headers and encodings of event files are checked by their reader; the others (news,
    pages) are checked here, so that every problem reaches the event plugin's one list.
    """
    problems = []
    for path in sorted(content.rglob("*.md")):
        relpath = path.relative_to(content).as_posix()
        in_event = relpath.split("/", 1)[0] in event_folders
        try:
            text = read_text(path)
        except NotUtf8Error as error:
            problems += [] if in_event else [error.problem(relpath)]
            continue
        problems += file_placeholders(text, relpath, header=not in_event)
        problems += [] if in_event else duplicate_problems(parse_header(text), relpath)
    return problems
