"""Find the metadata an image file carries by reading its headers only (stdlib, no decoding).

Shared by the clean_images plugin (which files to clean), `invoke check` and the pre-publish checks
(eventsite.checks refuses any output image that still carries one).
"""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path
from types import MappingProxyType
from collections.abc import Callable, Iterator
from typing import BinaryIO

# TIFF/EXIF tags that say something about the picture, its author, place or device.
TIFF_TAGS = MappingProxyType({
    270: "description", 271: "appareil (Make)", 272: "appareil (Model)", 305: "logiciel",
    306: "date", 315: "auteur", 700: "XMP", 33432: "copyright", 33723: "IPTC",
    34377: "Photoshop", 34665: "EXIF", 34675: "profil ICC", 34853: "GPS", 37510: "commentaire",
    40091: "titre", 40092: "commentaire", 40093: "auteur", 40094: "mots-clés", 40095: "sujet",
})
JPEG_APP1 = ((b"Exif\x00", "EXIF"), (b"http://ns.adobe.com/xap/1.0/", "XMP"),
             (b"http://ns.adobe.com/xmp/extension/", "XMP"))
PNG_TEXT = (b"tEXt", b"zTXt", b"iTXt")
WEBP_CHUNKS = MappingProxyType({b"EXIF": "EXIF", b"XMP ": "XMP", b"ICCP": "profil ICC"})
GIF_QUIET_APPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")
MAX_IFDS = 16
SMALL_FILE = 1 << 16  # read whole: most images of a site that are not photos


def _tiff_labels(data: bytes) -> list[str]:
    """Return the labels of the metadata tags of a TIFF stream (a TIFF file or an EXIF block)."""
    if data[:4] not in (b"II*\x00", b"MM\x00*"):
        return ["EXIF"]
    order = "<" if data[:2] == b"II" else ">"
    labels: list[str] = []
    try:
        return _ifd_labels(data, order, labels)
    except struct.error:
        return labels or ["EXIF"]


def _ifd_labels(data: bytes, order: str, labels: list[str]) -> list[str]:
    """Append to `labels` the metadata tags of every IFD of a TIFF stream; return them."""
    (offset,) = struct.unpack_from(order + "I", data, 4)
    seen: set[int] = set()
    while offset and offset not in seen and len(seen) < MAX_IFDS and offset + 2 <= len(data):
        seen.add(offset)
        (count,) = struct.unpack_from(order + "H", data, offset)
        for index in range(count):
            entry = offset + 2 + 12 * index
            if entry + 12 > len(data):
                return labels
            (tag,) = struct.unpack_from(order + "H", data, entry)
            if tag in TIFF_TAGS:
                labels.append(TIFF_TAGS[tag])
        end = offset + 2 + 12 * count
        offset = struct.unpack_from(order + "I", data, end)[0] if end + 4 <= len(data) else 0
    return labels


def _jpeg(handle: BinaryIO) -> list[str]:
    labels: list[str] = []
    handle.seek(2)
    while True:
        head = handle.read(2)
        while head[:1] == b"\xff" and head[1:2] == b"\xff":  # fill bytes
            head = head[1:] + handle.read(1)
        if len(head) < 2 or head[0] != 0xFF:
            return labels
        marker = head[1]
        if marker in (0x01, *range(0xD0, 0xD8)):
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no more headers
            return labels
        length_bytes = handle.read(2)
        if len(length_bytes) < 2:
            return labels
        payload = handle.read(max(0, struct.unpack(">H", length_bytes)[0] - 2))
        if marker == 0xFE:
            labels.append("commentaire")
        elif marker == 0xE0 and not payload.startswith((b"JFIF\x00", b"JFXX\x00")):
            labels.append("segment APP0")
        elif marker == 0xE1:
            kind = next((label for prefix, label in JPEG_APP1 if payload.startswith(prefix)), "APP1")
            labels += ["EXIF", *_tiff_labels(payload[6:])] if kind == "EXIF" else [kind]
        elif marker == 0xE2:
            labels.append("profil ICC" if payload.startswith(b"ICC_PROFILE\x00") else "segment APP2")
        elif marker == 0xED:
            labels.append("IPTC")
        elif 0xE3 <= marker <= 0xEF and not (marker == 0xEE and payload.startswith(b"Adobe")):
            labels.append(f"segment APP{marker - 0xE0}")


def _chunks(handle: BinaryIO, start: int, head: Callable[[bytes], tuple[bytes, int]],
            padding: Callable[[int], int]) -> Iterator[tuple[bytes, int]]:
    """Yield (kind, size) for each chunk of a PNG or RIFF stream; the reader may read the chunk's data.

    HEAD turns a chunk's 8-byte header into (kind, size); PADDING(size) is what follows the data
    (PNG's CRC, RIFF's pad byte). Whatever the caller read, the next chunk is found from the header.
    """
    handle.seek(start)
    while True:
        header = handle.read(8)
        if len(header) < 8:
            return
        kind, size = head(header)
        following = handle.tell() + size + padding(size)
        yield kind, size
        handle.seek(following)


