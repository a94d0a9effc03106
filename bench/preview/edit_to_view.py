"""Edit-to-visible time of our preview against `pelican --autoreload`, in interleaved rounds.

Usage: python bench/preview/edit_to_view.py [--items N] [--runs 5]

Without --items: a copy of the repository's site (the seminar). With --items N: the synthetic
event of bench/site/run.py (N items, one language, all plugins on), content cache on. Both
watchers start once, each on its own copy; then, N times and alternately, one session file of
each copy gets a marker appended, and the time until the programme page in that copy's output/
contains it is taken. Prints the load average, each time, the medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PATIENCE = 600.0
sys.path.insert(0, str(REPO / "bench" / "site"))

from run import make_ours  # noqa: E402 - bench/site/run.py


def wait_for(path: Path, marker: str, timeout: float) -> float:
    """Seconds until PATH's bytes contain MARKER (TimeoutError after TIMEOUT); a half-written page is read again."""
    started, wanted = time.perf_counter(), marker.encode("utf-8")
    while time.perf_counter() - started < timeout:
        try:
            if wanted in path.read_bytes():
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.01)
    raise TimeoutError(f"{marker} never appeared in {path}")


def seminar_copy(root: Path) -> tuple[Path, Path]:
    """The repository's site copied to ROOT; return its settings file and the session file to edit."""
    for name in ("content", "theme", "plugins"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "pelicanconf.py", root)
    return root / "pelicanconf.py", root / "content" / "sessions" / "pause.md"


def synthetic_copy(root: Path, items: int) -> tuple[Path, Path]:
    """The synthetic event of ITEMS items at ROOT (bench/site/run.py, content cache on); return its settings and the session to edit."""
    return make_ours(root, items)


class Watcher:
    """One watching process on one copy of the site."""

    def __init__(self, name: str, root: Path, settings: Path, session: Path, command: list[str]) -> None:
        self.name, self.root, self.session = name, root, session
        self.page = root / "output" / "programme" / "index.html"
        self.log = open(root / f"{name}.log", "w", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(command, cwd=settings.parent, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True, env=env)
        self.times: list[float] = []

    def ready(self) -> None:
        """Wait for the first build."""
        wait_for(self.page, "</html>", PATIENCE)

    def edit(self, run: int) -> None:
        """Append a marker to the session file and time until the programme page shows it."""
        marker = f"marqueur-{self.name}-{run}-{time.time_ns()}"
        with open(self.session, "a", encoding="utf-8") as handle:
            handle.write(f"\n{marker}\n")
        self.times.append(wait_for(self.page, marker, PATIENCE))

    def stop(self) -> None:
        """Stop the process group (pelican and our preview both have children)."""
        with_group = os.getpgid(self.process.pid)
        os.killpg(with_group, signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(with_group, signal.SIGKILL)
            self.process.wait()
        self.log.close()


def main() -> int:
    """Run the interleaved rounds and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=0, help="synthetic event size (0: the seminar site)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--settle", type=float, default=1.5, help="seconds of rest after each visible edit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edit-to-view-", ignore_cleanup_errors=True) as scratch:
        watchers: list[Watcher] = []
        try:
            for name in ("ours", "pelican"):
                root = Path(scratch) / name
                root.mkdir()
                settings, session = synthetic_copy(root, args.items) if args.items else seminar_copy(root)
                output = root / "output"
                command = (
                    [sys.executable, "-m", "eventsite", "preview", "--settings", str(settings), "--output", str(output), "--port", str(args.port)]
                    if name == "ours" else
                    [sys.executable, "-m", "pelican", "--autoreload", "-s", str(settings), "-o", str(output)]
                )
                watchers.append(Watcher(name, root, settings, session, command))
            for watcher in watchers:
                watcher.ready()
            time.sleep(3)
            for run in range(args.runs):
                for watcher in watchers:
                    watcher.edit(run)
                    time.sleep(args.settle)
        except TimeoutError:
            for watcher in watchers:
                print(watcher.name, (watcher.root / f"{watcher.name}.log").read_text(encoding="utf-8")[-3000:], file=sys.stderr)
            raise
        finally:
            for watcher in watchers:
                watcher.stop()
    print(f"site: {f'{args.items} synthetic items' if args.items else 'seminar'}; load average at the end: {os.getloadavg()}")
    medians = {}
    for watcher in watchers:
        medians[watcher.name] = statistics.median(watcher.times)
        print(f"{watcher.name:8} edit to visible (s): {' '.join(f'{t:.2f}' for t in watcher.times)}  median {medians[watcher.name]:.2f}")
    print(f"ratio ours / pelican --autoreload: {medians['ours'] / medians['pelican']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
