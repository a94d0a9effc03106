"""Benchmark the clean_images plugin: scanning a built site, cleaning photos cold and from cache.

Usage: python bench/clean_images/run.py [--site output/]
Scans every file of the built site (nothing to clean: the usual case) and the checks' image scan,
then re-saves the gallery's real photos with GPS and a comment and cleans them twice (cold cache,
then warm). Prints medians of 3 runs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from clean_images.clean_images import clean_output  # noqa: E402
from eventsite.checks import image_problems  # noqa: E402
from tests.hardening.images import exif_with_gps  # noqa: E402

PHOTOS = sorted((ROOT / "content" / "galleries" / "moments").glob("*.jpg"))


def timed(function, *args) -> float:  # type: ignore[no-untyped-def]
    """Return the seconds one call takes."""
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def located_copies(folder: Path) -> None:
    """Write a copy of each gallery photo carrying GPS and a comment."""
    for index, photo in enumerate(PHOTOS):
        Image.open(photo).save(folder / f"{index}.jpg", "JPEG", exif=exif_with_gps(), comment=b"x", quality=90)


def main() -> None:
    """Print the medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=ROOT / "output")
    site = parser.parse_args().site
    with tempfile.TemporaryDirectory() as scratch:
        cache, photos = Path(scratch) / "cache", Path(scratch) / "photos"
        scan = [timed(clean_output, site, cache, 90) for _ in range(3)]
        check = [timed(lambda: list(image_problems(site))) for _ in range(3)]
        cold, warm = [], []
        for _ in range(3):
            shutil.rmtree(cache, ignore_errors=True)
            photos.mkdir(exist_ok=True)
            located_copies(photos)
            cold.append(timed(clean_output, photos, cache, 90))
            located_copies(photos)
            warm.append(timed(clean_output, photos, cache, 90))
    files = sum(1 for p in site.rglob("*") if p.is_file())
    print(f"site scan, {files} files, nothing to clean: {statistics.median(scan) * 1000:.0f} ms")
    print(f"checks' image scan: {statistics.median(check) * 1000:.0f} ms")
    print(f"{len(PHOTOS)} located photos, cold cache: {statistics.median(cold) * 1000:.0f} ms; "
          f"warm cache: {statistics.median(warm) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
