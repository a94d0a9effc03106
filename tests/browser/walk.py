"""Run one check on every page of the site and gather what it reports, page by page."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page


def problems_on_every_page(page: Page, base_url: str, paths: list[str], check: Callable[[Page], list[str]]) -> dict[str, list[str]]:
    """Load each of PATHS in PAGE and run CHECK; return {path: problems} for the pages with any."""
    failures = {}
    for path in paths:
        page.goto(base_url + path)
        problems = check(page)
        if problems:
            failures["/" + path] = problems
    return failures


def report(failures: dict[str, list[str]], total: int) -> str:
    """A readable assertion message: the failing pages and their problems."""
    lines = [f"{len(failures)} of {total} pages fail:"]
    for path, problems in failures.items():
        lines.append(f"  {path}")
        lines.extend(f"    - {problem}" for problem in problems)
    return "\n".join(lines)
