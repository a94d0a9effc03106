"""The dependency map resolves each content file with its folder resolved once: the same path as os.path.realpath."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from eventsite.safepaths import real_file


@pytest.mark.parametrize("relpath", ["la/b/f.md", "a/b/l.md", "la/b/rel.md", "a/b/absente.md", "la/b/../b/f.md", "a/b/", "la/b/."])
def test_a_file_is_resolved_as_realpath_resolves_it(tmp_path: Path, relpath: str) -> None:
    """Links in a folder, a linked file (absolute or relative target), a missing file, dots: realpath's answer each time."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "la").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "b" / "f.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "l.md").symlink_to(tmp_path / "a" / "b" / "f.md")
    (tmp_path / "a" / "b" / "rel.md").symlink_to("../b/f.md")
    folders: dict[str, str] = {}
    path = str(tmp_path / relpath) + ("/" if relpath.endswith("/") else "")
    assert real_file(path, folders) == os.path.realpath(path)
    assert real_file(path, folders) == os.path.realpath(path)  # and again, with its folder already resolved
