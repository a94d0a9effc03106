"""Shared fixtures: small sites written by the tests, built into tmp_path."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import blinker
import pytest
from bs4 import BeautifulSoup
from pelican.plugins import signals

REPO = Path(__file__).resolve().parent.parent
SETTINGS = REPO / "pelicanconf.py"
# Debian's Chromium, driven by Playwright (never `playwright install`), and where screenshots go.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"

# A tiny event: two speakers, three sessions, one partner, one theme, one workshop, two proposals.
BASE_SITE: dict[str, str] = {
    "speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\nOrganisation: IRA\n\nBio d'Alice.\n",
    "speakers/bob-durand.md": "Name: Bob Durand\nRole: Animateur\n\nBio de Bob.\n",
    "sessions/ouverture.md": (
        "Title: Ouverture\nDay: 2018-03-01\nStart: 09:00\nEnd: 09:30\nRoom: Amphi\nKind: opening\n"
        "Speakers: alice-martin\n\nMot d'accueil.\n"
    ),
    "sessions/table-ronde.md": (
        "Title: Table ronde\nDay: 2018-03-01\nStart: 09:30\nEnd: 11:00\nRoom: Amphi\nKind: round-table\n"
        "Speakers: alice-martin\nModerators: bob-durand\n\nDébat.\n"
    ),
    "sessions/ateliers.md": (
        "Title: Ateliers\nDay: 2018-03-01\nStart: 11:00\nEnd: 12:30\nRoom: Salles\nKind: workshop\n\nAteliers.\n"
    ),
    "partners/ira.md": "Name: IRA de Lyon\nTier: organiser\nWebsite: https://www.ira-lyon.gouv.fr\n\nL'IRA.\n",
    "themes/organisation.md": "Title: Organisation du travail\nOrder: 1\n\nLe thème.\n",
    "workshops/espaces.md": (
        "Title: Espaces de travail\nTheme: organisation\nSession: ateliers\nFacilitators: Justine\n\nQuestion ?\n"
    ),
    "proposals/tiers-lieux.md": "Title: Ouvrir des tiers-lieux\nWorkshop: espaces\nExample: yes\n\nTexte.\n",
    "proposals/flex-office.md": "Title: Bureaux partagés\nWorkshop: espaces\nTheme: organisation\n\nTexte.\n",
    "news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\n\nLa journée.\n",
    "pages/accueil.md": (
        "Title: Accueil\nTemplate: home\nSave_as: index.html\nUrl: index.html\n"
        "Figures: 100+ managers; 9 ateliers\n\nBienvenue.\n"
    ),
}


def write_site(root: Path, files: dict[str, str | None]) -> Path:
    """Write content FILES (path → text; None deletes) under ROOT/content and return it."""
    content = root / "content"
    for relpath, text in files.items():
        path = content / relpath
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return content


# A filled LEGAL_DIRECTOR for test sites, whatever pelicanconf.py holds: a « [à compléter : …] »
# placeholder is refused by strict builds and publishing (tests/authoring/test_problem_matrix.py).
FILLED_LEGAL: dict[str, object] = {"LEGAL_DIRECTOR": "Jeanne Martin, directrice de la publication"}


def site_overrides(tmp_path: Path, content: Path, **extra: object) -> dict[str, object]:
    """Settings overrides that point the repository's settings at a test site."""
    return {
        "PATH": str(content),
        "CACHE_PATH": str(tmp_path / "cache"),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "EVENT_START": "2018-03-01",
        "EVENT_END": "2018-03-01",
        **FILLED_LEGAL,
        **extra,
    }


def parse(path: Path) -> BeautifulSoup:
    """Parse an HTML file with a real HTML5 parser."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


@pytest.fixture(autouse=True)
def _disconnect_signals() -> Iterator[None]:
    """Disconnect plugin receivers after each test so builds do not leak into each other."""
    yield
    named = ("content_problem", "event.enrich", "event.editions_ready")  # plugins/event/signals.py
    for value in [*vars(signals).values(), *map(blinker.signal, named)]:
        if isinstance(value, blinker.Signal):
            for receiver_id in list(value.receivers):
                value.receivers.pop(receiver_id, None)
            value._by_sender.clear()
            value._by_receiver.clear()


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes BASE_SITE plus changes and gives the content folder."""

    def make(changes: dict[str, str | None] | None = None) -> Path:
        return write_site(tmp_path, {**BASE_SITE, **(changes or {})})

    return make
