"""Helpers shared by the gallery tests: images, gallery.md text, Pelican settings."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
THEME = ROOT / "theme"

if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))


def photo_bytes(size: tuple[int, int] = (640, 480), fmt: str = "JPEG", **save: object) -> bytes:
    """Return an encoded image with a gradient and some structure (not a flat colour)."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_90).resize(size),
                                Image.new("L", size, 90)))
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save)
    return buffer.getvalue()


def gallery_md(title: str, photos: dict[str, str], header: str = "") -> str:
    """Return a gallery.md with an alt text per photo."""
    body = "".join(f"\n## {name}\nAlt: {alt}\nLégende: Légende de {name}\n" for name, alt in photos.items())
    return f"Title: {title}\nDate: 2026-11-20\nCredit: Test\nLicense: CC BY 4.0\n{header}\n{body}"


def site_settings(tmp_path: Path, **overrides: object) -> dict:
    """Return Pelican settings for a test site under tmp_path."""
    from pelican.settings import read_settings

    values = {
        "PATH": str(tmp_path / "content"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "GALLERY_PROCESSES": 1,
        "GALLERY_WIDTHS": (120, 240),
        "GALLERY_MAX_WIDTH": 400,
    }
    values.update(overrides)
    # The repository's own settings: the real plugins and theme, pointed at the test site.
    return read_settings(path=str(ROOT / "pelicanconf.py"), override=values)


def all_files(folder: Path) -> list[str]:
    """Return every file below folder, relative, sorted."""
    return sorted(os.path.relpath(p, folder) for p in folder.rglob("*") if p.is_file())
