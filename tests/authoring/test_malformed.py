"""Malformed and French-written content through real builds: one French message with file and fix, everywhere, never a traceback.

One site holds every case; `python -m eventsite check`, `build` and `build --strict` run on it once
as an author runs them, and each case is looked for in the event generator's problems and in
the three outputs.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from eventsite.check import check_content
from tests.conftest import BASE_SITE, REPO, SETTINGS, parse, site_overrides, write_site

UTF8_FIX = (
    "enregistrez le fichier en UTF-8 : dans le Bloc-notes, « Fichier › Enregistrer sous », Encodage « UTF-8 » ; "
    "dans Word, « Enregistrer sous › Texte brut (.txt) », puis Codage « Unicode (UTF-8) » ; "
    "dans VS Code, cliquez sur l'encodage en bas à droite, « Enregistrer avec l'encodage › UTF-8 »"
)
TIME_FIX = "écrivez l'heure sous l'une de ces formes : 9h30, 15h, 15 h, 15h00, 15:00 ou 15.00"

# Files written as authors write them, each read as they meant it: no problem may name them.
FORGIVEN: dict[str, str] = {
    "sessions/en-francais.md": (
        "Titre : Atelier du soir\nJour : 2018-03-01\nDébut : 15h\nFin : 16 h\nSalle : Salle B\nType : Intervention\n"
        "Intervenants : alice-martin\nAnimation : bob-durand\n\nDe 15 h à 16 h.\n"
    ),
    "speakers/espace-insecable.md": "Nom\u00a0: Claire Insécable\nFonction\u202f: Cheffe de projet\n\nSa biographie.\n",
    "speakers/espace.md": "Name : Denis Espace\nRole : Chargé de mission\n\nSa biographie.\n",
    "partners/bom.md": "\ufeffNom : Ville de Bom\nNiveau : partner\nSite : https://example.org\n\nUn partenaire.\n",
    "news/en-francais.md": "Titre : Nouvelle en français\nDate : 2018-03-06 10:00\nRésumé : En bref.\n\nLe texte.\n",
    "pages/derniere-ligne.md": "Titre : Page du dernier champ\n\nLe texte de la page.\n",
    **{
        f"sessions/heure-{number}.md": (
            f"Title: Heure {number}\nDay: 2018-03-01\nStart: {start}\nEnd: 16:00\nRoom: Salle {number}\nKind: talk\n\nX.\n"
        )
        for number, start in enumerate(["15h", "15 h", "15h00", "15:00", "15.00"], start=1)
    },
}

# Files that are wrong in a way the author must fix: (line, field, exact message, exact fix).
PROBLEMS: dict[str, tuple[int | None, str, str, str]] = {
    "speakers/word.md": (
        1, "", "le fichier n'est pas enregistré en UTF-8 (ligne 1 : « Nom : Élodie Hébert »), il n'est pas lu", UTF8_FIX,
    ),
    "news/word.md": (
        1, "", "le fichier n'est pas enregistré en UTF-8 (ligne 1 : « Titre : Réunion à Lyon »), il n'est pas lu", UTF8_FIX,
    ),
    "news/double.md": (
        3, "Titre", "le champ « Titre » (ligne 3) répète « Title » (ligne 1)",
        "gardez une seule de ces deux lignes (1 ou 3) et supprimez l'autre",
    ),
    "sessions/sans-jour.md": (
        None, "Jour",
        "le champ obligatoire « Jour » (Day) manque (séquence du programme) ; en attendant, ce fichier n'apparaît pas sur le site",
        "ajoutez en tête du fichier une ligne « Jour : … » (date AAAA-MM-JJ, ex. 2018-03-01)",
    ),
    "sessions/double.md": (
        3, "Titre", "le champ « Titre » (ligne 3) répète « Title » (ligne 1)",
        "gardez une seule de ces deux lignes (1 ou 3) et supprimez l'autre",
    ),
    "sessions/chevauche.md": (
        4, "Début",
        "la salle « Amphi » est déjà occupée de 09:00 à 09:30 par « Ouverture » (sessions/ouverture.md) : "
        "« Chevauche » (sessions/chevauche.md, 09:15–09:45) a la même Salle (Room) le même Jour (Day), "
        "et leurs horaires Début/Fin (Start/End) se chevauchent",
        "changez l'heure de Début ou de Fin (Start/End), ou la Salle (Room), de l'une des deux séquences",
    ),
    "sessions/heure-fausse.md": (
        4, "Début", "« 25h » n'est pas une heure ; en attendant, ce fichier n'apparaît pas sur le site", TIME_FIX,
    ),
    "sessions/salles.md": (6, "Salles", "champ inconnu (séquence du programme)", "vouliez-vous écrire « Salle » ?"),
}
CONTENT: dict[str, str] = {
    **FORGIVEN,
    "news/double.md": "Title: Premier titre\nDate: 2018-03-06 11:00\nTitre : Second titre\n\nTexte.\n",
    "sessions/sans-jour.md": "Title: Sans jour\nStart: 15:00\nEnd: 16:00\nRoom: Salle Z\nKind: talk\n\nX.\n",
    "sessions/double.md": "Title: Premier titre\nDay: 2018-03-01\nTitre : Second titre\nStart: 17:00\nEnd: 18:00\nRoom: Salle D\nKind: talk\n\nX.\n",
    "sessions/chevauche.md": "Titre : Chevauche\nJour : 2018-03-01\nSalle : Amphi\nDébut : 9h15\nFin : 9h45\nType : talk\n\nX.\n",
    "sessions/heure-fausse.md": "Titre : Heure fausse\nJour : 2018-03-01\nSalle : Salle F\nDébut : 25h\nFin : 18h\nType : talk\n\nX.\n",
    "sessions/salles.md": "Titre : Salles\nJour : 2018-03-01\nDébut : 17h\nFin : 18h\nType : talk\nSalles : Salle S\nSalle : Salle S\n\nX.\n",
}


def main_text(page) -> str:
    """The text of a page's main content, without the preview's problem banner."""
    main = page.select_one("main")
    for banner in main.select(".problems"):
        banner.decompose()
    return main.get_text()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventsite", *args], cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Any]:
    """The malformed site, its problems as the event generator lists them, and the outputs of check, build and strict."""
    root = tmp_path_factory.mktemp("malformed")
    content = write_site(root, {**BASE_SITE, **CONTENT})
    (content / "speakers/word.md").write_bytes("Nom : Élodie Hébert\nFonction : Chargée d'études\n\nBio.\n".encode("cp1252"))
    (content / "news/word.md").write_bytes("Titre : Réunion à Lyon\nDate : 2018-03-07 10:00\n\nTexte.\n".encode("cp1252"))
    settings = root / "settings.py"
    settings.write_text(
        f"exec(open({str(SETTINGS)!r}, encoding='utf-8').read())\n"
        f"PATH = {str(content)!r}\nTHEME = {str(REPO / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        f"CACHE_PATH = {str(root / 'cache')!r}\nEVENT_START = '2018-03-01'\nEVENT_END = '2018-03-01'\n",
        encoding="utf-8",
    )
    problems = check_content(SETTINGS, site_overrides(root, content))
    outputs = {
        "check": run("check", "--settings", str(settings)),
        "build": run("build", "--settings", str(settings), "--output", str(root / "output")),
        "strict": run("build", "--strict", "--settings", str(settings), "--output", str(root / "strict")),
    }
    return {"problems": problems, "outputs": outputs, "output": root / "output"}


@pytest.mark.parametrize("path", sorted(PROBLEMS))
def test_each_mistake_is_one_french_problem_with_file_line_field_and_fix(built, path):
    line, field, message, fix = PROBLEMS[path]
    found = [p for p in built["problems"] if p.file == path]
    assert [(p.line, p.field, p.message, p.fix) for p in found] == [(line, field, message, fix)]


@pytest.mark.parametrize("command", ["check", "build", "strict"])
@pytest.mark.parametrize("path", sorted(PROBLEMS))
def test_each_mistake_is_printed_by_check_build_and_strict(built, command, path):
    _line, _field, message, fix = PROBLEMS[path]
    printed = built["outputs"][command].stdout + built["outputs"][command].stderr
    assert f"{path}" in printed and message in printed and fix in printed, printed


@pytest.mark.parametrize("command", ["check", "build", "strict"])
def test_no_traceback_and_the_right_exit_code(built, command):
    result = built["outputs"][command]
    printed = result.stdout + result.stderr
    for word in ("Traceback", "UnicodeDecodeError", "ValueError", "year 0"):
        assert word not in printed, printed
    assert result.returncode == (0 if command == "build" else 1), printed


def test_what_the_author_meant_is_read_without_a_problem(built):
    assert [str(p) for p in built["problems"] if p.file in FORGIVEN] == []
    for command in ("check", "build", "strict"):
        printed = built["outputs"][command].stdout + built["outputs"][command].stderr
        assert [path for path in FORGIVEN if path in printed] == [], command


def test_french_session_and_every_way_of_writing_15h_are_on_the_programme(built):
    programme = parse(built["output"] / "programme/index.html")
    session = programme.select_one("#en-francais")
    assert session.select_one(".session__title").get_text() == "Atelier du soir"
    assert [t["datetime"] for t in session.select("time")] == ["2018-03-01T15:00", "2018-03-01T16:00"]
    assert "Salle B" in session.get_text() and "Alice Martin" in session.get_text() and "Bob Durand" in session.get_text()
    assert "session--talk" in session["class"]
    for number in range(1, 6):
        assert programme.select_one(f"#heure-{number} time")["datetime"] == "2018-03-01T15:00", number


def test_spaced_and_bom_headers_are_read_as_fields_not_body(built):
    out = built["output"]
    nbsp = parse(out / "intervenants/espace-insecable/index.html")
    assert nbsp.select_one("h1").get_text(strip=True) == "Claire Insécable"
    assert nbsp.select_one(".lead").get_text(strip=True) == "Cheffe de projet"
    assert "Fonction" not in main_text(nbsp)
    assert parse(out / "intervenants/espace/index.html").select_one(".lead").get_text(strip=True) == "Chargé de mission"
    partners = parse(out / "partenaires/index.html").get_text()
    assert "Ville de Bom" in partners
    assert parse(out / "actualites/en-francais/index.html").select_one("h1").get_text(strip=True) == "Nouvelle en français"
    page = parse(out / "derniere-ligne/index.html")
    assert page.select_one("h1").get_text(strip=True) == "Page du dernier champ"
    assert "Titre" not in main_text(page) and "Le texte de la page." in main_text(page)


def test_sessions_that_cannot_be_placed_stay_off_the_programme_and_calendars(built):
    out = built["output"]
    programme = parse(out / "programme/index.html")
    assert programme.select_one("#sans-jour") is None and programme.select_one("#heure-fausse") is None
    assert programme.select_one("#chevauche") is not None
    calendars = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.ics"))
    assert "Ouverture" in calendars and "Sans jour" not in calendars
