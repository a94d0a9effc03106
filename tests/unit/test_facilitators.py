"""A workshop's Facilitators refer to speakers where they are speakers; an unknown identifier gets « vouliez-vous écrire »."""

from __future__ import annotations

from event.facilitators import looks_like_identifier
from event.linking import link_event
from event.validation import validate_event
from tests.unit.entities import SETTINGS
from tests.unit.test_linking import FILES, by_slug, event_of, linked, write


def with_facilitators(value: str) -> dict[str, str]:
    """FILES with the « espaces » workshop facilitated by VALUE (its Facilitateurs line is line 4)."""
    return {**FILES, "workshops/espaces.md": f"Titre : Espaces\nThème : organisation\nSéquence : ateliers\nFacilitateurs : {value}\n"}


def test_an_identifier_or_a_name_links_the_speaker_and_a_plain_name_stays_a_name():
    event = linked(with_facilitators("alice-martin, Bob Durand, Justine"))
    espaces = by_slug(event.workshops)["espaces"]
    speakers = by_slug(event.speakers)
    assert [(f.label, f.speaker) for f in espaces.facilitating] == [
        ("Alice Martin", speakers["alice-martin"]), ("Bob Durand", speakers["bob-durand"]), ("Justine", None)]
    speakers["alice-martin"].url = "intervenants/alice-martin/"  # set by the generator in a build
    assert [f.url for f in espaces.facilitating] == ["intervenants/alice-martin/", "", ""]
    assert speakers["alice-martin"].facilitates == [espaces] and speakers["bob-durand"].facilitates == [espaces]


def test_a_name_matches_whatever_its_case_and_accents_and_a_speaker_named_twice_is_listed_once():
    event = linked(with_facilitators("ALICE MARTIN, alice-martin"))
    alice = by_slug(event.speakers)["alice-martin"]
    assert [f.speaker for f in by_slug(event.workshops)["espaces"].facilitating] == [alice, alice]
    assert alice.facilitates == [by_slug(event.workshops)["espaces"]]


def test_relinking_a_copy_does_not_repeat_the_workshop():
    event = linked(with_facilitators("alice-martin"))
    for speaker in event.speakers:
        speaker.facilitates = []
    link_event(event, SETTINGS)
    assert [w.slug for w in by_slug(event.speakers)["alice-martin"].facilitates] == ["espaces"]


def test_what_looks_like_an_identifier():
    assert looks_like_identifier("alice-martin") and looks_like_identifier("justine")
    assert not looks_like_identifier("Justine") and not looks_like_identifier("Alice Martin") and not looks_like_identifier("")


def test_an_unknown_identifier_suggests_the_closest_speaker(tmp_path):
    files = with_facilitators("alice-martn, Justine, Bob Durand")
    problems = validate_event(event_of(files), SETTINGS, write(tmp_path, files))
    assert [(p.file, p.field, p.line, p.fix) for p in problems] == [
        ("workshops/espaces.md", "Facilitateurs", 4, "vouliez-vous écrire « alice-martin » ?")]
    assert problems[0].message.startswith("« alice-martn » ne correspond à aucun fichier d'intervenant (content/speakers/)")
    assert "majuscules" in problems[0].message  # a person's name is written with capitals: say so


def test_plain_names_are_never_problems(tmp_path):
    files = with_facilitators("Justine, Raphaël, Jean-Philippe")
    assert validate_event(event_of(files), SETTINGS, write(tmp_path, files)) == []
