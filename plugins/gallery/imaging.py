"""Pure Pillow functions: open safely, orient, convert to sRGB, resize, save."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from types import MappingProxyType

from PIL import Image, ImageCms, ImageOps

from eventsite.atomicfile import replacing

# Formats a gallery accepts (the JPEG opener also reads MPO); others are refused.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP")
# Formats whose extra frames are an animation (MPO/TIFF frames are not).
ANIMATED_FORMATS = ("GIF", "PNG", "WEBP")
SWAPPED_ORIENTATIONS = (5, 6, 7, 8)
NEAR_RATIO = 1.25  # below this reduction, BICUBIC resamples as well as LANCZOS
EXTENSIONS = MappingProxyType({"jpeg": "jpg", "webp": "webp", "png": "png"})
PIL_FORMATS = MappingProxyType({"jpeg": "JPEG", "webp": "WEBP", "png": "PNG"})


class ImageRejected(Exception):
    """A source image that must be left out; the message is for the author (French)."""


def open_image(path: str) -> Image.Image:
    """Open an image lazily, refusing decompression bombs and animations."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(path, formats=ACCEPTED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageRejected(
                "image trop grande pour être décodée sans risque (limite de Pillow : "
                f"{Image.MAX_IMAGE_PIXELS:,} pixels) ; réduisez ses dimensions puis remettez-la dans le dossier"
            ) from error
        except Image.UnidentifiedImageError as error:
            raise ImageRejected(
                "ce fichier n'est pas une image reconnue (JPEG, PNG, WebP, GIF, TIFF) ; "
                "exportez-le en JPEG ou retirez-le du dossier"
            ) from error
    if im.format in ANIMATED_FORMATS and getattr(im, "n_frames", 1) > 1:
        im.close()
        raise ImageRejected(
            "image animée : une galerie montre des photos fixes ; "
            "exportez l'image voulue en JPEG ou retirez le fichier"
        )
    return im


def oriented_size(im: Image.Image) -> tuple[int, int]:
    """Return the size of the image once its EXIF orientation is applied."""
    orientation = im.getexif().get(0x0112, 1)
    width, height = im.size
    return (height, width) if orientation in SWAPPED_ORIENTATIONS else (width, height)


def check_aspect(size: tuple[int, int], max_aspect: float) -> None:
    """Refuse panoramas too elongated for a grid (or for WebP's 16383 px limit)."""
    long_side, short_side = max(size), max(1, min(size))
    if long_side / short_side > max_aspect:
        raise ImageRejected(
            f"panorama trop allongé ({size[0]}×{size[1]} px, rapport "
            f"{long_side / short_side:.1f} pour {max_aspect:g} au plus) ; "
            "recadrez-le en plusieurs photos ou en un format moins étiré"
        )


def decode(im: Image.Image, need: tuple[int, int]) -> Image.Image:
    """Decode once, at reduced size when JPEG allows it, and apply EXIF orientation.

    `need` is the smallest oriented size the largest output needs.
    """
    if im.format in ("JPEG", "MPO"):
        orientation = im.getexif().get(0x0112, 1)
        stored = (need[1], need[0]) if orientation in SWAPPED_ORIENTATIONS else need
        im.draft(im.mode, stored)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        im.load()
    icc = im.info.get("icc_profile")
    upright = ImageOps.exif_transpose(im) if im.getexif().get(0x0112, 1) != 1 else im
    if icc:
        upright.info["icc_profile"] = icc
    return upright


def _to_8bit(im: Image.Image) -> Image.Image:
    """Scale 16-bit and 32-bit greyscale to 8 bits."""
    if im.mode.startswith("I;16") or im.mode == "I":
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    return im.convert("L")


def conversion_note(mode: str) -> str:
    """Return a French note when a mode is converted with some loss (CMYK, 16-bit), else ''."""
    if mode == "CMYK":
        return "image CMJN (impression) convertie en sRGB pour l'écran"
    if mode.startswith("I") or mode == "F":
        return "image 16 bits ramenée à 8 bits"
    return ""


