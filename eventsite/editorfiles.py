"""The editor's file API (the JSON actions of decap-server's local backend), kept inside content/.

Every path comes from the browser, so it is untrusted: it must be relative, inside content/, with no
dot-file on the way; a content file is written only as <form folder>/<safe slug>.md (or
galleries/<safe slug>/gallery.md) and an image only under a safe file name. Writes are atomic:
an interrupted save leaves the previous file whole.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from .atomicfile import write_bytes
from .imagemetadata import metadata_labels
from .safepaths import PathOutside, is_hidden, resolve_inside

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
IMAGE_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*\.(?:jpe?g|png|webp|gif)$", re.IGNORECASE)
CONTENT = "content"


class Refused(Exception):
    """An action the editor may not do: the French reason, sent back to the browser."""


def content_relative(path: str) -> PurePosixPath:
    """PATH (« content/speakers/x.md », as Decap sends it) as a path inside content/; Refused otherwise."""
    clean = PurePosixPath(str(path).replace("\\", "/"))
    if clean.is_absolute() or not clean.parts or clean.parts[0] != CONTENT or len(clean.parts) < 2:
        raise Refused(f"« {path} » n'est pas dans le dossier content/")
    inside = PurePosixPath(*clean.parts[1:])
    if ".." in inside.parts or is_hidden(str(inside)):
        raise Refused(f"« {path} » n'est pas un chemin autorisé")
    return inside


class ContentFiles:
    """Reading and writing the files of one content/ folder, for the forms whose folders are FOLDERS."""

    def __init__(self, content: Path, folders: Iterable[str], nested: Mapping[str, str], image_folders: Iterable[str]) -> None:
        self.content = Path(content)
        entry = "|".join(re.escape(f) for f in folders)
        nested_entry = "|".join(f"{re.escape(f)}/{SLUG}/{re.escape(name)}" for f, name in nested.items())
        self.entry_path = re.compile(rf"^(?:(?:{entry})/{SLUG}|{nested_entry})\.md$")
        self.image_folders = tuple(image_folders)
        self.nested_folders = tuple(nested)

    def resolve(self, path: str) -> Path:
        """The real file for PATH, inside content/ (symlinks followed); Refused otherwise."""
        inside = content_relative(path)
        try:
            return Path(resolve_inside(self.content, str(inside)))
        except PathOutside:
            raise Refused(f"« {path} » sort du dossier content/") from None

    def writable_entry(self, path: str) -> Path:
        """Where a content file may be written: Refused unless its name is a safe identifier in a form's folder."""
        inside = content_relative(path)
        if not self.entry_path.match(inside.as_posix()):
            raise Refused(
                f"« {path} » : un fichier de contenu s'enregistre sous content/<dossier>/<identifiant>.md, "
                "l'identifiant en minuscules sans accents, avec des tirets (par ex. jeanne-dupont)"
            )
        return self.resolve(path)

    def writable_image(self, path: str) -> Path:
        """Where an image may be written: a safe image name in an image folder (or a gallery's folder)."""
        inside = content_relative(path)
        folder = inside.parent.as_posix()
        in_gallery = any(re.fullmatch(rf"{re.escape(g)}/{SLUG}", folder) for g in self.nested_folders)
        if not IMAGE_NAME.match(inside.name) or not (in_gallery or folder in self.image_folders or folder == "images"):
            raise Refused(
                f"« {path} » : une image s'enregistre dans content/images/ sous un nom sans espaces ni accents, "
                "en .jpg, .png ou .webp (par ex. jeanne-dupont.jpg)"
            )
        return self.resolve(path)

    def listing(self, folder: str, extension: str, depth: int) -> list[str]:
        """The files of FOLDER (down to DEPTH levels) ending in EXTENSION, as content/… paths."""
        base = self.resolve(folder) if content_relative(folder).parts else self.content
        found: list[str] = []
        if not base.is_dir():
            return found
        for dirpath, dirnames, filenames in os.walk(base):
            level = len(Path(dirpath).relative_to(base).parts) + 1
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")) if level < depth else []
            for name in sorted(filenames):
                if name.endswith(extension) and not name.startswith("."):
                    found.append(f"{CONTENT}/{(Path(dirpath) / name).relative_to(self.content).as_posix()}")
        return found


