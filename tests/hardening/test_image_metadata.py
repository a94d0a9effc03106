"""No metadata leaves: the clean_images plugin strips every output image, the checks refuse any left."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from clean_images.clean_images import clean_output
from eventsite.checks import check_site
from eventsite.imagemetadata import metadata_labels
from tests.hardening.images import (
    assert_no_metadata, exif_with_gps, picture, write_with_metadata,
)
from tests.publish.sites import valid_site

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "GIF-XMP": "gif", "TIFF": "tif"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_checks_refuse_an_image_with_metadata(tmp_path: Path, fmt: str) -> None:
    site = valid_site(tmp_path / "site")
    image = write_with_metadata(site / "images" / f"photo.{FORMATS[fmt]}", fmt)
    problems = [p for p in check_site(site, validate_html=False).problems if p.kind == "image-metadata"]
    assert [p.file for p in problems] == [f"images/photo.{FORMATS[fmt]}"], problems
    assert "métadonnées" in problems[0].message
    clean_output(site, tmp_path / "cache", 90)
    assert_no_metadata(image)
    assert check_site(site, validate_html=False).ok


def test_orientation_is_applied_and_colours_kept(tmp_path: Path) -> None:
    path = tmp_path / "out" / "photo.jpg"
    path.parent.mkdir()
    picture((40, 20)).save(path, "JPEG", exif=exif_with_gps(orientation=6), quality=95)
    assert clean_output(tmp_path / "out", tmp_path / "cache", 90) == 1
    assert_no_metadata(path)
    with Image.open(path) as im:
        assert im.size == (20, 40)  # turned a quarter, as the camera said
        top, bottom = im.convert("RGB").getpixel((10, 2)), im.convert("RGB").getpixel((10, 37))
    assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]  # red above, blue below


def test_a_linked_file_is_replaced_never_modified(tmp_path: Path) -> None:
    store = write_with_metadata(tmp_path / "store" / "photo.jpg", "JPEG")
    before = store.read_bytes()
    output = tmp_path / "out"
    output.mkdir()
    os.link(store, output / "photo.jpg")
    clean_output(output, tmp_path / "cache", 90)
    assert store.read_bytes() == before
    assert_no_metadata(output / "photo.jpg")
    assert (output / "photo.jpg").stat().st_ino != store.stat().st_ino


def test_clean_images_are_left_alone_and_copies_cached(tmp_path: Path) -> None:
    output = tmp_path / "out"
    clean = output / "clean.png"
    output.mkdir()
    picture().save(clean, "PNG")
    stamp = clean.stat().st_mtime_ns, clean.stat().st_ino
    write_with_metadata(output / "a.jpg", "JPEG")
    assert clean_output(output, tmp_path / "cache", 90) == 1
    assert (clean.stat().st_mtime_ns, clean.stat().st_ino) == stamp
    [copy] = (tmp_path / "cache").iterdir()
    written = copy.stat().st_mtime_ns, copy.stat().st_ino
    write_with_metadata(output / "a.jpg", "JPEG")  # the same original again: the cached copy, not encoded again
    assert clean_output(output, tmp_path / "cache", 90) == 1
    assert list((tmp_path / "cache").iterdir()) == [copy]
    assert (copy.stat().st_mtime_ns, copy.stat().st_ino) == written


def test_an_image_that_cannot_be_cleaned_is_named_and_still_refused(tmp_path: Path, caplog) -> None:
    site = valid_site(tmp_path / "site")
    whole = write_with_metadata(tmp_path / "whole.jpg", "JPEG").read_bytes()
    broken = site / "images" / "coupee.jpg"
    broken.parent.mkdir()
    broken.write_bytes(whole[: whole.index(b"\xff\xda") + 20])  # headers, then the data cut short
    caplog.set_level("WARNING")
    assert clean_output(site, tmp_path / "cache", 90) == 0
    assert any("images/coupee.jpg" in r.getMessage() and "exportez" in r.getMessage() for r in caplog.records)
    assert [p.file for p in check_site(site, validate_html=False).problems] == ["images/coupee.jpg"]


def test_an_animation_keeps_its_frames(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    frames = [picture().rotate(90 * n).convert("P", palette=Image.Palette.ADAPTIVE) for n in range(3)]
    frames[0].save(output / "anim.gif", "GIF", save_all=True, append_images=frames[1:], loop=0,
                   duration=100, comment=b"secret-comment")
    assert clean_output(output, tmp_path / "cache", 90) == 1
    assert_no_metadata(output / "anim.gif")
    with Image.open(output / "anim.gif") as im:
        assert im.n_frames == 3 and im.info.get("loop") == 0


@pytest.mark.parametrize("side", [16, 400])  # read whole in memory (under 64 KiB), or through a file object
def test_a_text_chunk_after_the_image_data_is_found(tmp_path: Path, side: int) -> None:
    """PNG allows text after IDAT: metadata_labels reads up to IEND, whatever the file's size."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(3 * side * side)).save(buffer, "PNG", compress_level=0)
    data = buffer.getvalue()
    body = b"tEXt" + b"Comment\x00secret-comment"
    chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    path = tmp_path / "out" / "image.png"
    path.parent.mkdir()
    path.write_bytes(data[:-12] + chunk + data[-12:])  # before IEND
    assert (path.stat().st_size > 1 << 16) == (side == 400)
    assert metadata_labels(path) == ("commentaire",)
    assert clean_output(path.parent, tmp_path / "cache", 90) == 1
    assert_no_metadata(path)
