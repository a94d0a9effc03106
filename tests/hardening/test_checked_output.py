"""An output file already checked and unchanged since is not opened again; a new, changed or racy one always is.

The attacks put an image with metadata where a checked file was while keeping what a naive
cache compares (name, size, modification time); each must still leave without metadata.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest

from clean_images import checked as checked_module
from clean_images import clean_images as plugin
from clean_images.checked import RECORD_FILE, CheckedFiles
from clean_images.clean_images import clean_output
from eventsite.build import build_site
from eventsite.imagemetadata import metadata_labels
from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site
from tests.hardening.images import assert_no_metadata, picture, write_with_metadata
from tests.site.test_incremental import contents

SETTLED = 3 * 10**9  # a check this long after the files were written finds their times settled (2 s)
PAGE = "<!doctype html><title>Programme</title><p>Le programme.</p>\n"


def later() -> int:
    """The moment of a check that runs 3 s from now: the files written until now are settled."""
    return time.time_ns() + SETTLED


def check(output: Path, cache: Path, moment: int | None = None) -> int:
    """Run clean_images' check of OUTPUT as a build does: record read, files checked, record written."""
    record = CheckedFiles.load(cache / RECORD_FILE, moment)
    cleaned = clean_output(output, cache / "copies", 90, record)
    record.save()
    return cleaned


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The output files clean_images opens, in order (relative paths)."""
    seen: list[str] = []
    real = plugin.clean_file

    def spy(path: str | Path, cache: Path, quality: int) -> tuple[str, ...]:
        name, folder = Path(path).name, Path(path).parent.name
        seen.append(name if folder in ("out", "a", "b") else f"{folder}/{name}")
        return real(path, cache, quality)

    monkeypatch.setattr(plugin, "clean_file", spy)
    return seen


def jpeg_pair(folder: Path) -> tuple[bytes, bytes]:
    """A JPEG with EXIF, GPS, XMP and a comment, and a clean JPEG padded to the very same size."""
    buffer = io.BytesIO()
    picture().save(buffer, "JPEG")
    clean = buffer.getvalue()
    with_gps = write_with_metadata(folder / "made" / "gps.jpg", "JPEG")
    assert "GPS" in metadata_labels(with_gps)
    dirty = with_gps.read_bytes()
    assert len(dirty) > len(clean)
    return dirty, clean + b"\x00" * (len(dirty) - len(clean))  # bytes after the end of the image: no header


def overwrite_keeping_size_and_mtime(path: Path, data: bytes) -> None:
    """Write DATA through PATH's own inode (same size), then set its modification time back with os.utime."""
    before = os.lstat(path)
    assert len(data) == before.st_size
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.lstat(path)
    assert (after.st_dev, after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_dev, before.st_ino, before.st_size, before.st_mtime_ns)  # all a naive cache compares


def small_output(output: Path) -> None:
    """A page, a clean image and a photo with metadata."""
    (output / "programme").mkdir(parents=True)
    (output / "programme" / "index.html").write_text(PAGE, encoding="utf-8")
    picture().save(output / "logo.png", "PNG")
    write_with_metadata(output / "photo.jpg", "JPEG")


def test_a_checked_file_is_not_opened_again_until_it_changes(tmp_path: Path, opened: list[str]) -> None:
    output = tmp_path / "out"
    small_output(output)
    assert check(output, tmp_path, later()) == 1
    assert sorted(opened) == ["logo.png", "photo.jpg", "programme/index.html"]
    opened.clear()
    assert check(output, tmp_path, later()) == 0
    assert opened == ["photo.jpg"]  # replaced by its clean copy last time: a new file, checked once
    opened.clear()
    assert check(output, tmp_path, later()) == 0
    assert opened == []
    (output / "programme" / "index.html").write_text(PAGE + "<p>Modifié.</p>\n", encoding="utf-8")
    (output / "nouvelle.png").write_bytes((output / "logo.png").read_bytes())
    assert check(output, tmp_path, later()) == 0
    assert opened == ["nouvelle.png", "programme/index.html"]


