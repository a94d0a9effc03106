"""One digest of everything a build reads: content, theme, code, settings, options, packages and environment.

Two builds with the same digest write the same site (builds are reproducible: no clock, no
randomness), so a build whose digest matches the one recorded with an intact output has nothing
to do (eventsite/buildrecord.py). Files are hashed by their bytes; a file whose stamp is unchanged
since the last build, and was not racy then, keeps its recorded hashes, as git's index does
(eventsite/stamprecord.py).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .stamprecord import StampRecord, code_version, stamp_of, stamp_record

PACKAGE_FOLDER = Path(__file__).resolve().parent
REPOSITORY = PACKAGE_FOLDER.parent
# Environment values that reach the site: the calendars' DTSTAMP, the time zone, the locale of dates.
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LC_ALL", "LC_TIME", "LC_COLLATE", "LC_CTYPE")
# Settings that name where this build writes, not what it writes.
WHERE_SETTINGS = frozenset({"OUTPUT_PATH"})
SKIPPED_FOLDERS = frozenset({"__pycache__", ".git"})
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")

# file path → its stamp (stamprecord.stamp_of) when the build digested it.
Stamps = dict[str, list[int]]


def canonical(value: Any) -> Any:
    """VALUE as JSON-ready data with one spelling per value: sorted mappings and sets, no memory addresses."""
    if isinstance(value, Mapping):
        return {str(key): canonical(item) for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))}
    if isinstance(value, (list, tuple)):
        return [canonical(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((canonical(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return ADDRESS.sub("", repr(value))


def markdown_as_read(settings: Mapping[str, Any]) -> dict[str, Any]:
    """SETTINGS' MARKDOWN as Pelican's Markdown reader completes it (in place, in Pelican's shared defaults: the
    first build of a process would otherwise digest other settings than the next ones)."""
    markdown = dict(settings.get("MARKDOWN") or {})
    configs = markdown.get("extension_configs") or {}
    extensions = list(markdown.get("extensions") or [])
    for extension in [*configs, "markdown.extensions.meta"]:
        if extension not in extensions:
            extensions.append(extension)
    return {**markdown, "extension_configs": configs, "extensions": extensions}


def files_below(folder: Path, leave_out: Iterable[Path] = ()) -> Iterable[Path]:
    """Every file below FOLDER, and every link as a link (never followed: it may lead out of content/), without LEAVE_OUT's folders."""
    return map(Path, file_names_below(str(folder), {str(path) for path in leave_out}))


def file_names_below(folder: str, skipped: Collection[str] = ()) -> Iterator[str]:
    """files_below's paths as strings (a build walks its inputs twice: Path objects cost it 40 ms at 3,000 items)."""
    for top, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if f not in SKIPPED_FOLDERS and os.path.join(top, f) not in skipped)
        for name in sorted(files + [f for f in folders if os.path.islink(os.path.join(top, f))]):
            yield os.path.join(top, name)


def header_and_body(data: bytes) -> tuple[bytes, bytes]:
    """A content file's header (up to its first blank line, as Pelican's Markdown reader reads it) and its body."""
    lines = data.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if not line.strip():
            return b"".join(lines[:number]), b"".join(lines[number:])
    return data, b""


def walked_files(walked: tuple[list[str], list[str], list[str]]) -> list[str]:
    """The input files of WALKED (the settings' Python, the folders walked, the folders left out), in the digest's order."""
    python, folders, leave_out = walked
    left_out = {str(Path(p)) for p in leave_out}
    return [*(str(Path(p)) for p in python), *(path for folder in folders for path in file_names_below(str(Path(folder)), left_out))]


def hashes_of(path: Path | str) -> list[str]:
    """PATH's hashes: sha256 of its bytes, of its header, of its body (of what a link points to, for a link)."""
    path = Path(path)
    if path.is_symlink():  # what it points to, never what it leads to (the build checks where that is)
        return [hashlib.sha256(b"link:" + os.fsencode(os.readlink(path))).hexdigest()] * 3
    data = path.read_bytes()
    header, body = header_and_body(data) if path.suffix == ".md" else (data, b"")
    return [hashlib.sha256(part).hexdigest() for part in (data, header, body)]


def recorded_hashes(data: Any) -> list[str]:
    """The three hashes kept as DATA (ValueError if they are not)."""
    if not (isinstance(data, list) and len(data) == 3 and all(isinstance(h, str) for h in data)):
        raise ValueError("not three hashes")
    return data


def file_hash(path: Path | str, record: StampRecord, current: Stamps) -> list[str]:
    """PATH's hashes (see hashes_of), from RECORD when its stamp is unchanged; its stamp noted in CURRENT."""
    name = str(path)
    stamp = current[name] = stamp_of(os.lstat(name))
    return record.computed(name, stamp, lambda: hashes_of(name), decode=recorded_hashes)


