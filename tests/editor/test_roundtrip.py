"""The editor's header format (editor.js, run in Chromium) reads and writes back every content file without losing
anything: the build reads the same fields, values and body from the file the editor saves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventsite.editorconfig import editor_settings, header_format
from eventsite.editorschema import Form, event_modules
from eventsite.editorserver import STATIC
from tests.conftest import BASE_SITE, REPO, SETTINGS

from event.header import parse_header  # the build's own header reader
from event.schema import fold

# Written back in the canonical spelling: what the build must still read the same.
TRICKY = {
    "sessions/tricky.md": (
        "---\nTitre : Atelier « Données »\nJour: 2018-03-01\nDébut : 9h30\nfin: 10 h 45\nSalle: Salle A\nType: Ateliers\n"
        "Intervenants : alice-martin,bob-durand\nTemplate: special\nTitle: doublon ignoré\n---\nTexte.\n\n## Suite\n"
    ),
    "speakers/long.md": "Nom: Jeanne Dupont\nFonction: Directrice\n    de l'innovation\nLiens: https://a.example, https://b.example\n\nBio.\n",
    "proposals/p.md": "Titre: P\nAtelier: espaces\nExemple: oui\nOrdre: 3\n\nTexte.\n",
}


def content_files() -> dict[str, str]:
    """Every content file of the repository and of the test site, by path under content/ (translations left out)."""
    files = {p.relative_to(REPO / "content").as_posix(): p.read_text(encoding="utf-8")
             for p in (REPO / "content").rglob("*.md") if "/en/" not in p.as_posix()}
    return {**files, **{f"test/{k}": v for k, v in {**BASE_SITE, **TRICKY}.items()}}


def form_of(path: str, forms: tuple[Form, ...]) -> Form:
    """The form that edits the file at PATH."""
    folder = path.removeprefix("test/").split("/")[0]
    return next(f for f in forms if f.folder == folder)


def meaning(text: str, form: Form, parsers: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """What the build reads in TEXT: each field's parsed value (first occurrence), and the body's non-blank lines."""
    header = parse_header(text)
    spelled = {fold(s): f.key for f in form.fields for s in (f.name, *f.aliases)}  # a gallery's spellings
    values = {}
    for found in header.firsts():
        key = spelled.get(found.key, found.key) if form.nested_file else found.key
        parse = parsers.get(key)
        values[key] = parse(" ".join(found.value.split("\n"))) if parse else " ".join(found.value.split())
    body = [line for line in text.split("\n")[header.body_start:] if line.strip()]
    return values, body


@pytest.fixture(scope="module")
def round_trips(forms: tuple[Form, ...], browser: Any) -> dict[str, tuple[str, str]]:
    """Each content file → (original text, the text editor.js writes after reading it)."""
    formats = editor_settings(forms, "", "")["formats"]
    files = content_files()
    page = browser.new_page()
    page.set_content("<!DOCTYPE html><html><body></body></html>")
    page.add_script_tag(path=str(STATIC / "editor.js"))
    written = page.evaluate(
        """([formats, jobs]) => jobs.map(([name, text]) => {
            const format = window.EventsiteHeader.headerFormat(formats[name]);
            return format.toFile(format.fromFile(text));
        })""",
        [formats, [[header_format(form_of(path, forms)), text] for path, text in files.items()]],
    )
    page.close()
    return {path: (text, out) for (path, text), out in zip(files.items(), written)}


def test_every_content_file_survives_the_editor(round_trips: dict[str, tuple[str, str]], forms: tuple[Form, ...]) -> None:
    _content, schema, reading, event = event_modules(SETTINGS)
    parsers = {f.key: f.parse for t in reading.content_types(event) for f in t.fields}
    parsers |= {f.key: f.parse for f in (*schema.article_fields(), *schema.page_fields(), *schema.common_fields())}
    assert len(round_trips) > 60
    changed = []
    for path, (original, written) in round_trips.items():
        form = form_of(path, forms)
        if meaning(original, form, parsers) != meaning(written, form, parsers):
            changed.append(f"{path}:\n{meaning(original, form, parsers)}\n{meaning(written, form, parsers)}")
    assert not changed, "\n\n".join(changed)


def test_fields_are_written_with_their_canonical_names(round_trips: dict[str, tuple[str, str]]) -> None:
    written = round_trips["test/sessions/tricky.md"][1].split("\n")
    assert written[:9] == [
        "Title: Atelier « Données »", "Day: 2018-03-01", "Start: 09:30", "End: 10:45", "Room: Salle A", "Kind: workshop",
        "Speakers: alice-martin, bob-durand", "Template: special", "",
    ]
    assert round_trips["test/speakers/long.md"][1].split("\n")[1] == "Role: Directrice de l'innovation"
