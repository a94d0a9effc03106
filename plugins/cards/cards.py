"""Pelican wiring of the cards plugin: 1200×630 social cards, planned before any page is written, drawn while they are.

Phases: once every generator has read (``all_generators_finalized``), the cards generator works out
every page's card text (pages.py) and its file in the content-addressed cache, and puts
``context["social_cards"]``. When the build starts writing (the event plugin's
``event.write_started``), the cards the cache lacks go to CARDS_PROCESSES worker processes, which
draw them while the other generators write the pages; the cards generator's ``generate_output``
waits for them and places every card in the site. If writing fails (``event.write_failed``), the
workers stop at once: drawings not begun are dropped, those begun end whole (cache files are
written atomically), no process is left. Without the event signals (a plain ``pelican`` run), the
cards are drawn in ``generate_output``.

Context key provided: ``social_cards``, a read-only mapping output file (« en/programme/index.html »)
→ :class:`Card` (the card's site-relative path and pixel size). The seo plugin looks a page's card
up there; nothing draws or copies anything while a page renders. Context keys needed: see pages.py.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pelican import signals
from pelican.generators import Generator

from eventsite.settingskit import check_at_startup
from eventsite.workers import BuildWorkers

from event.signals import WRITE_FAILED, WRITE_STARTED

from .cache import cache_folder, cache_keyer, cached_cards, card_name, design, draw_into, drawing_design, place_card
from .pages import page_cards
from .settings import processes, setting

logger = logging.getLogger(__name__)

CARDS_KEY = "social_cards"
# At most this many cards in one exchange with a worker (about 25 ms of drawing: what a failed build still waits for).
BATCH_CARDS = 8


@dataclass(frozen=True)
class Card:
    """A page's social card in the site: its site-relative path and its size in pixels."""

    path: str
    size: tuple[int, int]


@dataclass
class Tally:
    """What one build did with the cards: drawn, taken from the cache, CPU seconds spent drawing."""

    drawn: int = 0
    reused: int = 0
    cpu_seconds: float = 0.0


