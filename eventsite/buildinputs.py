"""One digest of everything a build reads: content, theme, code, settings, options, packages and environment.

Two builds with the same digest write the same site (builds are reproducible: no clock, no
randomness), so a build whose digest matches the one recorded with an intact output has nothing
to do (eventsite/buildrecord.py). Files are hashed by their bytes; a file whose (size, mtime,
ctime, inode) is unchanged since the last build keeps its recorded hash, as git's index does
(no program can set ctime back, so a changed file never keeps a stale hash).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

PACKAGE_FOLDER = Path(__file__).resolve().parent
REPOSITORY = PACKAGE_FOLDER.parent
# Environment values that reach the site: the calendars' DTSTAMP, the time zone, the locale of dates.
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LC_ALL", "LC_TIME", "LC_COLLATE", "LC_CTYPE")
# Settings that name where this build writes, not what it writes.
WHERE_SETTINGS = frozenset({"OUTPUT_PATH"})
SKIPPED_FOLDERS = frozenset({"__pycache__", ".git"})
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")

# relative path → (size, mtime_ns, ctime_ns, inode, sha256): what a file's hash was computed from.
Stamps = dict[str, list[Any]]


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


def files_below(folder: Path, leave_out: Iterable[Path] = ()) -> Iterable[Path]:
    """Every file below FOLDER (links followed as the build follows them), without LEAVE_OUT's folders."""
    skipped = {str(path) for path in leave_out}
    for top, folders, files in os.walk(folder, followlinks=True):
        folders[:] = sorted(f for f in folders if f not in SKIPPED_FOLDERS and os.path.join(top, f) not in skipped)
        for name in sorted(files):
            yield Path(top, name)


def file_hash(path: Path, previous: Stamps, current: Stamps) -> str:
    """The sha256 of PATH's bytes, taken from PREVIOUS when its stamp is unchanged; noted in CURRENT."""
    key = str(path)
    found = path.stat()
    stamp = [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]
    known = previous.get(key)
    if known is not None and known[:4] == stamp:
        digest = str(known[4])
    else:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    current[key] = [*stamp, digest]
    return digest


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


def build_digest(settings: Mapping[str, Any], settings_file: Path, options: Mapping[str, Any],
                 previous: Stamps) -> tuple[str, Stamps]:
    """The digest of every input of a build with SETTINGS and the command's OPTIONS, and the file stamps it used."""
    current: Stamps = {}
    leave_out = [Path(settings[name]).resolve() for name in ("CACHE_PATH", "OUTPUT_PATH") if settings.get(name)]
    files = {str(path): file_hash(path, previous, current) for path in settings_python(settings_file)}
    for folder in input_folders(settings, settings_file):
        for path in files_below(folder, leave_out):
            files[str(path)] = file_hash(path, previous, current)
    if settings.get("DEFAULT_DATE") == "fs":  # Pelican dates content by its files' mtimes
        files = {path: f"{digest} {current[path][1]}" for path, digest in files.items()}
    described = {
        "files": files,
        "settings": canonical({k: v for k, v in settings.items() if k not in WHERE_SETTINGS}),
        "options": canonical(options),
        "packages": package_versions(),
        "environment": {name: os.environ.get(name) for name in ENVIRONMENT},
        "umask": umask(),
    }
    text = json.dumps(described, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), current
