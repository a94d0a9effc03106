"""Fixtures for the gallery plugin tests: image makers, a site builder, signal cleanup."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gallery_support import photo_bytes, site_settings


@pytest.fixture(autouse=True)
def disconnect_gallery_signals() -> Iterator[None]:
    """Disconnect the plugin's receivers after each test, so builds stay independent."""
    yield
    from pelican import signals

    from gallery import gallery

    signals.get_generators.disconnect(gallery.get_generators)
    signals.all_generators_finalized.disconnect(gallery.all_generators_finalized)


@pytest.fixture
def make_photo() -> Callable[..., Path]:
    """Return a function writing a small photo at a path."""

    def make(path: Path, size: tuple[int, int] = (640, 480), fmt: str = "JPEG", **save: object) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(photo_bytes(size, fmt, **save))
        return path

    return make


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that runs a real Pelican build of tmp_path/content."""

    def build(**overrides: object) -> Path:
        from pelican import Pelican

        (tmp_path / "content").mkdir(exist_ok=True)
        Pelican(site_settings(tmp_path, **overrides)).run()
        return tmp_path / "output"

    return build
