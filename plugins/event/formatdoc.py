"""The field tables of the authors' guides (docs/format-contenu.md, docs/galeries.md), generated from the schema.

A guide marks each generated table with ``<!-- champs : KEY -->`` … ``<!-- fin des champs -->``;
KEY is a ContentSchema key (speaker, session…, gallery: the fields a new file gets), ``KEY-extra``
(that kind's fields a new file leaves out, such as a session's conference fields), ``photo`` (a
gallery photo's block) or ``common`` (the fields any file may carry). Everything else in the guide is written by hand.
``scripts/format_contenu.py`` rewrites the tables; a test fails while a guide differs from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from . import schema
from .settings import EventSettings

BLOCK_RE = re.compile(r"(?P<open><!-- champs : (?P<key>[\w-]+) -->\n)(?P<table>.*?)(?P<close><!-- fin des champs -->)", re.DOTALL)
HEAD = "| champ | en anglais | obligatoire | valeur |\n| --- | --- | --- | --- |\n"
REQUIRED = {"obligatoire": "oui", "conseillé": "conseillé", "facultatif": "non"}


def allowed_values(field: schema.Field, values: Mapping[str, str]) -> str:
    """« : `welcome` (Accueil), … » for a field whose values come from a setting (VALUES: value → label)."""
    listed = ", ".join(f"`{value}` ({label})" for value, label in values.items())
    return (
        f" : l'une des valeurs du réglage `{field.options}`, ou son nom affiché, au singulier ou au pluriel ;"
        f" par défaut {listed}"
    )


def value_cell(field: schema.Field, settings: Mapping[str, Mapping[str, str]]) -> str:
    """What the guide says to write in FIELD: its help, its allowed values, its other accepted names."""
    cell = field.help
    if field.options in settings:
        cell += allowed_values(field, settings[field.options])
    elif field.choices:
        cell += " : " + ", ".join(f"`{value}`" for value in field.choices)
    others = [s for s in field.aliases if schema.fold(s) not in {schema.fold(field.name), schema.fold(field.label)}]
    if others:
        cell += " (" + ", ".join(f"`{s}`" for s in others) + (" sont acceptés" if len(others) > 1 else " est accepté") + " aussi)"
    return cell


def field_table(fields: Iterable[schema.Field], settings: Mapping[str, Mapping[str, str]]) -> str:
    """The Markdown table of FIELDS: French name, English name, required or not, what to write."""
    rows = [
        f"| `{f.label}` | `{f.name}` | {REQUIRED[f.requirement]} | {value_cell(f, settings)} |\n"
        for f in fields
    ]
    return HEAD + "".join(rows)


def tables(event: EventSettings) -> dict[str, str]:
    """Each marked table's text, by key, for the settings EVENT (the defaults for the guides)."""
    settings = {"EVENT_SESSION_KINDS": event.session_kinds, "EVENT_PARTNER_TIERS": event.partner_tiers}
    found = {}
    for content in schema.content_schemas(event.session_kinds, event.partner_tiers):
        found[content.key] = field_table(content.scaffold_fields, settings)
        extra = [f for f in content.fields if not f.scaffold]
        if extra:
            found[f"{content.key}-extra"] = field_table(extra, settings)
    found["photo"] = field_table(schema.photo_fields(), settings)
    found["common"] = field_table(schema.common_fields(), settings)
    return found


def render(text: str, generated: Mapping[str, str]) -> str:
    """TEXT with each marked table replaced by its generated version; KeyError for an unknown key."""
    return BLOCK_RE.sub(lambda m: m["open"] + generated[m["key"]] + m["close"], text)
