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


def timed(command: list[str]) -> tuple[float, int, str]:
    """Run command under /usr/bin/time; return wall seconds, peak RSS in MB and stdout."""
    done = subprocess.run(["/usr/bin/time", "-f", "BENCH %e %M", *command],
                          capture_output=True, text=True, check=True)
    line = [l for l in done.stderr.splitlines() if l.startswith("BENCH ")][-1]
    _tag, seconds, kilobytes = line.split()
    return float(seconds), int(kilobytes) // 1024, done.stdout


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


def measure(label: str, cold: list[str], warm: list[str], out: Path, runs: int,
            count: int) -> dict[str, float | str]:
    """Run a cold then a no-change build `runs` times; return medians."""
    colds, warms, mems, inner = [], [], [], []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        seconds, memory, _stdout = timed(cold)
        colds.append(seconds)
        mems.append(memory)
        seconds, _memory, stdout = timed(warm)
        warms.append(seconds)
        if stdout.strip().startswith("{"):
            inner.append(json.loads(stdout.strip().splitlines()[-1])["seconds"])
        print(f"  {label}: cold {colds[-1]:.2f} s, no-change {warms[-1]:.2f} s, {memory} MB",
              file=sys.stderr)
    cold_median = statistics.median(colds)
    return {
        "label": label, "cold": cold_median, "warm": statistics.median(warms),
        "warm_inner": statistics.median(inner) if inner else float("nan"),
        "rate": count / cold_median, "memory": statistics.median(mems),
    }


def table(rows: list[dict[str, float | str]], reference: dict[str, float | str]) -> str:
    """Return a Markdown table; ratios are the reference's time over each row's."""
    lines = ["| pipeline | cold build (s) | no-change rebuild (s, whole process) | "
             "no-change, inside the pipeline (s) | images/s | peak memory (MB) | cold speed-up vs Sigal |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        inner = "—" if row["warm_inner"] != row["warm_inner"] else f"{row['warm_inner']:.3f}"
        lines.append(f"| {row['label']} | {row['cold']:.2f} | {row['warm']:.2f} | {inner} | "
                     f"{row['rate']:.1f} | {row['memory']:.0f} | {reference['cold'] / row['cold']:.2f}× |")
    return "\n".join(lines)


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
    rows = [
        measure(f"Sigal {SIGAL_VERSION} (-n {args.processes})", sigal_cmd, sigal_cmd, work / "sigal",
                args.runs, count),
        measure(f"ours ({args.processes} processes)", ours("same"), ours("same"), work / "same",
                args.runs, count),
    ]
    full = measure(f"ours, full responsive set ({args.processes} processes)", ours("full"),
                   ours("full"), work / "full", args.runs, count)
    print(f"\n{count} photos from {corpus}; 1600 px + 400 px JPEG q85; medians of {args.runs} runs\n")
    print(table(rows, rows[0]))
    print("\nOur full responsive set (480, 960, 1600, 2400 px × WebP + JPEG = 8 files a photo):\n")
    print(table([full], rows[0]))
    shutil.rmtree(work / "sigal", ignore_errors=True)


if __name__ == "__main__":
    main()
