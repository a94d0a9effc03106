"""Benchmark our gallery pipeline against Sigal 2.6.1 on the same photos, in interleaved rounds.

Sides: Sigal `-n P` (1600 px + 400 px JPEG q85, optimised, progressive); ours doing the same
work; ours making the default responsive set (480, 960, 1600, 2400 px in WebP and JPEG); and,
with --baseline PLUGINS, the default set made by another copy of the plugin (e.g. main's), to
compare bytes and CPU with today's code.

Each round runs every side in turn: cold (fresh output folder and fresh cache: for us the image
store and its manifest, for Sigal its output), then a no-change rebuild ("warm"), then one
added photo ("one file changed": both tools notice a new file, and must process exactly one).
Prints the load average, the medians, the ratios and the output bytes per format.
Usage: python bench/gallery/run.py --corpus DIR [--runs 3] [--processes 2] [--baseline DIR]
       python bench/gallery/run.py --memory DIR60 DIR600   (peak memory of cold builds)
Without --corpus, a 60-photo real corpus is made with real_corpus.py (-n to change).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SIGAL_VERSION = "2.6.1"
SIGAL_CONF = """
source = {source!r}
destination = {destination!r}
img_size = (1600, 1600)
thumb_size = (400, 400)
thumb_fit = False
jpg_options = {{"quality": 85, "optimize": True, "progressive": True}}
keep_orig = False
copy_exif_data = False
zip_gallery = False
video_extensions = []
"""
SAME_WORK = {"GALLERY_WIDTHS": (400,), "GALLERY_MAX_WIDTH": 1600, "GALLERY_FORMATS": ("jpeg",),
             "GALLERY_JPEG_QUALITY": 85}


def find_sigal() -> Path:
    """The sigal executable of this Python's venv (pip install sigal==2.6.1, benchmarks only)."""
    sigal = Path(sys.executable).parent / "sigal"
    if not sigal.exists():
        sys.exit(f"Sigal is missing: {Path(sys.executable).parent / 'pip'} install sigal=={SIGAL_VERSION}")
    return sigal


def load() -> str:
    """The 1, 5 and 15 minute load averages, for the report."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def timed(command: list[str]) -> tuple[float, float, int, str]:
    """Run command under /usr/bin/time; return wall s, CPU s (user+sys, all processes), peak MB, stdout."""
    done = subprocess.run(["/usr/bin/time", "-f", "BENCH %e %U %S %M", *command],
                          capture_output=True, text=True, check=True)
    line = [l for l in done.stderr.splitlines() if l.startswith("BENCH ")][-1]
    _tag, wall, user, system, kilobytes = line.split()
    return float(wall), float(user) + float(system), int(kilobytes) // 1024, done.stdout


def ours_once(kind: str, plugins: Path, corpus: Path, out: Path, processes: int) -> None:
    """Run one copy of our pipeline on every JPEG of corpus and print its report as JSON."""
    sys.path.insert(0, str(plugins))
    from gallery import build, pipeline, settings  # noqa: PLC0415 - benchmark subprocess

    gs = settings.load({**(SAME_WORK if kind == "same" else {}), "GALLERY_PROCESSES": processes})
    jobs = [build.make_job(gs, str(out), f"bench/{p.stem}", str(p), "photo", "images/bench",
                           p.stem, "photo") for p in sorted(corpus.glob("*.jpg"))]
    report = pipeline.run(jobs, output_root=str(out), manifest_path=str(out / "cache" / "bench.json"),
                          owned_dirs=["images/bench"], processes=gs.processes)
    print(json.dumps({"seconds": report.seconds, "processed": report.processed,
                      "reused": report.reused, "failed": len(report.failures)}))


def format_bytes(folder: Path) -> dict[str, int]:
    """Bytes of the JPEG and WebP files under folder."""
    sizes = {"jpg": 0, "webp": 0}
    for path in folder.rglob("*"):
        if path.suffix.lower() in (".jpg", ".jpeg", ".webp") and path.is_file() and "cache" not in path.parts:
            sizes["webp" if path.suffix == ".webp" else "jpg"] += path.stat().st_size
    return sizes


@dataclass
class Side:
    """One side of the benchmark and its measurements."""

    label: str
    command: list[str]
    out: Path
    cold: list[float] = field(default_factory=list)
    cold_cpu: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    warm_inner: list[float] = field(default_factory=list)
    added: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)

    def cold_run(self) -> None:
        """One build from nothing: fresh output folder and cache."""
        shutil.rmtree(self.out, ignore_errors=True)
        wall, cpu, memory, _stdout = timed(self.command)
        self.cold.append(wall)
        self.cold_cpu.append(cpu)
        self.memory.append(memory)
        self.sizes = format_bytes(self.out)

    def warm_run(self) -> None:
        """A rebuild with nothing changed."""
        wall, _cpu, _memory, stdout = timed(self.command)
        self.warm.append(wall)
        if stdout.strip().startswith("{"):
            self.warm_inner.append(json.loads(stdout.strip().splitlines()[-1])["seconds"])

    def added_run(self) -> None:
        """A rebuild after one photo was added to the corpus."""
        self.added.append(timed(self.command)[0])

    def line(self) -> str:
        """The last round's figures, for the log."""
        return (f"  {self.label}: cold {self.cold[-1]:.2f} s ({self.cold_cpu[-1]:.1f} s CPU, "
                f"{self.memory[-1]} MB), warm {self.warm[-1]:.2f} s, one added {self.added[-1]:.2f} s")

    def row(self, count: int, sigal: Side) -> str:
        """This side's Markdown row (medians) with its ratios to Sigal."""
        med = statistics.median
        inner = f"{med(self.warm_inner):.3f}" if self.warm_inner else "—"
        return (f"| {self.label} | {med(self.cold):.2f} | {med(self.cold_cpu):.1f} | {med(self.warm):.2f} | "
                f"{inner} | {med(self.added):.2f} | {count / med(self.cold):.2f} | {med(self.memory):.0f} | "
                f"{med(sigal.cold) / med(self.cold):.2f}× | {med(sigal.cold_cpu) / med(self.cold_cpu):.2f}× | "
                f"{med(self.cold_cpu) / med(sigal.cold_cpu):.2f}× | {self.sizes['jpg'] / 1e6:.2f} | "
                f"{self.sizes['webp'] / 1e6:.2f} |")


