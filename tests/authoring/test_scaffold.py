"""Each scaffold writes every field with a placeholder; filled in, the file builds without a warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from eventsite.build import BuildFailed, build_site
from eventsite.check import scaffold_schema
from eventsite.scaffold import SCAFFOLDS, ScaffoldError, create, scaffold_fields
from tests.conftest import SETTINGS, parse, site_overrides

# What a person would write in place of each placeholder (optional fields are kept, filled in), by French name.
FILLED = {
    "speaker": {"Fonction": "Directrice", "Organisation": "Ville de Lyon", "Photo": None, "Description_photo": None,
                "Liens": "https://example.org", "Ordre": "3"},
    "session": {"Jour": "2018-03-01", "Début": "14h", "Fin": "15 h", "Salle": "Salle B", "Type": "talk",
                "Intervenants": "alice-martin", "Animation": "bob-durand"},
    "partner": {"Niveau": "partner", "Site": "https://example.org", "Logo": None, "Ordre": "2"},
    "proposal": {"Atelier": "espaces", "Thème": "organisation", "Exemple": "non", "Ordre": "1"},
    "track": {"Couleur": "#1d4f91", "Ordre": "1"},
    "article": {"Date": "2018-03-06 09:00", "Résumé": "En bref.", "Galerie": None},
    "gallery": {"Date": "2018-03-01", "Crédit": "Service communication", "Licence": "CC BY 4.0",
                "Licence_url": "https://creativecommons.org/licenses/by/4.0/", "Ordre": None, "Retraits": None},
}


@pytest.fixture(scope="module")
def schema():
    """Each kind's fields as the event plugin's schema declares them for the repository's settings."""
    return scaffold_schema(SETTINGS)[1]


def fill(text: str, values: dict[str, str | None]) -> str:
    """Replace each header placeholder by its value (None: remove the line) and each body placeholder by a sentence."""
    lines = []
    for line in text.splitlines():
        field = line.split(" : ", 1)[0]
        if field in values and "[" in line:
            if values[field] is not None:
                lines.append(f"{field} : {values[field]}")
            continue
        if re.fullmatch(r"#* ?\[[^\]]+\]", line.strip()):
            line = "## photo.jpg" if line.startswith("#") else "Un vrai texte."
        elif re.fullmatch(r"\w+ : \[[^\]]+\]", line):
            line = line.split(" : ", 1)[0] + " : Une vraie valeur"
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("kind", sorted(SCAFFOLDS))
def test_scaffold_writes_the_schema_fields_in_french_with_a_note(tmp_path, site, schema, kind):
    path = create(kind, "Jeanne Dupont", site(), schema)
    text = path.read_text(encoding="utf-8")
    fields = scaffold_fields(SCAFFOLDS[kind], schema)
    # The scaffold's names, required flags and help are the schema's, in French (the gallery's too),
    # less the fields left out of new files (a session's conference fields).
    assert [(f.name, f.required, f.advised) for f in fields] == [
        (f.label, f.required, f.advised) for f in schema[kind].fields if f.scaffold
    ]
    header = text.split("\n\n", 1)[0].splitlines()
    assert header[0] == f"{fields[0].name} : Jeanne Dupont"
    assert [line.split(" : ")[0] for line in header[1:]] == [f.name for f in fields[1:]]
    assert all(re.fullmatch(r"\w+ : \[.+\]", line) for line in header[1:])
    assert "<!--" in text and "Mode d'emploi" in text
    for field in fields[1:]:
        assert f"- {field.name} : {field.help}" in text


def test_scaffolds_write_french_names(tmp_path, schema):
    text = create("session", "Essai", tmp_path, schema).read_text(encoding="utf-8")
    assert [line.split(" : ")[0] for line in text.split("\n\n", 1)[0].splitlines()] == [
        "Titre", "Jour", "Début", "Fin", "Salle", "Type", "Intervenants", "Animation",
    ]
    text = create("partner", "Essai", tmp_path, schema).read_text(encoding="utf-8")
    assert text.startswith("Nom : Essai\nNiveau : [niveau de partenariat, l'une de : Organisateurs, Partenaires, Soutiens]\nSite : [")


