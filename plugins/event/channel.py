"""The one content-problem channel: every plugin reports into it; check, build, strict and the banner read it.

Contract (docs/architecture.md, « Problèmes de contenu »): a plugin reports a problem by sending the
named blinker signal ``content_problem`` with the build's context and the problem's fields::

    signal("content_problem").send(sender, context=context, file="news/x.md", line=3,
                                   field="Date", message="…", fix="…", severity="error")

The event plugin's receiver appends one ContentProblem per distinct problem to
``context["content_problems"]``, the list every reader shares. Report before the pages are
written (generate_context or all_generators_finalized), so the banner and strict see it.
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import Any

from blinker import signal

from .problems import ContentProblem

logger = logging.getLogger(__name__)

CONTENT_PROBLEM = signal("content_problem")
PROBLEMS_KEY = "content_problems"
SEVERITIES = ("error", "warning")
# Marks the log record of a problem already in the list, so a log collector does not count it twice.
LOG_MARK = "content_problem"


def problems_of(context: MutableMapping[str, Any]) -> list[ContentProblem]:
    """The build's list of content problems (created empty on first use)."""
    return context.setdefault(PROBLEMS_KEY, [])


def collect(
    _sender: Any,
    *,
    context: MutableMapping[str, Any],
    file: str,
    field: str,
    message: str,
    fix: str,
    line: int | None = None,
    severity: str = "error",
) -> None:
    """Receiver of ``content_problem``: add the problem to the context's list once, and log it once."""
    problem = ContentProblem(str(file), field or "", message, fix, line, severity if severity in SEVERITIES else "error")
    problems = problems_of(context)
    if problem in problems:
        return
    problems.append(problem)
    # Errors are logged as errors: Pelican's LimitFilter would drop a warning already logged by an earlier build.
    logger.log(logging.ERROR if problem.severity == "error" else logging.WARNING, "%s", problem, extra={LOG_MARK: True})


def report(sender: Any, context: MutableMapping[str, Any], problem: ContentProblem) -> None:
    """Send one of the event plugin's own ContentProblems through the channel."""
    CONTENT_PROBLEM.send(
        sender, context=context, file=problem.file, field=problem.field, message=problem.message,
        fix=problem.fix, line=problem.line, severity=problem.severity,
    )
