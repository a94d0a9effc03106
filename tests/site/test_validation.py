"""Content errors: each names its file, field and fix; all are reported together; strict builds write nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eventsite.build import BuildFailed, build_site
from tests.conftest import SETTINGS, site_overrides

SESSION = "Title: {title}\nDay: 2018-03-01\nStart: {start}\nEnd: {end}\nRoom: {room}\nKind: {kind}\n{extra}\nTexte.\n"


def session(title="S", start="14:00", end="15:00", room="Salle Z", kind="talk", extra=""):
    return SESSION.format(title=title, start=start, end=end, room=room, kind=kind, extra=extra)


def strict_problems(tmp_path: Path, content: Path) -> list[str]:
    with pytest.raises(BuildFailed) as failure:
        build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, content))
    return failure.value.problems


CASES = {
    "unknown speaker": (
        {"sessions/x.md": session(extra="Speakers: alice-martin, zoe-inconnue\n")},
        "sessions/x.md:7 [champ Speakers]", "« zoe-inconnue » ne correspond à aucun fichier d'intervenant",
    ),
    "misspelt speaker": (
        {"sessions/x.md": session(extra="Speakers: alice-martn\n")},
        "sessions/x.md:7 [champ Speakers]", "« alice-martn » ne correspond à aucun fichier d'intervenant (content/speakers/) → vouliez-vous écrire « alice-martin » ?",
    ),
    "unknown moderator": (
        {"sessions/x.md": session(extra="Moderators: personne\n")},
        "sessions/x.md:7 [champ Moderators]", "« personne » ne correspond à aucun fichier",
    ),
    "unknown theme": (
        {"workshops/w.md": "Title: W\nTheme: inexistant\n\nQ.\n"},
        "workshops/w.md:2 [champ Theme]", "« inexistant » ne correspond à aucun fichier de thème",
    ),
    "unknown workshop": (
        {"proposals/p.md": "Title: P\nWorkshop: nulle-part\n\nT.\n"},
        "proposals/p.md:2 [champ Workshop]", "« nulle-part » ne correspond à aucun fichier d'atelier",
    ),
    "theme differs from workshop": (
        {"themes/autre.md": "Title: Autre\n\nT.\n", "proposals/p.md": "Title: P\nWorkshop: espaces\nTheme: autre\n\nT.\n"},
        "proposals/p.md:3 [champ Theme]", "n'est pas celui de l'atelier",
    ),
    "duplicate slug": (
        {"speakers/archives/alice-martin.md": "Name: Alice Bis\nRole: R\n\nB.\n"},
        "speakers/archives/alice-martin.md", "l'identifiant « alice-martin » est déjà pris",
    ),
    "end before start": (
        {"sessions/x.md": session(start="15:00", end="14:00")},
        "sessions/x.md:4 [champ End]", "la fin (14:00) n'est pas après le début (15:00)",
    ),
    "overlap in a room": (
        {"sessions/x.md": session(start="10:00", end="10:30", room="Amphi")},
        "sessions/x.md:3 [champ Start]", "la salle « Amphi » est déjà occupée de 09:30 à 11:00",
    ),
    "missing image": (
        {"speakers/bob-durand.md": "Name: Bob\nRole: R\nPhoto: images/bob.jpg\n\nB.\n"},
        "speakers/bob-durand.md:3 [champ Photo]", "l'image « images/bob.jpg » est introuvable",
    ),
    "unknown tier": (
        {"partners/p.md": "Name: P\nTier: gold\n\nP.\n"},
        "partners/p.md:2 [champ Tier]", "« gold » n'est pas une valeur connue → écrivez l'une de ces valeurs : organiser, partner, supporter",
    ),
    "unknown kind": (
        {"sessions/x.md": session(kind="party")},
        "sessions/x.md:6 [champ Kind]", "« party » n'est pas une valeur connue",
    ),
    "missing required field": (
        {"speakers/c.md": "Name: C\n\nB.\n"},
        "speakers/c.md [champ Fonction]", "le champ obligatoire « Fonction » (Role) manque",
    ),
    "misspelt field": (
        {"sessions/x.md": session(extra="Speaker: alice-martin\n")},
        "sessions/x.md:7 [champ Speaker]", "vouliez-vous écrire « Speakers » ?",
    ),
    "bad time": (
        {"sessions/x.md": session(start="9h75")},
        "sessions/x.md:3 [champ Start]", "« 9h75 » n'est pas une heure",
    ),
    "date outside the event": (
        {"sessions/x.md": session().replace("2018-03-01", "2018-04-01")},
        "sessions/x.md:2 [champ Day]", "hors des dates de l'événement",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_error_names_file_field_and_fix(tmp_path, site, case):
    changes, where, message = CASES[case]
    problems = strict_problems(tmp_path, site(changes))
    matching = [p for p in problems if p.startswith(where) and message in p]
    assert matching, problems
    assert all("→" in p for p in problems), "every problem says what to do"


def test_all_errors_are_reported_together(tmp_path, site):
    content = site({
        "sessions/x.md": session(start="15:00", end="14:00", kind="party", extra="Speakers: zoe\n"),
        "partners/p.md": "Name: P\nTier: gold\n\nP.\n",
        "workshops/w.md": "Title: W\nTheme: inexistant\n\nQ.\n",
        "speakers/c.md": "Name: C\n\nB.\n",
    })
    problems = strict_problems(tmp_path, content)
    fields = {p.split(" : ")[0] for p in problems}
    assert {
        "sessions/x.md:4 [champ End]", "sessions/x.md:6 [champ Kind]", "sessions/x.md:7 [champ Speakers]",
        "partners/p.md:2 [champ Tier]", "workshops/w.md:2 [champ Theme]", "speakers/c.md [champ Fonction]",
    } <= fields


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_strict_build_with_a_broken_reference_leaves_output_as_it_was(tmp_path, site):
    content = site()
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content))
    before = tree_digest(out)
    assert "programme/index.html" in before
    broken = site({"sessions/ouverture.md": session(title="Ouverture", start="09:00", end="09:30", room="Amphi", kind="opening", extra="Speakers: inconnu\n")})
    with pytest.raises(BuildFailed) as failure:
        build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, broken))
    assert any(p.startswith("sessions/ouverture.md:7 [champ Speakers]") for p in failure.value.problems)
    assert tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


def test_strict_build_into_an_empty_place_creates_nothing(tmp_path, site):
    content = site({"partners/p.md": "Name: P\nTier: gold\n\nP.\n"})
    with pytest.raises(BuildFailed):
        build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, content))
    assert not (tmp_path / "output").exists()


def test_normal_build_warns_and_goes_on(tmp_path, site):
    content = site({"sessions/x.md": session(extra="Speakers: zoe-normale\n")})
    result = build_site(SETTINGS, tmp_path / "output", strict=False, overrides=site_overrides(tmp_path, content))
    assert any("zoe-normale" in w for w in result.warnings)
    assert (tmp_path / "output/programme/index.html").is_file()


def test_a_build_that_fails_its_checks_is_not_moved_into_place(tmp_path, site):
    content = site()
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content))
    before = tree_digest(out)
    changed = site({"speakers/alice-martin.md": "Name: Alice Martin\nRole: Nouvelle fonction\n\nBio.\n"})
    seen: list[Path] = []

    def verify(folder: Path) -> list[str]:
        seen.append(folder)
        assert "Nouvelle fonction" in (folder / "intervenants/alice-martin/index.html").read_text(encoding="utf-8")
        return ["index.html : lien mort vers nulle-part/"]

    with pytest.raises(BuildFailed) as failure:
        build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, changed), verify=verify)
    assert failure.value.problems == ["index.html : lien mort vers nulle-part/"]
    assert seen and not seen[0].exists()
    assert tree_digest(out) == before


def test_a_warning_an_earlier_build_logged_still_fails_a_strict_build(tmp_path, site):
    # Pelican's LimitFilter drops a message already logged in the process: without a fresh log
    # per build, a second build in one process (tests, invoke, the preview) would pass strict mode.
    content = site({"pages/extra.md": "Title: Extra\n\nVoir [ceci]({filename}/nulle-part.md).\n"})
    first = build_site(SETTINGS, tmp_path / "1" / "output", strict=False, overrides=site_overrides(tmp_path / "1", content))
    assert any("nulle-part.md" in w for w in first.warnings)
    with pytest.raises(BuildFailed) as failure:
        build_site(SETTINGS, tmp_path / "2" / "output", strict=True, overrides=site_overrides(tmp_path / "2", content))
    assert any("nulle-part.md" in p for p in failure.value.problems)
