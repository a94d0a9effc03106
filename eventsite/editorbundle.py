"""The editor's code (Decap CMS): pinned in package.json and package-lock.json, fetched from npm without Node.

`python -m eventsite.editorbundle` downloads the pinned tarball from the npm registry, checks it
against the lock file's sha512, and keeps only its built files (decap-cms.js, its chunks and WebAssembly,
no source maps) in .cache/editor/decap-cms-VERSION/. The editor serves them from there: nothing is loaded from
another host. When `npm ci` installed the package, node_modules/decap-cms/dist is used as it is.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "decap-cms"
REGISTRY = "https://registry.npmjs.org"
MAIN_SCRIPT = "decap-cms.js"
# The only files the editor page loads: the bundle, its lazily loaded chunks (NNN.decap-cms.js) and
# its WebAssembly (the same package also ships a second copy of everything named cms.js: not kept).
SERVED_NAME = re.compile(r"^(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm)$")


class BundleMissing(Exception):
    """The editor's files are not installed, or do not match the pinned version: what to run, in French."""


@dataclass(frozen=True)
class Pin:
    """The pinned editor package: its version and the lock file's integrity string."""

    version: str
    integrity: str

    @property
    def tarball_url(self) -> str:
        """The registry address of this version's tarball."""
        return f"{REGISTRY}/{PACKAGE}/-/{PACKAGE}-{self.version}.tgz"


def read_pin(root: Path = ROOT) -> Pin:
    """The version of PACKAGE pinned in package.json, with its integrity from package-lock.json."""
    declared = json.loads((root / "package.json").read_text(encoding="utf-8"))
    version = {**declared.get("dependencies", {}), **declared.get("optionalDependencies", {})}[PACKAGE]
    locked = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))["packages"][f"node_modules/{PACKAGE}"]
    if locked["version"] != version:
        raise BundleMissing(f"package.json épingle {PACKAGE} {version} mais package-lock.json a {locked['version']}")
    return Pin(version, locked["integrity"])


def cache_folder(pin: Pin, root: Path = ROOT) -> Path:
    """Where the fetched files of PIN are kept."""
    return root / ".cache" / "editor" / f"{PACKAGE}-{pin.version}"


def bundle_folder(root: Path = ROOT) -> Path:
    """The folder holding decap-cms.js and its chunks; BundleMissing (in French) when there is none."""
    installed = root / "node_modules" / PACKAGE / "dist"
    if (installed / MAIN_SCRIPT).is_file():
        return installed
    fetched = cache_folder(read_pin(root), root)
    if (fetched / MAIN_SCRIPT).is_file():
        return fetched
    raise BundleMissing(
        "L'éditeur n'est pas encore installé. Lancez une fois « python scripts/setup.py --editor » "
        "(« py scripts\\setup.py --editor » sous Windows), puis relancez « invoke edit »."
    )


def check_integrity(data: bytes, integrity: str) -> None:
    """Raise BundleMissing unless DATA matches INTEGRITY (npm's « sha512-BASE64 »)."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512" or base64.b64encode(hashlib.sha512(data).digest()).decode() != expected:
        raise BundleMissing("le fichier téléchargé ne correspond pas à l'empreinte de package-lock.json : rien n'a été installé")


def served_members(archive: tarfile.TarFile) -> list[tuple[str, tarfile.TarInfo]]:
    """(file name, member) of each file of package/dist/ the editor page loads (regular files only)."""
    kept = []
    for member in archive.getmembers():
        path = PurePosixPath(member.name)
        if member.isfile() and path.parent == PurePosixPath("package/dist") and SERVED_NAME.match(path.name):
            kept.append((path.name, member))
    return kept


def unpack(data: bytes, target: Path) -> int:
    """Write the built files of the tarball DATA into TARGET (replaced whole, atomically); return how many."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            members = served_members(archive)
            for name, member in members:
                source = archive.extractfile(member)
                assert source is not None  # a regular file always has content
                (staging / name).write_bytes(source.read())
        if not (staging / MAIN_SCRIPT).is_file():
            raise BundleMissing(f"l'archive de {PACKAGE} ne contient pas dist/{MAIN_SCRIPT}")
        shutil.rmtree(target, ignore_errors=True)
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(members)


def fetch(root: Path = ROOT, download=None) -> Path:
    """Download, check and unpack the pinned editor into the cache (nothing to do if it is there); return its folder."""
    pin = read_pin(root)
    target = cache_folder(pin, root)
    if (target / MAIN_SCRIPT).is_file():
        return target
    data = (download or _download)(pin.tarball_url)
    check_integrity(data, pin.integrity)
    unpack(data, target)
    return target


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - a fixed https registry address
        return response.read()


def main() -> int:
    """Fetch the editor's files; print where they are, or what went wrong in French."""
    try:
        folder = fetch()
    except (BundleMissing, OSError) as error:
        print(f"Installation de l'éditeur impossible : {error}", file=sys.stderr)
        return 1
    print(f"Éditeur installé dans {folder.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