# A room file makes every session name a room file: the seminar's free-text rooms would all be unknown. The new room
# is built in the conference instead (tests/conference/test_programme_views.py).
@pytest.mark.parametrize("kind", sorted(set(SCAFFOLDS) - {"room"}))
def test_filled_scaffold_builds_without_warning(tmp_path, site, schema, kind):
    content = site()
    path = create(kind, "Jeanne Dupont", content, schema)
    path.write_text(fill(path.read_text(encoding="utf-8"), FILLED[kind]), encoding="utf-8")
    if kind == "gallery":  # the filled scaffold describes photo.jpg: drop it in the folder
        Image.new("RGB", (640, 480), (40, 90, 160)).save(path.parent / "photo.jpg", quality=85)
    out = tmp_path / "output"
    result = build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content, GALLERY_PROCESSES=1))
    assert result.warnings == []
    if kind == "speaker":
        assert parse(out / "intervenants/jeanne-dupont/index.html").select_one(".lead").get_text(strip=True) == "Directrice · Ville de Lyon"
    if kind == "gallery":
        image = parse(out / "galeries/jeanne-dupont/index.html").select_one("main picture img")
        assert image["alt"] == "Une vraie valeur"
    if kind == "session":
        assert parse(out / "programme/index.html").select_one("#jeanne-dupont .session__title").get_text() == "Jeanne Dupont"


@pytest.mark.parametrize("kind", sorted(SCAFFOLDS))
def test_unfilled_scaffold_fails_the_strict_build_naming_the_file(tmp_path, site, schema, kind):
    content = site()
    path = create(kind, "Jeanne Dupont", content, schema)
    with pytest.raises(BuildFailed) as failure:
        build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, content))
    relpath = path.relative_to(content).as_posix()
    assert any(relpath in p and "n'est pas rempli" in p for p in failure.value.problems)


def test_scaffold_never_overwrites(tmp_path, site, schema):
    content = site()
    with pytest.raises(ScaffoldError, match="existe déjà"):
        create("speaker", "Alice Martin", content, schema)
    assert (content / "speakers/alice-martin.md").read_text(encoding="utf-8").startswith("Name: Alice Martin\nRole: Directrice")


def test_scaffold_file_name_is_the_slug(tmp_path: Path, schema):
    assert create("session", "Table ronde : l'État", tmp_path, schema).name == "table-ronde-l-etat.md"
    assert create("gallery", "La journée", tmp_path, schema).relative_to(tmp_path).as_posix() == "galleries/la-journee/gallery.md"


def test_scaffold_lists_the_kinds_and_tiers_of_this_event(tmp_path):
    content, fields = scaffold_schema(Path(__file__).resolve().parent / "second_event" / "settings.py")
    assert content.name == "content"
    text = create("session", "Essai", tmp_path, fields).read_text(encoding="utf-8")
    assert "Type : [type de séquence, l'une de : Keynote, Talk, Workshop, Break]" in text
    assert "Niveau : [niveau de partenariat, l'une de : Organisers, Sponsors]" in create("partner", "Essai", tmp_path, fields).read_text(encoding="utf-8")


def test_new_file_message_gives_the_check_command_to_type(tmp_path, schema, monkeypatch, capsys):
    from eventsite import __main__ as cli
    from eventsite.commands import invoke_command

    monkeypatch.setattr(cli, "scaffold_schema", lambda _settings: (tmp_path / "content", schema))
    assert cli.main(["new", "speaker", "Zoé Martin"]) == 0
    out = capsys.readouterr().out
    assert f"Fichier créé : {tmp_path / 'content' / 'speakers' / 'zoe-martin.md'}" in out
    assert "puis lancez « .venv/bin/invoke check »." in out  # what the author types, not « invoke check »
    assert invoke_command("check", windows=True) == r".venv\Scripts\invoke check"
