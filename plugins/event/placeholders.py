"""Unfilled « [à remplir] » placeholders left by the scaffolds (invoke new-…), in any content file."""

from __future__ import annotations

import re
from pathlib import Path

from .problems import ContentProblem

PLACEHOLDER_RE = re.compile(r"^\[[^\]]+\]$")
HEADER_RE = re.compile(r"^([A-Za-zÀ-ÿ][\wÀ-ÿ-]*)\s*:\s*(.*)$")


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


def file_placeholders(path: Path, source_path: str, *, header: bool) -> list[ContentProblem]:
    """Every placeholder in one file: in its body lines, and in its header too when HEADER is true."""
    problems = []
    in_header, in_comment = True, False
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:  # the file's reader reports it as not UTF-8
        return []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if in_header and not stripped:
            in_header = False
            continue
        if "<!--" in stripped:
            in_comment = True
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        match = HEADER_RE.match(stripped) if in_header else None
        if match and header and is_placeholder(match.group(2)):
            problems.append(placeholder_problem(source_path, match.group(1), match.group(2), number))
        elif not in_header and (is_placeholder(stripped) or is_placeholder(stripped.lstrip("#").strip())):
            problems.append(placeholder_problem(source_path, "", stripped, number))
    return problems


def content_placeholders(content: Path, event_folders: tuple[str, ...]) -> list[ContentProblem]:
    """Placeholders in every Markdown file under CONTENT (headers of event files are checked by their reader)."""
    problems = []
    for path in sorted(content.rglob("*.md")):
        relpath = path.relative_to(content).as_posix()
        in_event = relpath.split("/", 1)[0] in event_folders
        problems += file_placeholders(path, relpath, header=not in_event)
    return problems
