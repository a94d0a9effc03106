"""Build time of the repository's own site: cold (empty cache) and warm, medians of N runs.

Usage: python bench/site/seminar.py [--runs 5]
Each build is a separate process, as `invoke strict` runs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def build(output: Path, cache: Path) -> float:
    """One strict build into OUTPUT with CACHE as CACHE_PATH; return seconds."""
    settings = output.parent / "benchconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(REPO / 'content')!r}\nTHEME = {str(REPO / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\nCACHE_PATH = {str(cache)!r}\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "eventsite", "build", "--strict", "--settings", str(settings), "--output", str(output)],
        check=True, stdout=subprocess.DEVNULL, cwd=REPO, env={**os.environ, "CI": "true"},
    )
    return time.perf_counter() - started


def main() -> None:
    """Print a Markdown table of cold and warm build times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-seminar-") as tmp:
        root = Path(tmp)
        cold, warm = [], []
        for run in range(args.runs):
            cache = root / f"cache-{run}"
            cold.append(build(root / "output", cache))
            warm.append(build(root / "output", cache))
            shutil.rmtree(cache)
    print(f"| seminar site, median of {args.runs} | seconds |")
    print("|---|---|")
    print(f"| cold (empty cache: every image made) | {statistics.median(cold):.2f} |")
    print(f"| warm (cache kept: no image work) | {statistics.median(warm):.2f} |")


if __name__ == "__main__":
    main()