HEADER = ("| side | cold wall (s) | cold CPU (s) | warm, whole process (s) | warm, inside the pipeline (s) | "
          "one photo added (s) | images/s cold | peak MB (largest process) | wall speed-up vs Sigal | "
          "CPU speed-up vs Sigal | CPU / Sigal's CPU | JPEG MB | WebP MB |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def linked_copy(corpus: Path, into: Path) -> Path:
    """Hard-link (or copy) the corpus's JPEGs into a working folder the bench may add to."""
    into.mkdir(parents=True)
    for photo in sorted(corpus.glob("*.jpg")):
        try:
            os.link(photo, into / photo.name)
        except OSError:
            shutil.copy2(photo, into / photo.name)
    return into


def make_sides(corpus: Path, work: Path, processes: int, baseline: Path | None) -> list[Side]:
    """Sigal first, then our sides, each with its own output folder."""
    conf = work / "sigal.conf.py"
    conf.write_text(SIGAL_CONF.format(source=str(corpus), destination=str(work / "sigal")))
    me = [sys.executable, str(Path(__file__).resolve()), "--processes", str(processes), "--ours-once"]
    sides = [Side(f"Sigal {SIGAL_VERSION} (-n {processes})",
                  [str(find_sigal()), "build", "-q", "-c", str(conf), "-n", str(processes)], work / "sigal")]
    wanted = [("same", ROOT / "plugins", "ours, same work"), ("full", ROOT / "plugins", "ours, default set")]
    if baseline is not None:
        wanted.append(("full", baseline, f"default set, {baseline}"))
    for index, (kind, plugins, label) in enumerate(wanted):
        out = work / f"{kind}-{index}"
        sides.append(Side(label, [*me, kind, str(plugins), str(corpus), str(out)], out))
    return sides


def memory_curve(corpora: list[Path], processes: int) -> None:
    """Peak memory (largest process) of one cold build of each side on each corpus."""
    print(f"load average before: {load()}\n")
    print("| corpus | photos | " + " | ".join(("Sigal", "ours, same work", "ours, default set")) + " |")
    print("|---|---:|---:|---:|---:|")
    for corpus in corpora:
        work = Path(tempfile.mkdtemp(prefix="gallery-memory-"))
        sides = make_sides(corpus, work, processes, None)
        for side in sides:
            side.cold_run()
        count = len(list(corpus.glob("*.jpg")))
        print(f"| {corpus} | {count} | " + " | ".join(f"{s.memory[0]} MB ({s.cold[0]:.0f} s)" for s in sides) + " |")
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average after: {load()}")


def main() -> None:
    """Parse arguments, run every side in interleaved rounds, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--baseline", type=Path, help="another plugins folder to compare with (e.g. main's)")
    parser.add_argument("--memory", type=Path, nargs="+", help="corpora for the memory curve")
    parser.add_argument("--ours-once", nargs=4, metavar=("KIND", "PLUGINS", "CORPUS", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ours_once:
        kind, plugins, corpus, out = args.ours_once
        ours_once(kind, Path(plugins), Path(corpus), Path(out), args.processes)
        return
    if args.memory:
        memory_curve(args.memory, args.processes)
        return
    work = Path(tempfile.mkdtemp(prefix="gallery-bench-"))
    if args.corpus is None or not any(args.corpus.glob("*.jpg")):
        sys.path.insert(0, str(HERE))
        from real_corpus import make_corpus  # noqa: PLC0415

        args.corpus = make_corpus(args.count, args.corpus or work / "real")[0].parent
    corpus = linked_copy(args.corpus, work / "corpus")
    count = len(list(corpus.glob("*.jpg")))
    first = sorted(corpus.glob("*.jpg"))[0]
    sides = make_sides(corpus, work, args.processes, args.baseline)
    print(f"load average before: {load()}", file=sys.stderr)
    loads = [load()]
    for round_ in range(args.runs):  # interleaved, so load changes on a shared machine hit every side
        print(f"round {round_ + 1}/{args.runs} (load {load()})", file=sys.stderr)
        for side in sides:
            side.cold_run()
            side.warm_run()
            added = corpus / "zz-added.jpg"
            shutil.copy2(first, added)
            side.added_run()
            added.unlink()
            print(side.line(), file=sys.stderr)
        loads.append(load())
    print(f"\n{count} photos from {args.corpus}; Sigal and 'same work': 1600 + 400 px JPEG q85; "
          f"{args.processes} processes; medians of {args.runs} interleaved rounds")
    print(f"load average (1, 5, 15 min) at the start and after each round: {' / '.join(loads)}\n")
    print(HEADER)
    for side in sides:
        print(side.row(count, sides[0]))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