def _png_head(header: bytes) -> tuple[bytes, int]:
    return header[4:], struct.unpack(">I", header[:4])[0]


def _riff_head(header: bytes) -> tuple[bytes, int]:
    return header[:4], struct.unpack("<I", header[4:])[0]


def _png(handle: BinaryIO) -> list[str]:
    labels: list[str] = []
    for kind, length in _chunks(handle, 8, _png_head, lambda size: 4):
        if kind == b"IEND":
            break
        if kind in PNG_TEXT:
            name = handle.read(min(length, 80)).split(b"\x00", 1)[0].decode("latin-1")
            labels.append("XMP" if name == "XML:com.adobe.xmp" else
                          "commentaire" if name.lower() == "comment" else f"texte PNG « {name} »")
        elif kind == b"eXIf":
            labels += ["EXIF", *_tiff_labels(handle.read(length))]
        elif kind == b"iCCP":
            labels.append("profil ICC")
    return labels


def _webp(handle: BinaryIO) -> list[str]:
    labels: list[str] = []
    for kind, size in _chunks(handle, 12, _riff_head, lambda size: size % 2):
        if kind == b"EXIF":
            labels += ["EXIF", *_tiff_labels(handle.read(size).removeprefix(b"Exif\x00\x00"))]
        elif kind in WEBP_CHUNKS:
            labels.append(WEBP_CHUNKS[kind])
    return labels


def _skip_sub_blocks(handle: BinaryIO) -> bool:
    while True:
        size = handle.read(1)
        if not size:
            return False
        if size == b"\x00":
            return True
        handle.seek(size[0], 1)


def _gif(handle: BinaryIO) -> list[str]:
    labels: list[str] = []
    handle.seek(0)
    screen = handle.read(13)
    if len(screen) < 13:
        return labels
    if screen[10] & 0x80:
        handle.seek(3 * 2 ** ((screen[10] & 7) + 1), 1)
    while True:
        block = handle.read(1)
        if block in (b"", b"\x3b"):
            return labels
        if block == b"\x2c":  # image: descriptor, local colour table, LZW code size, data
            descriptor = handle.read(9)
            if len(descriptor) < 9:
                return labels
            if descriptor[8] & 0x80:
                handle.seek(3 * 2 ** ((descriptor[8] & 7) + 1), 1)
            handle.seek(1, 1)
        elif block == b"\x21":
            label = handle.read(1)
            if label == b"\xfe":
                labels.append("commentaire")
            elif label == b"\xff":
                size = handle.read(1)
                application = handle.read(size[0]) if size else b""
                if application.startswith(b"XMP DataXMP"):
                    labels.append("XMP")
                elif application not in GIF_QUIET_APPS:
                    labels.append(f"extension d'application « {application.decode('latin-1')} »")
                if not size:
                    return labels
        else:
            return labels
        if not _skip_sub_blocks(handle):
            return labels


def _tiff(handle: BinaryIO) -> list[str]:
    handle.seek(0)
    return _tiff_labels(handle.read())


READERS = MappingProxyType({"JPEG": _jpeg, "PNG": _png, "WEBP": _webp, "GIF": _gif, "TIFF": _tiff})
SIGNATURES = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"GIF87a", "GIF"),
              (b"GIF89a", "GIF"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))


def image_format(head: bytes) -> str | None:
    """Return the raster format these first 12 bytes start, or None (not an image we read)."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return next((kind for signature, kind in SIGNATURES if head.startswith(signature)), None)


def metadata_labels(path: str | Path) -> tuple[str, ...]:
    """Return what metadata the image at `path` carries (French labels, each once); () if none.

    A file that is not a JPEG, PNG, WebP, GIF or TIFF gives (); one whose headers are cut
    short gives what was found up to that point. The first bytes are read without a file object:
    most files of a site are not images.
    """
    descriptor = os.open(path, os.O_RDONLY)
    try:
        kind = image_format(os.read(descriptor, 12))  # no file object for a page or a calendar
        if kind is None:
            return ()
        handle = _headers(descriptor)
    finally:
        os.close(descriptor)
    with handle:
        try:
            found = READERS[kind](handle)
        except (struct.error, ValueError, OSError):
            found = ["en-têtes illisibles"]
    return tuple(dict.fromkeys(found))


def _headers(descriptor: int) -> BinaryIO:
    """The file open at DESCRIPTOR, from its start, for a reader: in memory when it is small (a card,
    an icon: one read, no seek on disk), else a new file object on its own descriptor."""
    data = os.pread(descriptor, SMALL_FILE + 1, 0)
    if len(data) <= SMALL_FILE and not os.pread(descriptor, 1, len(data)):  # the whole file
        return io.BytesIO(data)
    return open(os.dup(descriptor), "rb")
