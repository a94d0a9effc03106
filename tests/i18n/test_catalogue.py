"""The English catalogue translates every interface string of the templates, and compiles at build time."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from event.catalogues import compile_po, load_catalogues
from tests.conftest import REPO

PO = REPO / "theme/translations/en/LC_MESSAGES/messages.po"


def template_strings() -> set[str]:
    """Every gettext string of theme/templates, as `invoke translations` extracts it."""
    found = extract_from_dir(
        str(REPO / "theme/templates"),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}},
    )
    return {message if isinstance(message, str) else message[0] for _file, _line, message, _comments, _context in found}


def test_every_template_string_has_an_english_translation():
    strings = template_strings()
    assert len(strings) > 40 and "Aller au contenu" in strings
    with open(PO, "rb") as handle:
        catalog = read_po(handle)
    untranslated = sorted(s for s in strings if not (catalog.get(s) and catalog.get(s).string))
    assert untranslated == []
    assert not any(m.fuzzy for m in catalog if m.id)


def test_catalogue_compiles_in_memory_and_keeps_placeholders():
    english = compile_po(PO)
    assert english.gettext("Aller au contenu") == "Skip to content"
    assert english.gettext("Les %(count)s ateliers") == "The %(count)s workshops"
    assert english.gettext("partiellement conforme") == "partially compliant"


def test_a_language_without_catalogue_keeps_the_source_strings(tmp_path):
    catalogues = load_catalogues(tmp_path, ("fr", "de"))
    assert catalogues["de"].gettext("Programme") == "Programme"
