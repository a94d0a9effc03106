"""Cost of the typography pass over written pages: the pass alone, and whole builds with it on and off.

Usage: python bench/typography/run.py [--items 3000 | --seminar] [--runs 3]

Builds the site once (the seminar site, or bench/site/run.py's synthetic event of N items, one
language), then:
- the pass alone: every written HTML page typeset again in this process (as the
  content_written handler does, reading and parsing included, writing excluded), CPU time;
- the cache's hit path alone: every page read, hashed and its entry read from a filled cache;
- whole warm builds, typography off (TYPOGRAPHY_ENABLED = False), on without its cache
  (TYPOGRAPHY_CACHE = False) and on with its cache (the default), in interleaved rounds, wall
  and CPU (user + system) of the build process.
Prints the load average and the medians.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from typography import pagecache  # noqa: E402
from typography.htmltext import typeset_document  # noqa: E402
from typography.settings import read_typography_settings  # noqa: E402
from typography.typography import typeset_page, typesetter  # noqa: E402

# Name → settings lines added to the bench's settings file.
SIDES = {"off": "TYPOGRAPHY_ENABLED = False\n", "on, no cache": "TYPOGRAPHY_CACHE = False\n", "on, cache": ""}


def synthetic(root: Path, items: int) -> Path:
    """bench/site/run.py's synthetic event of ITEMS items; return its settings file."""
    spec = importlib.util.spec_from_file_location("bench_site", REPO / "bench/site/run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    settings, _edited = module.make_ours(root, items)
    return settings


def seminar(root: Path) -> Path:
    """A settings file for the repository's own site, built from a temporary cache."""
    settings = root / "benchconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(REPO / 'content')!r}\nTHEME = {str(REPO / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\nCACHE_PATH = {str(root / 'cache')!r}\n",
        encoding="utf-8",
    )
    return settings


def build(settings: Path, output: Path, side: str) -> tuple[float, float]:
    """One build of SIDE (a key of SIDES); return (wall, CPU) seconds."""
    if SIDES[side]:
        variant = settings.with_name(f"{settings.stem}_{side.replace(',', '').replace(' ', '_')}.py")
        variant.write_text(settings.read_text(encoding="utf-8") + SIDES[side], encoding="utf-8")
        settings = variant
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "eventsite", "build", "--settings", str(settings), "--output", str(output)],
        check=True, stdout=subprocess.DEVNULL, cwd=REPO, env={**os.environ, "CI": "true"},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - started, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def pass_alone(output: Path) -> tuple[int, int, float]:
    """(pages, bytes, CPU seconds) to read and typeset every HTML page under OUTPUT."""
    setter = typesetter(read_typography_settings({}))
    pages = sorted(output.rglob("*.html"))
    size = 0
    started = time.process_time()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        size += len(html.encode("utf-8"))
        typeset_document(html, setter, "fr")
    return len(pages), size, time.process_time() - started


def hit_path_alone(output: Path, cache: Path) -> float:
    """CPU seconds to read, hash and find in a filled cache every HTML page under OUTPUT (the warm build's work)."""
    config = read_typography_settings({"CACHE_PATH": str(cache), "TYPOGRAPHY_CACHE_DIR": "bench"})
    pages = sorted(output.rglob("*.html"))
    pagecache.mark_build_start(config.cache)
    for page in pages:  # fill the cache: one build's pack
        written = page.read_bytes()
        pagecache.write_entry(config.cache, pagecache.page_key(written, config, "fr"), typeset_page(written, config, "fr"))
    pagecache.prune(config.cache)
    pagecache.mark_build_start(config.cache)
    started = time.process_time()
    for page in pages:
        assert pagecache.read_entry(config.cache, pagecache.page_key(page.read_bytes(), config, "fr")) is not None
    elapsed = time.process_time() - started
    pagecache.prune(config.cache)
    return elapsed


def main() -> None:
    """Print the cost of the pass alone and of whole builds with it on and off."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--seminar", action="store_true", help="the repository's own site instead")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-typography-") as tmp:
        root = Path(tmp)
        settings = seminar(root) if args.seminar else synthetic(root, args.items)
        output = root / "output"
        build(settings, output, "on, cache")  # cold: images, cards, content cache and typeset pages made once
        print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        pages, size, cpu = pass_alone(output)
        print(f"pass alone: {pages} pages, {size / 1e6:.1f} MB, {cpu:.2f} s CPU "
              f"({cpu / pages * 1000:.2f} ms a page, {size / 1e6 / cpu:.1f} MB/s)")
        hits = hit_path_alone(output, root / "hitcache")
        print(f"cache hit path alone: {hits:.2f} s CPU ({hits / pages * 1000:.3f} ms a page)")
        times: dict[str, list[tuple[float, float]]] = {side: [] for side in SIDES}
        for _ in range(args.runs):
            for side in SIDES:
                times[side].append(build(settings, output, side))
        for side, runs in times.items():
            wall = statistics.median(t[0] for t in runs)
            cpu = statistics.median(t[1] for t in runs)
            print(f"warm build, typography {side}: wall {wall:.2f} s, CPU {cpu:.2f} s (median of {args.runs}; "
                  f"CPU per round {', '.join(f'{t[1]:.2f}' for t in runs)})")
        off = statistics.median(t[1] for t in times["off"])
        for side in ("on, no cache", "on, cache"):
            extra = statistics.median(t[1] for t in times[side]) - off
            print(f"typography's share of a warm build's CPU, {side}: {extra:+.2f} s")
        print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
