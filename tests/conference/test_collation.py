"""Speakers sorted by family name with the Unicode Collation Algorithm, particles handled (no build: milliseconds)."""

from __future__ import annotations

import pytest
from event.collation import name_sort_key, split_name
from event.linking import link_event
from event.model import Event, Speaker
from event.settings import read_event_settings

# The list, in the order the raw last word gave: « …d'Alembert, d'Arcy, Étienne, Østergaard, Œuvrard ».
NAMES = ["Bruno d'Alembert", "Anne-Sophie d'Arcy", "Émile Étienne", "Sven Østergaard", "Hélène Œuvrard",
         "Zoé Zola", "Paul Orsini", "Marc Ebert", "Charles de Gaulle", "Joachim du Bellay", "Ludwig van Beethoven"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anne-Sophie d'Arcy", ("Anne-Sophie", "Arcy")),
        ("Bruno d’Alembert", ("Bruno", "Alembert")),
        ("Charles de Gaulle", ("Charles", "Gaulle")),
        ("Jean de La Fontaine", ("Jean", "La Fontaine")),
        ("Joachim du Bellay", ("Joachim", "du Bellay")),
        ("Ludwig van Beethoven", ("Ludwig", "Beethoven")),
        ("Hélène Œuvrard", ("Hélène", "Œuvrard")),
        ("Madonna", ("", "Madonna")),
    ],
)
def test_family_name_and_particles(name, expected):
    assert split_name(name) == expected


def test_speakers_sort_by_family_name_with_the_uca():
    event = Event(speakers=[Speaker(slug=f"s{i}", source_path="", name=name) for i, name in enumerate(NAMES)])
    link_event(event, read_event_settings({}))
    assert [s.name for s in event.speakers] == [
        "Bruno d'Alembert",  # A (d' left out)
        "Anne-Sophie d'Arcy",  # A
        "Ludwig van Beethoven",  # B (van left out)
        "Joachim du Bellay",  # D (du kept, French usage)
        "Marc Ebert",  # E
        "Émile Étienne",  # E, the accent second
        "Charles de Gaulle",  # G
        "Hélène Œuvrard",  # O: Œ is OE
        "Paul Orsini",
        "Sven Østergaard",  # O: Ø is O with a stroke
        "Zoé Zola",
    ]


def test_order_comes_first_and_equal_names_keep_a_stable_order():
    speakers = [Speaker(slug="b", source_path="", name="Ana Zola", order=0), Speaker(slug="a", source_path="", name="Zoé Abel", order=1),
                Speaker(slug="c", source_path="", name="Ana Zola", order=0)]
    event = Event(speakers=speakers)
    link_event(event, read_event_settings({}))
    assert [s.slug for s in event.speakers] == ["b", "c", "a"]


def test_same_family_name_sorts_by_given_name():
    assert sorted(["Émile Martin", "Anne Martin", "Zoé Martin"], key=name_sort_key) == ["Anne Martin", "Émile Martin", "Zoé Martin"]


def test_a_family_name_of_several_words_is_sorted_as_the_author_wrote_it():
    """« Karim Ben Salah » with « Nom_de_famille : Ben Salah » sorts under B, not under S (its last word)."""
    speakers = [Speaker(slug="k", source_path="", name="Karim Ben Salah", family_name="Ben Salah"),
                Speaker(slug="l", source_path="", name="Lucia De Santis"),
                Speaker(slug="m", source_path="", name="Marc Ebert"),
                Speaker(slug="r", source_path="", name="Rose Samson")]
    event = Event(speakers=speakers)
    link_event(event, read_event_settings({}))
    assert [s.slug for s in event.speakers] == ["k", "m", "r", "l"]  # De Santis, no Nom_de_famille: under S
    assert split_name("Karim  Ben Salah", "Ben  Salah") == ("Karim", "Ben Salah")


def test_a_family_name_that_is_not_the_end_of_the_name_is_a_problem(tmp_path):
    from event.validation import validate_event

    (tmp_path / "speakers").mkdir()
    (tmp_path / "speakers/karim.md").write_text("Nom : Karim Ben Salah\nNom_de_famille : Salah Ben\nFonction : Architecte\n", encoding="utf-8")
    speaker = Speaker(slug="karim", source_path="speakers/karim.md", name="Karim Ben Salah", family_name="Salah Ben")
    problems = [p for p in validate_event(Event(speakers=[speaker]), read_event_settings({}), tmp_path) if p.field == "Nom_de_famille"]
    assert len(problems) == 1
    assert (problems[0].file, problems[0].line) == ("speakers/karim.md", 2)
    assert "n'est pas la fin du nom" in problems[0].message
