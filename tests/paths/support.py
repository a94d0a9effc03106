"""Helpers of the path-safety tests: images written by the test and a strict build of the real settings."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from eventsite.build import build_site
from tests.conftest import SETTINGS, site_overrides


def write_image(path: Path, size: tuple[int, int] = (400, 300), colour: object = (150, 60, 40),
                mode: str = "RGB", fmt: str = "JPEG") -> Path:
    """Write a small image at PATH (folders made) and return PATH."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, colour).save(path, fmt)
    return path


def build(tmp_path: Path, content: Path, *, strict: bool = True, output: Path | None = None,
          **extra: object) -> Path:
    """Build CONTENT with the repository's settings into OUTPUT (default tmp_path/output)."""
    out = output or tmp_path / "output"
    build_site(SETTINGS, out, strict=strict,
               overrides=site_overrides(tmp_path, content, GALLERY_PROCESSES=1, **extra))
    return out


def written_files(root: Path) -> list[str]:
    """Every file and folder below ROOT, relative, POSIX."""
    return sorted(Path(folder, name).relative_to(root).as_posix()
                  for folder, dirs, files in os.walk(root) for name in dirs + files)
