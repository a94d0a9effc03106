"""The French docs describe every field of issue 13 (a session's conference fields and Lang, rooms, tracks) with an
example that the schema reads: format-contenu.md, and the guide's « Organiser un congrès de plusieurs jours »."""

from __future__ import annotations

import re

import pytest

from event import schema
from event.header import parse_header
from tests.conftest import REPO

FORMAT = REPO / "docs/format-contenu.md"
GUIDE = REPO / "docs/guide-redaction.md"
GUIDE_SECTION = "Organiser un congrès de plusieurs jours"
FENCE_RE = re.compile(r"^```\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE_RE = re.compile(r"`([^`\n]+ : [^`\n]+)`")


def new_fields() -> dict[str, tuple[schema.Field, ...]]:
    """The fields issue 13 added, by content type: a session's conference fields and Lang, every room and track field."""
    lang = next(f for f in schema.common_fields() if f.key == "lang")
    return {"session": (*schema.session_change_fields(), lang), "room": schema.room_fields(), "track": schema.track_fields()}


def examples(text: str) -> list[str]:
    """Every example header in TEXT: each fenced block, and each inline `Champ : valeur`."""
    return FENCE_RE.findall(text) + INLINE_RE.findall(text)


def exemplified(text: str, kind: str) -> tuple[set[str], list[str]]:
    """The new fields of KIND that an example of TEXT writes, and the values of those examples the schema refuses.

    An example counts for KIND when every field it writes is one of KIND's (Lang included).
    """
    fields = {f.key: f for f in (*schema.content_schema(kind).fields, *new_fields()[kind])}
    aliases = schema.alias_table(fields.values())
    shown, refused = set(), []
    for example in examples(text):
        header = parse_header(example.strip() + "\n", aliases).firsts()
        if not header or any(f.key not in fields for f in header):
            continue
        for found in header:
            field = fields[found.key]
            if schema.option_source(field) and schema.option_source(field)[0] == "setting":
                continue  # Kind and Tier: their values are the event's settings
            try:
                field.parse(found.value)
            except schema.FieldError as error:
                refused.append(f"{found.spelling} : {found.value} → {error.message}")
        shown |= {f.key for f in header}
    return shown, refused


def guide_section() -> str:
    """The guide's section on multi-day conferences (up to the next « ## » heading)."""
    text = GUIDE.read_text(encoding="utf-8")
    assert f"## 3 bis. {GUIDE_SECTION}" in text
    return text.split(GUIDE_SECTION, 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("kind", sorted(new_fields()))
@pytest.mark.parametrize("doc", ["format", "guide"])
def test_every_new_field_has_an_example_the_schema_reads(doc, kind):
    text = FORMAT.read_text(encoding="utf-8") if doc == "format" else guide_section()
    shown, refused = exemplified(text, kind)
    assert refused == []
    assert [f.label for f in new_fields()[kind] if f.key not in shown] == []


def test_a_missing_or_wrong_example_is_caught():
    shown, refused = exemplified("```\nNom : Salle A\nCouleur : rouge\n```\n`En_ligne : peut-être`", "track")
    assert shown == {"name", "color"} and refused == ["Couleur : rouge → « rouge » n'est pas une couleur #rrggbb"]
    shown, refused = exemplified("```\nNom : Salle A\nEn_ligne : peut-être\nCouleur : #123456\n```", "room")
    assert shown == set()  # a colour is no room field: the block is not a room's
    assert exemplified("`En_ligne : peut-être`", "room")[1] == ["En_ligne : peut-être → « peut-être » n'est ni oui ni non"]
