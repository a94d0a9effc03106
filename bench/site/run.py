"""Time our build against stock Pelican (simple theme) on a synthetic event of N items.

Usage: python bench/site/run.py [--items 3000] [--runs 5]

A third of the items are speakers, a third sessions (each naming two speakers), a third
news articles. Stock Pelican gets the same texts as plain pages and articles with its
default settings and `simple` theme. Both are cold builds (fresh output and cache) run
one after the other, alternating, in this process's Python; the table gives medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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


def make_ours(root: Path, items: int) -> Path:
    """Write a synthetic event in our content format and a settings file; return the settings."""
    third = items // 3
    content = root / "content"
    for i in range(third):
        write(content / f"speakers/speaker-{i}.md", f"Name: Intervenant {i}\nRole: Rôle {i}\n\n{PARAGRAPH * 3}\n")
        day = dt.date(2030, 1, 1) + dt.timedelta(days=i // 40)
        write(
            content / f"sessions/session-{i}.md",
            f"Title: Séquence {i}\nDay: {day}\nStart: 09:00\nEnd: 10:00\nRoom: Salle {i % 40}\nKind: talk\n"
            f"Speakers: speaker-{i}, speaker-{(i + 1) % third}\n\n{PARAGRAPH * 3}\n",
        )
        write(content / f"news/news-{i}.md", f"Title: Actualité {i}\nDate: 2030-01-01 10:00\n\n{PARAGRAPH * 3}\n")
    settings = root / "benchconf.py"
    write(
        settings,
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(content)!r}\nTHEME = {str(REPO / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        "EVENT_START = None\nEVENT_END = None\nCACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n"
        # One language, as the stock site: the English edition would double the pages written.
        "EVENT_LANGUAGES = {}\nEVENT_SHOW_PROBLEMS = False\n",
    )
    return settings


def make_stock(root: Path, items: int) -> Path:
    """Write the same texts as plain Pelican pages and articles; return the content folder."""
    third = items // 3
    content = root / "content"
    for i in range(third):
        write(content / f"pages/speaker-{i}.md", f"Title: Intervenant {i}\n\nRôle {i}\n\n{PARAGRAPH * 3}\n")
        write(content / f"pages/session-{i}.md", f"Title: Séquence {i}\n\n09:00–10:00, Salle {i % 40}\n\n{PARAGRAPH * 3}\n")
        write(content / f"news-{i}.md", f"Title: Actualité {i}\nDate: 2030-01-01 10:00\n\n{PARAGRAPH * 3}\n")
    write(root / "stockconf.py", 'SITENAME = "Stock"\nTIMEZONE = "Europe/Paris"\n')
    write(root / "stockconf_nomenu.py", 'SITENAME = "Stock"\nTIMEZONE = "Europe/Paris"\nDISPLAY_PAGES_ON_MENU = False\n')
    return content


def folder_bytes(folder: Path) -> int:
    """Total size of the files under FOLDER."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def timed(command: list[str], output: Path) -> tuple[float, int]:
    """Run COMMAND into a fresh OUTPUT; return seconds and output bytes."""
    shutil.rmtree(output, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=REPO)
    return time.perf_counter() - started, folder_bytes(output)


def main() -> None:
    """Generate both sites, time them alternately, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        root = Path(tmp)
        ours_settings = make_ours(root / "ours", args.items)
        stock_content = make_stock(root / "stock", args.items)
        ours_cmd = [sys.executable, "-m", "eventsite", "build", "--strict", "--settings", str(ours_settings), "--output", str(root / "ours-out")]
        stock_cmd = [sys.executable, "-m", "pelican", str(stock_content), "-o", str(root / "stock-out"), "-q", "-s", str(root / "stock" / "stockconf.py")]
        nomenu_cmd = stock_cmd[:-1] + [str(root / "stock" / "stockconf_nomenu.py")]
        ours, stock, nomenu = [], [], []
        for _ in range(args.runs):
            ours.append(timed(ours_cmd, root / "ours-out"))
            stock.append(timed(stock_cmd, root / "stock-out"))
            nomenu.append(timed(nomenu_cmd, root / "stock-out"))
        ours_s = statistics.median(t for t, _ in ours)
        stock_s = statistics.median(t for t, _ in stock)
        print(f"| {args.items} items, median of {args.runs} | seconds | output MB |")
        print("|---|---|---|")
        print(f"| stock Pelican 4.12, simple theme | {stock_s:.2f} | {stock[0][1] / 1e6:.1f} |")
        nomenu_s = statistics.median(t for t, _ in nomenu)
        print(f"| stock Pelican 4.12, simple theme, DISPLAY_PAGES_ON_MENU = False | {nomenu_s:.2f} | {nomenu[0][1] / 1e6:.1f} |")
        print(f"| ours (event plugin + theme, strict) | {ours_s:.2f} | {ours[0][1] / 1e6:.1f} |")
        print(f"| ratio ours / stock (default menu) | {ours_s / stock_s:.2f} | {ours[0][1] / stock[0][1]:.2f} |")
        print(f"| ratio ours / stock (no page menu) | {ours_s / nomenu_s:.2f} | {ours[0][1] / nomenu[0][1]:.2f} |")


if __name__ == "__main__":
    main()
