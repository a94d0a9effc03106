"""One image job, picklable, and the worker that renders it in any process."""

from __future__ import annotations

import math
import struct
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PIL import Image

from eventsite.safepaths import PathOutside, resolve_inside

from . import imaging
from .imaging import ImageRejected
from .model import Picture, Variant

PROFILES = ("photo", "portrait", "logo")


@dataclass(frozen=True)
class Job:
    """Everything needed to turn one source file into its variants."""

    key: str  # unique in its scope, e.g. 'moments/photo'
    source: str  # absolute path of the source file
    profile: str  # 'photo' | 'portrait' | 'logo'
    output_root: str  # OUTPUT_PATH
    url_dir: str  # folder of the outputs relative to the site root
    stem: str  # output file names are '<stem>-<width>.<ext>'
    alt: str
    widths: tuple[int, ...]
    max_width: int
    box: tuple[int, int]
    formats: tuple[str, ...]
    jpeg_quality: int
    webp_quality: int
    webp_method: int | tuple[tuple[int, int], ...]  # one method, or (smallest width, method) pairs
    max_aspect: float
    threads: int = 1  # encoders run in parallel across widths (output unchanged)

    def params(self) -> dict[str, Any]:
        """Return what the output files depend on, besides the source content."""
        return {
            "profile": self.profile,
            "url_dir": self.url_dir,
            "stem": self.stem,
            "widths": list(self.widths),
            "max_width": self.max_width,
            "box": list(self.box),
            "formats": list(self.output_formats),
            "jpeg_quality": self.jpeg_quality,
            "webp_quality": self.webp_quality,
            "webp_method": self.webp_method if isinstance(self.webp_method, int)
            else [list(pair) for pair in self.webp_method],
            "max_aspect": self.max_aspect,
        }

    @property
    def output_formats(self) -> tuple[str, ...]:
        """Return the formats written: PNG+WebP for logos, the settings' for the rest."""
        if self.profile == "logo":
            return ("webp", "png")
        return self.formats

    def webp_method_for(self, width: int) -> int:
        """Return the libwebp method used at this width."""
        if isinstance(self.webp_method, int):
            return self.webp_method
        chosen = self.webp_method[0][1]
        for smallest, method in self.webp_method:
            if width >= smallest:
                chosen = method
        return chosen

    def quality(self, fmt: str) -> int:
        """Return the encoder quality of one format."""
        return self.webp_quality if fmt == "webp" else self.jpeg_quality


@dataclass(frozen=True)
class Outcome:
    """What a worker returns: a Picture and its files, or a French error message."""

    key: str
    picture: Picture | None
    outputs: tuple[str, ...]
    error: str = ""
    note: str = ""  # a conversion worth telling the author about


def _plan(job: Job, size: tuple[int, int]) -> tuple[tuple[int, ...], tuple[int, int]]:
    """Return the output widths (widest first) and the oriented size to decode at."""
    if job.profile == "photo":
        imaging.check_aspect(size, job.max_aspect)
        largest = min(size[0], job.max_width)
        return imaging.widths_up_to(job.widths, largest), (largest, imaging.height_for(size, largest))
    if job.profile == "portrait":
        side = min(size)
        largest = min(side, max(job.widths))
        scale = largest / side
        need = (math.ceil(size[0] * scale), math.ceil(size[1] * scale))
        return imaging.widths_up_to(job.widths, largest), need
    fitted = imaging.fit_box(size, job.box)
    double = imaging.fit_box(size, (job.box[0] * 2, job.box[1] * 2))
    return tuple(sorted({fitted[0], double[0]}, reverse=True)), double


def _decode(job: Job) -> tuple[Image.Image, tuple[int, ...], str]:
    """Open and decode the source once, at the size the widest output needs."""
    im = imaging.open_image(job.source)
    with im:
        widths, need = _plan(job, imaging.oriented_size(im))
        upright = imaging.decode(im, need)
    note = imaging.conversion_note(upright.mode)
    upright = imaging.normalize_mode(upright)
    if job.profile == "portrait":
        upright = imaging.crop_square(upright)
    return upright, widths, note


def _write(job: Job, image: Image.Image, widths: tuple[int, ...], note: str) -> Outcome:
    """Write every width and format, widest first, each width resized from the previous one.

    With job.threads > 1, encoders run in threads (Pillow releases the GIL) while the next
    width is resized: a lone photo then uses every core.
    """
    current = imaging.to_srgb(imaging.resize(image, widths[0]), keep_alpha=job.profile == "logo")
    first = current
    variants: list[Variant] = []
    outputs: list[str] = []
    with ThreadPoolExecutor(job.threads) if job.threads > 1 else _Inline() as pool:
        pending = []
        for width in widths:
            current = imaging.resize(current, width)
            for fmt in job.output_formats:
                relative = f"{job.url_dir}/{job.stem}-{width}.{imaging.EXTENSIONS[fmt]}"
                pending.append(pool.submit(imaging.save_atomic, current, resolve_inside(job.output_root, relative),
                                           fmt, job.quality(fmt), job.webp_method_for(width)))
                variants.append(Variant(width, current.height, fmt, relative))
                outputs.append(relative)
        for future in pending:
            future.result()  # re-raises an encoder's error here
    # A logo is shown at its 1× size (the narrowest variant); other pictures at full size.
    shown = current.size if job.profile == "logo" else first.size
    # A colour block behind the image while it loads, for opaque photos only: a logo (often
    # transparent, often dark) would be drawn on it.
    opaque_photo = job.profile != "logo" and current.mode != "RGBA"
    placeholder = imaging.placeholder_colour(current) if opaque_photo else ""
    picture = Picture(shown[0], shown[1], job.alt, tuple(variants), placeholder)
    return Outcome(job.key, picture, tuple(outputs), note=note)


class _Inline(Executor):
    """An executor that runs each call at once, in the calling thread."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        """Run fn now; return a finished Future holding its result or its error."""
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - handed back through the Future
            future.set_exception(error)
        return future


def process(job: Job) -> Outcome:
    """Render one job; never raises: a failure comes back as a French message."""
    try:
        image, widths, note = _decode(job)
    except ImageRejected as error:
        return Outcome(job.key, None, (), str(error))
    except FileNotFoundError:
        return Outcome(job.key, None, (), "fichier introuvable ; vérifiez son nom")
    except MemoryError:
        return Outcome(job.key, None, (), "mémoire insuffisante pour décoder cette image ; réduisez-la")
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error) as error:
        return Outcome(
            job.key,
            None,
            (),
            f"fichier tronqué ou corrompu ({error}) ; ré-exportez-le depuis l'original",
        )
    except Exception as error:  # a worker must never crash the build
        return Outcome(job.key, None, (), f"image illisible ({type(error).__name__} : {error})")
    try:
        return _write(job, image, widths, note)
    except PathOutside as error:
        return Outcome(job.key, None, (), f"nom de fichier refusé ({error}) ; renommez le fichier")
    except OSError as error:
        return Outcome(job.key, None, (), f"écriture impossible ({error}) ; vérifiez l'espace disque")
    except Exception as error:  # e.g. an encoder refusing a size
        return Outcome(job.key, None, (), f"conversion impossible ({type(error).__name__} : {error})")
