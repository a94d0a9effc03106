"""Pelican wiring of the cards plugin: a `social_card()` Jinja global drawing cached 1200×630 images."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Mapping
from typing import Any

from jinja2 import pass_context
from PIL import Image, ImageColor
from pelican import signals

from eventsite.settingskit import check_at_startup

from eventsite.filemode import new_file_mode

from .drawing import CardText, draw_card
from .settings import FALLBACK_TOKENS, processes, setting
from .workers import CardWorkers

logger = logging.getLogger(__name__)

# Bump when drawing.py changes what it draws, to redraw every card once.
CARDS_VERSION = 3


class Stats:
    """What the current build did: cards drawn, cards copied from the cache, time spent."""

    def __init__(self) -> None:
        self.drawn = 0
        self.reused = 0
        self.seconds = 0.0  # wall-clock time
        self.cpu_seconds = 0.0  # this thread's CPU time: the work itself, whatever else the machine runs
        self.names: dict[str, str] = {}  # output name → cache key, for this build
        self.pages: dict[tuple[str, str], str] = {}  # (output file, title) → card path, for this build
        self.workers: CardWorkers | None = None  # drawing processes, started by the first card to draw

    def reset(self) -> None:
        """Start counting a new build (stopping the workers a failed build may have left)."""
        if self.workers is not None:
            self.workers.cancel()
        self.__init__()  # type: ignore[misc]

    def workers_for(self, settings: Mapping[str, Any]) -> CardWorkers | None:
        """The drawing processes of this build, or None when CARDS_PROCESSES is 1 (draw in this process)."""
        count = processes(settings)
        if count <= 1:
            return None
        if self.workers is None:
            self.workers = CardWorkers(count)
        return self.workers

    def finish_drawing(self) -> None:
        """Wait for every card handed to the workers and copy it where the pages point."""
        if self.workers is not None:
            self.cpu_seconds += self.workers.finish(place_card)
            self.workers = None


STATS = Stats()
_FONT_DIGESTS: dict[tuple[str, int, int], str] = {}


def font_digest(path: str) -> str:
    """The sha256 of a font file (memoised on its size and mtime)."""
    stat = os.stat(path)
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _FONT_DIGESTS:
        with open(path, "rb") as handle:
            _FONT_DIGESTS[key] = hashlib.file_digest(handle, "sha256").hexdigest()
    return _FONT_DIGESTS[key]


TOKEN = re.compile(r"--color-([a-z0-9-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\b")


_TOKENS: dict[tuple[str, int], dict[str, str]] = {}


def theme_tokens(settings: Mapping[str, Any]) -> dict[str, str]:
    """The --color-* design tokens of the theme's main.css (name without « --color- » → value)."""
    path = os.path.join(str(settings.get("THEME") or ""), "static", "css", "main.css")
    try:
        key = (path, os.stat(path).st_mtime_ns)
        if key not in _TOKENS:
            with open(path, encoding="utf-8") as handle:
                _TOKENS[key] = dict(TOKEN.findall(handle.read()))
        return dict(_TOKENS[key])
    except OSError:
        return {}


def blend(color: str, other: str, share: float) -> str:
    """COLOR mixed with SHARE of OTHER (any CSS colour Pillow reads: #hex, names, rgb())."""
    first, second = ImageColor.getrgb(color)[:3], ImageColor.getrgb(other)[:3]
    mixed = (round(a * (1 - share) + b * share) for a, b in zip(first, second))
    return "#" + "".join(f"{v:02x}" for v in mixed)


def card_colors(settings: Mapping[str, Any]) -> dict[str, str]:
    """CARDS_COLORS, else the theme's tokens with EVENT_COLORS over them."""
    configured = setting(settings, "CARDS_COLORS")
    if configured:
        return dict(configured)
    event_settings = settings.get("event_settings")
    overrides = dict(getattr(event_settings, "colors", None) or settings.get("EVENT_COLORS") or {})
    tokens = {**FALLBACK_TOKENS, **theme_tokens(settings), **overrides}
    return {
        "background": tokens["accent"],
        "text": tokens["accent-contrast"],
        "muted": blend(tokens["accent-contrast"], tokens["accent"], 0.18),
        "band": tokens["surface"],
        "band_text": tokens["text"],
        "rule": tokens["focus"],
    }


