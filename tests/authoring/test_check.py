"""`invoke check` validates every content file without writing the site and names each problem's file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from eventsite.build import build_site
from eventsite.check import check_content, report
from tests.conftest import REPO, SETTINGS, parse, site_overrides

# One file per kind of content error, each with the field the report must name.
BROKEN = {
    "speakers/sans-role.md": ("Name: Sans Rôle\n\nBio.\n", "Fonction"),  # a missing field is named as the guide writes it
    "speakers/placeholder.md": ("Name: Placeholder\nRole: [fonction, en une ligne]\n\nBio.\n", "Role"),
    "sessions/inconnu.md": (
        "Title: Inconnu\nDay: 2018-03-01\nStart: 16:00\nEnd: 17:00\nRoom: B\nKind: talk\nSpeakers: personne-inconnue\n\nX.\n",
        "Speakers",
    ),
    "sessions/mauvaise-date.md": ("Title: Date\nDay: 1er mars\nStart: 16:00\nEnd: 17:00\nRoom: C\nKind: talk\n\nX.\n", "Day"),
    "sessions/fin-avant.md": ("Title: Fin\nDay: 2018-03-01\nStart: 18:00\nEnd: 17:00\nRoom: D\nKind: talk\n\nX.\n", "End"),
    "sessions/chevauchement.md": ("Title: Même salle\nDay: 2018-03-01\nStart: 09:15\nEnd: 09:45\nRoom: Amphi\nKind: talk\n\nX.\n", "Start"),
    "sessions/genre.md": ("Title: Genre\nDay: 2018-03-01\nStart: 16:00\nEnd: 17:00\nRoom: E\nKind: concert\n\nX.\n", "Kind"),
    "partners/faute.md": ("Name: Faute\nTier: partner\nWebsite: https://example.org\nLogoo: logo.png\n\nX.\n", "Logoo"),
    "partners/logo.md": ("Name: Logo\nTier: partner\nLogo: images/absent.png\n\nX.\n", "Logo"),
    "proposals/atelier.md": ("Title: Sans atelier\nWorkshop: atelier-inconnu\n\nX.\n", "Workshop"),
    "news/brouillon.md": ("Title: Brouillon\nDate: 2018-03-05\n\n[le texte de l'actualité]\n", ""),
}


def broken_site(site) -> Path:
    return site({path: text for path, (text, _field) in BROKEN.items()})


def test_check_reports_every_kind_of_error_with_file_and_field(tmp_path, site):
    content = broken_site(site)
    problems = check_content(SETTINGS, site_overrides(tmp_path, content))
    found = {(p.file, p.field) for p in problems}
    for path, (_text, field) in BROKEN.items():
        assert (path, field) in found, (path, field, sorted(found))
    assert all(p.fix for p in problems)
    placeholder = next(p for p in problems if p.file == "speakers/placeholder.md")
    assert placeholder.line == 2 and "n'est pas rempli" in placeholder.message
    assert not (tmp_path / "output").exists()


def test_check_of_clean_content_finds_nothing(tmp_path, site):
    assert check_content(SETTINGS, site_overrides(tmp_path, site())) == []
    assert report([]) == "Aucun problème dans le contenu."


def test_check_command_prints_problems_in_french_and_exits_1(tmp_path, site):
    content = broken_site(site)
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"exec(open({str(SETTINGS)!r}, encoding='utf-8').read())\n"
        f"PATH = {str(content)!r}\nTHEME = {str(REPO / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\nEVENT_START = '2018-03-01'\nEVENT_END = '2018-03-01'\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "eventsite", "check", "--settings", str(settings)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 1, run.stderr
    for path in BROKEN:
        assert path in run.stdout
    assert "speakers/placeholder.md, ligne 2, champ Role" in run.stdout and "→ à faire :" in run.stdout
    assert not (REPO / "output" / "speakers").exists()


def test_preview_shows_problems_in_the_page_and_publishing_does_not(tmp_path, site):
    content = site({"sessions/inconnu.md": BROKEN["sessions/inconnu.md"][0]})
    out = tmp_path / "preview"
    build_site(SETTINGS, out, strict=False, overrides=site_overrides(tmp_path, content, EVENT_SHOW_PROBLEMS=True))
    for page in ("index.html", "programme/index.html", "en/programme/index.html"):
        banner = parse(out / page).select_one("main .problems")
        assert banner is not None and "sessions/inconnu.md" in banner.get_text(), page
        assert banner["lang"] == "fr" and banner["role"] == "alert"
    published = tmp_path / "published"
    build_site(SETTINGS, published, strict=False, overrides=site_overrides(tmp_path, content, EVENT_SHOW_PROBLEMS=False))
    assert parse(published / "programme/index.html").select_one(".problems") is None
