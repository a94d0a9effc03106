"""Linking the read entities both ways, and the references that name no file (with « vouliez-vous écrire »)."""

from __future__ import annotations

from pathlib import Path

from event.linking import link_event
from event.model import Event
from event.validation import validate_event
from tests.unit.entities import SETTINGS, entity

FILES = {
    "speakers/alice-martin.md": "Nom : Alice Martin\nFonction : Directrice\n",
    "speakers/bob-durand.md": "Nom : Bob Durand\nFonction : Animateur\n",
    "sessions/table-ronde.md": "Titre : Table ronde\nJour : 2018-03-01\nDébut : 9h30\nFin : 11h\nSalle : Amphi\nType : round-table\n"
                               "Intervenants : alice-martin, bob-durand\nAnimation : bob-durand\n",
    "sessions/ateliers.md": "Titre : Ateliers\nJour : 2018-03-01\nDébut : 11h\nFin : 12h\nSalle : Salles\nType : workshop\n",
    "themes/organisation.md": "Titre : Organisation\nOrdre : 2\n",
    "themes/outils.md": "Titre : Outils\nOrdre : 1\n",
    "workshops/espaces.md": "Titre : Espaces\nThème : organisation\nSéquence : ateliers\n",
    "workshops/logiciels.md": "Titre : Logiciels\nThème : outils\n",
    "proposals/tiers-lieux.md": "Titre : Tiers-lieux\nAtelier : espaces\n",
}
KINDS = {"speakers": "speaker", "sessions": "session", "themes": "theme", "workshops": "workshop", "proposals": "proposal"}


def event_of(files: dict[str, str]) -> Event:
    """The event read from FILES (path → text), not yet linked."""
    event = Event()
    for path, text in files.items():
        folder = path.split("/")[0]
        getattr(event, folder).append(entity(KINDS[folder], text, path))
    return event


def linked(files: dict[str, str] = FILES) -> Event:
    """The event read from FILES and linked with the default settings."""
    event = event_of(files)
    link_event(event, SETTINGS)
    return event


def by_slug(entities):
    return {e.slug: e for e in entities}


def test_a_session_links_its_speakers_and_moderators_and_each_speaker_its_sessions():
    event = linked()
    session = by_slug(event.sessions)["table-ronde"]
    speakers = by_slug(event.speakers)
    assert session.speakers == [speakers["alice-martin"], speakers["bob-durand"]]
    assert session.moderators == [speakers["bob-durand"]]
    assert session.kind_label == "Table ronde"
    assert speakers["bob-durand"].sessions == [session]  # speaking and moderating: listed once
    assert speakers["alice-martin"].sessions == [session]


def test_a_workshop_links_its_theme_and_session_and_a_proposal_takes_its_workshops_theme():
    event = linked()
    themes, workshops = by_slug(event.themes), by_slug(event.workshops)
    espaces = workshops["espaces"]
    assert espaces.theme is themes["organisation"] and themes["organisation"].workshops == [espaces]
    assert espaces.session is by_slug(event.sessions)["ateliers"] and espaces.session.workshops == [espaces]
    [proposal] = event.proposals
    assert proposal.workshop is espaces and espaces.proposals == [proposal]
    assert proposal.theme_slug == "organisation" and proposal.theme is themes["organisation"]
    assert themes["organisation"].proposals == [proposal]


def test_themes_and_workshops_follow_the_order_field():
    event = linked()
    assert [t.slug for t in event.themes] == ["outils", "organisation"]
    assert [w.slug for w in event.workshops] == ["logiciels", "espaces"]  # by their theme's order first
    assert [s.slug for s in event.programme[0].slots[0].sessions] == ["table-ronde"]


def write(root: Path, files: dict[str, str]) -> Path:
    """FILES written under ROOT (the references' lines are read back from them)."""
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_an_unknown_reference_suggests_the_closest_identifier(tmp_path):
    files = {**FILES, "sessions/table-ronde.md": FILES["sessions/table-ronde.md"].replace("bob-durand\nAnimation", "bob-duran\nAnimation"),
             "workshops/logiciels.md": "Titre : Logiciels\nThème : outil\n"}
    event = event_of(files)
    problems = validate_event(event, SETTINGS, write(tmp_path, files))
    told = {(p.file, p.field, p.line): (p.message, p.fix) for p in problems}
    assert told == {
        ("sessions/table-ronde.md", "Intervenants", 7): (
            "« bob-duran » ne correspond à aucun fichier d'intervenant (content/speakers/)", "vouliez-vous écrire « bob-durand » ?"),
        ("workshops/logiciels.md", "Thème", 2): (
            "« outil » ne correspond à aucun fichier de thème (content/themes/)", "vouliez-vous écrire « outils » ?"),
    }
    link_event(event, SETTINGS)  # the unknown one is left out of the links, the others stay
    assert [s.slug for s in by_slug(event.sessions)["table-ronde"].speakers] == ["alice-martin"]


def test_an_unknown_reference_with_nothing_close_lists_what_exists(tmp_path):
    files = {**FILES, "proposals/tiers-lieux.md": "Titre : Tiers-lieux\nAtelier : jardinage\n"}
    [problem] = validate_event(event_of(files), SETTINGS, write(tmp_path, files))
    assert (problem.field, problem.line) == ("Atelier", 2)
    assert problem.fix == "écrivez l'identifiant d'un fichier existant (espaces, logiciels) ou créez le fichier"
