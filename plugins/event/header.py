"""The one reader of a content file's header: its encoding, its « Champ : valeur » lines, aliases and duplicates."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventsite.stamprecord import StampRecord, code_version, stamp_of, stamp_record

from . import schema
from .problems import ContentProblem
from .schema import ALIASES, fold

BOM = "\ufeff"
# « Champ: valeur », « Champ : valeur », « Champ\u00a0: valeur » (and the narrow no-break space French uses).
# A name of several words (« Texte alternatif ») is a field only when the alias table knows it; a name
# may be written in inclusive French with a middle dot (« Intervenant·es »).
FIELD_RE = re.compile(
    r"^ {0,3}(?P<name>[^\W\d_][\w·-]*(?: [^\W\d_][\w·-]*)*)[ \t\u00a0\u202f\u2007]*:[ \t\u00a0\u202f]*(?P<value>.*?)\s*$"
)
# Markdown's meta extension carries on a value over lines indented by four spaces or a tab.
CONTINUATION_RE = re.compile(r"^(?: {4,}|\t)\s*(?P<value>\S.*?)\s*$")
FENCE_RE = re.compile(r"^(?:-{3}|\.{3})\s*$")
UTF8_FIX = (
    "enregistrez le fichier en UTF-8 : dans le Bloc-notes, « Fichier › Enregistrer sous », Encodage « UTF-8 » ; "
    "dans Word, « Enregistrer sous › Texte brut (.txt) », puis Codage « Unicode (UTF-8) » ; "
    "dans VS Code, cliquez sur l'encodage en bas à droite, « Enregistrer avec l'encodage › UTF-8 »"
)


def markdown_key(name: str) -> str:
    """FOLD(NAME) reduced to the characters Markdown's meta extension accepts in a key."""
    return re.sub(r"[^a-z0-9_-]", "_", fold(name))


@dataclass(frozen=True)
class HeaderField:
    """One « Champ : valeur » line: its canonical key, the author's spelling, its value and line number."""

    key: str
    spelling: str
    value: str
    line: int


@dataclass(frozen=True)
class Header:
    """The fields of a file's header, in file order, and where its body starts (0-based line index)."""

    fields: tuple[HeaderField, ...]
    body_start: int

    def get(self, key: str) -> HeaderField | None:
        """The first field whose canonical key is KEY (lower case), if any."""
        return next((f for f in self.fields if f.key == key), None)

    def firsts(self) -> tuple[HeaderField, ...]:
        """Each field's first occurrence, in file order (a repeated field is reported, then ignored)."""
        return tuple(f for f in self.fields if self.get(f.key) is f)

    def duplicates(self) -> list[tuple[HeaderField, HeaderField]]:
        """(first, repeated) pairs of fields written more than once, whatever their spelling."""
        first: dict[str, HeaderField] = {}
        pairs = []
        for found in self.fields:
            if found.key in first:
                pairs.append((first[found.key], found))
            else:
                first[found.key] = found
        return pairs


class NotUtf8Error(ValueError):
    """A content file that is not UTF-8: where the first unreadable byte is and what it probably reads as."""

    def __init__(self, path: str | Path, line: int, excerpt: str) -> None:
        super().__init__(f"{path}:{line} n'est pas enregistré en UTF-8")
        self.path = str(path)
        self.line = line
        self.excerpt = excerpt

    def problem(self, source_path: str) -> ContentProblem:
        """The French content problem told to the author, for the file SOURCE_PATH (relative to content/)."""
        return ContentProblem(
            source_path,
            "",
            f"le fichier n'est pas enregistré en UTF-8 (ligne {self.line} : « {self.excerpt} »), il n'est pas lu",
            UTF8_FIX,
            self.line,
        )


