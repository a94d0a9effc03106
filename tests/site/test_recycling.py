"""A build writes into the previous site (the spare) instead of deleting it, and leaves nothing stale."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from eventsite.recycling import file_marks, remove_unwritten
from tests.site.concurrency_support import finish, make_project, start_build


def tree(root: Path) -> dict[str, str]:
    """Every file and folder below ROOT: relative path → digest of its bytes, or « folder »."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(root.rglob("*"))}


def build(settings: Path, output: Path, umask: int = 0o022) -> None:
    """One build in its own process, as an author runs it."""
    finish(start_build(settings, output, umask=umask))


def edit(settings: Path) -> None:
    """Change one content file, so that the next build is a real one (with nothing changed, nothing is built)."""
    bio = settings.parent / "content/speakers/bob-durand.md"
    bio.write_text(bio.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")


def test_a_build_into_the_previous_site_leaves_no_stale_file_and_matches_a_cold_build(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    output = tmp_path / "output"
    build(settings, output)
    first_inode = (output / "index.html").stat().st_ino
    edit(settings)
    build(settings, output)  # the first site becomes the spare
    assert (tmp_path / ".output-spare" / "index.html").stat().st_ino == first_inode
    stale = [p.relative_to(output).as_posix() for p in output.rglob("*") if "ouverture" in p.name]
    assert stale  # the session's page, card and calendar exist before its file is deleted
    (tmp_path / "content/sessions/ouverture.md").unlink()

    build(settings, output)  # written into the first site's folder
    assert (output / "index.html").stat().st_ino == first_inode
    assert [p for p in stale if (output / p).exists()] == []
    cold = tmp_path / "cold"
    build(settings, cold)
    assert tree(output) == tree(cold)
    assert [p for p in tree(output) if p.startswith("images/galeries/journee/")]  # hard-linked from the store, kept
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) == [".output-spare"]


def test_a_spare_made_under_another_umask_is_not_reused(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    output = tmp_path / "output"
    build(settings, output, umask=0o022)
    edit(settings)
    build(settings, output, umask=0o022)
    assert (tmp_path / ".output-spare").is_dir()
    build(settings, output, umask=0o027)
    # Gallery images are hard links into the store, made under the first umask: left out.
    found = [p.stat() for p in [output, *output.rglob("*")]]
    assert {oct(stat.S_IMODE(f.st_mode)) for f in found if f.st_nlink == 1 or stat.S_ISDIR(f.st_mode)} == {"0o750", "0o640"}


def test_writing_over_a_recycled_hard_link_never_changes_the_store(tmp_path: Path) -> None:
    store, site = tmp_path / "cache/photo.webp", tmp_path / "spare/images/galeries/journee"
    store.parent.mkdir(parents=True)
    site.mkdir(parents=True)
    store.write_bytes(b"image du magasin")
    (site / "photo.webp").hardlink_to(store)
    (site / "other.webp").hardlink_to(store)
    marks = file_marks(tmp_path / "spare")
    (site / "photo.webp").write_bytes(b"autre chose")  # a later build puts another file at that path
    assert store.read_bytes() == b"image du magasin"
    remove_unwritten(tmp_path / "spare", marks)
    assert sorted(p.name for p in site.iterdir()) == ["photo.webp"]  # the link not made again is gone
    (site / "photo.webp").unlink()
    remove_unwritten(tmp_path / "spare", marks)
    assert not (tmp_path / "spare/images").exists()  # and folders left empty go


def test_a_folder_of_the_previous_site_that_becomes_a_file_does_not_fail_the_build(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    page = tmp_path / "content/pages/trajet.md"
    page.write_text("Title: Trajet\nSave_as: acces/index.html\nUrl: acces/\n\nLe trajet.\n", encoding="utf-8")
    output = tmp_path / "output"
    build(settings, output)
    edit(settings)
    build(settings, output)  # the first site, with its folder acces/, is now the spare
    page.write_text("Title: Trajet\nSave_as: acces\nUrl: acces\n\nLe trajet.\n", encoding="utf-8")

    build(settings, output)  # written over the spare, where acces is a folder: done again from empty

    assert (output / "acces").is_file() and "Le trajet." in (output / "acces").read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    build(settings, cold)
    assert tree(output) == tree(cold)
