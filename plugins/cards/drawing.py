"""Draw a social card: French text wrapped by measured width, shrunk then ellipsised, never overflowing."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw, ImageFont

ELLIPSIS = "…"
# Break lines at ordinary spaces only: no-break spaces (French « : », « 9 h 30 ») hold words together.
BREAKABLE = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class CardText:
    """What a card says: a small line above, the title, and a line in the band below."""

    kicker: str
    title: str
    footer: str


@functools.lru_cache(maxsize=64)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """A TrueType font at SIZE px, laid out by Pillow's own engine so that every machine draws the same pixels."""
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


def text_width(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The advance width of TEXT in FONT, in pixels."""
    return font.getlength(text)


def _split_long_word(word: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Cut a word wider than WIDTH into pieces that fit (URLs, very long compounds)."""
    pieces, current = [], ""
    for char in word:
        if current and text_width(font, current + char) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def ellipsize(line: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """LINE ended by an ellipsis, shortened (by words, then characters) until it fits WIDTH."""
    line = line.rstrip()
    while line and text_width(font, line.rstrip(" ,;:.–-") + ELLIPSIS) > width:
        cut = line.rsplit(" ", 1)[0] if " " in line else line[:-1]
        line = cut.rstrip()
    return line.rstrip(" ,;:.–-") + ELLIPSIS


def french_spaces(text: str) -> str:
    """Glue French punctuation to its word, so that « : », « ? » or « » » never start a line."""
    text = re.sub(r" ([:;!?»])", "\u00a0\\1", text)
    return re.sub(r"« ", "«\u00a0", text)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, max_lines: int) -> tuple[list[str], bool]:
    """TEXT in lines no wider than WIDTH; at most MAX_LINES, the last ellipsised if text was left out.

    Returns the lines and whether the text had to be shortened.
    """
    text = french_spaces(text)
    lines: list[str] = []
    current = ""
    for word in filter(None, BREAKABLE.split(text.strip())):
        candidate = f"{current} {word}" if current else word
        if text_width(font, candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _split_long_word(word, font, width) if text_width(font, word) > width else [word]
        lines.extend(pieces[:-1])
        current = pieces[-1]
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    kept[-1] = ellipsize(kept[-1] + " " + lines[max_lines], font, width)
    return kept, True


def fit_title(
    text: str, font_path: str, width: float, height: float, sizes: tuple[int, ...] = (72, 64, 56, 48)
) -> tuple[ImageFont.FreeTypeFont, list[str], int]:
    """The largest size at which TEXT fits the box whole; else the smallest, ellipsised. Returns font, lines, line height."""
    for index, size in enumerate(sizes):
        font = load_font(font_path, size)
        line_height = round(size * 1.2)
        lines, shortened = wrap(text, font, width, max(1, int(height // line_height)))
        if not shortened or index == len(sizes) - 1:
            return font, lines, line_height
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Layout:
    """Where a card's parts go, in pixels: side margin, text width, top of the title box and of the band."""

    margin: int
    inner: int
    title_top: int
    band_top: int


def card_layout(size: tuple[int, int]) -> Layout:
    """The layout of a card of SIZE: the kicker and its rule above the title box, the band below it."""
    width, height = size
    margin = round(width * 0.066)  # 80 px at 1200
    return Layout(margin, width - 2 * margin, round(height * 0.1) + 48 + 36, round(height * 0.76))


def draw_title(draw: ImageDraw.ImageDraw, title: str, bold_font: str, size: tuple[int, int], top: int, fill: Any) -> None:
    """Draw TITLE into its box (the largest size at which it fits), its first line at TOP."""
    layout = card_layout(size)
    title_font, title_lines, line_height = fit_title(title, bold_font, layout.inner, layout.band_top - 30 - layout.title_top)
    for line in title_lines:
        draw.text((layout.margin, top), line, font=title_font, fill=fill)
        top += line_height


def draw_card(
    text: CardText, size: tuple[int, int], colors: Mapping[str, str], bold_font: str, regular_font: str
) -> Image.Image:
    """Draw one card: title on the accent colour, event name in a light band, all within margins."""
    width, height = size
    layout = card_layout(size)
    margin, inner, band_top = layout.margin, layout.inner, layout.band_top
    image = Image.new("RGB", size, colors["background"])
    draw = ImageDraw.Draw(image)

    kicker_font = load_font(regular_font, 30)
    kicker_lines, _ = wrap(text.kicker, kicker_font, inner, 1)
    y = round(height * 0.1)
    for line in kicker_lines:
        draw.text((margin, y), line, font=kicker_font, fill=colors["muted"])
    y += 48
    draw.rectangle((margin, y, margin + 120, y + 6), fill=colors["rule"])

    draw_title(draw, text.title, bold_font, size, layout.title_top, colors["text"])

    draw.rectangle((0, band_top, width, height), fill=colors["band"])
    footer_font = load_font(bold_font, 30)
    footer_lines, _ = wrap(text.footer, footer_font, inner, 2)
    line_height = 40
    y = band_top + (height - band_top - line_height * len(footer_lines)) // 2
    for line in footer_lines:
        draw.text((margin, y), line, font=footer_font, fill=colors["band_text"])
        y += line_height
    return image
