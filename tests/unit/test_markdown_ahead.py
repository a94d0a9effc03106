"""event.markdown_ahead: bodies converted by a worker are taken only for the very text the reader read, never a logged one."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from event import markdown_ahead
from event.markdown_ahead import MarkdownAhead

from tests.outside.test_cards_workers import alive


def converted_by_worker(paths: list[str]) -> MarkdownAhead:
    """A worker converting PATHS (text: the path itself), one that logs a warning and one that fails; waited for."""

    def convert(path: str) -> tuple[str, tuple[str, dict]]:
        if path.endswith("warns"):
            logging.getLogger("MARKDOWN").warning("something the reader must tell")
        if path.endswith("fails"):
            raise ValueError("unreadable")
        return path, (f"<p>{path}</p>", {"title": [path]})

    ahead = MarkdownAhead(paths, convert)
    assert ahead.received(timeout=10)  # nothing read yet: the worker converts every file
    return ahead


def test_the_reader_takes_what_the_worker_converted_from_the_same_text() -> None:
    ahead = converted_by_worker(["a", "b", "c"])
    try:
        assert ahead.take("a", "a") == ("<p>a</p>", {"title": ["a"]})
        assert ahead.take("b", "b edited since") is None  # the file changed after the worker read it
        assert ahead.take("elsewhere", "elsewhere") is None
        assert ahead.taken == 1
    finally:
        ahead.stop()


def test_a_conversion_that_logged_or_failed_is_left_to_the_reader(caplog: pytest.LogCaptureFixture) -> None:
    ahead = converted_by_worker(["x-warns", "y-fails", "z"])
    try:
        assert ahead.take("x-warns", "x-warns") is None  # the reader converts it, and its warning is told in the build
        assert ahead.take("y-fails", "y-fails") is None
        assert ahead.take("z", "z") is not None
    finally:
        ahead.stop()
    assert "something the reader must tell" not in caplog.text  # the worker printed nothing


def test_the_worker_skips_what_the_reader_has_passed_and_leaves_no_process() -> None:
    def slow(path: str) -> tuple[str, tuple[str, dict]]:
        time.sleep(0.05)
        return path, ("", {})

    paths = [f"f{index}" for index in range(100)]
    ahead = MarkdownAhead(paths, slow)
    ahead.take(paths[59], paths[59])  # the reader is at the sixtieth file: the worker, at its first ones, goes past it
    assert ahead.received(timeout=20)  # it ended by itself, before stop()
    assert not set(ahead.ready) & set(paths[10:60])  # nothing converted that the reader has passed
    assert set(paths[61:]) <= set(ahead.ready)  # what is left, ahead of the reader
    pid = ahead.process.pid
    ahead.stop()
    assert alive([pid]) == []


def test_few_files_start_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    assert markdown_ahead.start_ahead(["a"] * (markdown_ahead.AHEAD_FROM - 1), lambda path: (path, ("", {}))) is None
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert markdown_ahead.start_ahead(["a"] * markdown_ahead.AHEAD_FROM, lambda path: (path, ("", {}))) is None


def test_a_site_read_ahead_is_the_site_read_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventsite.build import build_site
    from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site
    from tests.site.test_incremental import contents

    content = write_site(tmp_path, dict(BASE_SITE))
    taken: list[int] = []
    stop, take = MarkdownAhead.stop, MarkdownAhead.take
    monkeypatch.setattr(MarkdownAhead, "stop", lambda self: (taken.append(self.taken), stop(self))[1])
    bodies: list[str] = []  # the files whose body a reader took from the worker

    def noted(self: MarkdownAhead, path: str, text: str) -> object:
        found = take(self, path, text)
        if found is not None:
            bodies.append(Path(path).relative_to(content).parts[0])
        return found

    monkeypatch.setattr(MarkdownAhead, "take", noted)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    from event import generator

    def started_and_done(paths: list[str], convert: markdown_ahead.Convert) -> MarkdownAhead | None:
        ahead = markdown_ahead.start_ahead(paths, convert)
        if ahead is not None:
            ahead.received(timeout=10)  # every body converted before the reader starts: the test does not race it
        return ahead

    monkeypatch.setattr(generator, "start_ahead", started_and_done)
    sites = []
    for name, start_from in (("ahead", 0), ("alone", 10**6)):
        monkeypatch.setattr(markdown_ahead, "AHEAD_FROM", start_from)
        sites.append(build_site(SETTINGS, tmp_path / name / "output", strict=True,
                                overrides=site_overrides(tmp_path / name, content, SEARCH_PAGEFIND=False)).output)
    assert len(taken) == 1 and taken[0] > 0  # the first build took bodies from the worker, the second started none
    assert {"news", "pages", "speakers"} <= set(bodies)  # Pelican's news and pages readers too, not only the event files' reader
    assert contents(sites[0]) == contents(sites[1])


def test_the_worker_never_waits_for_the_reader_to_ask() -> None:
    """Its results are received as they come: while the news are read, nothing asks, and a full pipe would hold the worker up."""

    def big(path: str) -> tuple[str, tuple[str, dict]]:
        return path, ("<p>" + "x" * 10_000 + "</p>", {})

    paths = [f"f{index}" for index in range(100)]  # 1 MB of results: far more than a pipe holds
    ahead = MarkdownAhead(paths, big)
    try:
        ahead.process.join(timeout=10)  # nothing is taken meanwhile
        assert not ahead.process.is_alive()
        assert ahead.received(timeout=10) and len(ahead.ready) == 100
    finally:
        ahead.stop()
