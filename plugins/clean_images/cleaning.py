"""Re-encode one image without any metadata: orientation applied, colours in sRGB, same format."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from types import MappingProxyType

from PIL import Image, ImageSequence

from eventsite.atomicfile import replacing
from eventsite.imagemetadata import metadata_labels

# The formats whose metadata metadata.py reads (the JPEG opener also gives MPO).
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF")
# Image.info entries a re-encoded file may keep: none of them says anything about anyone.
KEPT_INFO = ("transparency", "duration", "loop", "background", "disposal")
# Explicit empties: some Pillow encoders fall back on im.info (JPEG/GIF comment, PNG ICC).
NO_METADATA = MappingProxyType({"exif": b"", "icc_profile": None, "xmp": b""})


class CleaningFailed(Exception):
    """The image could not be cleaned; the message is for the author (French)."""


def content_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _still(im: Image.Image) -> Image.Image:
    """Decode a still image, apply its orientation and convert its colours to sRGB."""
    from gallery import imaging  # the gallery plugin's pure Pillow functions, loaded before us

    has_icc = bool(im.info.get("icc_profile"))
    oriented = im.getexif().get(0x0112, 1) != 1
    if im.mode in ("P", "1", "L", "LA", "PA") and not has_icc and not oriented:
        im.load()
        return im  # palette and grey images keep their mode (a GIF stays a GIF)
    upright = imaging.normalize_mode(imaging.decode(im, im.size))
    return imaging.to_srgb(upright, keep_alpha=True)


def _save_options(im: Image.Image, fmt: str, quality: int) -> dict[str, object]:
    options: dict[str, object] = {**NO_METADATA, **{k: im.info[k] for k in KEPT_INFO if k in im.info}}
    if fmt == "JPEG":
        options.update(quality=quality, optimize=True, comment=b"")
    elif fmt == "WEBP":
        options.update(quality=quality)
    elif fmt == "GIF":
        options.update(comment=b"")
    return options


def write_clean(source: Path, target: Path, quality: int) -> None:
    """Write to `target` the image of `source` with no metadata, in the same format."""
    with Image.open(source, formats=FORMATS) as im:  # never another decoder (EPS, PSD…)
        fmt = "JPEG" if im.format == "MPO" else im.format
        if getattr(im, "n_frames", 1) > 1 and fmt != "TIFF" and fmt != "JPEG":
            frames = [frame.copy() for frame in ImageSequence.Iterator(im)]
            first = frames[0]
            first.info = {k: im.info[k] for k in KEPT_INFO if k in im.info}
            first.save(target, fmt, save_all=True, append_images=frames[1:],
                       **_save_options(first, fmt, quality))
            return
        clean = _still(im)
        clean.info = {k: v for k, v in clean.info.items() if k in KEPT_INFO}
        if fmt == "JPEG" and clean.mode not in ("RGB", "L"):
            clean = clean.convert("RGB")
        clean.save(target, fmt, **_save_options(clean, fmt, quality))


def clean_file(path: str | Path, cache: Path, quality: int) -> tuple[str, ...]:
    """Replace `path` by a copy without metadata (cached by content hash); return what it had.

    The file is never modified in place (it may be a hard link to a store or to content/):
    the clean copy is written beside it and moved over it with os.replace.
    """
    found = metadata_labels(path)
    if not found:
        return ()
    path = Path(path)
    cached = cache / f"{content_hash(path)}{path.suffix.lower()}"
    if not cached.is_file():  # the cache holds only copies checked clean when they were written
        cache.mkdir(parents=True, exist_ok=True)
        with replacing(cached) as temporary:
            write_clean(path, temporary, quality)
        left = metadata_labels(cached)
        if left:
            cached.unlink()
            raise CleaningFailed("métadonnées restantes : " + ", ".join(left))
    with replacing(path, keep_mode=True) as temporary:
        shutil.copyfile(cached, temporary)
    return found