def design(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Every setting that changes how a card looks."""
    return {
        "size": list(setting(settings, "CARDS_SIZE")),
        "colors": card_colors(settings),
        "bold": font_digest(str(setting(settings, "CARDS_FONT_BOLD"))),
        "regular": font_digest(str(setting(settings, "CARDS_FONT_REGULAR"))),
    }


def cache_key(text: CardText, settings: Mapping[str, Any]) -> str:
    """The cache key of a card: its text, the design settings, the fonts' content and CARDS_VERSION."""
    payload = json.dumps(
        {"version": CARDS_VERSION, "text": [text.kicker, text.title, text.footer], "design": design(settings)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def card_name(output_file: str) -> str:
    """A readable file name from the page's output file: « intervenants/alice/index.html » → « intervenants-alice »."""
    path = re.sub(r"(^|/)index\.html$", "", output_file)
    path = re.sub(r"\.html?$", "", path)
    name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
    return name or "accueil"


def cache_folder(settings: Mapping[str, Any]) -> str:
    """The folder of drawn cards: CACHE_PATH/CARDS_CACHE_DIR."""
    return os.path.join(str(settings.get("CACHE_PATH") or "cache"), str(setting(settings, "CARDS_CACHE_DIR")))


@functools.lru_cache(maxsize=8)
def card_palette(size: tuple[int, int], colors: tuple[tuple[str, str], ...], bold: str, regular: str) -> Image.Image:
    """The 32-colour palette of every card of one design: fitted once on a sample card.

    Every card has the same flat colours and the same anti-aliasing ramps between them, so
    mapping each card onto this palette (about 1 ms) looks the same as fitting a palette to
    each card (about 8 ms), and a card's pixels depend on its own text only.
    """
    sample = draw_card(CardText("1 janvier 2030 · Ville", "Titre d'exemple, sur deux lignes pour tout couvrir",
                                "Nom de l'événement"), size, dict(colors), bold, regular)
    return sample.quantize(32, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def draw_into(cached: str, text: CardText, size: tuple[int, int], colors: dict[str, str], bold: str, regular: str) -> float:
    """Draw the card of TEXT into the cache file CACHED (atomically); return the CPU seconds it took. Runs in a worker too."""
    started = time.thread_time()
    image = draw_card(text, size, colors, bold, regular)
    palette = card_palette(size, tuple(sorted(colors.items())), bold, regular)
    folder = os.path.dirname(cached)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".png", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            # 32 colours are plenty for two flat colours and anti-aliased text: 3× smaller files.
            image.quantize(palette=palette, dither=Image.Dither.NONE).save(handle, "PNG", compress_level=6)
        os.chmod(tmp, new_file_mode())  # mkstemp makes 0600; the card is linked into the site
        os.replace(tmp, cached)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return time.thread_time() - started


def render_card(text: CardText, settings: Mapping[str, Any], workers: CardWorkers | None = None) -> str:
    """The path of the cached PNG for TEXT, drawing it only when no cached copy exists.

    With WORKERS, the drawing is handed to a worker process and the path returned at once:
    the file exists once WORKERS has finished (CardWorkers.finish).
    """
    key = cache_key(text, settings)
    cached = os.path.join(cache_folder(settings), f"{key}.png")
    if os.path.exists(cached) or (workers is not None and workers.drawing(cached)):
        STATS.reused += 1
        return cached
    job = (cached, text, tuple(setting(settings, "CARDS_SIZE")), card_colors(settings),
           str(setting(settings, "CARDS_FONT_BOLD")), str(setting(settings, "CARDS_FONT_REGULAR")))
    if workers is None:
        draw_into(*job)
    else:
        workers.submit(draw_into, *job)
    STATS.drawn += 1
    return cached


def card_text(context: Any, title: str) -> CardText:
    """The card of the page being written: its title, the event's date and place, and the event's name."""
    event_settings = context.get("event_settings")
    name = getattr(event_settings, "name", "") or str(context.get("SITENAME") or "")
    kicker = ""
    start = getattr(event_settings, "start", None)
    if start is not None:
        long_date = context.environment.filters.get("long_date")
        when = context.call(long_date, start) if long_date else start.isoformat()
        city = (getattr(event_settings, "venue", None) or {}).get("city", "")
        kicker = f"{when} · {city}" if city else when
    if context.get("output_file", "") == "index.html":
        # The home page: the event's name is the title, its tagline below.
        return CardText(kicker, name, getattr(event_settings, "tagline", "") or str(context.get("SITENAME") or ""))
    return CardText(kicker, title or name, name)


def place_card(cached: str, target: str) -> None:
    """Put the cached card at TARGET: a hard link when its mode is the umask's (cached cards are never rewritten), else a copy."""
    if os.path.exists(target):
        os.unlink(target)
    if stat.S_IMODE(os.stat(cached).st_mode) == new_file_mode():
        try:
            os.link(cached, target)
            return
        except OSError:  # another file system, or links not allowed
            pass
    shutil.copyfile(cached, target)


@pass_context
def social_card(context: Any, title: str) -> str | None:
    """Jinja global: the site-relative path of this page's card, drawn (or taken from the cache) and copied into the site."""
    if not setting(context, "CARDS_ENABLED"):
        return None
    output_file = str(context.get("output_file", ""))
    done = STATS.pages.get((output_file, str(title)))
    if done is not None:
        return done
    started, started_cpu = time.perf_counter(), time.thread_time()
    text = card_text(context, str(title).strip())
    workers = STATS.workers_for(context)
    cached = render_card(text, context, workers)
    key = os.path.basename(cached)[:-4]
    name = card_name(output_file)
    if STATS.names.get(name, key) != key:
        name = f"{name}-{key[:8]}"
    STATS.names[name] = key
    relpath = f"{str(setting(context, 'CARDS_OUTPUT_DIR')).strip('/')}/{name}.png"
    target = os.path.join(str(context["OUTPUT_PATH"]), relpath)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if workers is not None and workers.drawing(cached):
        workers.copy_when_drawn(cached, target)
    else:
        place_card(cached, target)
    STATS.seconds += time.perf_counter() - started
    STATS.cpu_seconds += time.thread_time() - started_cpu
    STATS.pages[(output_file, str(title))] = relpath
    return relpath


def add_template_helpers(generator: Any) -> None:
    """Offer social_card() to every generator's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["social_card"] = social_card


def start_counting(pelican: Any) -> None:
    """Reset the counters when a build starts."""
    STATS.reset()


def report(pelican: Any) -> None:
    """Wait for the cards still being drawn, copy them into the site, and say what the build did with the cards."""
    STATS.finish_drawing()
    logger.info(
        "Cartes sociales : %d dessinée(s), %d reprise(s) du cache, %.2f s (%.2f s de calcul)",
        STATS.drawn, STATS.reused, STATS.seconds, STATS.cpu_seconds,
    )


def register() -> None:
    """Connect the cards plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.initialized.connect(start_counting)
    signals.generator_init.connect(add_template_helpers)
    signals.finalized.connect(report)