def test_two_sites_in_turn_are_each_trusted(tmp_path: Path, opened: list[str]) -> None:
    """The staging folder is the site of the build before the last: each folder's stamps are kept."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.html").write_text(PAGE, encoding="utf-8")
    for folder in ("a", "b"):
        check(tmp_path / folder, tmp_path, later())
    opened.clear()
    for folder in ("a", "b", "a"):
        check(tmp_path / folder, tmp_path, later())
    assert opened == []


def test_a_recently_written_file_is_opened_again(tmp_path: Path, opened: list[str]) -> None:
    """A file whose times are not 2 s older than the check is racy: not trusted, whatever its stamp."""
    output = tmp_path / "out"
    small_output(output)
    check(output, tmp_path)  # now: every file was written within the last 2 s
    opened.clear()
    check(output, tmp_path, later())
    assert sorted(opened) == ["logo.png", "photo.jpg", "programme/index.html"]


def test_an_image_put_in_place_with_its_size_and_mtime_restored_is_cleaned(tmp_path: Path) -> None:
    """Same inode, size and modification time (os.utime): only the change time tells, and it must."""
    dirty, clean = jpeg_pair(tmp_path)
    output = tmp_path / "out"
    output.mkdir()
    (output / "plan.jpg").write_bytes(clean)
    assert check(output, tmp_path, later()) == 0
    overwrite_keeping_size_and_mtime(output / "plan.jpg", dirty)
    assert check(output, tmp_path, later()) == 1
    assert_no_metadata(output / "plan.jpg")


def coarse_stamp(found: os.stat_result) -> str:
    """A stamp on a file system whose times have a one-second grain (ext3, HFS+; FAT has two)."""
    return f"{found.st_dev}:{found.st_ino}:{found.st_size}:{found.st_mtime_ns // 10**9}:{found.st_ctime_ns // 10**9}"


def test_a_file_changed_within_the_racy_window_is_cleaned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writes within one tick of the clock leave the same stamp: the first one's check must not be trusted.

    The first file is copied as Pelican copies a static file (shutil.copy2): an old modification
    time, a change time of now. Only the change time tells it is racy.
    """
    monkeypatch.setattr(checked_module, "stamp_of", coarse_stamp)
    dirty, clean = jpeg_pair(tmp_path)
    original = tmp_path / "content" / "plan.jpg"
    original.parent.mkdir()
    original.write_bytes(clean)
    an_hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(original, ns=(an_hour_ago, an_hour_ago))
    for attempt in range(5):  # until both writes fall within one second of the file system's clock
        output, cache = tmp_path / f"out-{attempt}", tmp_path / f"cache-{attempt}"
        output.mkdir()
        time.sleep((10**9 - time.time_ns() % 10**9) / 10**9 + 0.05)  # early in a second, past the clock's lag
        shutil.copy2(original, output / "plan.jpg")
        first = os.lstat(output / "plan.jpg")
        check(output, cache)  # found clean, right after it was written
        overwrite_keeping_size_and_mtime(output / "plan.jpg", dirty)
        if coarse_stamp(os.lstat(output / "plan.jpg")) == coarse_stamp(first):
            break
    else:
        pytest.fail("the two writes never fell within one second")
    assert check(output, cache, later()) == 1
    assert_no_metadata(output / "plan.jpg")


def test_a_hard_link_to_a_content_file_modified_in_place_is_cleaned(tmp_path: Path) -> None:
    dirty, clean = jpeg_pair(tmp_path)
    original = tmp_path / "content" / "images" / "plan.jpg"
    original.parent.mkdir(parents=True)
    original.write_bytes(clean)
    output = tmp_path / "out"
    output.mkdir()
    os.link(original, output / "plan.jpg")
    assert check(output, tmp_path, later()) == 0
    overwrite_keeping_size_and_mtime(original, dirty)  # the author's edit, through the other name
    assert check(output, tmp_path, later()) == 1
    assert_no_metadata(output / "plan.jpg")
    assert original.read_bytes() == dirty  # replaced in the output, never written through


