"""Cards kept by content: the design of a card, its cache key, drawing into the cache and placing into the site."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import stat
import time
from collections.abc import Callable, Mapping
from typing import Any

from PIL import ImageColor

from eventsite.atomicfile import write_bytes
from eventsite.filemode import new_file_mode

from event.tokens import event_tokens

from .compose import card_palette  # noqa: F401  (the palette of a design, for tests)
from .compose import card_png
from .drawing import CardText
from .settings import setting

# Bump when drawing.py changes what it draws (or png.py how it writes it), to redraw every card once.
CARDS_VERSION = 5


@functools.lru_cache(maxsize=16)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    """The sha256 of PATH as it was at SIZE and MTIME_NS."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def font_digest(path: str) -> str:
    """The sha256 of a font file (remembered while its size and mtime stay the same)."""
    info = os.stat(path)
    return _file_digest(path, info.st_size, info.st_mtime_ns)


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
    tokens = event_tokens(settings, overrides)
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


def cache_key(text: CardText, look: Mapping[str, Any]) -> str:
    """The cache key of a card: its text, its design (LOOK, from design()), the fonts' content and CARDS_VERSION."""
    return cache_keyer(look)(text)


def cache_keyer(look: Mapping[str, Any]) -> Callable[[CardText], str]:
    """The cache key of each card of the design LOOK: the sha256 of the JSON {"design", "text", "version"} (sorted keys),
    the design's part written once for the 2,000 cards a big site plans each build."""
    design_json = json.dumps(look, sort_keys=True, ensure_ascii=False)
    head, tail = '{"design": ' + design_json + ', "text": ', f', "version": {CARDS_VERSION}}}'

    def key(text: CardText) -> str:
        payload = head + json.dumps([text.kicker, text.title, text.footer], ensure_ascii=False) + tail
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    return key


def cached_cards(folder: str) -> frozenset[str]:
    """The file names of the drawn cards in FOLDER, in one listing (not one stat a card)."""
    try:
        with os.scandir(folder) as entries:
            return frozenset(entry.name for entry in entries if entry.name.endswith(".png") and entry.is_file(follow_symlinks=False))
    except OSError:
        return frozenset()


def cache_folder(settings: Mapping[str, Any]) -> str:
    """The folder of drawn cards: CACHE_PATH/CARDS_CACHE_DIR."""
    return os.path.join(str(settings.get("CACHE_PATH") or "cache"), str(setting(settings, "CARDS_CACHE_DIR")))


def card_name(output_file: str) -> str:
    """A readable file name from the page's output file: « intervenants/alice/index.html » → « intervenants-alice »."""
    path = re.sub(r"(^|/)index\.html$", "", output_file)
    path = re.sub(r"\.html?$", "", path)
    name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
    return name or "accueil"


def draw_into(cached: str, text: CardText, size: tuple[int, int], colors: dict[str, str], bold: str, regular: str) -> float:
    """Draw the card of TEXT into the cache file CACHED (atomically); return the CPU seconds it took. Runs in a worker too."""
    started = time.thread_time()
    data = card_png(text, size, tuple(sorted(colors.items())), bold, regular)
    write_bytes(cached, data)  # the umask's mode: the card is linked into the site
    return time.thread_time() - started


def drawing_design(settings: Mapping[str, Any]) -> tuple[Any, ...]:
    """The arguments of draw_into after the card's file and text: size, colours and fonts (picklable)."""
    return (tuple(setting(settings, "CARDS_SIZE")), card_colors(settings),
            str(setting(settings, "CARDS_FONT_BOLD")), str(setting(settings, "CARDS_FONT_REGULAR")))


def place_card(cached: str, target: str) -> None:
    """Put the cached card at TARGET: a hard link when its mode is the umask's (cached cards are never rewritten), else a copy.

    A TARGET that already is the cached file stays, only its change time moved (as Inside.write does
    for a file that already holds its bytes, so that a recycling keeps it); its times are the cached
    card's, left as they are. That is a run writing over a site in place (a plain ``pelican`` run):
    eventsite's builds never find a card in place, the recycling unlinks every file of the previous
    site that has other names first (eventsite/recycling.py, file_marks). Anything else at TARGET,
    a link included, is replaced, never written through.
    """
    card = os.stat(cached)
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    else:
        if os.path.samestat(found, card):
            os.utime(target, ns=(found.st_atime_ns, found.st_mtime_ns), follow_symlinks=False)
            return
        os.unlink(target)
    if stat.S_IMODE(card.st_mode) == new_file_mode():
        try:
            os.link(cached, target)
            return
        except OSError:  # another file system, or links not allowed
            pass
    shutil.copyfile(cached, target)
