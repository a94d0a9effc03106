"""Rewrite the field tables of the authors' guides from the schema (plugins/event/schema.py).

    .venv/bin/python scripts/format_contenu.py          # rewrite docs/format-contenu.md and docs/galeries.md
    .venv/bin/python scripts/format_contenu.py --check  # exit 1, naming the guide, when one is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDES = (ROOT / "docs" / "format-contenu.md", ROOT / "docs" / "galeries.md")


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with --check, compare) each guide's generated tables; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say which guide differs from the schema")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]
    from event.formatdoc import render, tables
    from event.settings import read_event_settings

    generated = tables(read_event_settings({}))
    stale = []
    for guide in GUIDES:
        text = guide.read_text(encoding="utf-8")
        fresh = render(text, generated)
        if fresh != text:
            stale.append(guide.relative_to(ROOT).as_posix())
            if not args.check:
                guide.write_text(fresh, encoding="utf-8")
    if stale and args.check:
        print(f"Tableaux de champs à régénérer (scripts/format_contenu.py) : {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
