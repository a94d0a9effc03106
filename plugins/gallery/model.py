"""Frozen data model of galleries, shared by the pipeline and the theme."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


@dataclass(frozen=True)
class Variant:
    """One encoded file of a picture."""

    width: int
    height: int
    format: str  # 'webp' | 'jpeg' | 'png'
    url: str  # relative to the site root


@dataclass(frozen=True)
class Picture:
    """A responsive image: every variant of one source file."""

    width: int
    height: int
    alt: str
    variants: tuple[Variant, ...]
    placeholder: str  # CSS colour like '#8a7f6b', or '' (logos, transparent images): no colour block

    def of_format(self, fmt: str) -> tuple[Variant, ...]:
        """Return the variants of one format, narrowest first."""
        return tuple(sorted((v for v in self.variants if v.format == fmt), key=lambda v: v.width))

    def srcset(self, fmt: str, base: str = "") -> str:
        """Return the srcset of one format, each URL prefixed by base (e.g. SITEURL)."""
        prefix = f"{base.rstrip('/')}/" if base else ""
        return ", ".join(f"{prefix}{v.url} {v.width}w" for v in self.of_format(fmt))

    @property
    def fallback(self) -> Variant:
        """Return the largest JPEG (or PNG for logos), for <img src> and links."""
        for fmt in ("jpeg", "png"):
            found = self.of_format(fmt)
            if found:
                return found[-1]
        return self.largest

    @property
    def largest(self) -> Variant:
        """Return the widest variant."""
        return max(self.variants, key=lambda v: (v.width, v.format))

    @property
    def modern_format(self) -> str:
        """Return 'webp' when the picture has WebP variants, else ''."""
        return "webp" if self.of_format("webp") else ""

    def with_alt(self, alt: str) -> Picture:
        """Return a copy with another alt text."""
        return Picture(self.width, self.height, alt, self.variants, self.placeholder)


@dataclass(frozen=True)
class Photo:
    """A photo of a gallery, with its texts."""

    filename: str
    picture: Picture
    caption_html: str  # rendered Markdown
    credit: str
    license: str
    license_url: str
    eager: bool
    # The language each text is written in: the edition's when translated, else the originals'.
    alt_lang: str = ""
    caption_lang: str = ""

    @property
    def alt(self) -> str:
        """Return the alt text."""
        return self.picture.alt


@dataclass(frozen=True)
class Gallery:
    """A gallery ready to render."""

    slug: str
    title: str
    date: datetime.date | None
    credit: str
    license: str
    license_url: str
    description_html: str  # rendered Markdown
    photos: tuple[Photo, ...]
    url: str  # e.g. 'galeries/moments/'
    save_as: str  # e.g. 'galeries/moments/index.html'
    sizes: str  # the `sizes` attribute of the grid's images
    index_url: str  # e.g. 'galeries/', the list of all galleries
    # The language the title and the description are written in: the edition's when translated, else the originals'.
    title_lang: str = ""
    description_lang: str = ""

    @property
    def date_label(self) -> str:
        """Return the date in French words, e.g. '20 novembre 2026', or ''."""
        if self.date is None:
            return ""
        return f"{self.date.day} {MONTHS_FR[self.date.month - 1]} {self.date.year}"

    @property
    def cover(self) -> Photo | None:
        """Return the first photo, or None for an empty gallery."""
        return self.photos[0] if self.photos else None
