"""docs/architecture.md matches the code: every plugin, every Pelican signal it connects, every named signal and context key."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def plugin_row(name: str) -> str:
    """The text of PLUGIN's row(s) in the doc's « Pelican signals each plugin connects to » table."""
    rows = [line for line in DOC.splitlines() if re.match(rf"^\|\s*([a-z_, ]+, )?{name}(,[a-z_, ]+)?\s*\|", line)]
    return "\n".join(rows)


def connected_signals(module: Path) -> set[str]:
    """The Pelican signals register() of MODULE connects to (`signals.NAME.connect(...)`)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    register = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "register")
    found = set()
    for node in ast.walk(register):
        if (isinstance(node, ast.Attribute) and node.attr == "connect" and isinstance(node.value, ast.Attribute)
                and isinstance(node.value.value, ast.Name) and node.value.value.id == "signals"):
            found.add(node.value.attr)
    return found - {"initialized"}  # every plugin connects check_at_startup; the doc says it once


def plugins() -> list[Path]:
    return sorted(p for p in (ROOT / "plugins").iterdir() if (p / f"{p.name}.py").is_file())


def test_every_plugin_and_the_pelican_signals_it_connects_are_in_the_doc() -> None:
    missing = {}
    for folder in plugins():
        row = plugin_row(folder.name)
        absent = sorted(s for s in connected_signals(folder / f"{folder.name}.py") if s not in row)
        if not row or absent:
            missing[folder.name] = absent or ["(no row)"]
    assert missing == {}


def test_every_named_signal_and_context_key_is_in_the_doc() -> None:
    names = re.findall(r'signal\("([a-z_.]+)"\)', (ROOT / "plugins/event/signals.py").read_text(encoding="utf-8"))
    keys = set()
    for module in (ROOT / "plugins").rglob("*.py"):
        keys.update(re.findall(r'^[A-Z_]*KEY = "([a-z_]+)"', module.read_text(encoding="utf-8"), re.M))
    assert names and keys >= {"editions", "content_problems", "social_cards"}
    assert [n for n in names if f"`{n}`" not in DOC] == []
    assert sorted(k for k in keys if f"`{k}`" not in DOC) == []


def test_the_check_can_fail() -> None:
    assert plugin_row("nosuchplugin") == ""
    assert "finalized" in connected_signals(ROOT / "plugins/search/search.py")
