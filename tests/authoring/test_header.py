"""The one header parser, the schema's French names and the time parser, without any build (milliseconds)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from markdown import Markdown

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

from event import header, reading, schema  # noqa: E402
from event.settings import read_event_settings  # noqa: E402

SESSION_FR = "Titre : Atelier\nJour : 2018-03-01\nDébut : 15h\nFin : 16 h\nSalle : B\nType : talk\n\nTexte.\n"


def session_type() -> reading.ContentType:
    return next(c for c in reading.content_types(read_event_settings({})) if c.key == "session")


@pytest.mark.parametrize("space", ["", " ", "\u00a0", "\u202f", "  \t"])
def test_a_field_is_read_whatever_the_space_before_its_colon(space):
    head = header.parse_header(f"Title{space}: Bonjour\nRoom{space}:\u00a0Amphi\n\nCorps.")
    assert [(f.key, f.spelling, f.value, f.line) for f in head.fields] == [
        ("title", "Title", "Bonjour", 1), ("room", "Room", "Amphi", 2),
    ]


@pytest.mark.parametrize("spelling", ["Début", "Debut", "DÉBUT", "début", "Start", "start"])
def test_french_names_with_or_without_accents_and_in_any_case_are_aliases(spelling):
    assert header.parse_header(f"{spelling}: 9h30\n").get("start").spelling == spelling


def test_every_field_has_a_french_name_and_help_and_every_spelling_one_meaning():
    event = read_event_settings({})
    for ctype in reading.content_types(event):
        for field in ctype.fields:
            assert field.help and field.label, (ctype.key, field.name)
            assert schema.ALIASES[schema.fold(field.label)] == field.key
            assert schema.ALIASES[schema.fold(field.name)] == field.key
    french = {f.label for f in schema.every_field()}
    assert {"Titre", "Jour", "Début", "Fin", "Salle", "Type", "Intervenants", "Animation", "Nom", "Fonction",
            "Organisation", "Site", "Niveau", "Liens", "Atelier", "Thème", "Ordre", "Logo", "Photo", "Exemple",
            "Facilitateurs", "Séquence", "Résumé"} <= french
    assert schema.ALIASES["animateurs"] == "facilitators"
    with pytest.raises(ValueError, match="names both"):
        schema.alias_table([schema.Field("Day", "day", schema.day, french="Jour"),
                            schema.Field("Journey", "journey", schema.text, french="Jour")])


def test_bom_and_windows_line_endings_are_read():
    text = header.decode("\ufeffTitre : Bonjour\r\nDate : 2018-03-05\r\n\r\nCorps.\r\n".encode("utf-8"))
    head = header.parse_header(text)
    assert [(f.key, f.value, f.line) for f in head.fields] == [("title", "Bonjour", 1), ("date", "2018-03-05", 2)]


def test_a_windows_1252_file_is_one_french_problem_saying_how_to_save_as_utf8():
    raw = "Nom : Élodie Hébert\nFonction : Chargée\n\nBio.\n".encode("cp1252")
    with pytest.raises(header.NotUtf8Error) as error:
        header.decode(raw, "/x/speakers/elodie.md")
    problem = error.value.problem("speakers/elodie.md")
    assert (problem.file, problem.line) == ("speakers/elodie.md", 1)
    assert problem.message == "le fichier n'est pas enregistré en UTF-8 (ligne 1 : « Nom : Élodie Hébert »), il n'est pas lu"
    assert all(word in problem.fix for word in ("Bloc-notes", "Word", "VS Code", "UTF-8"))


def test_the_header_ends_at_the_first_line_that_is_not_a_field():
    text = "Title: Bonjour\nSummary: une\n    deux\nRole\u00a0: Cheffe\nDu texte collé.\n\nSuite."
    head = header.parse_header(text)
    assert [(f.key, f.value) for f in head.fields] == [("title", "Bonjour"), ("summary", "une\ndeux"), ("role", "Cheffe")]
    assert text.split("\n")[head.body_start] == "Du texte collé."


def test_clean_text_gives_markdown_canonical_fields_once_and_the_whole_body():
    text = "\ufeffTitre : Bonjour\nRésumé\u00a0: En bref\nTitle: Doublon\nLégende : x\nDu texte.\n\nSuite."
    markdown = Markdown(extensions=["markdown.extensions.meta"])
    html = markdown.convert(header.clean_text(text, header.parse_header(text)))
    assert markdown.Meta == {"title": ["Bonjour"], "summary": ["En bref"], "legende": ["x"]}
    assert html == "<p>Du texte.</p>\n<p>Suite.</p>"


def test_a_field_written_twice_under_two_names_is_an_error_naming_both_lines():
    head = header.parse_header("Title: A\nRoom: B\nTitre : C\n\n")
    [problem] = header.duplicate_problems(head, "sessions/x.md")
    assert (problem.field, problem.line) == ("Titre", 3)
    assert problem.message == "le champ « Titre » (ligne 3) répète « Title » (ligne 1)"
    assert problem.fix == "gardez une seule de ces deux lignes (1 ou 3) et supprimez l'autre"


@pytest.mark.parametrize("written", ["15h", "15 h", "15h00", "15 h 00", "15:00", "15.00", "15H", "15\u00a0h"])
def test_every_usual_way_of_writing_a_time_is_read(written):
    assert schema.clock(written) == dt.time(15, 0)


def test_half_past_nine_and_what_is_refused():
    assert schema.clock("9h30") == schema.clock("09:30") == dt.time(9, 30)
    for wrong in ("24h", "15", "9h3", "9h75", "quinze heures"):
        with pytest.raises(schema.FieldError) as error:
            schema.clock(wrong)
        assert error.value.fix == "écrivez l'heure sous l'une de ces formes : 9h30, 15h, 15 h, 15h00, 15:00 ou 15.00"


@pytest.mark.parametrize(("written", "suggested"), [("Salles", "Salle"), ("Jours", "Jour"), ("Typ", "Type"), ("Speaker", "Speakers")])
def test_suggestions_consider_the_french_names(written, suggested):
    assert reading.unknown_field_fix(written, session_type().fields, "") == f"vouliez-vous écrire « {suggested} » ?"


def test_a_french_session_is_read_and_one_without_day_is_left_out():
    entity, problems, complete = reading.parse_entity(session_type(), "sessions/a.md", header.parse_header(SESSION_FR), None)
    assert problems == [] and complete
    assert (entity.title, entity.day, entity.start, entity.end, entity.room) == ("Atelier", dt.date(2018, 3, 1), dt.time(15), dt.time(16), "B")
    no_day = SESSION_FR.replace("Jour : 2018-03-01\n", "")
    _entity, problems, complete = reading.parse_entity(session_type(), "sessions/a.md", header.parse_header(no_day), None)
    assert not complete
    assert [(p.field, p.message) for p in problems] == [
        ("Jour", "le champ obligatoire « Jour » (Day) manque (séquence du programme) ; en attendant, ce fichier n'apparaît pas sur le site"),
    ]


DOC_SECTIONS = {
    "Intervenant·e": "speaker", "Séquence du programme": "session", "Partenaire": "partner",
    "Thème des ateliers": "theme", "Atelier": "workshop", "Proposition": "proposal", "Actualité": "article",
}


def test_format_documentation_lists_the_schema_fields_in_french_with_their_english_names():
    text = (PLUGINS.parent / "docs" / "format-contenu.md").read_text(encoding="utf-8")
    tables: dict[str, list[tuple[str, str, bool]]] = {}
    for section in text.split("\n## ")[1:]:
        title = section.split(" — ", 1)[0]
        rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| `")]
        tables[title] = [(row[0].strip("| `"), row[1].strip("`"), row[2] == "oui") for row in rows]
    fields = reading.scaffold_fields(read_event_settings({}))
    for title, kind in DOC_SECTIONS.items():
        assert tables[title] == [(f.label, f.name, f.required) for f in fields[kind]], title


def test_a_kind_is_read_by_its_value_or_its_french_label_in_any_case():
    kind = next(f for f in session_type().fields if f.name == "Kind")
    assert kind.parse("Table ronde") == kind.parse("table RONDE") == kind.parse("Round-Table") == "round-table"
    assert kind.parse("Conférence") == kind.parse("conference") == "keynote"
    with pytest.raises(schema.FieldError) as error:
        kind.parse("concert")
    assert error.value.fix.startswith("écrivez l'une de ces valeurs : welcome, opening, keynote")
    assert "(ou leur nom affiché : Accueil, Ouverture, Conférence" in error.value.fix


def test_a_tier_or_kind_written_in_the_singular_is_read():
    tier = next(f for f in reading.content_types(read_event_settings({}))[2].fields if f.name == "Tier")
    assert tier.parse("Partenaire") == tier.parse("partenaires") == "partner"
    assert tier.parse("Organisateur") == "organiser" and tier.parse("soutien") == "supporter"
    kind = next(f for f in session_type().fields if f.name == "Kind")
    assert kind.parse("Atelier") == kind.parse("Ateliers") == "workshop"


def test_an_image_path_copied_from_windows_or_with_content_in_front_is_read_as_meant():
    assert schema.image_path("images\\intervenants\\jeanne.jpg") == "images/intervenants/jeanne.jpg"
    assert schema.image_path("content/images/intervenants/jeanne.jpg") == "images/intervenants/jeanne.jpg"
    with pytest.raises(schema.FieldError) as error:
        schema.image_path("images/paul.HEIC")
    assert "exportez-la d'abord en JPEG" in error.value.fix
