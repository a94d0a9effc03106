"""The gallery's side of the content problem channel (docs/architecture.md, « Problèmes de contenu »)."""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping
from typing import Any

from blinker import signal

from .pipeline import Report
from .reader import Problem

logger = logging.getLogger(__name__)

CONTENT_PROBLEM = signal("content_problem")


def report(sender: Any, context: MutableMapping[str, Any], content_root: str, problem: Problem) -> None:
    """Send PROBLEM (its file made relative to content/) to the channel; log it if no plugin listens."""
    file = problem.file
    if os.path.isabs(file):
        file = os.path.relpath(file, content_root)
    file = file.replace(os.sep, "/")
    fields = {**problem._asdict(), "file": file}
    if not CONTENT_PROBLEM.send(sender, context=context, **fields):
        where = f"{file}:{problem.line}" if problem.line else file
        logger.warning("%s%s : %s → %s", where, f" [champ {problem.field}]" if problem.field else "", problem.message, problem.fix)


def failure_problems(report_: Report) -> list[Problem]:
    """A problem for each image the pipeline left aside (unreadable, not an image, too large…)."""
    return [
        Problem(source, None, "", f"l'image est laissée de côté : {message}",
                "remplacez le fichier par une photo JPEG, PNG ou WebP qui s'ouvre sur votre ordinateur")
        for source, message in report_.failures
    ]
