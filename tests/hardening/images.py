"""Real image files carrying metadata, made with Pillow (no piexif), for the hardening tests."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin

GPS_IFD = 0x8825
ORIENTATION = 0x0112
# Description, make, model, software, date, artist, XMP, copyright, IPTC, EXIF, ICC, GPS.
IDENTIFYING_TAGS = {270, 271, 272, 305, 306, 315, 700, 33432, 33723, 34665, 34675, 34853}
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret-xmp</x:xmpmeta>'


def exif_with_gps(orientation: int = 1) -> Image.Exif:
    """Return EXIF with a description, an orientation and a GPS position."""
    exif = Image.Exif()
    exif[0x010E] = "secret-description"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (45.0, 45.0, 30.0), 3: "E", 4: (4.0, 50.0, 10.0)})
    return exif


def srgb_icc() -> bytes:
    """Return an embedded sRGB ICC profile."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def picture(size: tuple[int, int] = (40, 20), mode: str = "RGB") -> Image.Image:
    """Return an image whose left half is red and right half blue (orientation is visible)."""
    im = Image.new(mode, size, "blue" if mode == "RGB" else 1)
    im.paste("red" if mode == "RGB" else 2, (0, 0, size[0] // 2, size[1]))
    return im


def gif_with_xmp(path: Path) -> Path:
    """Write a GIF with an XMP application extension (Pillow cannot write one)."""
    buffer = io.BytesIO()
    picture(mode="P").save(buffer, "GIF")
    data = buffer.getvalue()
    blocks = b"".join(bytes([len(XMP[i:i + 255])]) + XMP[i:i + 255] for i in range(0, len(XMP), 255))
    extension = b"\x21\xff\x0bXMP DataXMP" + blocks + b"\x00"
    screen_end = 13 + (3 * 2 ** ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    path.write_bytes(data[:screen_end] + extension + data[screen_end:])
    return path


def write_with_metadata(path: Path, fmt: str) -> Path:
    """Write an image of format `fmt` carrying every kind of metadata that format can hold."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "GIF-XMP":
        return gif_with_xmp(path)
    exif, icc = exif_with_gps(), srgb_icc()
    if fmt == "JPEG":
        picture().save(path, "JPEG", exif=exif, comment=b"secret-comment", xmp=XMP, icc_profile=icc)
    elif fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "secret-comment")
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        picture().save(path, "PNG", pnginfo=info, exif=exif, icc_profile=icc)
    elif fmt == "WEBP":
        picture().save(path, "WEBP", exif=exif, xmp=XMP, icc_profile=icc)
    elif fmt == "GIF":
        picture(mode="P").save(path, "GIF", comment=b"secret-comment")
    elif fmt == "TIFF":
        tags = {0x010E: "secret-description", 0x013B: "secret-artist"}
        picture().save(path, "TIFF", tiffinfo=tags, icc_profile=icc)
    return path


def assert_no_metadata(path: Path) -> None:
    """Open `path` with Pillow and assert it carries no metadata at all."""
    data = path.read_bytes()
    for secret in (b"secret-comment", b"secret-xmp", b"secret-description"):
        assert secret not in data, (path, secret)
    with Image.open(path) as im:
        im.load()
        exif = im.getexif()
        assert not exif.get_ifd(GPS_IFD), path
        assert not set(exif) & IDENTIFYING_TAGS, dict(exif)
        assert exif.get(ORIENTATION, 1) == 1, dict(exif)
        assert "comment" not in im.info and "xmp" not in im.info, im.info
        assert "icc_profile" not in im.info or b"sRGB" in im.info["icc_profile"], path
        if hasattr(im, "text"):
            assert not im.text, im.text


