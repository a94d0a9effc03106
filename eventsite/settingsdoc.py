"""docs/reglages.md: every declared setting by plugin (name, default, doc), written from the declarations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from eventsite.settingskit import SETTINGS_FILE_HINT, Declarations


def shown(value: Any) -> str:
    """A default as Python text, dictionaries without their read-only wrapper."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{shown(k)}: {shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        inner = ", ".join(shown(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def reference(declarations: Sequence[Declarations]) -> str:
    """The Markdown of docs/reglages.md: every declared setting by plugin (name, default, doc)."""
    lines = [
        "# Réglages du site",
        "",
        "<!-- Écrit par « python -m eventsite settings-doc » à partir des déclarations "
        "(plugins/*/settings.py, eventsite/allowances.py) : ne pas modifier à la main. -->",
        "",
        f"Chaque réglage se change dans {SETTINGS_FILE_HINT}, par ex. `GALLERY_EAGER_COUNT = 1`. "
        "Un réglage absent garde sa valeur par défaut. Au démarrage, tous les réglages sont vérifiés ensemble "
        "et chaque problème est signalé en français, avec ce qu'il faut écrire.",
        "",
    ]
    for d in sorted(declarations, key=lambda d: d.plugin):
        lines += [f"## {d.plugin}", "", "| Réglage | Par défaut | Rôle |", "| --- | --- | --- |"]
        for s in d.settings:
            default = s.shown_default if s.shown_default is not None else shown(s.default)
            lines.append(f"| `{s.name}` | `{_cell(default)}` | {_cell(s.doc)} |")
        lines.append("")
    return "\n".join(lines)
