"""JSON manifest of processed images, keyed on file content and settings."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from typing import Any

from eventsite.atomicfile import replacing

from .model import Picture, Variant

# Bump when the image code changes what it writes, to redo every image once.
PIPELINE_VERSION = 2  # 2: logos and transparent images have no placeholder colour


def file_digest(path: str) -> str:
    """Return the sha256 of a file's content."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def fingerprint(content_digest: str, params: dict[str, Any]) -> str:
    """Return the cache key of one job: its source content plus every setting it uses."""
    payload = json.dumps(
        {"content": content_digest, "params": params, "version": PIPELINE_VERSION},
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def picture_to_json(picture: Picture) -> dict[str, Any]:
    """Serialise a Picture."""
    return dataclasses.asdict(picture)


def picture_from_json(data: dict[str, Any]) -> Picture:
    """Rebuild a Picture from its serialised form."""
    variants = tuple(Variant(**v) for v in data["variants"])
    return Picture(data["width"], data["height"], data["alt"], variants, data["placeholder"])


def _is_inside(relative: Any) -> bool:
    """Return True for a relative POSIX path that stays below its root (no '..', not absolute)."""
    return (isinstance(relative, str) and bool(relative) and not relative.startswith("/")
            and ".." not in relative.split("/") and "\\" not in relative)


def _valid_entry(entry: Any) -> bool:
    """Return True when an entry has every key, of the right type, and outputs inside the store."""
    try:
        picture_from_json(entry["picture"])
        outputs = entry["outputs"]
        return (isinstance(entry["fingerprint"], str) and isinstance(outputs, list)
                and all(_is_inside(out) for out in outputs))
    except (KeyError, TypeError, ValueError):
        return False


def _valid_source(source: Any) -> bool:
    """Return True when a source record has its size, mtime and digest, of the right types."""
    return (isinstance(source, dict) and type(source.get("size")) is int
            and type(source.get("mtime_ns")) is int and isinstance(source.get("sha256"), str))


def read_manifest(path: str) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Return (entries, sources) of the manifest at path; missing or malformed in any way: empty."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        entries, sources = data["entries"], data["sources"]
        if (data["version"] == PIPELINE_VERSION and isinstance(entries, dict) and isinstance(sources, dict)
                and all(_valid_entry(e) for e in entries.values())
                and all(_valid_source(s) for s in sources.values())):
            return dict(entries), dict(sources)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}, {}


class Manifest:
    """What was built from what: one JSON file per pipeline scope."""

    def __init__(self, path: str) -> None:
        """Load the manifest at path; a missing, broken or malformed file is an empty manifest."""
        self.path = path
        self.entries, self.sources = read_manifest(path)

    def content_digest(self, path: str) -> str:
        """Return the sha256 of a source, re-reading it only if its size or mtime changed.

        The key stays the content hash: a touched but identical file is re-hashed and
        reused; the stat check only spares hashing hundreds of MB on every build.
        """
        stat = os.stat(path)
        known = self.sources.get(path)
        if known and known["size"] == stat.st_size and known["mtime_ns"] == stat.st_mtime_ns:
            return str(known["sha256"])
        digest = file_digest(path)
        self.sources[path] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}
        return digest

    def lookup(self, key: str, print_: str, output_root: str) -> Picture | None:
        """Return the cached Picture of key if its fingerprint matches and its files exist."""
        entry = self.entries.get(key)
        if not entry or entry["fingerprint"] != print_:
            return None
        if not all(os.path.exists(os.path.join(output_root, out)) for out in entry["outputs"]):
            return None
        return picture_from_json(entry["picture"])

    def store(self, key: str, print_: str, picture: Picture, outputs: tuple[str, ...]) -> None:
        """Record what a job built."""
        self.entries[key] = {
            "fingerprint": print_,
            "picture": picture_to_json(picture),
            "outputs": list(outputs),
        }

    def keep_only(self, keys: set[str], sources: set[str]) -> None:
        """Forget every entry and source not in the current build."""
        self.entries = {k: v for k, v in self.entries.items() if k in keys}
        self.sources = {k: v for k, v in self.sources.items() if k in sources}

    def outputs(self) -> set[str]:
        """Return every output file the manifest knows, relative to the output root."""
        return {out for entry in self.entries.values() for out in entry["outputs"]}

    def save(self) -> None:
        """Write the manifest atomically."""
        data = {"version": PIPELINE_VERSION, "entries": self.entries, "sources": self.sources}
        with replacing(self.path) as temporary:
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump(data, handle, sort_keys=True)
