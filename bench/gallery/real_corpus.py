"""Build a corpus of real photographs (8–24 MP) from Debian's freely licensed wallpaper packages.

The photographs of `mate-backgrounds` (its nature/ folder and the files with a camera's EXIF:
Sony, Canon, Konica Minolta) are fetched with
`apt-get download` + `dpkg -x` into a temporary folder. The few that are 8 MP or more are used
as they are; the smaller ones (1.3–5 MP) are put side by side at their native resolution into
mosaics of 8–24 MP, never upscaled, so every pixel is a camera's. Ten files get an EXIF
orientation (6 or 8, pixels rotated to match) and five a GPS block, as in issue 14's corpus.
Credits and licences: usr/share/doc/mate-backgrounds/copyright in the fetched package.
With --small: 1200×800 crops of the same photographs (for the memory curve at 600 photos).
Usage: python bench/gallery/real_corpus.py [-n 60] [--small] --out DIR
"""

from __future__ import annotations

import argparse
import random
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

PACKAGES = ("mate-backgrounds",)
MIN_PIXELS = 1_000_000


def fetch(folder: Path) -> list[Path]:
    """Download and unpack the packages into folder; return their photographs."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=folder, check=True, capture_output=True)
    for deb in folder.glob("*.deb"):
        subprocess.run(["dpkg", "-x", str(deb), str(folder / "x")], check=True)
    photos = []
    for path in sorted((folder / "x").rglob("*.jpg")):
        with Image.open(path) as im:
            camera = im.getexif().get(0x010F) or path.parent.name == "nature"
            if camera and im.width * im.height >= MIN_PIXELS:
                photos.append(path)
    return photos


def mosaic(parts: list[Image.Image]) -> Image.Image:
    """Put images side by side in two rows at native size (no scaling), on a black ground."""
    half = (len(parts) + 1) // 2
    rows = [parts[:half], parts[half:]]
    width = max(sum(p.width for p in row) for row in rows)
    height = sum(max((p.height for p in row), default=0) for row in rows)
    canvas = Image.new("RGB", (width, height))
    top = 0
    for row in rows:
        left = 0
        for part in row:
            canvas.paste(part, (left, top))
            left += part.width
        top += max((p.height for p in row), default=0)
    return canvas


def exif_for(index: int) -> tuple[Image.Exif, int]:
    """An EXIF block for file index: a camera name, sometimes GPS; and the orientation to set."""
    exif = Image.Exif()
    exif[0x010F] = "Bench camera"
    orientation = (6, 8)[index % 2] if index % 6 == 1 else 1
    if orientation != 1:
        exif[0x0112] = orientation
    if index % 12 == 5:
        exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}
    return exif, orientation


def make_corpus(count: int, out: Path, seed: int = 1) -> list[Path]:
    """Write count real-photo JPEGs of 8–24 MP into out; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    photos = fetch(Path(tempfile.mkdtemp(prefix="real-photos-")))
    images = [ImageOps.exif_transpose(Image.open(p)).convert("RGB") for p in photos]
    large = [im for im in images if im.width * im.height >= 8e6]
    small = [im for im in images if im.width * im.height < 8e6]
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        if large and index % 4 == 0:
            image = rng.choice(large)
            if index % 8 == 4:
                image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        else:
            parts, pixels = [], 0
            target = rng.uniform(8e6, 20e6)
            while pixels < target:
                part = rng.choice(small)
                parts.append(part if rng.random() < 0.5 else part.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
                pixels += part.width * part.height
            image = mosaic(parts)
        exif, orientation = exif_for(index)
        if orientation == 6:  # stored rotated, as a camera held upright writes it
            image = image.transpose(Image.Transpose.ROTATE_90)
        elif orientation == 8:
            image = image.transpose(Image.Transpose.ROTATE_270)
        path = out / f"photo-{index:03d}.jpg"
        image.save(path, "JPEG", quality=rng.choice((88, 90, 92)), exif=exif)
        paths.append(path)
    sizes = [p.stat().st_size for p in paths]
    print(f"{count} files from {len(photos)} real photographs, {min(sizes) / 1e6:.1f}–"
          f"{max(sizes) / 1e6:.1f} MB, total {sum(sizes) / 1e6:.0f} MB, in {out}")
    return paths


def make_small(count: int, out: Path, seed: int = 1, side: int = 1200) -> list[Path]:
    """Write count small real-photo JPEGs (side × 2/3 side, native-resolution crops) into out."""
    out.mkdir(parents=True, exist_ok=True)
    photos = fetch(Path(tempfile.mkdtemp(prefix="real-photos-")))
    images = [ImageOps.exif_transpose(Image.open(p)).convert("RGB") for p in photos]
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        image = rng.choice([im for im in images if im.width > side and im.height > side * 2 // 3])
        left, top = rng.randrange(image.width - side), rng.randrange(image.height - side * 2 // 3)
        path = out / f"small-{index:04d}.jpg"
        image.crop((left, top, left + side, top + side * 2 // 3)).save(path, "JPEG", quality=90)
        paths.append(path)
    return paths


def main() -> None:
    """Parse arguments and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=60)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="1200×800 crops instead of 8–24 MP files")
    args = parser.parse_args()
    (make_small if args.small else make_corpus)(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