def decode(raw: bytes, path: str | Path = "") -> str:
    """The text of a content file: UTF-8 with or without BOM, any line ending; NotUtf8Error otherwise."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        excerpt = raw.split(b"\n")[line - 1].decode("cp1252", errors="replace").strip()
        raise NotUtf8Error(path, line, excerpt[:80]) from None
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path) -> str:
    """Read and decode a content file (see decode)."""
    return decode(Path(path).read_bytes(), path)


def match_field(line: str, number: int, aliases: Mapping[str, str] = ALIASES) -> HeaderField | None:
    """The « Champ : valeur » field of LINE (NUMBER: its line in the file), or None for any other line.

    ALIASES maps each folded spelling (see fold) to its canonical key; a one-word spelling it does
    not know keeps its folded form as key, a spelling of several words it does not know is no field.
    """
    match = FIELD_RE.match(line)
    if not match:
        return None
    name = match["name"]
    key = aliases.get(fold(name))
    if key is None and " " in name:
        return None
    return HeaderField(key or markdown_key(name), name, match["value"], number)


def continued(field: HeaderField, more: str) -> HeaderField:
    """FIELD with MORE text carried on from a following line."""
    return HeaderField(field.key, field.spelling, f"{field.value}\n{more}".strip(), field.line)


def parse_header(text: str, aliases: Mapping[str, str] = ALIASES) -> Header:
    """The header of TEXT: the « Champ : valeur » lines before the first blank line or the first other line.

    ALIASES maps each folded spelling (see fold) to its canonical key; a spelling it does not
    know keeps its folded form as key.
    """
    lines = text.removeprefix(BOM).split("\n")
    index = 1 if lines and FENCE_RE.match(lines[0]) else 0
    fields: list[HeaderField] = []
    while index < len(lines):
        line = lines[index]
        more = CONTINUATION_RE.match(line) if fields else None
        found = match_field(line, index + 1, aliases)
        if more:
            fields[-1] = continued(fields[-1], more["value"])
        elif found:
            fields.append(found)
        else:
            if FENCE_RE.match(line):
                index += 1
            break
        index += 1
    return Header(tuple(fields), index)


def read_header(path: str | Path, aliases: Mapping[str, str] = ALIASES) -> Header:
    """The header of the content file at PATH (NotUtf8Error if it is not UTF-8)."""
    return parse_header(read_text(path), aliases)


def header_record(settings: Mapping[str, Any], content: str | Path) -> StampRecord:
    """The headers read by the builds of the CONTENT folder with SETTINGS, kept in CACHE_PATH by the files' stamps."""
    version = code_version([sys.modules[__name__], schema], sorted(ALIASES.items()))
    return stamp_record(settings, "headers", content, version)


def header_of(data: Any) -> Header:
    """The Header kept as DATA by recorded_header (ValueError, TypeError if it is not one)."""
    fields, body_start = data
    return Header(tuple(HeaderField(str(k), str(s), str(v), int(n)) for k, s, v, n in fields), int(body_start))


def header_data(header: Header) -> list[Any]:
    """HEADER as JSON-ready data (header_of reads it back)."""
    return [[[f.key, f.spelling, f.value, f.line] for f in header.fields], header.body_start]


# A header just parsed by a reader: (the file's absolute path, its stamp taken before it was read, the header).
ParsedHeader = tuple[str, Any, "Header"]


def recorded_header(path: str | Path, record: StampRecord, parsed: ParsedHeader | None = None) -> Header:
    """read_header(PATH), from RECORD when the file's stamp did not change since it was read; noted in RECORD.

    PARSED, the header a reader parsed from this file with the same stamp, is taken instead of reading it again.
    """
    stamp = stamp_of(os.stat(path))  # the file read, a link followed: taken before reading it
    fresh = parsed is not None and parsed[0] == os.path.abspath(path) and parsed[1] == stamp
    return record.computed(str(path), stamp, lambda: parsed[2] if fresh else read_header(path), header_data, header_of)


def clean_text(text: str, header: Header) -> str:
    """TEXT with its header rewritten for Markdown's meta extension: canonical keys, each field once."""
    lines = [f"{found.key}: " + found.value.replace("\n", "\n    ") for found in header.firsts()]
    body = text.removeprefix(BOM).split("\n")[header.body_start :]
    return "\n".join(lines) + "\n\n" + "\n".join(body)


def field_line(path: str | Path, key: str, aliases: Mapping[str, str] = ALIASES) -> tuple[str, int | None]:
    """The author's spelling and line of the field KEY (canonical, lower case) in a file's header."""
    try:
        found = read_header(path, aliases).get(key)
    except (OSError, NotUtf8Error):
        found = None
    return (found.spelling, found.line) if found else ("", None)


def duplicate_problems(header: Header, source_path: str) -> list[ContentProblem]:
    """One problem per field written twice (also under two spellings, « Title » and « Titre »)."""
    return [
        ContentProblem(
            source_path,
            again.spelling,
            f"le champ « {again.spelling} » (ligne {again.line}) répète « {first.spelling} » (ligne {first.line})",
            f"gardez une seule de ces deux lignes ({first.line} ou {again.line}) et supprimez l'autre",
            again.line,
        )
        for first, again in header.duplicates()
    ]