def hash_record(settings: Mapping[str, Any], settings_file: Path) -> StampRecord:
    """The recorded hashes of the input files of builds with SETTINGS_FILE (CACHE_PATH/stamps)."""
    return stamp_record(settings, "hashes", settings_file, code_version([sys.modules[__name__]]))


def package_versions() -> dict[str, str]:
    """Python's version and the installed version of every package the project pins (requirements.txt)."""
    versions = {"python": sys.version}
    requirements = REPOSITORY / "requirements.txt"
    if requirements.is_file():
        for line in requirements.read_text(encoding="utf-8").splitlines():
            name = line.split("#", 1)[0].split("==", 1)[0].strip()
            if name:
                try:
                    versions[name] = importlib.metadata.version(name)
                except importlib.metadata.PackageNotFoundError:
                    versions[name] = "absent"
    return versions


def input_folders(settings: Mapping[str, Any], settings_file: Path) -> list[Path]:
    """The folders whose files a build reads: content, theme, plugins, this package and the settings' Python."""
    folders = [Path(settings["PATH"]), Path(settings["THEME"]), *(Path(p) for p in settings.get("PLUGIN_PATHS") or ()),
               PACKAGE_FOLDER]
    return sorted({folder.resolve() for folder in folders if folder.is_dir()})


def settings_python(settings_file: Path) -> list[Path]:
    """The Python files a settings file may import: those beside it and at the repository's root."""
    folders = {Path(settings_file).resolve().parent, REPOSITORY}
    return sorted(path for folder in folders for path in folder.glob("*.py") if path.is_file())


def umask() -> int:
    """The process's umask, which gives the written files their modes."""
    current = os.umask(0o022)
    os.umask(current)
    return current


@dataclass
class Inputs:
    """What a build reads, digested: everything, everything but the bodies of content files, and each body."""

    digest: str = ""  # every input: the same digest, the same site
    stamps: Stamps = field(default_factory=dict)
    headers: str = ""  # every input but the bodies of the content's Markdown files
    bodies: dict[str, str] = field(default_factory=dict)  # content file path → sha256 of its body
    walked: tuple[list[str], list[str], list[str]] = ([], [], [])  # the settings' Python, the folders walked, the folders left out


def changed_since(inputs: Inputs) -> bool:
    """Whether an input file changed, appeared or went since INPUTS were taken (an edit saved while the build ran)."""
    paths = walked_files(inputs.walked)
    if set(paths) != set(inputs.stamps):
        return True
    for path in paths:
        try:
            found = os.lstat(path)
        except OSError:
            return True
        if stamp_of(found) != inputs.stamps[path]:
            return True
    return False


def build_digest(settings: Mapping[str, Any], settings_file: Path, options: Mapping[str, Any]) -> Inputs:
    """The digests of every input of a build with SETTINGS and the command's OPTIONS, and the file stamps they used.

    The hashes of files whose stamp did not change are those recorded in CACHE_PATH by an earlier build.
    """
    current: Stamps = {}
    record = hash_record(settings, settings_file)
    leave_out = [Path(settings[name]).resolve() for name in ("CACHE_PATH", "OUTPUT_PATH") if settings.get(name)]
    content = Path(settings["PATH"]).resolve()
    walked = ([str(p) for p in settings_python(settings_file)], [str(f) for f in input_folders(settings, settings_file)],
              [str(p) for p in leave_out])
    hashes = {path: file_hash(path, record, current) for path in walked_files(walked)}
    record.save()
    dated = settings.get("DEFAULT_DATE") == "fs"  # Pelican dates content by its files' mtimes
    files = {path: f"{found[0]} {current[path][3]}" if dated else found[0] for path, found in hashes.items()}
    below = os.path.join(content, "")  # the folders walked are resolved: a file below content/ starts so
    bodies = {path: found[2] for path, found in hashes.items() if path.startswith(below)}
    described = {
        "settings": canonical({**{k: v for k, v in settings.items() if k not in WHERE_SETTINGS},
                               "MARKDOWN": markdown_as_read(settings)}),
        "options": canonical(options),
        "packages": package_versions(),
        "environment": {name: os.environ.get(name) for name in ENVIRONMENT},
        "umask": umask(),
    }
    headers = {path: f"{hashes[path][1]} {current[path][3]}" if dated else hashes[path][1] if path in bodies else digest
               for path, digest in files.items()}
    return Inputs(digest=digest_of({**described, "files": files}), stamps=current,
                  headers=digest_of({**described, "files": headers}), bodies=bodies,
                  walked=walked)


def digest_of(described: Mapping[str, Any]) -> str:
    """The sha256 of DESCRIBED, JSON-ready data."""
    text = json.dumps(described, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
