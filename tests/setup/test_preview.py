"""The preview: a waiting page before the first build, every edit shown, the last good site kept."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from eventsite.preview import BuildOutcome, Preview, Rebuilder, WarmBuild, without_traceback
from tests.conftest import BASE_SITE, REPO, write_site

# Bounds on waiting for something that must happen; never asserted as a duration.
PATIENCE = 120.0


def fetch(url: str) -> tuple[int, str]:
    """GET URL; return the status and the body, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def eventually(condition: Callable[[], bool], patience: float = PATIENCE) -> bool:
    """Poll CONDITION until it holds or PATIENCE seconds pass."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


class SlowBuild:
    """A fake build that reads content/page.md, takes DELAY seconds, and writes it to output/index.html."""

    def __init__(self, root: Path, delay: float) -> None:
        self.root = root
        self.delay = delay
        self.seen: list[str] = []
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self) -> BuildOutcome:
        self.gate.wait(PATIENCE)
        text = (self.root / "content" / "page.md").read_text(encoding="utf-8")
        self.seen.append(text)
        time.sleep(self.delay)
        output = self.root / "output"
        output.mkdir(exist_ok=True)
        (output / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
        return BuildOutcome(ok=True, report="")


@pytest.fixture
def fake_project(tmp_path: Path) -> Path:
    """A project folder with pelicanconf.py and one content file."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "page.md").write_text("v0", encoding="utf-8")
    (tmp_path / "pelicanconf.py").write_text("", encoding="utf-8")
    return tmp_path


@pytest.fixture
def running() -> Iterator[Callable[[Preview], Preview]]:
    """Start previews on a free port of 127.0.0.1 and stop them after the test."""
    started: list[Preview] = []

    def start(preview: Preview) -> Preview:
        preview.start()
        started.append(preview)
        return preview

    yield start
    for preview in started:
        preview.stop()


def make_preview(root: Path, build: Callable[[], BuildOutcome], said: list[str]) -> Preview:
    """A preview of ROOT on any free port, with BUILD and its messages collected in SAID."""
    return Preview(root=root, settings_file=root / "pelicanconf.py", output=root / "output",
                   port=0, build=build, say=said.append)


def test_a_request_during_a_build_queues_one_more_build() -> None:
    """The rebuild queue, step by step: a change seen while a build runs is built right after it."""
    content = {"text": "v1"}
    started, release = threading.Event(), threading.Event()
    seen: list[str] = []

    def build() -> BuildOutcome:
        seen.append(content["text"])
        started.set()
        release.wait(PATIENCE)
        return BuildOutcome(ok=True, report="")

    rebuilder = Rebuilder(build, on_done=lambda outcome: None)
    rebuilder.start()
    assert started.wait(PATIENCE)
    content["text"] = "v2"  # an edit saved while the first build runs…
    rebuilder.request()
    content["text"] = "v3"  # …and another one: they make one more build, not two
    rebuilder.request()
    release.set()
    assert rebuilder.wait_idle(PATIENCE)
    rebuilder.stop()
    assert seen == ["v1", "v3"]


def test_two_edits_100_ms_apart_during_a_slow_build_are_both_shown(fake_project: Path, running) -> None:
    """Issue 14: the second edit, saved while the first one's rebuild runs, is built and served."""
    build = SlowBuild(fake_project, delay=1.0)
    said: list[str] = []
    preview = running(make_preview(fake_project, build, said))
    assert eventually(lambda: fetch(preview.url) == (200, "<p>v0</p>"))
    assert preview.rebuilder.wait_idle(PATIENCE)
    time.sleep(0.3)  # let the watchers settle before the edits

    page = fake_project / "content" / "page.md"
    page.write_text("v1", encoding="utf-8")
    time.sleep(0.1)
    page.write_text("v2", encoding="utf-8")

    assert eventually(lambda: fetch(preview.url) == (200, "<p>v2</p>")), build.seen
    assert build.seen[-1] == "v2"
    assert any("Modification détectée" in line for line in said)


def test_waiting_page_before_the_first_build_then_the_site(fake_project: Path, running) -> None:
    """Before the first build ends every address answers a French page that reloads itself, never a 404."""
    build = SlowBuild(fake_project, delay=0)
    build.gate.clear()  # hold the first build
    said: list[str] = []
    preview = running(make_preview(fake_project, build, said))

    for path in ("", "intervenants/", "style.css"):
        status, body = fetch(preview.url + path)
        page = BeautifulSoup(body, "html.parser")
        assert status == 503
        assert page.html["lang"] == "fr"
        assert "construction" in page.title.get_text().lower()
        assert page.find("meta", attrs={"http-equiv": "refresh"}) is not None
    assert any(preview.url in line for line in said)

    build.gate.set()
    assert eventually(lambda: fetch(preview.url)[0] == 200)
    assert fetch(preview.url) == (200, "<p>v0</p>")


def test_a_failing_build_keeps_the_last_good_site(fake_project: Path, running) -> None:
    """A failed rebuild prints its French report, and the site built before stays served."""
    outcomes = iter([BuildOutcome(ok=True, report=""), BuildOutcome(ok=False, report="Échec de la construction : content/page.md")])
    root = fake_project

    def build() -> BuildOutcome:
        outcome = next(outcomes, BuildOutcome(ok=True, report=""))
        if outcome.ok:
            (root / "output").mkdir(exist_ok=True)
            (root / "output" / "index.html").write_text("<p>bon</p>", encoding="utf-8")
        return outcome

    said: list[str] = []
    preview = running(make_preview(root, build, said))
    assert eventually(lambda: fetch(preview.url) == (200, "<p>bon</p>"))
    preview.rebuilder.request()
    assert eventually(lambda: any("Échec" in line for line in said))
    assert fetch(preview.url) == (200, "<p>bon</p>")
    assert any("dernier site construit" in line for line in said)


