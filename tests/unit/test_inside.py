"""eventsite.safepaths.Inside: a folder looked in again is listed once, and its links are still followed and checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventsite.safepaths import Inside, PathOutside


def test_a_link_among_many_files_is_followed_and_refused_when_it_leads_outside(tmp_path: Path) -> None:
    root, outside = tmp_path / "content", tmp_path / "secret.md"
    (root / "sessions").mkdir(parents=True)
    outside.write_text("private", encoding="utf-8")
    for index in range(5):
        (root / "sessions" / f"s{index}.md").write_text("x", encoding="utf-8")
    (root / "sessions" / "inside.md").symlink_to(root / "sessions" / "s0.md")
    (root / "sessions" / "leak.md").symlink_to(outside)
    checker = Inside(root)
    for index in range(5):  # the folder is listed once, from the second file on
        assert checker.resolve(f"sessions/s{index}.md") == str(root / "sessions" / f"s{index}.md")
    assert str(root / "sessions") in checker.links
    assert checker.resolve("sessions/inside.md") == str(root / "sessions" / "s0.md")
    with pytest.raises(PathOutside):
        checker.resolve("sessions/leak.md")


def test_a_linked_folder_leading_outside_is_refused_after_its_parent_is_listed(tmp_path: Path) -> None:
    root = tmp_path / "output"
    (root / "pages").mkdir(parents=True)
    for index in range(3):
        (root / "pages" / f"p{index}").mkdir()
    (root / "pages" / "out").symlink_to(tmp_path)
    checker = Inside(root)
    for index in range(3):
        checker.resolve(f"pages/p{index}/index.html")
    with pytest.raises(PathOutside):
        checker.resolve("pages/out/index.html")


def test_a_missing_folder_is_looked_up_name_by_name(tmp_path: Path) -> None:
    checker = Inside(tmp_path)
    for index in range(4):
        assert checker.resolve(f"not-yet/p{index}/index.html") == os.path.join(str(tmp_path), f"not-yet/p{index}/index.html")
    assert str(tmp_path / "not-yet") not in checker.links
