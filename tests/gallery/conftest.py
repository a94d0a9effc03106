"""Fixtures for the gallery plugin tests: image makers, a site builder, signal cleanup."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
THEME = ROOT / "theme"
OVERRIDES = Path(__file__).resolve().parent / "templates"

if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))


@pytest.fixture(autouse=True)
def disconnect_gallery_signals() -> Iterator[None]:
    """Disconnect the plugin's receivers after each test, so builds stay independent."""
    yield
    from pelican import signals

    from gallery import gallery

    signals.get_generators.disconnect(gallery.get_generators)
    signals.all_generators_finalized.disconnect(gallery.all_generators_finalized)


def photo_bytes(size: tuple[int, int] = (640, 480), fmt: str = "JPEG", **save: object) -> bytes:
    """Return an encoded image with a gradient and some structure (not a flat colour)."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_90).resize(size),
                                Image.new("L", size, 90)))
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save)
    return buffer.getvalue()


@pytest.fixture
def make_photo() -> Callable[..., Path]:
    """Return a function writing a small photo at a path."""

    def make(path: Path, size: tuple[int, int] = (640, 480), fmt: str = "JPEG", **save: object) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(photo_bytes(size, fmt, **save))
        return path

    return make


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
        "PLUGIN_PATHS": [str(PLUGINS)],
        "PLUGINS": ["gallery"],
        "THEME": str(THEME),
        "THEME_TEMPLATES_OVERRIDES": [str(OVERRIDES)],
        "ARTICLE_PATHS": ["news"],
        "PAGE_PATHS": ["pages"],
        "SITEURL": "",
        "RELATIVE_URLS": True,
        "TIMEZONE": "Europe/Paris",
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True},
        "GALLERY_PROCESSES": 1,
        "GALLERY_WIDTHS": (120, 240),
        "GALLERY_MAX_WIDTH": 400,
    }
    values.update(overrides)
    return read_settings(path=None, override=values)


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that runs a real Pelican build of tmp_path/content."""

    def build(**overrides: object) -> Path:
        from pelican import Pelican

        (tmp_path / "content").mkdir(exist_ok=True)
        Pelican(site_settings(tmp_path, **overrides)).run()
        return tmp_path / "output"

    return build


def all_files(folder: Path) -> list[str]:
    """Return every file below folder, relative, sorted."""
    return sorted(os.path.relpath(p, folder) for p in folder.rglob("*") if p.is_file())
