"""PNG files of palette images put together from parts compressed apart: the rows every card of an
edition shares are compressed once, and each card compresses only its own rows.

A zlib stream may be cut into pieces by full flushes (each piece starts with an empty window), so
the rows above the title box (ended by a full flush) and those below it (the final block) are kept
compressed, and a card's file is its own rows compressed between them. Decoders see one ordinary
8-bit palette PNG (IHDR, PLTE, one IDAT, IEND).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 6  # zlib's default, as Pillow's PNG encoder: a third of the bytes of level 1 on cards
# Each card's own rows (its title) are run-length coded: 0.4 ms a card against 1.2 ms at LEVEL,
# for about a quarter more bytes (14.6 → 18.2 KB a card); the rows every card shares keep LEVEL.
OWN_ROWS_STRATEGY = zlib.Z_RLE
ZLIB_HEADER = b"\x78\x9c"  # deflate, 32 KB window, default compression


@dataclass(frozen=True)
class SharedRows:
    """Rows above and below the part that changes, compressed; what the checksum and PLTE need."""

    above: bytes  # raw deflate, ended by a full flush
    below: bytes  # raw deflate, final block
    above_adler: int  # Adler-32 of the rows above, uncompressed
    below_adler: int  # Adler-32 of the rows below alone, uncompressed (combined after the card's own rows)
    below_length: int  # their length in bytes
    palette: bytes  # RGB triplets


ADLER_BASE = 65521  # the largest prime below 2**16


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of A + B from FIRST (of A), SECOND (of B) and B's length, as zlib's adler32_combine."""
    remainder = second_length % ADLER_BASE
    low = (first & 0xFFFF) + (second & 0xFFFF) + ADLER_BASE - 1
    high = (remainder * (first & 0xFFFF)) % ADLER_BASE + (first >> 16) + (second >> 16) + ADLER_BASE - remainder
    return (low % ADLER_BASE) | ((high % ADLER_BASE) << 16)


def png_rows(pixels: bytes, width: int, top: int, bottom: int) -> bytes:
    """Rows TOP to BOTTOM (excluded) of one-byte-a-pixel PIXELS, each after its filter byte (0: none)."""
    return b"".join(b"\0" + pixels[y * width : (y + 1) * width] for y in range(top, bottom))


def deflate(rows: bytes, final: bool, strategy: int = zlib.Z_DEFAULT_STRATEGY) -> bytes:
    """ROWS as raw deflate blocks: the last ones if FINAL, else ended by a full flush (nothing refers back)."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 8, strategy)
    return compressor.compress(rows) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC."""
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def png_file(size: tuple[int, int], shared: SharedRows, rows: bytes, rows_adler: int) -> bytes:
    """An 8-bit palette PNG of SIZE: SHARED's rows above, ROWS (with their filter bytes; Adler-32 ROWS_ADLER), SHARED's rows below."""
    width, height = size
    checksum = adler32_combine(adler32_combine(shared.above_adler, rows_adler, len(rows)), shared.below_adler, shared.below_length)
    stream = ZLIB_HEADER + shared.above + deflate(rows, final=False, strategy=OWN_ROWS_STRATEGY) + shared.below + checksum.to_bytes(4, "big")
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes((8, 3, 0, 0, 0))
    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"PLTE", shared.palette) + chunk(b"IDAT", stream) + chunk(b"IEND", b"")
