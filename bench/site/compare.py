"""Truly cold builds of the same synthetic event by this checkout and another one, interleaved: what a change is worth.

Usage: python bench/site/compare.py --repo OTHER [--items 3000] [--runs 4]

OTHER is another checkout of this repository (`git worktree add`, or `git archive REV | tar -x -C DIR`);
both build with this Python. Each side gets the event of bench/site/run.py (same texts), its
settings pointing at its own theme and plugins. Each round builds OTHER, then this checkout,
each truly cold: output, spare and CACHE_PATH set aside (run.set_aside: renamed, deleted at the
end, so that no build pays for freeing the last one's files) and one second of rest before the build. Prints the load average, each build, the medians (wall and CPU
of the build's processes) and the ratios this / OTHER. Compare ratios of one run: the shared
machine's load moves both sides.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import REPO, load, make_ours, set_aside


def side(root: Path, repo: Path, items: int) -> Path:
    """ROOT holding the event and its settings, pointed at REPO's theme and plugins; the settings file."""
    settings, _edited = make_ours(root, items)
    settings.write_text(settings.read_text(encoding="utf-8").replace(str(REPO), str(repo)), encoding="utf-8")
    return settings


def cold_build(root: Path, repo: Path, settings: Path) -> tuple[float, float]:
    """One truly cold build of ROOT by REPO: (wall seconds, CPU seconds of its processes)."""
    set_aside(root / "output", root / ".output-spare", root / "cache")
    time.sleep(1)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eventsite", "build", "--strict", "--settings", str(settings),
                    "--output", str(root / "output")], cwd=repo, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    """Build both sides in interleaved rounds and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True, type=Path, help="the other checkout")
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    other = args.repo.resolve()
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        sides = {name: (Path(tmp) / name, repo) for name, repo in (("other", other), ("this", REPO))}
        settings = {name: side(root, repo, args.items) for name, (root, repo) in sides.items()}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
        loads = [load()]
        for round_ in range(args.runs):
            for name, (root, repo) in sides.items():
                times[name].append(cold_build(root, repo, settings[name]))
            loads.append(load())
            print(f"round {round_ + 1}: " + "; ".join(f"{name} {times[name][-1][0]:.2f} s ({times[name][-1][1]:.2f} s CPU)"
                                                       for name in sides), file=sys.stderr)
    med = {name: (statistics.median(t[0] for t in found), statistics.median(t[1] for t in found)) for name, found in times.items()}
    print(f"{args.items} items, truly cold, medians of {args.runs} interleaved rounds; load average (1, 5, 15 min) "
          f"at the start and after each round: {' / '.join(loads)}\n")
    print("| side | cold wall (s) | cold CPU (s) |\n|---|---:|---:|")
    print(f"| other ({other}) | {med['other'][0]:.2f} | {med['other'][1]:.2f} |")
    print(f"| this ({REPO}) | {med['this'][0]:.2f} | {med['this'][1]:.2f} |")
    print(f"| ratio this / other | {med['this'][0] / med['other'][0]:.2f} | {med['this'][1] / med['other'][1]:.2f} |")


if __name__ == "__main__":
    main()
