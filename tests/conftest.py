"""Shared fixtures: small sites written by the tests, built into tmp_path; the seminar site built
once per session (read-only); one Chromium per session."""

from __future__ import annotations

import hashlib
import logging
import os
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import blinker
import pytest
from bs4 import BeautifulSoup
from pelican.plugins import signals

from eventsite.build import BuildResult, build_site
from eventsite.localserver import serve_folder

REPO = Path(__file__).resolve().parent.parent
SETTINGS = REPO / "pelicanconf.py"
PUBLISH_SETTINGS = REPO / "publishconf.py"
# The address the published build of the seminar is made for (publishconf.py with this SITEURL).
SITEURL = "https://example.org/seminaire"
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


@dataclass(frozen=True)
class SharedBuild:
    """A site built once for the whole session. Read it; never write into it or its cache."""

    result: BuildResult
    cache: Path
    log: tuple[str, ...]  # every message of level INFO or above logged while it built

    @property
    def output(self) -> Path:
        """The built site."""
        return self.result.output


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def recorded_log() -> Iterator[list[str]]:
    """Record the messages of level INFO and above logged inside the block (as caplog.at_level(INFO) sees them)."""
    root = logging.getLogger()
    recorder, level = _Recorder(), root.level
    root.addHandler(recorder)
    root.setLevel(logging.INFO)
    try:
        yield recorder.messages
    finally:
        root.removeHandler(recorder)
        root.setLevel(level)


def build_shared(root: Path, settings_file: Path, **overrides: object) -> SharedBuild:
    """Build strictly into ROOT/output from a fresh cache in ROOT/cache (the repository's content unless
    OVERRIDES say otherwise), recording what the build logged."""
    cache = root / "cache"
    with recorded_log() as log:
        result = build_site(settings_file, root / "output", strict=True,
                            overrides={"CACHE_PATH": str(cache), "LOAD_CONTENT_CACHE": False, **FILLED_LEGAL, **overrides})
    return SharedBuild(result=result, cache=cache, log=tuple(log))


def published_overrides(cache: Path) -> dict[str, object]:
    """Build the real content as publishconf.py does, under a test address and the cache CACHE."""
    return {"SITEURL": SITEURL, "FEED_DOMAIN": SITEURL, "CACHE_PATH": str(cache), "AGENDA_UID_DOMAIN": "", **FILLED_LEGAL}


@pytest.fixture(scope="session")
def seminar_site(tmp_path_factory: pytest.TempPathFactory) -> SharedBuild:
    """The seminar (content/) built once with pelicanconf.py (relative URLs), strictly, from a cold cache."""
    return build_shared(tmp_path_factory.mktemp("seminar"), SETTINGS)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> SharedBuild:
    """The seminar built once with publishconf.py and SITEURL = https://example.org/seminaire, from a cold cache."""
    root = tmp_path_factory.mktemp("published")
    return build_shared(root, PUBLISH_SETTINGS, **published_overrides(root / "cache"))


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> SharedBuild:
    """BASE_SITE built once with the repository's settings (site_overrides), strictly, for the tests that only read it."""
    root = tmp_path_factory.mktemp("small-site")
    return build_shared(root, SETTINGS, **site_overrides(root, write_site(root, BASE_SITE)))


@pytest.fixture(scope="session")
def base_url(seminar_site: SharedBuild) -> Iterator[str]:
    """The seminar site's address on 127.0.0.1 (a free port, ending in /), served for the whole session."""
    with serve_folder(seminar_site.output) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser downloaded), launched once per session."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: bash scripts/setup.sh --test installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def html_digest(root: Path) -> str:
    """A digest of every *.html file below ROOT (path and bytes): what the Nu HTML checker reads."""
    digest = hashlib.sha256()
    for path in sorted(Path(root).rglob("*.html")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="session")
def _html_checks() -> dict[str, list[object]]:
    """The Nu HTML checker's problems for each folder content checked so far in the session."""
    return {}


@pytest.fixture(autouse=True)
def _check_each_html_once(monkeypatch: pytest.MonkeyPatch, _html_checks: dict[str, list[object]]) -> None:
    """Run the real Nu HTML checker (a JVM: ~3 s of CPU) once per distinct set of HTML files in a session;
    the same files give the same problems (paths relative to the folder), so a repeat reuses them."""
    from eventsite import validator

    check = validator.validate_html

    def validate_once(root: Path) -> list[object]:
        key = html_digest(root)
        if key not in _html_checks:
            _html_checks[key] = check(root)
        return list(_html_checks[key])

    monkeypatch.setattr(validator, "validate_html", validate_once)


@pytest.fixture(autouse=True)
def _disconnect_signals() -> Iterator[None]:
    """Disconnect plugin receivers after each test so builds do not leak into each other."""
    yield
    named = ("content_problem", "event.enrich", "event.editions_ready", "event.write_started",
             "event.write_failed")  # plugins/event/signals.py
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
