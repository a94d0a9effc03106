"""Benchmark our gallery pipeline against Sigal 2.6.1 on the same photos and output sizes.

Same work on both sides: each photo becomes a 1600 px and a 400 px JPEG (q85, optimised,
progressive), 2 processes. Reports medians of cold build, no-change rebuild, images/s and peak
memory (largest process, from /usr/bin/time), then our full responsive set (WebP + JPEG).
Usage: python bench/gallery/run.py [-n 60] [--corpus DIR] [--runs 3] [--processes 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SIGAL_VENV = Path("/tmp/sigal-venv")
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


def ensure_sigal() -> Path:
    """Create the separate Sigal venv if it is missing; return the sigal executable."""
    sigal = SIGAL_VENV / "bin" / "sigal"
    if not sigal.exists():
        subprocess.run([sys.executable, "-m", "venv", str(SIGAL_VENV)], check=True)
        subprocess.run([str(SIGAL_VENV / "bin" / "pip"), "install", "-q", f"sigal=={SIGAL_VERSION}"],
                       check=True)
    return sigal


def timed(command: list[str]) -> tuple[float, float, int, str]:
    """Run command under /usr/bin/time; return wall s, CPU s (user+sys, all processes), peak MB, stdout."""
    done = subprocess.run(["/usr/bin/time", "-f", "BENCH %e %U %S %M", *command],
                          capture_output=True, text=True, check=True)
    line = [l for l in done.stderr.splitlines() if l.startswith("BENCH ")][-1]
    _tag, wall, user, system, kilobytes = line.split()
    return float(wall), float(user) + float(system), int(kilobytes) // 1024, done.stdout


def ours_once(kind: str, corpus: Path, out: Path, cache: Path, processes: int) -> None:
    """Run our pipeline once on every JPEG of corpus and print its report as JSON."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from gallery import build, pipeline, settings  # noqa: PLC0415 - benchmark subprocess

    if kind == "same":  # the same outputs as Sigal: 1600 and 400 px JPEG q85
        overrides = {"GALLERY_WIDTHS": (400,), "GALLERY_MAX_WIDTH": 1600,
                     "GALLERY_FORMATS": ("jpeg",), "GALLERY_JPEG_QUALITY": 85}
    else:  # our default responsive set: 480, 960, 1600, 2400 px in WebP and JPEG
        overrides = {}
    gs = settings.load({**overrides, "GALLERY_PROCESSES": processes})
    jobs = [build.make_job(gs, str(out), f"bench/{p.stem}", str(p), "photo", "images/bench",
                           p.stem, "photo") for p in sorted(corpus.glob("*.jpg"))]
    report = pipeline.run(jobs, output_root=str(out), manifest_path=str(cache / "bench.json"),
                          owned_dirs=["images/bench"], processes=gs.processes)
    print(json.dumps({"seconds": report.seconds, "processed": report.processed,
                      "reused": report.reused, "failed": len(report.failures)}))


@dataclass
class Pipeline:
    """One side of the benchmark and its measurements."""

    label: str
    command: list[str]
    out: Path
    cold: list[float] = field(default_factory=list)
    cold_cpu: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    warm_inner: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)

    def run_once(self) -> None:
        """Run one cold build then one no-change rebuild."""
        shutil.rmtree(self.out, ignore_errors=True)
        wall, cpu, memory, _stdout = timed(self.command)
        self.cold.append(wall)
        self.cold_cpu.append(cpu)
        self.memory.append(memory)
        wall, _cpu, _memory, stdout = timed(self.command)
        self.warm.append(wall)
        if stdout.strip().startswith("{"):
            self.warm_inner.append(json.loads(stdout.strip().splitlines()[-1])["seconds"])
        print(f"  {self.label}: cold {self.cold[-1]:.2f} s ({cpu:.1f} s CPU), "
              f"no-change {self.warm[-1]:.2f} s, {memory} MB", file=sys.stderr)

    def row(self, count: int, reference: Pipeline) -> str:
        """Return this pipeline's Markdown table row (medians)."""
        med = statistics.median
        inner = f"{med(self.warm_inner):.3f}" if self.warm_inner else "—"
        return (f"| {self.label} | {med(self.cold):.2f} | {med(self.cold_cpu):.1f} | {med(self.warm):.2f} | "
                f"{inner} | {count / med(self.cold):.2f} | {med(self.memory):.0f} | "
                f"{med(reference.cold) / med(self.cold):.2f}× | {med(reference.cold_cpu) / med(self.cold_cpu):.2f}× |")


HEADER = ("| pipeline | cold build, wall (s) | cold build, CPU (s) | no-change rebuild, whole process (s) | "
          "no-change, inside the pipeline (s) | images/s (cold) | peak memory, largest process (MB) | "
          "wall speed-up vs Sigal | CPU ratio vs Sigal |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")


def main() -> None:
    """Parse arguments, prepare corpus and Sigal, run both pipelines, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--ours-once", nargs=4, metavar=("KIND", "CORPUS", "OUT", "CACHE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ours_once:
        kind, corpus, out, cache = args.ours_once
        ours_once(kind, Path(corpus), Path(out), Path(cache), args.processes)
        return

    work = Path(tempfile.mkdtemp(prefix="gallery-bench-"))
    corpus = args.corpus
    if corpus is None or not any(corpus.glob("*.jpg")):
        sys.path.insert(0, str(HERE))
        from make_corpus import make_corpus  # noqa: PLC0415

        corpus = make_corpus(args.count, corpus or work / "corpus")[0].parent
    count = len(list(corpus.glob("*.jpg")))
    sigal = ensure_sigal()
    conf = work / "sigal.conf.py"
    conf.write_text(SIGAL_CONF.format(source=str(corpus), destination=str(work / "sigal")))
    me = [sys.executable, str(Path(__file__).resolve()), "--processes", str(args.processes), "--ours-once"]

    def ours(kind: str) -> list[str]:
        return [*me, kind, str(corpus), str(work / kind), str(work / kind / "cache")]

    sigal_cmd = [str(sigal), "build", "-q", "-c", str(conf), "-n", str(args.processes)]
    sigal_side = Pipeline(f"Sigal {SIGAL_VERSION} (-n {args.processes})", sigal_cmd, work / "sigal")
    same = Pipeline(f"ours ({args.processes} processes)", ours("same"), work / "same")
    full = Pipeline(f"ours, full responsive set ({args.processes} processes)", ours("full"), work / "full")
    for round_ in range(args.runs):  # interleaved, so load changes on a shared machine hit all sides
        print(f"round {round_ + 1}/{args.runs}", file=sys.stderr)
        for side in (sigal_side, same, full):
            side.run_once()
    print(f"\n{count} photos from {corpus}; 1600 px + 400 px JPEG q85; medians of {args.runs} runs\n")
    print(HEADER)
    print(sigal_side.row(count, sigal_side))
    print(same.row(count, sigal_side))
    print("\nOur full responsive set (480, 960, 1600, 2400 px × WebP + JPEG = 8 files a photo):\n")
    print(HEADER)
    print(full.row(count, sigal_side))
    shutil.rmtree(work / "sigal", ignore_errors=True)

if __name__ == "__main__":
    main()
