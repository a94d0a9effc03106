"""The conference fields of a session, in English or French: accepted when right, refused in French when not."""

from __future__ import annotations

import pytest

from eventsite.build import build_site
from tests.conftest import SETTINGS, site_overrides
from tests.site.test_validation import session, strict_problems

GOOD = (
    "Statut : complète\nParticipation : hybride\nDiffusion : https://video.example.org/live\n"
    "Inscription : https://example.org/inscription\nAdresse : Fort Ganteaume, 13007 Marseille\nDifficulté : avancé\n"
    "Mots_clés : données, accessibilité\nSupports : https://example.org/s.pdf\nVidéo : https://video.example.org/v\n"
    "Capacité : 40\nParcours : Données\n"
)


def test_every_field_is_accepted_in_french_and_in_english(tmp_path, site):
    english = GOOD.replace("Statut :", "Status:").replace("Participation :", "Attendance:").replace("Diffusion :", "Stream:") \
        .replace("Capacité :", "Capacity:").replace("Parcours :", "Track:").replace("Vidéo :", "Video:").replace("Supports :", "Slides:")
    for extra in (GOOD, english):
        content = site({"sessions/x.md": session(extra=extra), "sessions/y.md": None})
        result = build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, content))
        assert result.warnings == []


@pytest.mark.parametrize(("extra", "where", "message"), [
    ("Diffusion : javascript:alert(1)\n", "sessions/x.md:7 [champ Diffusion]", "n'est pas une adresse web"),
    ("Registration : https://exa mple.org\n", "sessions/x.md:7 [champ Registration]", "contient un espace"),
    ("Vidéo : //video.example.org/v\n", "sessions/x.md:7 [champ Vidéo]", "n'est pas une adresse web"),
    ("Statut : supprimée\n", "sessions/x.md:7 [champ Statut]", "« supprimée » n'est pas une valeur connue → écrivez l'une de ces valeurs"),
    ("Participation : distanciel\n", "sessions/x.md:7 [champ Participation]", "n'est pas une valeur connue"),
    ("Capacité : 0\n", "sessions/x.md:7 [champ Capacité]", "n'est pas un nombre de places"),
    ("Modifié : hier\n", "sessions/x.md:7 [champ Modifié]", "« hier » n'est pas une date"),
])
def test_a_wrong_value_is_refused_with_file_line_field_and_fix(tmp_path, site, extra, where, message):
    problems = strict_problems(tmp_path, site({"sessions/x.md": session(extra=extra)}))
    assert any(p.startswith(where) and message in p and "→" in p for p in problems), problems


def test_the_conference_fields_are_documented_in_french_and_left_out_of_new_files():
    from event import reading, schema
    from event.settings import read_event_settings

    from tests.conftest import REPO

    text = (REPO / "docs/format-contenu.md").read_text(encoding="utf-8")
    section = text.split("\n## Séquence : champs de conférence")[1].split("\n## ")[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| `")]
    assert [(row[0].strip("| `"), row[1].strip("`")) for row in rows] == [(f.label, f.name) for f in schema.session_change_fields()]
    scaffolded = {f.name for f in reading.scaffold_fields(read_event_settings({}))["session"]}
    assert scaffolded.isdisjoint(f.name for f in schema.session_change_fields())
