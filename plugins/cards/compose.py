"""Cards composed fast: what every card of an edition shares is drawn once, then each title is laid over it.

A card is flat colours and anti-aliased text. All but the title (kicker, rule, band, event name)
is the same on every card of an edition: it is drawn and mapped onto the palette once per
process. The title is drawn as coverage (0–255) on a grey image, and each coverage value becomes
the palette index of the colour draw_card blends there (text over background), read from a
256-entry table that Pillow's own blending and mapping made. The result is byte for byte the card
draw_card draws and the palette maps, for a third of the work (no RGB image, no per-pixel search).
"""

from __future__ import annotations

import functools
import zlib

from PIL import Image, ImageDraw

from .drawing import CardText, card_layout, draw_card, draw_title
from .png import SharedRows, adler32_combine, deflate, png_file, png_rows

Colors = tuple[tuple[str, str], ...]  # the card colours as sorted (key, colour) pairs: hashable


@functools.lru_cache(maxsize=8)
def card_palette(size: tuple[int, int], colors: Colors, bold: str, regular: str) -> Image.Image:
    """The 32-colour palette of every card of one design: fitted once on a sample card.

    Every card has the same flat colours and the same anti-aliasing ramps between them, so
    mapping each card onto this palette looks the same as fitting a palette to each card
    (about 8 ms), and a card's pixels depend on its own text only.
    """
    sample = draw_card(CardText("1 janvier 2030 · Ville", "Titre d'exemple, sur deux lignes pour tout couvrir",
                                "Nom de l'événement"), size, dict(colors), bold, regular)
    return sample.quantize(32, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def on_palette(image: Image.Image, size: tuple[int, int], colors: Colors, bold: str, regular: str) -> Image.Image:
    """IMAGE mapped onto the design's palette, colour by colour (no dithering)."""
    return image.quantize(palette=card_palette(size, colors, bold, regular), dither=Image.Dither.NONE)


@functools.lru_cache(maxsize=16)
def background(kicker: str, footer: str, size: tuple[int, int], colors: Colors, bold: str, regular: str) -> Image.Image:
    """The card without its title, on the palette: drawn once per edition (its kicker and footer)."""
    return on_palette(draw_card(CardText(kicker, "", footer), size, dict(colors), bold, regular), size, colors, bold, regular)


@functools.lru_cache(maxsize=8)
def coverage_indices(size: tuple[int, int], colors: Colors, bold: str, regular: str) -> tuple[int, ...]:
    """Palette index of the title colour blended over the background at each coverage 0–255, as draw_card blends it."""
    palette = dict(colors)
    ramp = Image.new("RGB", (256, 1), palette["background"])
    ramp.paste(palette["text"], (0, 0, 256, 1), Image.frombytes("L", (256, 1), bytes(range(256))))
    return tuple(on_palette(ramp, size, colors, bold, regular).tobytes())


def compose_card(text: CardText, size: tuple[int, int], colors: Colors, bold: str, regular: str) -> Image.Image:
    """The card of TEXT on the design's palette: its edition's background with the title laid over it."""
    layout = card_layout(size)
    card = background(text.kicker, text.footer, size, colors, bold, regular).copy()
    coverage = Image.new("L", (size[0], layout.band_top - layout.title_top))  # the title box and the gap below
    draw_title(ImageDraw.Draw(coverage), text.title, bold, size, 0, 255)
    indices = coverage.point(list(coverage_indices(size, colors, bold, regular)))
    card.paste(Image.frombytes("P", indices.size, indices.tobytes()), (0, layout.title_top))
    return card


@functools.lru_cache(maxsize=16)
def shared_rows(kicker: str, footer: str, size: tuple[int, int], colors: Colors, bold: str, regular: str) -> SharedRows:
    """The PNG data of the rows above and below the title box of an edition's cards, compressed once."""
    layout = card_layout(size)
    image = background(kicker, footer, size, colors, bold, regular)
    pixels = image.tobytes()
    above, below = png_rows(pixels, size[0], 0, layout.title_top), png_rows(pixels, size[0], layout.band_top, size[1])
    return SharedRows(deflate(above, final=False), deflate(below, final=True), zlib.adler32(above), zlib.adler32(below),
                      len(below), bytes(image.getpalette() or ()))


@functools.lru_cache(maxsize=8)
def index_table(size: tuple[int, int], colors: Colors, bold: str, regular: str) -> bytes:
    """coverage_indices as a bytes.translate table: coverage byte → palette index."""
    return bytes(coverage_indices(size, colors, bold, regular))


@functools.lru_cache(maxsize=64)
def empty_rows_adler(index: int, width: int, count: int) -> int:
    """The Adler-32 of COUNT PNG rows of WIDTH pixels of palette INDEX (each after its filter byte 0)."""
    return zlib.adler32((b"\0" + bytes((index,)) * width) * count)


def card_png(text: CardText, size: tuple[int, int], colors: Colors, bold: str, regular: str) -> bytes:
    """The PNG file of TEXT's card: compose_card's pixels, only the title box compressed for each card."""
    layout, width = card_layout(size), size[0]
    coverage = Image.new("L", (width, layout.band_top - layout.title_top))
    draw_title(ImageDraw.Draw(coverage), text.title, bold, size, 0, 255)
    table = index_table(size, colors, bold, regular)
    # Only the rows the title inks are mapped; the others are the background's, row after row.
    top, bottom = (box[1], box[3]) if (box := coverage.getbbox()) else (0, 0)
    inked = png_rows(coverage.crop((0, top, width, bottom)).tobytes().translate(table), width, 0, bottom - top)
    empty_row, below = b"\0" + table[:1] * width, coverage.height - bottom
    rows = empty_row * top + inked + empty_row * below
    rows_adler = adler32_combine(adler32_combine(empty_rows_adler(table[0], width, top), zlib.adler32(inked), len(inked)),
                                 empty_rows_adler(table[0], width, below), len(empty_row) * below)
    return png_file(size, shared_rows(text.kicker, text.footer, size, colors, bold, regular), rows, rows_adler)
