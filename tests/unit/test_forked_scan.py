"""The placeholder scan run by a worker beside the readers of a cold build: the same problems as scanned in the build's process."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from event import markdown_ahead, placeholders

SCANS = "EVENTSITE_TEST_SCANS"  # the file each scan notes its process in


def scan_noting_its_process(*arguments):
    """placeholders.scan_placeholders, noting which process ran it (a module function: a worker gets it by name)."""
    with open(os.environ[SCANS], "a", encoding="utf-8") as noted:
        noted.write(f"{os.getpid()}\n")
    return placeholders.scan_placeholders(*arguments)


def test_the_scan_by_a_worker_or_not_finds_the_same_placeholders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventsite.check import check_everything
    from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site

    content = write_site(tmp_path, {**BASE_SITE,
                                    "speakers/a-remplir.md": "Name: À remplir\nRole: [fonction, en une ligne]\n\n[Biographie]\n",
                                    "news/brouillon.md": "Title: Brouillon\nDate: 2018-03-06 10:00\n\n[Le texte de l'actualité]\n"})
    scans = tmp_path / "scans.txt"
    monkeypatch.setenv(SCANS, str(scans))
    monkeypatch.setattr("event.generator.scan_placeholders", scan_noting_its_process)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    found = {}
    for name, start_from in (("worker", 0), ("here", 10**6)):
        monkeypatch.setattr(markdown_ahead, "AHEAD_FROM", start_from)
        problems, _ = check_everything(SETTINGS, site_overrides(tmp_path / name, content, SEARCH_PAGEFIND=False))
        found[name] = sorted(str(p) for p in problems)
    processes = scans.read_text().split()
    assert len(processes) == 2 and processes[0] != str(os.getpid()) and processes[1] == str(os.getpid())
    assert any("a-remplir.md" in p for p in found["worker"]) and any("brouillon.md" in p for p in found["worker"])
    assert found["worker"] == found["here"]


def test_a_build_that_fails_while_reading_stops_the_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker started for the scan never outlives a build whose reading failed before it took the scan."""
    from eventsite.check import check_everything
    from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site
    from tests.outside.test_cards_workers import alive
    from event import generator

    content = write_site(tmp_path, dict(BASE_SITE))
    started: list[int] = []
    held = []  # the worker kept from the collector: only the build's own stop may end it
    made = generator.EventGenerator.scan_ahead

    def noted(self):
        worker = made(self)
        held.append(worker)
        started.extend(process.pid for process in multiprocessing.active_children())  # the scan's, the only child yet
        return worker

    def fails(self, *args, **kwargs):
        raise RuntimeError("lecture interrompue")

    monkeypatch.setattr(generator.EventGenerator, "scan_ahead", noted)
    monkeypatch.setattr(generator.EventGenerator, "read_type", fails)
    monkeypatch.setattr(markdown_ahead, "AHEAD_FROM", 0)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    with pytest.raises(RuntimeError, match="lecture interrompue"):
        check_everything(SETTINGS, site_overrides(tmp_path, content, SEARCH_PAGEFIND=False))
    assert started and alive(started) == []
    assert multiprocessing.active_children() == []
