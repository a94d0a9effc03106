"""All GALLERY_* settings: defaults in one place, validated once."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

logger = logging.getLogger(__name__)

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Folder of galleries, relative to PATH (content).
        "GALLERY_PATH": "galleries",
        # Where images are written, relative to OUTPUT_PATH (and to the site root).
        "GALLERY_OUTPUT_DIR": "images/galeries",
        "GALLERY_PORTRAIT_OUTPUT_DIR": "images/intervenants",
        "GALLERY_LOGO_OUTPUT_DIR": "images/partenaires",
        # Where pages are written: <dir>/<slug>/index.html and <dir>/index.html.
        "GALLERY_PAGE_DIR": "galeries",
        # 720 px: a grid thumbnail on a phone at 1.75-2.8x (a 330-400 px cell; browsers take the
        # lower of two widths up to their geometric mean), so phones no longer load 960 or 1600 px.
        # It replaces 960: fewer bytes and less work than (480, 960, 1600), see bench/README.md.
        "GALLERY_WIDTHS": (480, 720, 1600),
        "GALLERY_MAX_WIDTH": 2400,
        "GALLERY_PORTRAIT_WIDTHS": (160, 320, 480),
        "GALLERY_LOGO_BOX": (320, 160),
        "GALLERY_FORMATS": ("webp", "jpeg"),
        "GALLERY_JPEG_QUALITY": 82,
        "GALLERY_WEBP_QUALITY": 80,
        # libwebp effort, 0 (fast) to 6 (smallest files), 4 being libwebp's default: one number
        # for every width, or {smallest width: method}. Method 2 from 720 px halves the encoding
        # time of the large widths for about 3 % more bytes; small widths keep method 4.
        "GALLERY_WEBP_METHOD": MappingProxyType({0: 4, 720: 2}),
        # None means os.cpu_count(); 1 runs everything in this process.
        "GALLERY_PROCESSES": None,
        # Photos longer than this ratio (long side / short side) are refused.
        "GALLERY_MAX_ASPECT": 4.0,
        # The `sizes` attribute of grid thumbnails: the width of one grid cell. The grid
        # (gallery.css) sits in .wrap (at most 72rem, 1rem padding each side) and fills columns
        # of at least 16rem with 0.5rem gaps: 1 column below 34.5rem, 2 below 51rem, 3 below
        # 67.5rem, then 4. Change it with the grid's CSS.
        "GALLERY_SIZES": (
            "(min-width: 72rem) 17.125rem, (min-width: 67.5rem) calc((100vw - 3.5rem) / 4), "
            "(min-width: 51rem) calc((100vw - 3rem) / 3), (min-width: 34.5rem) calc((100vw - 2.5rem) / 2), "
            "calc(100vw - 2rem)"
        ),
        # Number of photos per gallery loaded eagerly (above the fold).
        "GALLERY_EAGER_COUNT": 3,
        # Folder of the cache manifests, relative to CACHE_PATH.
        "GALLERY_CACHE_DIR": "gallery",
    }
)

FORMATS = ("webp", "jpeg")


@dataclass(frozen=True)
class GallerySettings:
    """The validated GALLERY_* settings of one build."""

    path: str
    output_dir: str
    portrait_output_dir: str
    logo_output_dir: str
    page_dir: str
    widths: tuple[int, ...]
    max_width: int
    portrait_widths: tuple[int, ...]
    logo_box: tuple[int, int]
    formats: tuple[str, ...]
    jpeg_quality: int
    webp_quality: int
    webp_method: tuple[tuple[int, int], ...]  # (smallest width, method), narrowest first
    processes: int
    max_aspect: float
    sizes: str
    eager_count: int
    cache_dir: str


def _widths(key: str, value: Any) -> tuple[int, ...]:
    """Return a sorted tuple of distinct positive widths, or raise ValueError."""
    widths = tuple(sorted({int(w) for w in value}))
    if not widths or widths[0] <= 0:
        raise ValueError(f"{key} doit être une liste de largeurs positives")
    return widths


def _positive(key: str, value: Any, low: float = 1, high: float = 100_000) -> int:
    """Return value as an int within [low, high], or raise ValueError."""
    number = int(value)
    if not low <= number <= high:
        raise ValueError(f"{key} doit être compris entre {low} et {high}")
    return number


def _webp_methods(value: Any) -> tuple[tuple[int, int], ...]:
    """Return ((smallest width, method), ...) from one method or a {width: method} mapping."""
    pairs = value.items() if isinstance(value, Mapping) else [(0, value)]
    methods = tuple(sorted((int(w), _positive("GALLERY_WEBP_METHOD", m, 0, 6)) for w, m in pairs))
    if not methods or methods[0][0] < 0:
        raise ValueError("GALLERY_WEBP_METHOD doit être un nombre de 0 à 6 ou {largeur: nombre}")
    return methods


def _get(settings: Mapping[str, Any], key: str) -> Any:
    """Read one setting, falling back to its default."""
    return settings.get(key, DEFAULTS[key])


def _validate(settings: Mapping[str, Any]) -> GallerySettings:
    """Build GallerySettings from settings, raising ValueError or TypeError."""
    formats = tuple(str(f).lower() for f in _get(settings, "GALLERY_FORMATS"))
    if not formats or any(f not in FORMATS for f in formats):
        raise ValueError("GALLERY_FORMATS n'accepte que 'webp' et 'jpeg'")
    if "jpeg" not in formats:
        raise ValueError("GALLERY_FORMATS doit contenir 'jpeg' (image de repli)")
    box = tuple(int(v) for v in _get(settings, "GALLERY_LOGO_BOX"))
    if len(box) != 2 or min(box) <= 0:
        raise ValueError("GALLERY_LOGO_BOX doit être (largeur, hauteur)")
    processes = _get(settings, "GALLERY_PROCESSES")
    return GallerySettings(
        path=str(_get(settings, "GALLERY_PATH")),
        output_dir=str(_get(settings, "GALLERY_OUTPUT_DIR")).strip("/"),
        portrait_output_dir=str(_get(settings, "GALLERY_PORTRAIT_OUTPUT_DIR")).strip("/"),
        logo_output_dir=str(_get(settings, "GALLERY_LOGO_OUTPUT_DIR")).strip("/"),
        page_dir=str(_get(settings, "GALLERY_PAGE_DIR")).strip("/"),
        widths=_widths("GALLERY_WIDTHS", _get(settings, "GALLERY_WIDTHS")),
        max_width=_positive("GALLERY_MAX_WIDTH", _get(settings, "GALLERY_MAX_WIDTH")),
        portrait_widths=_widths(
            "GALLERY_PORTRAIT_WIDTHS", _get(settings, "GALLERY_PORTRAIT_WIDTHS")
        ),
        logo_box=(box[0], box[1]),
        formats=formats,
        jpeg_quality=_positive("GALLERY_JPEG_QUALITY", _get(settings, "GALLERY_JPEG_QUALITY"), 1, 95),
        webp_quality=_positive("GALLERY_WEBP_QUALITY", _get(settings, "GALLERY_WEBP_QUALITY"), 1, 100),
        webp_method=_webp_methods(_get(settings, "GALLERY_WEBP_METHOD")),
        processes=_positive(
            "GALLERY_PROCESSES", processes if processes is not None else (os.cpu_count() or 1), 1, 256
        ),
        max_aspect=float(_get(settings, "GALLERY_MAX_ASPECT")),
        sizes=str(_get(settings, "GALLERY_SIZES")),
        eager_count=_positive("GALLERY_EAGER_COUNT", _get(settings, "GALLERY_EAGER_COUNT"), 0, 1000),
        cache_dir=str(_get(settings, "GALLERY_CACHE_DIR")),
    )


def load(settings: Mapping[str, Any]) -> GallerySettings:
    """Validate the GALLERY_* settings once; on an error, warn and use the defaults."""
    try:
        return _validate(settings)
    except (TypeError, ValueError) as error:
        logger.warning(
            "Réglages de galerie invalides (%s) : les valeurs par défaut sont utilisées. "
            "Corrigez pelicanconf.py.",
            error,
        )
        return _validate({})
