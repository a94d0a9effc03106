"""Time the live preview's rebuild after a one-file change (median of N), against stock Pelican's.

Usage: python bench/preview/rebuild.py [--items 3000] [--runs 5]

Without --items: the repository's site (content, theme, plugins) copied to a temporary folder.
With --items N: the synthetic event of bench/site/run.py, and beside it stock Pelican 4.12
(simple theme, DISPLAY_PAGES_ON_MENU = False) on the same texts. Ours is started as `invoke
preview` starts it (`python -m eventsite preview`: the warm build worker, content caching on),
stock as `pelican --autoreload`; then, in interleaved rounds, one session file gets a marker
appended and the time until the page showing that session contains it is measured. Prints the
load average, the medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench" / "site"))

from run import load, make_ours, make_stock  # noqa: E402 - bench/site/run.py


def wait_for(path: Path, marker: str, timeout: float) -> float:
    """Seconds until PATH contains MARKER (raises TimeoutError after TIMEOUT)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            if marker in path.read_text(encoding="utf-8"):
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{marker} never appeared in {path}")


@dataclass
class Preview:
    """One running `pelican --autoreload`, the file edited and the page that must show the edit."""

    label: str
    command: list[str]
    root: Path
    edited: Path
    shown: Path
    times: list[float] = field(default_factory=list)
    server: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the preview and wait for its first build."""
        log = open(self.root / "preview.log", "w", encoding="utf-8")  # noqa: SIM115 - closed with the process
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        self.server = subprocess.Popen(self.command, cwd=self.root, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True, env=env)
        wait_for(self.shown, "</html>", 900)
        time.sleep(2)

    def edit(self, run: int) -> None:
        """Append a marker to the edited file and time until the page shows it."""
        marker = f"marqueur-{run}-{time.time_ns()}"
        with open(self.edited, "a", encoding="utf-8") as handle:
            handle.write(f"\n{marker}\n")
        started = time.perf_counter()
        try:
            wait_for(self.shown, marker, 300)
        except TimeoutError:
            print((self.root / "preview.log").read_text(encoding="utf-8")[-3000:], file=sys.stderr)
            raise
        self.times.append(time.perf_counter() - started)

    def stop(self) -> None:
        """Stop the preview (pelican --autoreload serves from a child process: the whole group)."""
        if self.server is not None:
            os.killpg(self.server.pid, signal.SIGTERM)
            self.server.wait(timeout=30)


def free_port() -> int:
    """A TCP port of 127.0.0.1 free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def our_preview(settings: Path, output: Path) -> list[str]:
    """The command `invoke preview` runs: our preview, its warm build worker, on a free port."""
    return [sys.executable, "-m", "eventsite", "preview", "--settings", str(settings), "--output", str(output),
            "--port", str(free_port())]


def repository_site(root: Path) -> Preview:
    """Our preview of the repository's own site."""
    for name in ("content", "theme", "plugins"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "pelicanconf.py", root)
    command = our_preview(root / "pelicanconf.py", root / "output")
    return Preview("ours, repository site", command, root, root / "content" / "sessions" / "pause.md",
                   root / "output" / "programme" / "index.html")


def synthetic_sites(root: Path, items: int) -> list[Preview]:
    """Our preview and stock Pelican's on the same N synthetic items."""
    ours_settings, ours_edit = make_ours(root / "ours", items)
    stock_settings, stock_edit = make_stock(root / "stock", items)
    ours = Preview("ours (all plugins, one language)",
                   our_preview(ours_settings, root / "ours" / "output"),
                   root / "ours", ours_edit, root / "ours" / "output" / "programme" / "index.html")
    stock = Preview("stock Pelican 4.12, simple theme",
                    [sys.executable, "-m", "pelican", str(root / "stock" / "content"), "--autoreload",
                     "-s", str(stock_settings), "-o", str(root / "stock" / "output")],
                    root / "stock", stock_edit, root / "stock" / "output" / "pages" / "sequence-1.html")
    return [ours, stock]


def main() -> int:
    """Start the previews, edit in interleaved rounds, print each side's median and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=0, help="synthetic site of N items (0: the repository's)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="preview-bench-", ignore_cleanup_errors=True) as scratch:
        root = Path(scratch)
        sides = synthetic_sites(root, args.items) if args.items else [repository_site(root)]
        loads = [load()]
        try:
            for side in sides:
                side.start()
            for run in range(args.runs):  # interleaved: load changes hit every side
                for side in sides:
                    side.edit(run)
                    time.sleep(1.5)
                loads.append(load())
        finally:
            for side in sides:
                side.stop()
    print(f"{args.items or 'repository'} items, one file changed, medians of {args.runs}; "
          f"load average at the start and after each round: {' / '.join(loads)}\n")
    print("| side | seconds until the page shows the edit (median) | each run |")
    print("|---|---:|---|")
    for side in sides:
        print(f"| {side.label} | {statistics.median(side.times):.2f} | {' '.join(f'{t:.2f}' for t in side.times)} |")
    if len(sides) == 2:
        print(f"| ratio ours / stock | {statistics.median(sides[0].times) / statistics.median(sides[1].times):.2f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
