"""Card-drawing workers draw while the pages are written, and never outlive their build, whatever happens to it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pelican import signals
from PIL import Image

from cards import cards as cards_module
from cards.cache import draw_into
from eventsite.build import BuildFailed, build_site
from tests.conftest import REPO, SETTINGS, site_overrides

# Forty speakers: over a hundred cards (two editions), far more than two workers draw while a small site fails or is killed.
SPEAKERS = {f"speakers/orateur-{n:02d}.md": f"Name: Orateur {n}\nRole: Rôle {n}\n\nBio.\n" for n in range(40)}
# A news article is written by the first generator that writes: this one fails as soon as writing starts.
BROKEN_NEWS = {"news/cassee.md": "Title: Actualité cassée\nDate: 2018-03-02 10:00\nTemplate: modele-inexistant\n\nTexte.\n"}


def slow_draw(*arguments: object) -> float:
    """draw_into, half a second slower per card: drawing the cards takes longer than failing or being killed."""
    time.sleep(0.5)
    return draw_into(*arguments)  # type: ignore[arg-type]


def whole_cards(folder: Path) -> list[str]:
    """The files of the cards cache FOLDER, each checked to be a whole 1200×630 PNG (no temporary file either)."""
    names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    for name in names:
        assert name.endswith(".png") and not name.startswith("."), name
        with Image.open(folder / name) as image:
            image.load()  # a truncated file raises here
            assert image.size == (1200, 630)
    return names


class PagesWritten:
    """Counts the live drawing processes each time a page is written."""

    def __init__(self) -> None:
        self.children: list[int] = []

    def page_written(self, sender: object, **_: object) -> None:
        self.children.append(len(multiprocessing.active_children()))


def test_a_build_failing_while_pages_are_written_leaves_no_drawing_process(tmp_path, site):
    # Forked workers left alive hold the parent's pipes and files (a Playwright session hung on them).
    content = site({"pages/cassee.md": "Title: Page cassée\nTemplate: modele-inexistant\n\nTexte.\n"})
    overrides = site_overrides(tmp_path, content, CARDS_PROCESSES=2, SEARCH_PAGEFIND=False)
    with pytest.raises(BuildFailed):
        build_site(SETTINGS, tmp_path / "output", strict=False, overrides=overrides)
    assert multiprocessing.active_children() == []


def test_cards_are_drawn_by_workers_while_the_pages_are_written(tmp_path, site):
    watch = PagesWritten()
    signals.content_written.connect(watch.page_written)
    overrides = site_overrides(tmp_path, site(), CARDS_PROCESSES=2, SEARCH_PAGEFIND=False)
    out = build_site(SETTINGS, tmp_path / "output", strict=False, overrides=overrides).output
    assert len(watch.children) > 10 and watch.children[0] > 0  # the workers were drawing when the first page was written
    assert multiprocessing.active_children() == []  # and were stopped by the end of the build
    assert len(whole_cards(out / "images/cartes")) > 10


def test_a_write_failing_stops_the_drawing_at_once_and_leaves_only_whole_cards(tmp_path, site, monkeypatch):
    monkeypatch.setattr(cards_module, "draw_into", slow_draw)
    overrides = site_overrides(tmp_path, site({**SPEAKERS, **BROKEN_NEWS}), CARDS_PROCESSES=2, SEARCH_PAGEFIND=False)
    with pytest.raises(BuildFailed):
        build_site(SETTINGS, tmp_path / "output", strict=False, overrides=overrides)
    assert multiprocessing.active_children() == []
    drawn = whole_cards(tmp_path / "cache" / "cartes")
    # Only the batches begun when writing failed were finished (one in each worker, at most three handed over
    # and queued), of the 100-odd cards of the two editions: the others were dropped.
    assert len(drawn) <= 5 * cards_module.BATCH_CARDS < 2 * len(SPEAKERS), len(drawn)


# Builds the site of the test in its own process, each card half a second slower to draw.
KILLED_DRIVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path[:0] = [sys.argv[1], sys.argv[1] + "/plugins"]
    import time
    from cards import cards
    from cards.cache import draw_into
    from eventsite.build import build_site
    from tests.conftest import SETTINGS, site_overrides
    from tests.outside.test_cards_workers import slow_draw
    cards.draw_into = slow_draw
    root = Path(sys.argv[2])
    build_site(SETTINGS, root / "output", strict=False,
               overrides=site_overrides(root, root / "content", CARDS_PROCESSES=2, SEARCH_PAGEFIND=False))
""")


def children_of(pid: int) -> list[int]:
    """The processes whose parent is PID (read from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def alive(pids: list[int]) -> list[int]:
    """Those of PIDS still running (not zombies)."""
    running = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.append(pid)
    return running


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_a_killed_build_leaves_no_drawing_process_and_no_half_written_card(tmp_path, site):
    site(SPEAKERS)
    build = subprocess.Popen([sys.executable, "-c", KILLED_DRIVER, str(REPO), str(tmp_path)], cwd=REPO)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120  # a bound on waiting, not a measure
        while not workers and build.poll() is None and time.monotonic() < deadline:
            workers = children_of(build.pid)
            time.sleep(0.05)
        assert workers, "the build ended before drawing"
        time.sleep(0.3)  # a card being drawn
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 30
        while alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert alive(workers) == []  # each worker saw its build gone and ended, between two cards
    finally:
        for pid in alive(workers):
            os.kill(pid, signal.SIGKILL)
        if build.poll() is None:
            build.kill()
    assert len(whole_cards(tmp_path / "cache" / "cartes")) < len(SPEAKERS)


@pytest.mark.parametrize(("value", "cores", "workers"), [(None, 2, 1), (None, 8, 7), (None, 1, 1), (1, 8, 0), (2, 8, 2), (3, 1, 3)])
def test_by_default_the_workers_leave_a_core_to_the_build_writing_the_pages(monkeypatch, value, cores, workers):
    # On two cores, two workers drawing while the pages are written took turns with the build's process.
    from cards.settings import processes

    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert processes({"CARDS_PROCESSES": value}) == workers  # 0: drawn in the build's own process
