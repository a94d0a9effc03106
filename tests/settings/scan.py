"""Find, with ast, the settings that Python code reads (and writes into Pelican's settings), and those templates use."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SETTING_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{4,}$")
READERS = {"setting", "_get", "value"}  # setting(settings, "X"), _get(settings, "X"), DECLARED.value(settings, "X")
WRITERS = {"setdefault", "update", "pop", "popitem", "clear", "__setitem__"}
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
JINJA_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")
JINJA_NAME = re.compile(r"(?<![\w.])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|(?<![\w.])[A-Z]{4,}\b")


@dataclass(frozen=True)
class Use:
    """One read or write of a setting: where, and which name (None: a whole-mapping write)."""

    file: str
    line: int
    name: str | None


def _text(node: ast.expr) -> str:
    return ast.unparse(node)


def _key(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and SETTING_NAME.match(node.value):
        return node.value
    return None


def _environ(node: ast.expr) -> bool:
    return "environ" in _text(node)


def _holds_settings(node: ast.expr) -> bool:
    """PELICAN.settings, self.settings, generator.settings or a name « settings »."""
    return (isinstance(node, ast.Attribute) and node.attr == "settings") or (isinstance(node, ast.Name) and node.id == "settings")


def reads_in(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, NAME) for each settings["NAME"], x.get("NAME"…), setting(x, "NAME"), _get(x, "NAME") of TREE."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and not _environ(node.value):
            name = _key(node.slice)
            if name and isinstance(node.ctx, ast.Load):
                yield node.lineno, name
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "get" and node.args and not _environ(func.value):
                name = _key(node.args[0])
            elif (isinstance(func, ast.Name) and func.id in READERS) or (isinstance(func, ast.Attribute) and func.attr in READERS):
                name = _key(node.args[1]) if len(node.args) > 1 else None
            else:
                name = None
            if name:
                yield node.lineno, name


def writes_in(tree: ast.AST) -> Iterator[tuple[int, str | None]]:
    """(line, NAME or None) for each write into a settings mapping: x.settings[...] = …, x.settings.setdefault(…)…"""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        else:
            targets = [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            if isinstance(target, ast.Subscript) and _holds_settings(target.value):
                yield node.lineno, _key(target.slice)
        if isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and _holds_settings(target.value):
                    yield node.lineno, _key(target.slice)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITERS \
                and _holds_settings(node.func.value):
            yield node.lineno, _key(node.args[0]) if node.args else None


def declarations_in(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, NAME) for each setting a settings module defines, whatever its style: Setting("NAME", …) or {"NAME": default}."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Setting" and node.args:
            name = _key(node.args[0])
            if name:
                yield node.lineno, name
        elif isinstance(node, ast.Dict):
            yield from ((node.lineno, name) for name in map(_key, node.keys) if name)


def python_files(root: Path, folders: Iterable[str]) -> Iterator[Path]:
    """The .py files under ROOT/FOLDER for each of FOLDERS (a file name is taken as is)."""
    for folder in folders:
        path = root / folder
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def uses(root: Path, folders: Iterable[str], finder: Callable[[ast.AST], Iterator[tuple[int, str | None]]]) -> list[Use]:
    """Every use FINDER finds in the Python files of FOLDERS."""
    found = []
    for path in python_files(root, folders):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [Use(path.relative_to(root).as_posix(), line, name) for line, name in finder(tree)]
    return found


def template_names(folder: Path) -> list[Use]:
    """Every UPPER_CASE name used inside a Jinja tag of the templates of FOLDER."""
    found = []
    for path in sorted(folder.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        for tag in JINJA_TAG.finditer(source):
            if tag.group().startswith("{#"):
                continue
            line = source.count("\n", 0, tag.start()) + 1
            code = JINJA_STRING.sub("''", tag.group())
            found += [Use(path.as_posix(), line, m.group()) for m in JINJA_NAME.finditer(code)]
    return found
