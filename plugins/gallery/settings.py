"""All GALLERY_* settings: declared once (default, check, doc), checked at start-up with every plugin's."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from eventsite.settingchecks import box, filled_text, folder, integer, number, optional, positive_widths, site_path
from eventsite.settingskit import Problem, Setting, declare

FORMATS = ("webp", "jpeg")


def _formats(value: Any) -> list[Problem]:
    """Formats among webp and jpeg, jpeg included (the fallback image)."""
    ok = isinstance(value, (list, tuple)) and value and all(str(f).lower() in FORMATS for f in value)
    if ok and "jpeg" in (str(f).lower() for f in value):
        return []
    return ["écrivez une liste de formats parmi \"webp\" et \"jpeg\", avec \"jpeg\" (image de repli), par ex. (\"webp\", \"jpeg\")"]


def _webp_method(value: Any) -> list[Problem]:
    """One libwebp method 0..6, or {smallest width: method}."""
    methods = integer(0, 6)
    if isinstance(value, Mapping):
        if value and all(isinstance(w, int) and not isinstance(w, bool) and w >= 0 and not methods(m) for w, m in value.items()):
            return []
    elif not methods(value):
        return []
    return ["écrivez un nombre de 0 à 6, ou {largeur minimale: nombre}, par ex. {0: 4, 720: 2}"]


DECLARED = declare(
    "gallery",
    Setting("GALLERY_PATH", "galleries", "Dossier des galeries, dans le dossier du contenu.", folder),
    Setting("GALLERY_OUTPUT_DIR", "images/galeries", "Dossier du site où sont écrites les photos des galeries.", folder),
    Setting("GALLERY_PORTRAIT_OUTPUT_DIR", "images/intervenants", "Dossier du site où sont écrits les portraits des intervenants.", folder),
    Setting("GALLERY_LOGO_OUTPUT_DIR", "images/partenaires", "Dossier du site où sont écrits les logos des partenaires.", folder),
    Setting("GALLERY_PAGE_DIR", "galeries", "Adresse des pages de galerie : <dossier>/<galerie>/ et l'index <dossier>/.", site_path),
    # 720 px: a grid thumbnail on a phone at 1.75-2.8x (a 330-400 px cell; browsers take the lower of two
    # widths up to their geometric mean), so phones no longer load 960 or 1600 px. It replaces 960: fewer
    # bytes and less work than (480, 960, 1600), see bench/README.md.
    Setting("GALLERY_WIDTHS", (480, 720, 1600), "Largeurs (px) des images des galeries, de la vignette au plein écran.", positive_widths),
    Setting("GALLERY_MAX_WIDTH", 2400, "Largeur maximale (px) d'une photo publiée.", integer(1, 100_000)),
    Setting("GALLERY_PORTRAIT_WIDTHS", (160, 320, 480), "Largeurs (px) des portraits des intervenants.", positive_widths),
    Setting("GALLERY_LOGO_BOX", (320, 160), "Cadre (largeur, hauteur) en px dans lequel tient chaque logo.", box),
    Setting("GALLERY_FORMATS", ("webp", "jpeg"), "Formats écrits pour chaque image (jpeg obligatoire, image de repli).", _formats),
    Setting("GALLERY_JPEG_QUALITY", 82, "Qualité JPEG des images (1 à 95).", integer(1, 95)),
    Setting("GALLERY_WEBP_QUALITY", 80, "Qualité WebP des images (1 à 100).", integer(1, 100)),
    # libwebp effort, 0 (fast) to 6 (smallest files), 4 being libwebp's default. Method 2 from 720 px halves
    # the encoding time of the large widths for about 3 % more bytes; small widths keep method 4.
    Setting("GALLERY_WEBP_METHOD", MappingProxyType({0: 4, 720: 2}),
            "Effort d'encodage WebP de 0 (rapide) à 6 (fichiers plus petits), un nombre ou {largeur minimale: effort}.", _webp_method),
    Setting("GALLERY_PROCESSES", None, "Processus qui traitent les photos ; None : un par cœur, 1 : dans le processus de la construction.",
            optional(integer(1, 256))),
    Setting("GALLERY_MAX_ASPECT", 4.0, "Rapport maximal grand côté / petit côté d'une photo ; au-delà elle est refusée.", number(1)),
    # The grid (gallery.css) sits in .wrap (at most 72rem, 1rem padding each side) and fills columns of at
    # least 16rem with 0.5rem gaps: 1 column below 34.5rem, 2 below 51rem, 3 below 67.5rem, then 4.
    Setting("GALLERY_SIZES", (
        "(min-width: 72rem) 17.125rem, (min-width: 67.5rem) calc((100vw - 3.5rem) / 4), "
        "(min-width: 51rem) calc((100vw - 3rem) / 3), (min-width: 34.5rem) calc((100vw - 2.5rem) / 2), "
        "calc(100vw - 2rem)"
    ), "Attribut sizes des vignettes : largeur d'une case de la grille (à changer avec le CSS de la grille).", filled_text),
    Setting("GALLERY_EAGER_COUNT", 3, "Nombre de photos de chaque galerie chargées tout de suite (en haut de page).", integer(0, 1000)),
    Setting("GALLERY_CACHE_DIR", "gallery", "Dossier des manifestes du cache des images, dans CACHE_PATH.", folder),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


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


def load(settings: Mapping[str, Any]) -> GallerySettings:
    """The GALLERY_* settings of one build; SettingsError (French, every problem) when one cannot be used."""
    values = DECLARED.checked(settings)
    processes = values["GALLERY_PROCESSES"]
    webp = values["GALLERY_WEBP_METHOD"]
    return GallerySettings(
        path=values["GALLERY_PATH"],
        output_dir=values["GALLERY_OUTPUT_DIR"].strip("/"),
        portrait_output_dir=values["GALLERY_PORTRAIT_OUTPUT_DIR"].strip("/"),
        logo_output_dir=values["GALLERY_LOGO_OUTPUT_DIR"].strip("/"),
        page_dir=values["GALLERY_PAGE_DIR"].strip("/"),
        widths=tuple(sorted(set(values["GALLERY_WIDTHS"]))),
        max_width=values["GALLERY_MAX_WIDTH"],
        portrait_widths=tuple(sorted(set(values["GALLERY_PORTRAIT_WIDTHS"]))),
        logo_box=tuple(values["GALLERY_LOGO_BOX"]),
        formats=tuple(str(f).lower() for f in values["GALLERY_FORMATS"]),
        jpeg_quality=values["GALLERY_JPEG_QUALITY"],
        webp_quality=values["GALLERY_WEBP_QUALITY"],
        webp_method=tuple(sorted(webp.items() if isinstance(webp, Mapping) else [(0, webp)])),
        processes=processes if processes is not None else min(os.cpu_count() or 1, 256),
        max_aspect=float(values["GALLERY_MAX_ASPECT"]),
        sizes=values["GALLERY_SIZES"],
        eager_count=values["GALLERY_EAGER_COUNT"],
        cache_dir=values["GALLERY_CACHE_DIR"],
    )
