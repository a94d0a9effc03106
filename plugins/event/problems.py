"""Content problems: what is wrong, in which file and field, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong in one content file, told in plain French."""

    file: str
    field: str
    message: str
    fix: str
    line: int | None = None
    severity: str = "error"  # "error" or "warning"; strict fails on both, the banner shows both

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" [champ {self.field}]" if self.field else ""
        return f"{where}{field} : {self.message} → {self.fix}"

    @property
    def where(self) -> str:
        """« file, ligne N, champ F »: where the problem is, as check, the build and the banner say it."""
        where = f"{self.file}, ligne {self.line}" if self.line else self.file
        return f"{where}, champ {self.field}" if self.field else where

    def report_lines(self) -> str:
        """The problem in full, as `check` and the build print it: where, what, what to do."""
        return f"- {self.where} : {self.message}\n    → à faire : {self.fix}"


class ContentErrors(Exception):
    """Raised by a strict build when the content has problems; holds them all."""

    exitcode = 2

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{len(self.problems)} problème(s) dans le contenu, rien n'a été publié :\n{lines}"
        )
