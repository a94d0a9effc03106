"""Time the live preview's rebuild after a one-file change (median of N), as an author sees it.

Usage: python bench/preview/rebuild.py [--runs 5]

Copies the repository's site to a temporary folder, starts the preview exactly as `invoke preview`
does (pelican --autoreload --listen, content caching on), then N times: appends a marker to one
session file and measures the time until the programme page in output/ contains it.
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


def main() -> int:
    """Run the measurement and print each time and the median."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="preview-bench-", ignore_cleanup_errors=True) as scratch:
        root = Path(scratch)
        for name in ("content", "theme", "plugins"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "pelicanconf.py", root)
        output, session = root / "output", root / "content" / "sessions" / "pause.md"
        command = [sys.executable, "-m", "pelican", "--autoreload", "--listen", "--bind", "127.0.0.1",
                   "--port", str(args.port), "-s", str(root / "pelicanconf.py"), "-o", str(output)]
        log = open(root / "preview.log", "w", encoding="utf-8")
        server = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(output / "programme" / "index.html", "</html>", 120)
            time.sleep(2)
            times = []
            for run in range(args.runs):
                marker = f"marqueur-{run}-{time.time_ns()}"
                with open(session, "a", encoding="utf-8") as handle:
                    handle.write(f"\n{marker}\n")
                started = time.perf_counter()
                wait_for(output / "programme" / "index.html", marker, 60)
                times.append(time.perf_counter() - started)
                time.sleep(1.5)
        except TimeoutError:
            print((root / "preview.log").read_text(encoding="utf-8")[-3000:], file=sys.stderr)
            raise
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # pelican --listen runs the server in a child process
            server.wait(timeout=10)
            log.close()
    print("rebuilds (s):", " ".join(f"{t:.2f}" for t in times))
    print(f"median of {len(times)}: {statistics.median(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
