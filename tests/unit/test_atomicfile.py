"""eventsite.atomicfile.write_bytes: all or nothing, the umask's mode or the old file's, never through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventsite import atomicfile
from eventsite.atomicfile import TEMPORARY_PREFIX, write_bytes


def test_the_file_is_written_and_its_missing_folders_made(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "card.png"
    write_bytes(target, b"data")
    assert target.read_bytes() == b"data"
    assert os.listdir(target.parent) == ["card.png"]  # no temporary file left beside it


def test_a_new_file_gets_the_umasks_mode_and_keep_mode_keeps_the_old_ones(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        target = tmp_path / "page.html"
        write_bytes(target, b"one")
        assert target.stat().st_mode & 0o777 == 0o640  # not mkstemp's 0600
        target.chmod(0o600)
        write_bytes(target, b"two", keep_mode=True)
        assert target.stat().st_mode & 0o777 == 0o600
        write_bytes(target, b"three")
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_a_hard_link_is_replaced_never_written_through(tmp_path: Path) -> None:
    original = tmp_path / "original.jpg"
    original.write_bytes(b"author's photo")
    linked = tmp_path / "linked.jpg"
    os.link(original, linked)
    write_bytes(linked, b"cleaned")
    assert original.read_bytes() == b"author's photo"
    assert linked.read_bytes() == b"cleaned"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "entry.html"
    target.write_bytes(b"old")

    def refused(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomicfile.os, "replace", refused)
    with pytest.raises(OSError):
        write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(TEMPORARY_PREFIX)]
