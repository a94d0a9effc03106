"""Pelican wiring of the cards plugin: 1200×630 social cards drawn in a build phase, before any page is written.

Phases: once every generator has read (``all_generators_finalized``), the cards generator works out
every page's card text (pages.py), draws the cards missing from the content-addressed cache (in
CARDS_PROCESSES worker processes, stopped before the handler returns, whatever happens) and puts
``context["social_cards"]``; its ``generate_output`` places the cards in the site.

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

from .cache import cache_folder, cache_key, card_name, design, draw_into, drawing_design, place_card
from .pages import page_cards
from .settings import processes, setting
from .workers import CardWorkers

logger = logging.getLogger(__name__)

CARDS_KEY = "social_cards"


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


def cards_of(context: Mapping[str, Any]) -> Mapping[str, Card]:
    """The build's cards by output file (empty when the cards plugin is off)."""
    return context.get(CARDS_KEY) or {}


class CardsGenerator(Generator):
    """Draws every page's card before the pages are written, and places them in the site."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (cache file, site-relative path, the page it is for when only the menus name it, else "")
        self.placements: list[tuple[str, str, str]] = []
        self.workers: CardWorkers | None = None
        self.tally = Tally()
        self.seconds = 0.0

    def generate_context(self) -> None:
        """Nothing yet: the cards are planned once every generator has read (plan_cards)."""

    def plan(self) -> None:
        """Work out every page's card, draw the missing ones (waiting for the workers), and publish context["social_cards"]."""
        if not setting(self.settings, "CARDS_ENABLED"):
            return
        started = time.perf_counter()
        count = processes(self.settings)
        self.workers = CardWorkers(count) if count > 1 else None
        try:
            self.context[CARDS_KEY] = self.draw_all()
            if self.workers is not None:
                self.tally.cpu_seconds += self.workers.finish()  # waits for every drawing, stops the workers
        finally:
            if self.workers is not None:
                self.workers.cancel()  # a failure stops them at once: no worker outlives its build
            self.workers = None
        self.seconds += time.perf_counter() - started

    def draw_all(self) -> Mapping[str, Card]:
        """Draw (or take from the cache) every page's card; return them by output file."""
        folder = cache_folder(self.settings)
        size = tuple(setting(self.settings, "CARDS_SIZE"))
        output_dir = str(setting(self.settings, "CARDS_OUTPUT_DIR")).strip("/")
        settings = {**self.settings, "event_settings": self.context.get("event_settings")}
        cards: dict[str, Card] = {}
        names: dict[str, str] = {}
        look, drawing = design(settings), drawing_design(settings)  # the same for every card: worked out once
        wanted, guessed = page_cards(self.context)
        for output_file, text in sorted(wanted.items()):
            key = cache_key(text, look)
            cached = os.path.join(folder, f"{key}.png")
            self.draw(cached, (cached, text, *drawing))
            name = card_name(output_file)
            if names.get(name, key) != key:
                name = f"{name}-{key[:8]}"
            names[name] = key
            relpath = f"{output_dir}/{name}.png"
            self.placements.append((cached, relpath, output_file if output_file in guessed else ""))
            cards[output_file] = Card(relpath, size)  # type: ignore[arg-type]
        return MappingProxyType(cards)

    def draw(self, cached: str, job: tuple[Any, ...]) -> None:
        """Draw the card CACHED unless the cache holds it or a worker already draws it."""
        if os.path.exists(cached) or (self.workers is not None and self.workers.drawing(cached)):
            self.tally.reused += 1
            return
        if self.workers is None:
            self.tally.cpu_seconds += draw_into(*job)
        else:
            self.workers.submit(draw_into, *job)
        self.tally.drawn += 1

    def generate_output(self, writer: Any) -> None:
        """Place every card in the site, and say what the build did with the cards."""
        for cached, relpath, page in self.placements:
            if not page or os.path.exists(os.path.join(self.output_path, page)):  # the menus may name a page nothing wrote
                place_card(cached, os.path.join(self.output_path, relpath))
        if self.placements:
            logger.info(
                "Cartes sociales : %d dessinée(s), %d reprise(s) du cache, %.2f s (%.2f s de calcul)",
                self.tally.drawn, self.tally.reused, self.seconds, self.tally.cpu_seconds,
            )


def add_generator(pelican: Any) -> type[CardsGenerator]:
    """Give Pelican the cards generator."""
    return CardsGenerator


def plan_cards(generators: Sequence[Any]) -> None:
    """all_generators_finalized handler: plan and start drawing the cards, before any page is written."""
    for generator in generators:
        if isinstance(generator, CardsGenerator):
            generator.plan()


def register() -> None:
    """Connect the cards plugin's handlers to Pelican's signals."""
    signals.initialized.connect(check_at_startup)  # every plugin's settings, checked once
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(plan_cards)
