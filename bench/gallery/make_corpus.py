"""Generate a benchmark corpus: N photographic 8–24 MP JPEGs made from the gallery's real photos.

Each image upscales one real photo, blends in a mirrored second one, and adds sensor-like
noise and a light gradient, so it has photographic detail and a realistic JPEG size (3–8 MB).
Usage: python bench/gallery/make_corpus.py [-n 60] [--out DIR] [--seed 1]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageOps

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "content" / "galleries" / "moments"


def make_one(task: tuple[int, int, list[str], str]) -> tuple[str, int, int]:
    """Write image number index of the corpus; return its path, megapixels×10 and bytes."""
    index, seed, sources, out = task
    rng = random.Random(seed * 1000 + index)
    megapixels = rng.uniform(8, 24)
    width = int((megapixels * 1e6 * 3 / 2) ** 0.5)
    height = int(width * 2 / 3)
    size = (width, height)
    first = ImageOps.fit(ImageOps.exif_transpose(Image.open(rng.choice(sources))).convert("RGB"),
                         size, Image.Resampling.BICUBIC)
    second = ImageOps.fit(ImageOps.exif_transpose(Image.open(rng.choice(sources))).convert("RGB"),
                          size, Image.Resampling.BICUBIC).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    image = Image.blend(first, second, rng.uniform(0.15, 0.35))
    tile = Image.merge("RGB", [Image.effect_noise((509, 509), rng.uniform(6, 10)) for _ in range(3)])
    noise = Image.new("RGB", size)
    for left in range(0, width, 509):
        for top in range(0, height, 509):
            noise.paste(tile, (left, top))
    image = ImageChops.add(image, noise, scale=1.0, offset=-128)
    gradient = Image.linear_gradient("L").resize(size).rotate(rng.choice((0, 90, 180, 270)))
    image = Image.composite(image, ImageChops.multiply(image, Image.new("RGB", size, (200, 190, 170))),
                            gradient)
    path = Path(out) / f"photo-{index:03d}.jpg"
    image.save(path, "JPEG", quality=rng.choice((85, 88, 90)), subsampling=2)
    return str(path), int(width * height / 1e5), path.stat().st_size


def make_corpus(count: int, out: Path, seed: int = 1, processes: int = 2) -> list[Path]:
    """Generate count images into out (created if needed) and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p) for p in SOURCES.glob("*.jpg"))
    tasks = [(i, seed, sources, str(out)) for i in range(count)]
    with multiprocessing.Pool(processes) as pool:
        results = pool.map(make_one, tasks, chunksize=1)
    sizes = [size for _p, _mp, size in results]
    mps = [mp / 10 for _p, mp, _s in results]
    print(f"{count} images, {min(mps):.1f}–{max(mps):.1f} MP, "
          f"{min(sizes) / 1e6:.1f}–{max(sizes) / 1e6:.1f} MB, total {sum(sizes) / 1e6:.0f} MB, in {out}")
    return [Path(p) for p, _mp, _s in results]


def main() -> None:
    """Parse arguments and generate the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=60)
    parser.add_argument("--out", type=Path, default=None, help="folder (default: a new temp folder)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="gallery-corpus-"))
    make_corpus(args.count, out, args.seed)


if __name__ == "__main__":
    main()
