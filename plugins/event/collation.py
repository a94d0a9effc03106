"""People's names sorted as a reader expects: by family name, particles handled, with the Unicode Collation Algorithm.

« Anne-Sophie d'Arcy » sorts under A, « Charles de Gaulle » under G, « Joachim du Bellay » under D
(French usage: « de » and « d' » are left out, the contracted articles « du », « des » and a
capitalised article are kept), « Ludwig van Beethoven » under B. Accents, ligatures and stroke
letters follow the UCA (pyuca, the DUCET): « Étienne » under E, « Œuvrard » and « Østergaard » under O.
"""

from __future__ import annotations

import functools
import re
from pyuca import Collator

from eventsite.collationtable import prepared_collator

# Words that may sit between the given names and the family name.
PARTICLES = frozenset({"de", "d'", "du", "des", "van", "von", "der", "den", "zu", "ten", "ter", "da", "di", "del", "della", "le", "la", "La", "Le", "Du", "Des"})
# Particles left out when sorting (French and Dutch/German usage); the others stay in front of the name.
LEFT_OUT = frozenset({"de", "d'", "van", "von", "der", "den", "zu", "ten", "ter"})
ELIDED = re.compile(r"^(d['’])(?=\w)")  # « d'Arcy », « d’Alembert »: the particle joined to the name


@functools.lru_cache(maxsize=1)
def collator() -> Collator:
    """The UCA collator, once per process: the table setup prepared (eventsite/collationtable.py, 0.02 s), else pyuca's (0.12 s)."""
    return prepared_collator() or Collator()


def name_words(name: str) -> list[str]:
    """The words of NAME, an elided particle split off: « Anne-Sophie d'Arcy » → Anne-Sophie, d', Arcy."""
    words: list[str] = []
    for word in name.split():
        elided = ELIDED.match(word)
        words += [elided.group(1).replace("’", "'"), word[elided.end():]] if elided else [word]
    return words


def split_name(name: str, family_name: str = "") -> tuple[str, str]:
    """(given names, family name as sorted): « Charles de Gaulle » → (« Charles », « Gaulle »).

    FAMILY_NAME, when the author gave it and NAME ends with it, is the family name as written:
    « Karim Ben Salah », « Ben Salah » → (« Karim », « Ben Salah »).
    """
    name, family_name = " ".join(name.split()), " ".join(family_name.split())
    if family_name and names_end_with(name, family_name):
        return name[: -len(family_name)].strip(), family_name
    words = name_words(name)
    if len(words) < 2:
        return "", name.strip()
    first_family = len(words) - 1
    while first_family > 1 and words[first_family - 1] in PARTICLES:
        first_family -= 1
    family = words[first_family:]
    while len(family) > 1 and family[0] in LEFT_OUT:
        family = family[1:]
    return " ".join(words[:first_family]), " ".join(family)


def names_end_with(name: str, family_name: str) -> bool:
    """Whether NAME ends with the whole words of FAMILY_NAME (« Karim Ben Salah », « Ben Salah »)."""
    name, family_name = " ".join(name.split()), " ".join(family_name.split())
    return bool(family_name) and (name == family_name or name.endswith(" " + family_name))


def name_sort_key(name: str, family_name: str = "") -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The key that sorts NAME by family name (FAMILY_NAME when given), then given names, with the UCA."""
    given, family = split_name(name, family_name)
    return collator().sort_key(family), collator().sort_key(given)

