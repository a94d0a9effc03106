"""Time our build against stock Pelican 4.12 (simple theme, no page menu) on a synthetic event of N items.

Usage: python bench/site/run.py [--items 3000] [--runs 3] [--profile FILE]

A third of the items are speakers, a third sessions (each naming two speakers), a third
news articles. Stock Pelican gets the same texts as plain pages and articles, with the
`simple` theme and DISPLAY_PAGES_ON_MENU = False. Both sides cache content
(CACHE_CONTENT, LOAD_CONTENT_CACHE), each in its own CACHE_PATH. Each round runs, side after
side: cold (fresh output and fresh CACHE_PATH: content cache, cards, image store), warm
(nothing changed), warm again (nothing changed, a second time: from then on our build writes
over the previous site instead of a new folder), one file changed (one session's text edited). Prints the load average,
the medians (wall and CPU: user + system of the build processes) and the ratios ours / stock. With --profile, one more cold and warm build of ours
runs under cProfile (FILE.cold, FILE.warm).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PARAGRAPH = (
    "Les managers publics partagent leurs pratiques **numériques** et leurs doutes ; "
    "ils cherchent des façons de travailler plus simples, plus ouvertes et plus sûres. "
)


def write(path: Path, text: str) -> None:
    """Write TEXT to PATH, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_ours(root: Path, items: int) -> tuple[Path, Path]:
    """Write a synthetic event in our content format and a settings file; return both."""
    third = items // 3
    content = root / "content"
    for i in range(third):
        write(content / f"speakers/speaker-{i}.md", f"Name: Intervenant {i}\nRole: Rôle {i}\n\n{PARAGRAPH * 3}\n")
        day = dt.date(2030, 1, 1) + dt.timedelta(days=i // 40)
        start = dt.datetime(2030, 1, 1, 8) + dt.timedelta(minutes=15 * (i % 40))  # one after another: no double booking
        end = start + dt.timedelta(minutes=15)
        write(
            content / f"sessions/session-{i}.md",
            f"Title: Séquence {i}\nDay: {day}\nStart: {start:%H:%M}\nEnd: {end:%H:%M}\nRoom: Salle {i % 40}\nKind: talk\n"
            f"Speakers: speaker-{i}, speaker-{(i + 1) % third}\n\n{PARAGRAPH * 3}\n",
        )
        write(content / f"news/news-{i}.md", f"Title: Actualité {i}\nDate: 2030-01-01 10:00\n\n{PARAGRAPH * 3}\n")
    settings = root / "benchconf.py"
    write(
        settings,
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(content)!r}\nTHEME = {str(REPO / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        f"CACHE_PATH = {str(root / 'cache')!r}\nCACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n"
        "EVENT_START = None\nEVENT_END = None\n"
        # One language, as the stock site: the English edition would double the pages written.
        "EVENT_LANGUAGES = {}\nEVENT_SHOW_PROBLEMS = False\n",
    )
    return settings, content / "sessions" / "session-1.md"


def make_stock(root: Path, items: int) -> tuple[Path, Path]:
    """Write the same texts as plain Pelican pages and articles and a settings file; return both."""
    third = items // 3
    content = root / "content"
    for i in range(third):
        write(content / f"pages/speaker-{i}.md", f"Title: Intervenant {i}\n\nRôle {i}\n\n{PARAGRAPH * 3}\n")
        write(content / f"pages/session-{i}.md", f"Title: Séquence {i}\n\n09:00–10:00, Salle {i % 40}\n\n{PARAGRAPH * 3}\n")
        write(content / f"news-{i}.md", f"Title: Actualité {i}\nDate: 2030-01-01 10:00\n\n{PARAGRAPH * 3}\n")
    settings = root / "stockconf.py"
    write(settings, 'SITENAME = "Stock"\nTIMEZONE = "Europe/Paris"\nTHEME = "simple"\nDISPLAY_PAGES_ON_MENU = False\n'
          f"CACHE_PATH = {str(root / 'cache')!r}\nCACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n")
    return settings, content / "pages" / "session-1.md"


TRASH = "trash"  # under the bench's temporary folder: what the cold builds set aside, deleted with it at the end


def set_aside(*folders: Path) -> None:
    """Move FOLDERS into a trash folder of their bench (a rename each), to be deleted once every round has run.

    Deleting the last run's files right before a cold build (13,000 of ours, 3,000 of stock's at 3,000
    items) charged that build for the bench's cleaning: on ext4 without a journal, as this machine's
    disk, creating a file skips every inode freed in the last 60 s (300 s while its inode table block
    is dirty; fs/ext4/ialloc.c, find_inode_bit and recently_deleted). A cold build on a fresh clone,
    as in CI, frees nothing first. Measured on the 3,000-item site: 2.0–4.3 s of system CPU after a
    deletion, 1.4–1.8 s after a rename; flushing the deletion (os.sync) only shortened the window.
    """
    for folder in folders:
        if folder.exists():
            trash = folder.parent.parent / TRASH / f"{folder.parent.name}-{time.time_ns()}"
            trash.mkdir(parents=True, exist_ok=True)
            folder.rename(trash / folder.name)


def folder_bytes(folder: Path) -> int:
    """Total size of the files under FOLDER."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


KINDS = ("cold", "warm", "warm again", "one file changed")


@dataclass
class Side:
    """One side: its command, its folders, the file edited, its timings per kind of build."""

    label: str
    command: list[str]
    root: Path
    output: Path
    edited: Path
    times: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    cpu: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    size: int = 0

    def forget(self) -> None:
        """Set the output, its spare and the whole CACHE_PATH aside (set_aside): the next build is truly cold."""
        set_aside(self.output, self.output.with_name(f".{self.output.name}-spare"), self.root / "cache")

    def run(self, kind: str) -> None:
        """One build of this kind, timed."""
        if kind == "cold":
            self.forget()
        elif kind == "one file changed":
            with open(self.edited, "a", encoding="utf-8") as handle:
                handle.write(f"\nModifié {time.time_ns()}.\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(self.command, check=True, stdout=subprocess.DEVNULL, cwd=REPO)
        self.times[kind].append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # user + system CPU of the build's processes
        self.cpu[kind].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if kind == "cold":
            self.size = folder_bytes(self.output)




def load() -> str:
    """The 1, 5 and 15 minute load averages."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def profile(ours: Side, prefix: str) -> None:
    """One cold then one warm build of ours under cProfile, into PREFIX.cold and PREFIX.warm."""
    for kind in ("cold", "warm"):
        if kind == "cold":
            ours.forget()
        command = [ours.command[0], "-m", "cProfile", "-o", f"{prefix}.{kind}", *ours.command[1:]]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=REPO)


def main() -> None:
    """Generate both sites, build them in interleaved rounds, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", help="also profile ours: FILE.cold and FILE.warm (pstats)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        root = Path(tmp)
        ours_settings, ours_edit = make_ours(root / "ours", args.items)
        stock_settings, stock_edit = make_stock(root / "stock", args.items)
        ours = Side("ours (all plugins, one language, strict)",
                    [sys.executable, "-m", "eventsite", "build", "--strict", "--settings", str(ours_settings),
                     "--output", str(root / "ours" / "output")], root / "ours", root / "ours" / "output", ours_edit)
        stock = Side("stock Pelican 4.12, simple theme, DISPLAY_PAGES_ON_MENU = False",
                     [sys.executable, "-m", "pelican", str(root / "stock" / "content"), "-o", str(root / "stock" / "output"),
                      "-q", "-s", str(stock_settings)], root / "stock", root / "stock" / "output", stock_edit)
        loads = [load()]
        for round_ in range(args.runs):  # interleaved: load changes on a shared machine hit both sides
            for kind in KINDS:
                for side in (ours, stock):
                    side.run(kind)
            loads.append(load())
            print(f"round {round_ + 1}: " + "; ".join(
                f"{side.label.split(' (')[0].split(',')[0]} " + " ".join(f"{k} {side.times[k][-1]:.2f}" for k in KINDS)
                for side in (ours, stock)), file=sys.stderr)
        if args.profile:
            profile(ours, args.profile)
        med = {side.label: {k: statistics.median(side.times[k]) for k in KINDS} for side in (ours, stock)}
        cpu = {side.label: {k: statistics.median(side.cpu[k]) for k in KINDS} for side in (ours, stock)}
        print(f"{args.items} items, medians of {args.runs} interleaved rounds; "
              f"load average (1, 5, 15 min) at the start and after each round: {' / '.join(loads)}\n")
        print("| side | " + " | ".join(f"{k} wall (s)" for k in KINDS) + " | " + " | ".join(f"{k} CPU (s)" for k in KINDS)
              + " | output MB |")
        print("|---|" + "---:|" * (2 * len(KINDS) + 1))
        for side in (ours, stock):
            m, c = med[side.label], cpu[side.label]
            print(f"| {side.label} | " + " | ".join(f"{m[k]:.2f}" for k in KINDS) + " | "
                  + " | ".join(f"{c[k]:.2f}" for k in KINDS) + f" | {side.size / 1e6:.1f} |")
        ratios = [med[ours.label][k] / med[stock.label][k] for k in KINDS]
        ratios += [cpu[ours.label][k] / cpu[stock.label][k] for k in KINDS]
        print("| ratio ours / stock | " + " | ".join(f"{r:.2f}" for r in ratios) + f" | {ours.size / stock.size:.2f} |")


if __name__ == "__main__":
    main()
