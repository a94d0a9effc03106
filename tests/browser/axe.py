"""Run axe-core (the npm package, injected into the page) with the WCAG 2.1 A and AA rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def axe_script() -> Path:
    """The axe-core file installed by `npm ci`; a clear error when it is missing."""
    if not AXE_SCRIPT.is_file():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci` at the repository root (scripts/setup.sh --test does)")
    return AXE_SCRIPT


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The violations axe finds in PAGE's current document, with the WCAG 2.1 A/AA rules only.

    axe is injected unless the page's context already loads it with every document
    (`context.add_init_script(path=axe_script())`, quicker over many pages).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script()))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
            }));
        }""",
        list(WCAG_TAGS),
    )


def describe(violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation: rule, impact, help and the first elements concerned."""
    return [f"{v['id']} ({v['impact']}): {v['help']} → {', '.join(v['targets'])}" for v in violations]
