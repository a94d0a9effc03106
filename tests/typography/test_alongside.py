"""Pages typeset by a worker process while the build writes the next ones: the same site, the same cache, nothing left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typography import alongside, pagecache
from typography.typography import typeset_file

from eventsite.build import build_site
from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site
from tests.outside.test_cards_workers import alive, children_of
from tests.site.test_incremental import contents


def build(root: Path, content: Path, **settings: object):
    return build_site(SETTINGS, root / "output", strict=False,
                      overrides=site_overrides(root, content, SEARCH_PAGEFIND=False, EVENT_LANGUAGES={}, **settings))


def children() -> set[int]:
    """The live processes whose parent is this one."""
    return set(alive(children_of(os.getpid())))


@pytest.fixture
def worker_for_every_page(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No page typeset in the build's own process: each goes to the worker. Gives the pages handed over."""
    handed: list[str] = []
    submit = alongside.BuildWorkers.submit
    monkeypatch.setattr(alongside, "INLINE_PAGES", 0)

    def noted(self: alongside.BuildWorkers, job: object, *arguments: object) -> None:
        if getattr(job, "func", None) is typeset_file:  # the cards' drawings go through the same pool class
            handed.append(str(arguments[0]))
        submit(self, job, *arguments)

    monkeypatch.setattr(alongside.BuildWorkers, "submit", noted)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    return handed


def test_pages_typeset_by_the_worker_are_those_typeset_in_the_build(tmp_path: Path, worker_for_every_page: list[str]) -> None:
    content = write_site(tmp_path, dict(BASE_SITE))
    before = children()
    apart = build(tmp_path / "apart", content)
    assert len(worker_for_every_page) > 10  # every page went to the worker
    assert children() == before  # the worker never outlives its build
    worker_for_every_page.clear()
    here = build(tmp_path / "here", content, TYPOGRAPHY_ALONGSIDE=False)
    assert worker_for_every_page == []
    assert contents(apart.output) == contents(here.output)
    assert "Accessibilité\xa0:" in (apart.output / "index.html").read_text(encoding="utf-8")  # typeset by the worker
    # The worker's cache records went to the build's pack: the same entries as typesetting in the build.
    assert pagecache.entries(str(tmp_path / "apart" / "cache" / "typography")) == \
        pagecache.entries(str(tmp_path / "here" / "cache" / "typography"))


def test_a_page_typeset_by_the_worker_is_left_in_place_by_the_next_builds(tmp_path: Path, worker_for_every_page: list[str]) -> None:
    """The record of written pages takes each file's identity once the worker has typeset it, not when Pelican wrote it."""
    content = write_site(tmp_path, dict(BASE_SITE))
    speaker = build(tmp_path, content).output / "intervenants" / "bob-durand" / "index.html"
    before = (os.stat(speaker).st_ino, os.stat(speaker).st_ctime_ns)
    for text in ("Première reprise.", "Seconde reprise."):
        (content / "news" / "compte-rendu.md").write_text(f"Title: Compte rendu\nDate: 2018-03-05 10:00\n\n{text}\n", encoding="utf-8")
        build(tmp_path, content)
    # The third build writes into the first one's site: the speaker's page, still current, keeps its very file.
    assert (os.stat(speaker).st_ino, os.stat(speaker).st_ctime_ns) == before
