"""Run the whole test suite once and report its time and the site builds it made.

Usage: python bench/suite/run.py [--repo DIR] [--log FILE] [-- PYTEST_ARGS...]

Runs `.venv/bin/python -m pytest -q -p no:cacheprovider [PYTEST_ARGS]` in DIR (default: this repository; give
a clone of another commit to compare), with counter/ on PYTHONPATH so that every Pelican build
that writes, in the test process and in the Python processes it starts, is recorded
(counter/sitecustomize.py). Prints the load average before and after, the wall time, the CPU
time (user + system of pytest and its children), pytest's last line (its whole output is kept
as pytest.txt beside the build log), and the builds: in all, of
the seminar's content (content/ or a copy), and per test file. Processes that replace PYTHONPATH
(tests/setup/test_runtime_imports.py's scratch project) or run Python with -I are not counted.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def run_suite(repo: Path, log: Path, pytest_args: list[str]) -> tuple[float, float, str]:
    """Run the suite in REPO, recording builds into LOG and pytest's output beside it (pytest.txt);
    return wall seconds, CPU seconds and pytest's last line."""
    env = {**os.environ, "SUITE_BUILD_LOG": str(log),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE / "counter"), os.environ.get("PYTHONPATH", "")]))}
    command = [str(repo / ".venv/bin/python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    log.with_name("pytest.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return wall, cpu, lines[-1] if lines else done.stderr.strip()[-200:]


def summary(log: Path) -> list[str]:
    """The builds recorded in LOG: totals, then per test file."""
    builds = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    seminar = [b for b in builds if b["seminar"]]
    lines = [f"builds: {len(builds)} in all, {len(seminar)} of the seminar's content"]
    for build in seminar:
        lines.append(f"  seminar: {build['test'] or '(outside a test)'}")
    per_file = collections.Counter(b["test"].split("::", 1)[0] for b in builds)
    lines += [f"  {count:4d}  {name}" for name, count in per_file.most_common()]
    return lines


def main() -> None:
    """Parse the arguments, run the suite once, print the report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout whose suite runs (its .venv is used)")
    parser.add_argument("--log", type=Path, help="where the builds are recorded (default: a temporary file)")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments, after --")
    args = parser.parse_args()
    log = args.log or Path(tempfile.mkdtemp(prefix="suite-builds-")) / "builds.jsonl"
    log.unlink(missing_ok=True)
    print(f"load average before: {os.getloadavg()}", flush=True)
    wall, cpu, last = run_suite(args.repo.resolve(), log, args.pytest_args)
    print(f"load average after: {os.getloadavg()}")
    print(f"{args.repo}: wall {wall:.1f} s, CPU {cpu:.1f} s; pytest: {last} (output: {log.with_name('pytest.txt')})")
    print("\n".join(summary(log)))


if __name__ == "__main__":
    sys.exit(main())
