"""Measure the social cards of the seminar's site on cold builds, against their CPU budget per card.

Usage: python bench/cards/run.py [--runs 3] [--processes N] [--budget 0.0667]

Each round builds the repository's site (pelicanconf.py, Pagefind off) into a fresh output
folder with a fresh CACHE_PATH, so that every card is drawn, and reads the cards plugin's
report line (« Cartes sociales : N dessinée(s), …, W s (C s de calcul) »): C is the CPU time of
the drawing, the workers' included, whatever else the machine runs. Prints the load average, each
round, the medians and the CPU per card against the budget; exits 1 when the median is over it.
The budget, 2 s for the ~30 cards of the French site (1/15 s a card), was a test assertion
until issue 12 moved it here: timings are never asserted in tests.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from eventsite.build import build_site  # noqa: E402

REPORT = re.compile(r"Cartes sociales : (\d+) dessinée.*?([\d.]+) s \(([\d.]+) s de calcul\)")
BUDGET = 2.0 / 30  # CPU seconds per card


class ReportLine(logging.Handler):
    """Keep the cards plugin's report line: cards drawn, wall seconds, CPU seconds."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.found: list[tuple[int, float, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if match := REPORT.search(record.getMessage()):
            self.found.append((int(match.group(1)), float(match.group(2)), float(match.group(3))))


def cold_build(root: Path, processes: int | None) -> tuple[int, float, float, float]:
    """Build the site cold under ROOT; return the cards drawn, their wall and CPU seconds, and the build's wall seconds."""
    overrides: dict[str, object] = {"CACHE_PATH": str(root / "cache"), "LOAD_CONTENT_CACHE": False, "SEARCH_PAGEFIND": False}
    if processes is not None:
        overrides["CARDS_PROCESSES"] = processes
    handler, logger = ReportLine(), logging.getLogger()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    started = time.perf_counter()
    try:
        build_site(REPO / "pelicanconf.py", root / "output", strict=False, overrides=overrides)
    finally:
        logger.removeHandler(handler)
    wall = time.perf_counter() - started
    if len(handler.found) != 1:
        raise SystemExit(f"expected one cards report line, found {handler.found}")
    drawn, seconds, cpu = handler.found[0]
    return drawn, seconds, cpu, wall


def main() -> int:
    """Run the rounds, print the figures, return 1 when the median CPU per card is over the budget."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--processes", type=int, help="CARDS_PROCESSES (default: the site's setting)")
    parser.add_argument("--budget", type=float, default=BUDGET, help="CPU seconds per card (default 2/30)")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    per_card = []
    for round_ in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="bench-cards-") as folder:
            drawn, seconds, cpu, wall = cold_build(Path(folder), args.processes)
        per_card.append(cpu / drawn)
        print(f"round {round_}: {drawn} cards drawn, {seconds:.2f} s wall and {cpu:.2f} s CPU for the cards "
              f"({cpu / drawn * 1000:.1f} ms CPU a card), build {wall:.1f} s")
    median = statistics.median(per_card)
    print(f"load average after: {os.getloadavg()}")
    verdict = "within" if median <= args.budget else "OVER"
    print(f"median CPU a card: {median * 1000:.1f} ms; budget {args.budget * 1000:.1f} ms: {verdict} budget")
    return 0 if median <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