def normalize_mode(im: Image.Image) -> Image.Image:
    """Bring any mode to L, RGB, RGBA or (with a profile) CMYK, keeping the ICC profile."""
    icc = im.info.get("icc_profile")
    mode = im.mode
    if mode in ("RGB", "RGBA", "L"):
        return im
    if mode == "CMYK" and icc:
        return im
    if mode.startswith("I") or mode == "F":
        out = _to_8bit(im)
    elif mode in ("P", "PA", "LA", "La", "RGBa"):
        has_alpha = mode in ("PA", "LA", "La", "RGBa") or "transparency" in im.info
        out = im.convert("RGBA" if has_alpha else "RGB")
    else:  # 1, CMYK without profile, YCbCr, LAB, HSV
        out = im.convert("RGB")
    if icc and out.mode in ("RGB", "RGBA"):
        out.info["icc_profile"] = icc
    return out


def to_srgb(im: Image.Image, keep_alpha: bool) -> Image.Image:
    """Convert to 8-bit sRGB (RGB, or RGBA when keep_alpha and the image has alpha)."""
    icc = im.info.get("icc_profile")
    if icc and im.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if not ImageCms.getProfileDescription(source).strip().startswith("sRGB"):
                out_mode = "RGBA" if im.mode == "RGBA" else "RGB"
                im = ImageCms.profileToProfile(
                    im, source, ImageCms.createProfile("sRGB"), outputMode=out_mode
                )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # unusable profile: keep the pixels as they are
    if im.mode == "CMYK" or im.mode == "L":
        im = im.convert("RGB")
    if im.mode == "RGBA" and not keep_alpha:
        flat = Image.new("RGB", im.size, "white")
        flat.paste(im, mask=im.getchannel("A"))
        im = flat
    if im.mode == "RGBA" and im.getchannel("A").getextrema() == (255, 255):
        im = im.convert("RGB")
    return im


def crop_square(im: Image.Image) -> Image.Image:
    """Return the centred square crop of an image."""
    width, height = im.size
    side = min(width, height)
    left, top = (width - side) // 2, (height - side) // 2
    return im.crop((left, top, left + side, top + side))


def fit_box(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """Return size scaled to fit inside box, keeping proportions, never upscaling."""
    scale = min(box[0] / size[0], box[1] / size[1], 1.0)
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def height_for(size: tuple[int, int], width: int) -> int:
    """Return the height matching width for an image of this size."""
    return max(1, round(width * size[1] / size[0]))


def resize(im: Image.Image, width: int) -> Image.Image:
    """Return the image resized to width, keeping proportions (no copy if same size).

    From 3× and more (non-JPEG sources, which draft() cannot shrink), a box reduction first
    makes LANCZOS much cheaper with no visible change (reducing_gap=3). Under 1.25× (a JPEG
    decoded by draft() just above the largest width), BICUBIC looks the same for a third less.
    """
    if width == im.width:
        return im
    near = im.width < NEAR_RATIO * width
    resample = Image.Resampling.BICUBIC if near else Image.Resampling.LANCZOS
    return im.resize((width, height_for(im.size, width)), resample, reducing_gap=3.0)


def placeholder_colour(im: Image.Image) -> str:
    """Return the mean colour of the image as a CSS hex colour."""
    red, green, blue = im.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    return f"#{red:02x}{green:02x}{blue:02x}"


def save_atomic(im: Image.Image, path: str, fmt: str, quality: int, webp_method: int = 4) -> None:
    """Write im to path with no metadata at all (EXIF, XMP, ICC, comment), atomically."""
    # Explicit empties: some Pillow encoders fall back on im.info (JPEG comment, PNG ICC).
    options: dict[str, object] = {"exif": b"", "icc_profile": None}
    if fmt == "jpeg":
        options.update(quality=quality, optimize=True, progressive=True, comment=b"")
    elif fmt == "webp":
        options.update(quality=quality, method=webp_method, xmp="")
    else:
        options.update(optimize=True)
    with replacing(path) as temporary:  # the umask's mode (the web server must read it), never half an image
        with open(temporary, "wb") as handle:
            im.save(handle, PIL_FORMATS[fmt], **options)


def widths_up_to(widths: Sequence[int], largest: int) -> tuple[int, ...]:
    """Return largest and the widths clearly below it (under 90 %), widest first."""
    return tuple(sorted({w for w in widths if w < 0.9 * largest} | {largest}, reverse=True))
