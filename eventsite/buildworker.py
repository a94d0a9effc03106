"""The preview's warm build worker: one long-lived process that builds the site on each request.

Pelican, the plugins and the theme's Python are imported once, so a rebuild costs only the
build itself. The parent (eventsite.preview.WarmBuild) writes one line, ``build``, on the
worker's stdin; the worker runs eventsite.build.build_site in-process (staging folder, atomic
swap) and answers one JSON line, ``{"ok": bool, "report": str}``, on the stdout it was given.
Anything else the build prints is captured into the report. The parent starts a new worker
when a plugin or a settings file changes (a module reload is unsafe) and after a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

REQUEST = "build"


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates kept in memory between the worker's builds (a changed template is compiled again).

    Pelican makes a new Jinja environment for each generator and each build; without this, every
    rebuild parses and compiles every template again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill BUCKET from memory (Jinja ignores it if the template's source changed)."""
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep BUCKET's compiled code for the next build."""
        self._code[bucket.key] = bucket.bytecode_to_string()


def warm_overrides(settings_file: Path, templates: BytecodeCache) -> dict[str, Any]:
    """Settings overrides that let a build reuse TEMPLATES; none if the settings cannot be read (the build reports why)."""
    from .build import pelican_settings

    try:
        jinja = dict(pelican_settings(settings_file).get("JINJA_ENVIRONMENT") or {})
    except Exception:  # noqa: BLE001  # the build reads them again and reports the problem in French
        return {}
    return {"JINJA_ENVIRONMENT": {**jinja, "bytecode_cache": templates}}


def warning_lines(warnings: list[str]) -> list[str]:
    """The warnings logged outside the content problem channel, one French line each."""
    return [f"- avertissement : {warning}" for warning in warnings]


def report_build(settings_file: Path, output: Path, *, strict: bool = False,
                 overrides: dict[str, Any] | None = None) -> tuple[bool, str]:
    """Build once, as `python -m eventsite build` does; return whether it succeeded and its French report."""
    from .build import BuildFailed, build_site
    from .check import report

    try:
        result = build_site(settings_file, output, strict=strict, overrides=overrides)
    except BuildFailed as failure:
        return False, str(failure)
    lines = [report(result.problems)] if result.problems else []
    lines += warning_lines(result.other_warnings)
    lines.append(f"Site construit dans {result.output} en {result.seconds:.2f} s ({len(result.warnings)} avertissement(s)).")
    return True, "\n".join(lines)


def forget_logged_warnings() -> None:
    """Let Pelican log again the warnings it already logged in this process (its LimitFilter drops repeats)."""
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def build_once(settings_file: Path, output: Path, templates: BytecodeCache | None = None) -> dict[str, object]:
    """One build of the preview (reusing TEMPLATES, compiled by earlier builds), everything it printed in the report."""
    forget_logged_warnings()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        overrides = warm_overrides(settings_file, templates) if templates is not None else None
        ok, text = report_build(settings_file, output, overrides=overrides)
    return {"ok": ok, "report": "\n".join(part for part in (printed.getvalue().strip(), text) if part)}


def serve(settings_file: Path, output: Path, requests: TextIO, answers: TextIO) -> None:
    """Answer each ``build`` line read from REQUESTS with one JSON line on ANSWERS, until REQUESTS ends."""
    templates = CompiledTemplates()
    for line in requests:
        if line.strip() != REQUEST:
            continue
        answers.write(json.dumps(build_once(settings_file, output, templates), ensure_ascii=False) + "\n")
        answers.flush()


def main(argv: list[str] | None = None) -> int:
    """Run the worker: `python -m eventsite.buildworker --settings FILE --output FOLDER`."""
    parser = argparse.ArgumentParser(prog="python -m eventsite.buildworker")
    parser.add_argument("--settings", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    # The answers keep the real stdout; anything else printed there goes to stderr instead.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    from . import build  # noqa: F401  # import Pelican and the build once, before the first request

    try:
        serve(Path(args.settings), Path(args.output), io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"), answers)
    except KeyboardInterrupt:  # the preview stops: the build removed its staging folder on the way out
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