def batch_size(cards: int, processes: int) -> int:
    """Cards handed to a worker at once: up to BATCH_CARDS, and at least four batches a worker to share the work evenly."""
    return max(1, min(BATCH_CARDS, cards // (4 * processes)))


def cards_of(context: Mapping[str, Any]) -> Mapping[str, Card]:
    """The build's cards by output file (empty when the cards plugin is off)."""
    return context.get(CARDS_KEY) or {}


class CardsGenerator(Generator):
    """Plans every page's card once the content is read; draws the missing ones while the pages are written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (cache file, site-relative path, the page it is for when only the menus name it, else "")
        self.placements: list[tuple[str, str, str]] = []
        self.missing: list[tuple[Any, ...]] = []  # draw_into's arguments for each card the cache lacks
        self.workers: BuildWorkers | None = None
        self.tally = Tally()
        self.seconds = 0.0

    def generate_context(self) -> None:
        """Nothing yet: the cards are planned once every generator has read (plan_cards)."""

    def plan(self) -> None:
        """Work out every page's card and publish context["social_cards"]; nothing is drawn yet."""
        if not setting(self.settings, "CARDS_ENABLED"):
            return
        started = time.perf_counter()
        self.context[CARDS_KEY] = self.plan_all()
        self.seconds += time.perf_counter() - started

    def plan_all(self) -> Mapping[str, Card]:
        """Every page's card by output file; the cards the cache lacks are kept in self.missing."""
        folder = cache_folder(self.settings)
        size = tuple(setting(self.settings, "CARDS_SIZE"))
        output_dir = str(setting(self.settings, "CARDS_OUTPUT_DIR")).strip("/")
        settings = {**self.settings, "event_settings": self.context.get("event_settings")}
        cards: dict[str, Card] = {}
        names: dict[str, str] = {}
        planned: set[str] = set()
        key_of, drawing = cache_keyer(design(settings)), drawing_design(settings)  # the same for every card: worked out once
        drawn = cached_cards(folder)
        wanted, guessed = page_cards(self.context)
        for output_file, text in sorted(wanted.items()):
            key = key_of(text)
            cached = os.path.join(folder, f"{key}.png")
            if cached in planned or f"{key}.png" in drawn:
                self.tally.reused += 1
            else:
                self.missing.append((cached, text, *drawing))
                self.tally.drawn += 1
            planned.add(cached)
            name = card_name(output_file)
            if names.get(name, key) != key:
                name = f"{name}-{key[:8]}"
            names[name] = key
            relpath = f"{output_dir}/{name}.png"
            self.placements.append((cached, relpath, output_file if output_file in guessed else ""))
            cards[output_file] = Card(relpath, size)  # type: ignore[arg-type]
        return MappingProxyType(cards)

    def start_drawing(self) -> None:
        """Hand the missing cards to the worker processes (unless CARDS_PROCESSES is 1), to draw while the pages are written."""
        count = processes(self.settings)
        if self.workers is not None or not self.missing or count == 0:
            return
        self.workers = BuildWorkers(min(count, len(self.missing)), batch_size(len(self.missing), count))
        for job in self.missing:
            self.workers.submit(draw_into, *job)
        self.workers.flush()
        self.missing = []

    def finish_drawing(self) -> None:
        """Draw the cards still missing (here, or in workers if none started) and wait for the workers; they stop whatever happens."""
        self.start_drawing()  # not started yet when nothing sent event.write_started (a plain `pelican` run)
        try:
            for job in self.missing:
                self.tally.cpu_seconds += draw_into(*job)
            self.missing = []
            if self.workers is not None:
                self.tally.cpu_seconds += sum(self.workers.finish())
        finally:
            self.stop_drawing()

    def stop_drawing(self) -> None:
        """Stop the workers at once (a failed build): no drawing begins, those begun end whole."""
        if self.workers is not None:
            self.workers.cancel()
            self.workers = None

    def generate_output(self, writer: Any) -> None:
        """Wait for the cards, place every one in the site, and say what the build did with them."""
        started = time.perf_counter()
        self.finish_drawing()
        for cached, relpath, page in self.placements:
            if not page or os.path.exists(os.path.join(self.output_path, page)):  # the menus may name a page nothing wrote
                place_card(cached, os.path.join(self.output_path, relpath))
        self.seconds += time.perf_counter() - started
        if self.placements:
            logger.info(
                "Cartes sociales : %d dessinée(s), %d reprise(s) du cache, %.2f s (%.2f s de calcul)",
                self.tally.drawn, self.tally.reused, self.seconds, self.tally.cpu_seconds,
            )


def add_generator(pelican: Any) -> type[CardsGenerator]:
    """Give Pelican the cards generator."""
    return CardsGenerator


def cards_generators(generators: Sequence[Any]) -> list[CardsGenerator]:
    """The cards generator among GENERATORS (none when the plugin's generator was not loaded)."""
    return [generator for generator in generators if isinstance(generator, CardsGenerator)]


def plan_cards(generators: Sequence[Any]) -> None:
    """all_generators_finalized handler: every page's card planned, before any page is written."""
    for generator in cards_generators(generators):
        generator.plan()


def start_drawing(sender: Any, *, generators: Sequence[Any], **_: Any) -> None:
    """event.write_started handler: the missing cards are drawn by workers while the pages are written."""
    for generator in cards_generators(generators):
        generator.start_drawing()


def stop_drawing(sender: Any, *, generators: Sequence[Any], **_: Any) -> None:
    """event.write_failed handler: the workers stop at once, leaving no process and no half-written card."""
    for generator in cards_generators(generators):
        generator.stop_drawing()


def register() -> None:
    """Connect the cards plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(plan_cards)
    WRITE_STARTED.connect(start_drawing)
    WRITE_FAILED.connect(stop_drawing)
