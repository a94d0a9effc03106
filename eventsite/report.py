"""Problems found in a built site, and how they are shown to people."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

KINDS = (
    "dead-link",
    "dead-anchor",
    "missing-asset",
    "outside-base",
    "invalid-html",
    "validator-failed",
    "no-title",
    "no-lang",
    "img-no-alt",
    "external-resource",
    "no-index",
    "image-metadata",
    "active-script",
    "active-handler",
    "active-url",
    "active-srcdoc",
    "foreign-content",
)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem: the file (relative to the site root), its kind, a French message."""

    file: str
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: [{self.kind}] {self.message}"


@dataclass(frozen=True)
class CheckReport:
    """Every problem of a site, and the external links it points to (never fetched)."""

    root: str
    files_checked: int
    problems: tuple[Problem, ...] = ()
    external_links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Return True when no problem was found."""
        return not self.problems

    def files_with_problems(self) -> list[str]:
        """Return the files that have at least one problem, in order."""
        return sorted({problem.file for problem in self.problems})


def unique_sorted(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Return the problems once each, sorted by file, kind and message."""
    return tuple(sorted(set(problems)))


def format_problems(problems: Iterable[Problem]) -> list[str]:
    """Return the lines showing problems grouped by file, files in order."""
    grouped: dict[str, list[Problem]] = {}
    for problem in sorted(problems):
        grouped.setdefault(problem.file, []).append(problem)
    lines: list[str] = []
    for file, in_file in grouped.items():
        lines.append(f"{file} ({len(in_file)})")
        lines += [f"  - [{p.kind}] {p.message}" for p in in_file]
    return lines


def format_report(report: CheckReport, *, list_external: bool = False) -> str:
    """Return a human-readable French summary, problems grouped by file."""
    lines = format_problems(report.problems)
    if list_external and report.external_links:
        lines.append(f"Liens externes (non vérifiés) : {len(report.external_links)}")
        lines += [f"  - {url}" for url in sorted(report.external_links)]
    verdict = (
        "aucun problème"
        if report.ok
        else f"{len(report.problems)} problème(s) dans "
        f"{len(report.files_with_problems())} fichier(s)"
    )
    lines.append(
        f"{report.files_checked} page(s) vérifiée(s) dans {report.root} : {verdict}; "
        f"{len(report.external_links)} lien(s) externe(s) listé(s)."
    )
    return "\n".join(lines)
