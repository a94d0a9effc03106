"""The text rules on plain strings."""

import pytest
from typography.rules import NBSP, NNBSP, typographer_fr, typographer_fr_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bonjour!", f"Bonjour{NNBSP}!"),
        ("Bonjour !", f"Bonjour{NNBSP}!"),
        ("Ça va?", f"Ça va{NNBSP}?"),
        ("Oui; non", f"Oui{NNBSP}; non"),
        ("Note: lire", f"Note{NBSP}: lire"),
        ("Note : lire", f"Note{NBSP}: lire"),
        ("Quoi?!", f"Quoi{NNBSP}?!"),
        ("Vraiment !!", f"Vraiment{NNBSP}!!"),
        ("«Bonjour»", f"«{NBSP}Bonjour{NBSP}»"),
        ("« Bonjour »", f"«{NBSP}Bonjour{NBSP}»"),
        ("à 9h30", f"à 9{NBSP}h{NBSP}30"),
        ("à 9 h 30", f"à 9{NBSP}h{NBSP}30"),
        ("à 09:30.", f"à 9{NBSP}h{NBSP}30."),
        ("dès 14h", f"dès 14{NBSP}h"),
        ("100% et 20 € pour 5km", f"100{NBSP}% et 20{NBSP}€ pour 5{NBSP}km"),
    ],
)
def test_rule_applies(text: str, expected: str) -> None:
    assert typographer_fr(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "http://a.b/c?d=e:f",
        "voir www.exemple.fr/page?x=1",
        "il est 10:30:00",
        "Jean 3:16",
        "Super :) et ;) et :-)",
        "3 hommes et 2 heures",
        "100 managers",
        "a:b et a?b",
        "(!) et (?)",
    ],
)
def test_rule_leaves_alone(text: str) -> None:
    assert typographer_fr(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le 1er", "le 1<sup>er</sup>"),
        ("la 1re", "la 1<sup>re</sup>"),
        ("les 1ers", "les 1<sup>ers</sup>"),
        ("le 2e", "le 2<sup>e</sup>"),
        ("XXIe siècle", "XXI<sup>e</sup> siècle"),
        ("François Ier", "François I<sup>er</sup>"),
    ],
)
def test_ordinals(text: str, expected: str) -> None:
    assert typographer_fr_html(text) == expected


@pytest.mark.parametrize("text", ["Le De Me", "1ern 2eme", "#2e2e2e", "1e5", "XXIes-"])
def test_ordinals_only_whole_words(text: str) -> None:
    assert typographer_fr_html(text) == text


def test_plain_text_gets_no_markup() -> None:
    assert typographer_fr("Le 1er jour !") == f"Le 1er jour{NNBSP}!"


def test_context_before_fragment() -> None:
    assert typographer_fr("!", before="mot") == f"{NNBSP}!"
    assert typographer_fr("!", before="mot ") == "!"
    assert typographer_fr("!") == "!"


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour! «Oui» le 1er à 9h30: 100% ; 09:30?",
        "«\u00a0déjà\u00a0» fait\u202f!",
    ],
)
def test_idempotent(text: str) -> None:
    once = typographer_fr_html(text)
    assert typographer_fr_html(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'État", "l’État"),
        ("aujourd'hui", "aujourd’hui"),
        ('un "buffet" gratuit', f"un «{NBSP}buffet{NBSP}» gratuit"),
        ('"Oui", dit-il.', f"«{NBSP}Oui{NBSP}», dit-il."),
        ('de "Ubérisons l\'État" !', f"de «{NBSP}Ubérisons l’État{NBSP}»{NNBSP}!"),
        ('("x")', f"(«{NBSP}x{NBSP}»)"),
    ],
)
def test_straight_quotes_made_french(text: str, expected: str) -> None:
    assert typographer_fr(text) == expected


@pytest.mark.parametrize(
    "text",
    ["un écran de 5\" et", 'a "b', 'x = "y"z', "'début", "http://a.fr/l'x?q=\"y\"", "3'"],
)
def test_quotes_left_alone(text: str) -> None:
    assert typographer_fr(text) == text


def test_quotes_can_be_switched_off() -> None:
    assert typographer_fr('l\'atelier "x" !', quotes=False) == f'l\'atelier "x"{NNBSP}!'
