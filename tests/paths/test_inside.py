"""Paths checked in batches (safepaths.Inside, each folder resolved once) refuse and accept exactly what a
full resolution of each path does: links to files or folders outside, `..`, loops, links swapped in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventsite.safepaths import Inside, PathOutside


def reference(root: Path, relative: str) -> str:
    """What a path resolves to, read from scratch (None-like "" when it leaves ROOT)."""
    base = os.path.realpath(root)
    target = os.path.realpath(os.path.join(base, relative))
    return target if os.path.commonpath([base, target]) == base and target != base else ""


def tree(tmp_path: Path) -> Path:
    """content/ with ordinary files and folders, and links leading in, out and nowhere."""
    outside = tmp_path / "secret"
    (outside / "deep").mkdir(parents=True)
    (outside / "passwords.md").write_text("x")
    root = tmp_path / "content"
    (root / "speakers" / "inner").mkdir(parents=True)
    (root / "speakers" / "alice.md").write_text("a")
    (root / "speakers" / "inner" / "bob.md").write_text("b")
    (root / "speakers" / "out.md").symlink_to(outside / "passwords.md")  # a file leading out
    (root / "speakers" / "in.md").symlink_to("alice.md")  # a file leading in
    (root / "linked").symlink_to(outside)  # a folder leading out
    (root / "alias").symlink_to(root / "speakers")  # a folder leading in
    (root / "speakers" / "loop.md").symlink_to("loop.md")  # a link to itself
    (root / "speakers" / "up").symlink_to("..")  # back to content/
    (root / "speakers" / "upup").symlink_to("../..")  # out of content/
    return root


PATHS = [
    "speakers/alice.md", "speakers/inner/bob.md", "speakers/out.md", "speakers/in.md", "linked/passwords.md",
    "linked/deep/x.md", "alias/alice.md", "alias/out.md", "speakers/loop.md", "speakers/up/speakers/alice.md",
    "speakers/upup/secret/passwords.md", "speakers/../speakers/alice.md", "speakers/../../secret/passwords.md",
    "speakers/new/page.md", "speakers/./alice.md", "speakers/..", "speakers/.", "speakers/", "alice.md", "..",
    "speakers/up", "speakers/upup", "alias", "linked",
    # Deep folders, resolved from their parent's real path: links met at any depth, out and back in.
    "alias/inner/bob.md", "alias/inner/new/x.md", "speakers/up/linked/passwords.md", "speakers/up/alias/inner/bob.md",
    "speakers/inner/../out.md", "alias/../speakers/alice.md", "speakers/upup/content/speakers/alice.md",
    "linked/../content/speakers/alice.md", "speakers/up/speakers/up/linked/deep/x.md", "new/deeper/still/x.md",
]


def outcome(inside: Inside, relative: str) -> str:
    try:
        return inside.resolve(relative)
    except PathOutside:
        return ""


def test_a_batch_resolves_every_path_as_a_full_resolution_does(tmp_path):
    root = tree(tmp_path)
    inside = Inside(root)  # one object for the whole batch: its folders are resolved once
    for relative in PATHS * 2:  # the second pass is served from the folders already resolved
        assert outcome(inside, relative) == reference(root, relative), relative
    assert outcome(inside, "speakers/out.md") == "" and outcome(inside, "linked/passwords.md") == ""
    assert outcome(inside, "speakers/in.md").endswith("speakers/alice.md")


@pytest.mark.parametrize("relative", ["", "/etc/passwd"])
def test_a_batch_refuses_what_is_not_a_relative_path(tmp_path, relative):
    with pytest.raises(PathOutside):
        Inside(tree(tmp_path)).resolve(relative)


def test_a_file_swapped_for_a_link_in_a_folder_already_resolved_is_refused(tmp_path):
    # The folder is remembered, never the file: a file replaced by a link leading out is seen.
    root = tree(tmp_path)
    inside = Inside(root)
    for _ in range(3):  # looked up again and again: the folder may be listed once, its files are still checked each time
        assert outcome(inside, "speakers/alice.md")
    (root / "speakers" / "alice.md").unlink()
    (root / "speakers" / "alice.md").symlink_to(tmp_path / "secret" / "passwords.md")
    assert outcome(inside, "speakers/alice.md") == ""


def test_writing_through_a_batch_stays_inside(tmp_path):
    root = tree(tmp_path)
    inside = Inside(root)
    inside.write("calendars/a.ics", b"A")
    assert (root / "calendars" / "a.ics").read_bytes() == b"A"
    with pytest.raises(PathOutside):
        inside.write("linked/b.ics", b"B")
    assert not (tmp_path / "secret" / "b.ics").exists()


def test_a_write_of_the_bytes_a_file_holds_only_moves_its_times_and_any_other_write_lands(tmp_path):
    # Calendars and schedule files are written again into the previous site at each build: the same
    # bytes only touch the file (recycling keeps what was touched), other bytes always land.
    inside = Inside(tmp_path)
    inside.write("agenda/a.ics", b"BEGIN:VCALENDAR 1")
    target = tmp_path / "agenda" / "a.ics"
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    inside.write("agenda/a.ics", b"BEGIN:VCALENDAR 1")
    assert target.read_bytes() == b"BEGIN:VCALENDAR 1" and target.stat().st_mtime_ns > 1_000_000_000
    inside.write("agenda/a.ics", b"BEGIN:VCALENDAR 2")  # same length, other bytes
    assert target.read_bytes() == b"BEGIN:VCALENDAR 2"
    inside.write("agenda/a.ics", b"BEGIN:VCALENDAR")  # shorter: the start of what it holds
    assert target.read_bytes() == b"BEGIN:VCALENDAR"


def test_a_link_among_many_files_is_followed_and_refused_when_it_leads_outside(tmp_path: Path) -> None:
    root, outside = tmp_path / "content", tmp_path / "secret.md"
    (root / "sessions").mkdir(parents=True)
    outside.write_text("private", encoding="utf-8")
    for index in range(5):
        (root / "sessions" / f"s{index}.md").write_text("x", encoding="utf-8")
    (root / "sessions" / "inside.md").symlink_to(root / "sessions" / "s0.md")
    (root / "sessions" / "leak.md").symlink_to(outside)
    checker = Inside(root)
    for index in range(5):
        assert checker.resolve(f"sessions/s{index}.md") == str(root / "sessions" / f"s{index}.md")
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
    (tmp_path / "not-yet").mkdir()  # made later in the batch, with a link leading out: still seen
    (tmp_path / "not-yet" / "out").symlink_to(tmp_path.parent)
    with pytest.raises(PathOutside):
        checker.resolve("not-yet/out/index.html")