def test_a_traceback_never_reaches_the_author() -> None:
    """An unexpected crash of the build is reported in one French line, without the traceback."""
    printed = (
        "Done\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    boom()\n"
        "ZeroDivisionError: division by zero\nSuite"
    )
    text = without_traceback(printed)
    assert "Traceback" not in text and "File \"x.py\"" not in text
    assert "Erreur inattendue pendant la construction : ZeroDivisionError: division by zero" in text
    assert text.splitlines()[0] == "Done" and text.splitlines()[-1] == "Suite"


SETTINGS = """import sys
sys.path.insert(0, {repo!r})
from pelicanconf import *
PATH = {content!r}
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
CACHE_PATH = {cache!r}
EVENT_START = EVENT_END = "2018-03-01"
"""


def test_real_builds_serve_the_site_with_its_problems_banner(tmp_path: Path, running) -> None:
    """With the real build: the site is served after the first build, the banner lists the content problems,
    an edit is shown, and a broken settings file keeps the last good site."""
    content = write_site(tmp_path, {**BASE_SITE, "sessions/ouverture.md": BASE_SITE["sessions/ouverture.md"].replace(
        "Speakers: alice-martin", "Speakers: alice-martin, inconnue")})
    settings = tmp_path / "previewconf.py"  # not pelicanconf.py: Pelican loads it under its file name
    settings.write_text(SETTINGS.format(repo=str(REPO), content=str(content), theme=str(REPO / "theme"),
                                        plugins=str(REPO / "plugins"), cache=str(tmp_path / "cache")), encoding="utf-8")
    output = tmp_path / "output"
    said: list[str] = []
    preview = running(Preview(root=tmp_path, settings_file=settings, output=output, port=0,
                              build=WarmBuild(settings, output, REPO), say=said.append))

    assert eventually(lambda: fetch(preview.url)[0] == 200), said
    page = BeautifulSoup(fetch(preview.url + "programme/")[1], "html.parser")
    banner = page.find(class_="problems")
    assert banner is not None and "inconnue" in banner.get_text()

    speaker = content / "speakers" / "alice-martin.md"
    speaker.write_text(speaker.read_text(encoding="utf-8").replace("Alice Martin", "Alice Martin-Lefort"), encoding="utf-8")
    assert eventually(lambda: "Alice Martin-Lefort" in fetch(preview.url + "programme/")[1]), said

    settings.write_text(settings.read_text(encoding="utf-8") + "\nTHIS IS NOT PYTHON\n", encoding="utf-8")
    assert eventually(lambda: any("Échec" in line for line in said)), said
    assert preview.rebuilder.wait_idle(PATIENCE)
    assert "Alice Martin-Lefort" in fetch(preview.url + "programme/")[1]
    assert not any("Traceback" in line for line in said)
    assert not [p for p in tmp_path.glob(".output-*") if p.name != ".output-spare"], "a staging folder was left behind"


def test_stopping_during_a_real_build_leaves_no_half_written_site(tmp_path: Path) -> None:
    """Ctrl-C while the build writes: the build is interrupted, its staging folder removed, output/ never appears."""
    # Enough pages that writing them lasts well beyond the poll: a site of five pages is written
    # in a blink, and the folder seen might then be the search index's, made after the swap.
    many = {f"speakers/orateur-{n:03d}.md": f"Name: Orateur {n}\n\nBio {n}.\n" for n in range(300)}
    content = write_site(tmp_path, {**BASE_SITE, **many})
    settings = tmp_path / "previewconf.py"
    settings.write_text(SETTINGS.format(repo=str(REPO), content=str(content), theme=str(REPO / "theme"),
                                        plugins=str(REPO / "plugins"), cache=str(tmp_path / "cache")), encoding="utf-8")
    output = tmp_path / "output"
    preview = Preview(root=tmp_path, settings_file=settings, output=output, port=0,
                      build=WarmBuild(settings, output, REPO), say=lambda line: None)
    preview.start()
    try:
        assert eventually(lambda: any(tmp_path.glob(".output-build-*")) and not output.exists()), \
            "the build never started writing"
    finally:
        preview.stop()
    assert not [p for p in tmp_path.glob(".output-*") if p.name != ".output-spare"]
    assert not output.exists()


def test_a_taken_port_is_told_in_french_with_the_next_one_to_try(tmp_path: Path) -> None:
    import signal
    import socket

    from eventsite.preview import run_preview

    told: list[str] = []
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        try:
            code = run_preview(REPO, REPO / "pelicanconf.py", tmp_path / "output", port=port, lan=False, say=told.append)
        finally:
            signal.signal(signal.SIGINT, handlers[0])
            signal.signal(signal.SIGTERM, handlers[1])
    assert code == 1
    assert told == [
        f"Impossible d'ouvrir l'aperçu sur 127.0.0.1:{port} : ce port est déjà utilisé (un autre aperçu est-il ouvert ?).\n"
        f"  → Fermez l'autre aperçu déjà lancé, ou choisissez un autre port : .venv/bin/invoke preview --port {port + 1}"
    ]
