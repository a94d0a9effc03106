"""The editor's code comes from the pinned npm tarball, checked against package-lock.json, and only its built files are kept."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest

from eventsite import editorbundle
from tests.conftest import REPO


def tarball(files: dict[str, bytes]) -> bytes:
    """A .tgz holding FILES (member name → content), as npm packs a package."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def project(tmp_path: Path, data: bytes) -> Path:
    """A project folder pinning decap-cms with DATA's sha512, as package-lock.json records it."""
    shutil.copy(REPO / "package.json", tmp_path / "package.json")
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    lock["packages"]["node_modules/decap-cms"]["integrity"] = integrity
    (tmp_path / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    return tmp_path


def test_the_pin_matches_between_package_json_and_the_lock() -> None:
    pin = editorbundle.read_pin(REPO)
    assert pin.version == json.loads((REPO / "package.json").read_text())["optionalDependencies"]["decap-cms"]
    assert pin.integrity.startswith("sha512-")
    assert pin.tarball_url == f"https://registry.npmjs.org/decap-cms/-/decap-cms-{pin.version}.tgz"


def test_only_the_built_files_are_kept(tmp_path: Path) -> None:
    data = tarball({
        "package/dist/decap-cms.js": b"main", "package/dist/117.decap-cms.js": b"chunk",
        "package/dist/dd5d52671a5763720504.wasm": b"wasm", "package/dist/decap-cms.js.map": b"map",
        "package/dist/cms.js": b"copy", "package/dist/../../evil.js": b"evil", "package/src/index.js": b"src",
        "package/dist/esm/decap-cms.js": b"esm",
    })
    folder = editorbundle.fetch(project(tmp_path, data), download=lambda url: data)
    assert sorted(p.name for p in folder.iterdir()) == ["117.decap-cms.js", "dd5d52671a5763720504.wasm", "decap-cms.js"]
    assert not (tmp_path / "evil.js").exists() and not (tmp_path.parent / "evil.js").exists()
    assert editorbundle.bundle_folder(tmp_path) == folder


def test_a_tarball_that_does_not_match_the_lock_is_refused(tmp_path: Path) -> None:
    data = tarball({"package/dist/decap-cms.js": b"main"})
    root = project(tmp_path, data)
    with pytest.raises(editorbundle.BundleMissing, match="empreinte"):
        editorbundle.fetch(root, download=lambda url: data + b"tampered")
    with pytest.raises(editorbundle.BundleMissing, match="setup.py --editor"):
        editorbundle.bundle_folder(root)