def test_a_checked_page_replaced_by_a_jpeg_with_gps_is_cleaned(tmp_path: Path) -> None:
    """Another file under the checked name, with the page's size and modification time."""
    dirty, _ = jpeg_pair(tmp_path)
    output = tmp_path / "out"
    page = output / "programme" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(PAGE.encode("utf-8").ljust(len(dirty), b" "))
    assert check(output, tmp_path, later()) == 0
    before = os.lstat(page)
    intruder = output / "programme" / "intrus.tmp"
    intruder.write_bytes(dirty)
    os.utime(intruder, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(intruder, page)
    assert "GPS" in metadata_labels(page)
    assert check(output, tmp_path, later()) == 1
    assert_no_metadata(page)


@pytest.mark.parametrize("record", [
    b"", b"{pas du json", b"\xff\xfe\x00", b"[]", b'{"version": 1, "files": []}',
    b'{"version": 1, "files": {"photo.jpg": [1, 2]}}', b'{"version": 1}', b"null",
])
def test_a_missing_or_corrupt_record_means_every_file_is_opened(
        tmp_path: Path, opened: list[str], record: bytes) -> None:
    output = tmp_path / "out"
    small_output(output)
    (tmp_path / RECORD_FILE).write_bytes(record)
    assert check(output, tmp_path, later()) == 1
    assert sorted(opened) == ["logo.png", "photo.jpg", "programme/index.html"]
    assert_no_metadata(output / "photo.jpg")
    opened.clear()
    check(output, tmp_path, later())
    assert opened == ["photo.jpg"]  # the record was written again


def test_a_record_of_another_version_is_not_trusted(tmp_path: Path, opened: list[str]) -> None:
    output = tmp_path / "out"
    small_output(output)
    check(output, tmp_path, later())
    check(output, tmp_path, later())
    text = (tmp_path / RECORD_FILE).read_text(encoding="utf-8")
    (tmp_path / RECORD_FILE).write_text(text.replace(f'"version":{checked_module.VERSION}', '"version":0'), encoding="utf-8")
    opened.clear()
    check(output, tmp_path, later())
    assert sorted(opened) == ["logo.png", "photo.jpg", "programme/index.html"]


def test_the_record_holds_only_the_current_output(tmp_path: Path) -> None:
    output = tmp_path / "out"
    small_output(output)
    check(output, tmp_path, later())
    (output / "logo.png").unlink()
    (output / "programme" / "index.html").unlink()
    (output / "programme").rmdir()
    check(output, tmp_path, later())
    assert list(CheckedFiles.load(tmp_path / RECORD_FILE).earlier) == ["photo.jpg"]


def test_a_file_changed_in_place_leaves_no_stale_stamp(tmp_path: Path) -> None:
    """A card re-linked or a calendar touched by every build: its earlier stamps go, the record does not grow with them."""
    output = tmp_path / "out"
    output.mkdir()
    calendar = output / "agenda.ics"
    calendar.write_text("BEGIN:VCALENDAR\n", encoding="utf-8")
    check(output, tmp_path, later())
    os.utime(calendar)  # as Inside.write does for a calendar whose bytes did not change
    check(output, tmp_path, later())
    assert CheckedFiles.load(tmp_path / RECORD_FILE).earlier == {"agenda.ics": [checked_module.stamp_of(os.lstat(calendar))]}
    os.utime(calendar)
    check(output, tmp_path)  # racy: its stamp is not kept, nor the stale one
    assert CheckedFiles.load(tmp_path / RECORD_FILE).earlier == {}


def test_a_file_that_cannot_be_cleaned_is_tried_at_every_check(
        tmp_path: Path, opened: list[str], caplog: pytest.LogCaptureFixture) -> None:
    """Never recorded as checked: each build tries it again and names it (a strict build fails each time)."""
    dirty, _ = jpeg_pair(tmp_path)
    output = tmp_path / "out"
    output.mkdir()
    (output / "coupee.jpg").write_bytes(dirty[: dirty.index(b"\xff\xda") + 20])  # headers, then the data cut short
    caplog.set_level("WARNING")
    for _ in range(2):
        opened.clear()
        assert check(output, tmp_path, later()) == 0
        assert opened == ["coupee.jpg"]
    assert any("coupee.jpg" in r.getMessage() for r in caplog.records)



def test_a_real_build_opens_again_only_what_changed_and_cleans_what_came(tmp_path: Path, opened: list[str]) -> None:
    """Five builds into two sites in turn (staging.py): from the fifth, a page left in place is not opened again;
    a photo with GPS added to content/ is cleaned, and the site is the one a cold build writes."""
    content = write_site(tmp_path, BASE_SITE)
    output = tmp_path / "output"
    speaker = "bob-durand/index.html"

    def build(note: str) -> list[str]:
        opened.clear()
        (content / "news" / "compte-rendu.md").write_text(
            f"Title: Compte rendu\nDate: 2018-03-05 10:00\n\n{note}\n", encoding="utf-8")
        build_site(SETTINGS, output, strict=False, overrides=site_overrides(tmp_path, content, EVENT_LANGUAGES={}))
        return list(opened)

    build("Un.")
    time.sleep(SETTLED / 10**9)  # the first site's files settle before they are checked again (third build)
    for note in ("Deux.", "Trois.", "Quatre."):
        assert speaker in build(note)  # written, or checked while racy: opened
    assert speaker not in build("Cinq.")  # left in place since the first build, checked settled by the third
    assert (tmp_path / "cache" / RECORD_FILE).is_file()
    write_with_metadata(content / "images" / "photo.jpg", "JPEG")
    assert "images/photo.jpg" in build("Six.")
    assert_no_metadata(output / "images" / "photo.jpg")
    cold = tmp_path / "cold"
    build_site(SETTINGS, cold / "output", strict=False,
               overrides=site_overrides(cold, content, EVENT_LANGUAGES={}))
    assert contents(output) == contents(cold / "output")