def without_metadata(data: bytes, name: str) -> bytes:
    """DATA re-encoded by the build's own cleaner (clean_images) when it carries metadata (GPS, EXIF, XMP…).

    An uploaded photo never enters content/ (nor git) with the place it was taken; Refused if it cannot be read.
    """
    with tempfile.TemporaryDirectory(prefix="eventsite-upload-") as scratch:
        suffix = PurePosixPath(name).suffix.lower()
        source, target = Path(scratch) / f"upload{suffix}", Path(scratch) / f"clean{suffix}"
        source.write_bytes(data)
        if not metadata_labels(source):
            return data
        cleaning = importlib.import_module("clean_images.cleaning")
        quality = importlib.import_module("clean_images.settings").DEFAULTS["CLEAN_IMAGES_QUALITY"]
        try:
            cleaning.write_clean(source, target, quality)
        except Exception as error:  # Pillow's many errors on a broken file: one French refusal
            raise Refused(f"« {name} » n'est pas une image lisible ({type(error).__name__}) : exportez-la à nouveau en JPEG ou PNG") from None
        return target.read_bytes()


def file_id(data: bytes) -> str:
    """The identifier Decap keeps for a file's version."""
    return hashlib.sha256(data).hexdigest()


def entry(files: ContentFiles, path: str) -> dict[str, Any]:
    """A content file as Decap reads it: its text and identifier (data None when it does not exist)."""
    try:
        data = files.resolve(path).read_bytes()
    except (OSError, Refused):
        return {"data": None, "file": {"path": path, "id": None}}
    return {"data": data.decode("utf-8", errors="replace"), "file": {"path": path, "id": file_id(data)}}


def media(files: ContentFiles, path: str) -> dict[str, Any]:
    """An image as Decap reads it: base64 content, identifier, path and name."""
    data = files.resolve(path).read_bytes()
    return {"id": file_id(data), "content": base64.b64encode(data).decode("ascii"), "encoding": "base64",
            "path": path, "name": PurePosixPath(path).name}


def persist_entry(files: ContentFiles, params: Mapping[str, Any]) -> dict[str, Any]:
    """Save an entry (its data files and its new images); every path is checked before anything is written."""
    data_files = params.get("dataFiles") or [params["entry"]]
    writes = [(files.writable_entry(f["path"]), str(f["raw"]).encode("utf-8")) for f in data_files]
    writes += [(files.writable_image(a["path"]), without_metadata(base64.b64decode(a["content"]), a["path"]))
               for a in params.get("assets", [])]
    moves = [(files.resolve(f["path"]), files.writable_entry(f["newPath"])) for f in data_files if f.get("newPath")]
    for target, data in writes:
        write_bytes(target, data, keep_mode=True)
    for source, target in moves:
        os.replace(source, target)
    return {"message": "entry persisted"}


def persist_media(files: ContentFiles, params: Mapping[str, Any]) -> dict[str, Any]:
    """Save one uploaded image."""
    asset = params["asset"]
    write_bytes(files.writable_image(asset["path"]), without_metadata(base64.b64decode(asset["content"]), asset["path"]), keep_mode=True)
    return media(files, asset["path"])


def delete(files: ContentFiles, paths: Iterable[str]) -> dict[str, Any]:
    """Delete images (the only files the editor deletes: a content file is removed by hand)."""
    targets = [files.writable_image(p) for p in paths]
    for target in targets:
        target.unlink(missing_ok=True)
    return {"message": "deleted"}


Action = Callable[[ContentFiles, Mapping[str, Any]], Any]
ACTIONS: dict[str, Action] = {
    "info": lambda files, p: {"repo": files.content.parent.name, "publish_modes": ["simple"], "type": "local_fs"},
    "entriesByFolder": lambda files, p: [entry(files, path) for path in files.listing(p["folder"], p.get("extension", ""), int(p.get("depth", 1)))],
    "entriesByFiles": lambda files, p: [entry(files, f["path"]) for f in p["files"]],
    "getEntry": lambda files, p: entry(files, p["path"]),
    "persistEntry": persist_entry,
    "getMedia": lambda files, p: [media(files, path) for path in files.listing(p["mediaFolder"], "", 1)],
    "getMediaFile": lambda files, p: media(files, p["path"]),
    "persistMedia": persist_media,
    "deleteFile": lambda files, p: delete(files, [p["path"]]),
    "deleteFiles": lambda files, p: delete(files, p["paths"]),
    "getDeployPreview": lambda files, p: None,
}


def handle(files: ContentFiles, request: Mapping[str, Any]) -> tuple[int, Any]:
    """(HTTP status, JSON answer) for one API request {action, params}."""
    action = ACTIONS.get(str(request.get("action")))
    if action is None:
        return 422, {"error": f"action inconnue « {request.get('action')} »"}
    try:
        return 200, action(files, request.get("params") or {})
    except Refused as refused:
        return 422, {"error": str(refused)}
    except (KeyError, TypeError, ValueError) as error:
        return 422, {"error": f"requête incomplète ({error})"}
    except OSError as error:
        return 500, {"error": f"fichier illisible ou impossible à écrire : {error.strerror or error}"}
