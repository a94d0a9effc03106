"""Translated copies of the event's entities: texts from the translation, everything language-neutral from the original."""

from __future__ import annotations

import dataclasses

from event import header, model, translation
from event.linking import link_event
from event.model import Event
from tests.unit.entities import SETTINGS, TYPES, entity

ORIGINAL = ("Nom : Alice Martin\nFonction : Directrice\nOrganisation : IRA\nPhoto : images/alice.jpg\n"
            "Description_photo : Alice sourit\nLiens : https://alice.example\nOrdre : 3\n")
PICTURE = object()  # what the gallery plugin attaches: any object, the copy must hold the same one


def translate(kind: str, text: str, lang: str = "en") -> translation.Translation:
    """The translation file TEXT of KIND in LANG, which must have no problem."""
    ctype = TYPES[kind]
    found, problems = translation.parse_translation(ctype, lang, f"{ctype.collection}/{lang}/x.md", header.parse_header(text), None)
    assert problems == [], problems
    return found


def test_a_translated_copy_keeps_every_language_neutral_attribute_and_the_picture():
    original = entity("speaker", ORIGINAL, "speakers/alice-martin.md")
    original.url, original.picture = "intervenants/alice-martin/", PICTURE
    copy = translation.translated_copy(original, translate("speaker", "Role: Director\nPhoto_alt: Alice smiling\n"), "en", "fr")
    assert (copy.role, copy.photo_alt, copy.lang) == ("Director", "Alice smiling", "en")
    assert copy.picture is PICTURE  # the English portraits regression: the copy shows the same picture
    translated = {"role", "photo_alt", "lang", "body_lang"}
    for f in dataclasses.fields(original):
        if f.name not in translated and f.metadata.get("role") != model.LINK:
            assert getattr(copy, f.name) == getattr(original, f.name), f.name
    assert original.role == "Directrice" and original.picture is PICTURE  # the original is left as it was


def test_a_copy_without_translation_is_the_original_in_the_default_language():
    original = entity("partner", "Nom : IRA\nNiveau : organiser\nLogo : images/ira.png\n", "partners/ira.md")
    original.picture = PICTURE
    copy = translation.translated_copy(original, None, "en", "fr")
    assert (copy.name, copy.lang, copy.body_lang, copy.picture) == ("IRA", "fr", "fr", PICTURE)


def test_copies_are_linked_to_copies_never_to_originals():
    speaker = entity("speaker", ORIGINAL, "speakers/alice-martin.md")
    session = entity("session", "Titre : Ouverture\nJour : 2018-03-01\nDébut : 9h\nFin : 10h\nSalle : Amphi\nType : opening\n"
                                "Intervenants : alice-martin\n", "sessions/ouverture.md")
    original = Event(speakers=[speaker], sessions=[session])
    link_event(original, SETTINGS)
    english = translation.translated_event(original, {"sessions": {"ouverture": translate("session", "Title: Opening\n")}}, "en", "fr")
    assert english.speakers[0].sessions == [] and english.sessions[0].speakers == []  # links reset, to be made again
    link_event(english, SETTINGS)
    assert english.sessions[0].speakers == [english.speakers[0]] and english.speakers[0] is not speaker
    assert english.speakers[0].sessions == [english.sessions[0]] and english.sessions[0].title == "Opening"
    assert speaker.sessions == [session] and session.title == "Ouverture"


def test_a_translation_holds_only_texts():
    ctype = TYPES["session"]
    texts = ["Titre", "Salle", "Précision_statut", "Adresse", "Parcours"]  # the last three: issue 13's fields
    assert [f.label for f in ctype.fields if f.translatable] == texts
    assert [f.label for f in translation.translatable_fields(ctype)] == texts
    head = header.parse_header("Titre : Opening\nJour : 2018-03-02\nSalle : Main hall\n")
    found, problems = translation.parse_translation(ctype, "en", "sessions/en/ouverture.md", head, None)
    assert dict(found.values) == {"title": "Opening", "room": "Main hall"}
    assert [(p.field, p.line, p.message) for p in problems] == [("Jour", 2, "ce champ ne se traduit pas (séquence du programme, en)")]
