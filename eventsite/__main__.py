"""Command line: ``python -m eventsite build [--strict] [--settings F] [--output D]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import BuildFailed, build_site


def main(argv: list[str] | None = None) -> int:
    """Build the site; print every problem and return 1 if the build failed."""
    parser = argparse.ArgumentParser(prog="python -m eventsite")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="construire le site")
    build.add_argument("--strict", action="store_true", help="échouer au moindre avertissement")
    build.add_argument("--settings", default="pelicanconf.py")
    build.add_argument("--output", default="output")
    args = parser.parse_args(argv)
    try:
        result = build_site(Path(args.settings), Path(args.output), strict=args.strict)
    except BuildFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    print(f"Site construit dans {result.output} en {result.seconds:.2f} s ({len(result.warnings)} avertissement(s)).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
