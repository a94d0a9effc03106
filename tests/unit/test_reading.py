"""Reading one file's header into an entity: every event type, French names, required and repeated fields."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.entities import entity, read


def test_a_speaker_written_in_french():
    speaker = entity("speaker", "Nom : Jeanne Dupont\nFonction : Directrice\nOrganisme : Ville de Lyon\n"
                                "Photo : images\\intervenants\\jeanne.jpg\nTexte_alternatif : Jeanne sourit\n"
                                "Liens : https://a.example, https://b.example\nOrdre : 2\n\nBio.\n", "speakers/Jeanne Dupont.md")
    assert (speaker.slug, speaker.name, speaker.role, speaker.organisation) == ("jeanne-dupont", "Jeanne Dupont", "Directrice", "Ville de Lyon")
    assert (speaker.photo, speaker.photo_alt, speaker.order) == ("images/intervenants/jeanne.jpg", "Jeanne sourit", 2)
    assert speaker.links == ("https://a.example", "https://b.example")
    assert speaker.initials == "JD"


def test_a_session_in_english_names_and_one_in_french_are_the_same():
    english = entity("session", "Title: Table ronde\nDay: 2018-03-01\nStart: 09:30\nEnd: 11:00\nRoom: Amphi\n"
                                "Kind: round-table\nSpeakers: alice-martin, bob-durand\nModerators: chloe\n")
    french = entity("session", "Titre : Table ronde\nJour : 2018-03-01\nDébut : 9h30\nFin : 11 h\nLieu : Amphi\n"
                               "Type : table RONDE\nIntervenant·es : alice-martin, bob-durand\nModération : chloe\n")
    for session in (english, french):
        assert (session.title, session.day, session.start, session.end) == ("Table ronde", dt.date(2018, 3, 1), dt.time(9, 30), dt.time(11))
        assert (session.room, session.kind) == ("Amphi", "round-table")
        assert session.speaker_slugs == ("alice-martin", "bob-durand") and session.moderator_slugs == ("chloe",)


def test_a_partner_a_theme_a_workshop_and_a_proposal():
    partner = entity("partner", "Nom : IRA\nNiveau : Partenaire\nSite_web : https://ira.example\nOrdre : 3\n")
    assert (partner.name, partner.tier, partner.website, partner.order) == ("IRA", "partner", "https://ira.example", 3)
    theme = entity("theme", "Titre : Organisation du travail\nOrdre : 1\n")
    assert (theme.title, theme.order) == ("Organisation du travail", 1)
    workshop = entity("workshop", "Titre : Espaces\nThème : organisation\nSéquence : ateliers\nAnimateurs : Justine, Marc\n")
    assert (workshop.theme_slug, workshop.session_slug, workshop.facilitators) == ("organisation", "ateliers", ("Justine", "Marc"))
    proposal = entity("proposal", "Titre : Tiers-lieux\nAtelier : espaces\nExemple : oui\n")
    assert (proposal.workshop_slug, proposal.theme_slug, proposal.example) == ("espaces", "", True)


def test_a_missing_required_field_is_named_in_french_and_english():
    speaker, problems, complete = read("speaker", "Nom : Jeanne Dupont\n\nBio.\n")
    assert complete and speaker.name == "Jeanne Dupont"  # a role is not needed to place a speaker
    assert [(p.field, p.message) for p in problems] == [("Fonction", "le champ obligatoire « Fonction » (Role) manque (intervenant)")]
    assert problems[0].fix == "ajoutez en tête du fichier une ligne « Fonction : … » (fonction, en une ligne, ex. Directrice de l'innovation)"


def test_a_session_without_its_time_cannot_be_placed():
    _session, problems, complete = read("session", "Titre : A\nJour : 2018-03-01\nFin : 10h\nSalle : B\nType : talk\n")
    assert not complete
    assert [p.field for p in problems] == ["Début"] and "n'apparaît pas sur le site" in problems[0].message


def test_a_field_written_twice_is_told_with_both_lines_and_the_first_is_kept():
    theme, problems, _ = read("theme", "Title: Premier\nOrdre : 1\nTitre : Second\n")
    assert theme.title == "Premier"
    assert [(p.field, p.line, p.message) for p in problems] == [
        ("Titre", 3, "le champ « Titre » (ligne 3) répète « Title » (ligne 1)"),
    ]


def test_an_unknown_field_gets_the_closest_name():
    _session, problems, _ = read("session", "Titre : A\nJour : 2018-03-01\nDébut : 9h\nFin : 10h\nSalles : B\nType : talk\n")
    told = {p.field: p for p in problems}
    assert told["Salles"].message == "champ inconnu (séquence du programme)" and told["Salles"].line == 5
    assert told["Salles"].fix == "vouliez-vous écrire « Salle » ?"
    _theme, problems, _ = read("theme", "Titre : A\nCouleur : bleu\n")
    assert problems[0].fix == "champs possibles : Titre, Ordre"


def test_a_placeholder_left_by_a_scaffold_is_not_taken_as_a_value():
    speaker, problems, _ = read("speaker", "Nom : Jeanne\nFonction : [à compléter : fonction, en une ligne]\n")
    assert speaker.role == ""
    assert [(p.field, p.line) for p in problems] == [("Fonction", 2)] and "n'est pas rempli" in problems[0].message


@pytest.mark.parametrize(("text", "field", "words"), [
    ("Titre : A\nJour : 01/03/2018\nDébut : 9h\nFin : 10h\nSalle : B\nType : talk\n", "Jour", "n'est pas une date"),
    ("Titre : A\nJour : 2018-03-01\nDébut : 9h\nFin : 25h\nSalle : B\nType : talk\n", "Fin", "n'est pas une heure"),
    ("Titre : A\nJour : 2018-03-01\nDébut : 9h\nFin : 10h\nSalle : B\nType : concert\n", "Type", "n'est pas une valeur connue"),
    ("Titre : A\nJour : 2018-03-01\nDébut : 9h\nFin : 10h\nSalle : B\nType : talk\nIntervenants : Alice Martin\n", "Intervenants",
     "n'est pas un identifiant"),
])
def test_a_value_that_cannot_be_read_names_its_field_and_line(text, field, words):
    _session, problems, _ = read("session", text)
    [problem] = problems
    assert problem.field == field and words in problem.message and problem.line == text.split("\n").index(
        next(line for line in text.split("\n") if line.startswith(field))) + 1
