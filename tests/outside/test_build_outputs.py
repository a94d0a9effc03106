"""The outside-world outputs in a build: reproducible bytes, and a failed index keeps the last good site."""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import pytest

from eventsite.build import BuildFailed, build_site
from tests.conftest import SETTINGS, site_overrides

OUTPUTS = ("programme/seminaire.ics", "programme/ouverture.ics", "programme/programme.json", "sitemap.xml",
           "images/cartes/programme.png", "pagefind/pagefind-entry.json", "recherche/index.html",
           "memento/index.html")


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(tmp_path, site):
    content = site()
    results = []
    for run in ("a", "b"):
        out = tmp_path / f"out-{run}"
        overrides = site_overrides(tmp_path, content, CACHE_PATH=str(tmp_path / f"cache-{run}"), SITEURL="https://example.org/s", RELATIVE_URLS=False)
        build_site(SETTINGS, out, strict=True, overrides=overrides)
        results.append(digests(out))
    for relpath in OUTPUTS:
        assert relpath in results[0], relpath
    differing = sorted(k for k in set(results[0]) | set(results[1]) if results[0].get(k) != results[1].get(k))
    assert differing == []


def test_failed_indexing_fails_the_build_and_keeps_the_site(tmp_path, site, monkeypatch):
    import search.search as search_module

    content = site()
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=False, overrides=site_overrides(tmp_path, content))
    before = digests(out)
    monkeypatch.setattr(search_module, "pagefind_command", lambda site_path, settings: [sys.executable, "-c", "import sys; sys.exit(3)"])
    news = next(content.glob("news/*.md"))  # an edit, so that the build runs (nothing changed keeps the site)
    news.write_text(news.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match="Pagefind"):
        build_site(SETTINGS, out, strict=False, overrides=site_overrides(tmp_path, content))
    assert digests(out) == before


def test_plugins_work_without_an_absolute_siteurl(small_site):
    """A preview build: relative addresses everywhere, nothing pointing at another host."""
    out = small_site.output
    html = (out / "programme/index.html").read_text(encoding="utf-8")
    assert 'property="og:image" content="../images/cartes/programme.png"' in html
    assert "https://example" not in html
    ics = (out / "programme/seminaire.ics").read_text(encoding="utf-8")
    assert "URL:" not in ics  # a calendar URL must be absolute: left out rather than wrong


def test_the_index_is_built_once_beside_the_other_finalized_handlers_and_waited_for(tmp_path, site, monkeypatch):
    """Pagefind starts once the site is whole (event.site_written) and runs while the sitemap is built; the build ends after
    it; index_site, its finalized handler in a plain `pelican` run, does not index the site again."""
    import search.search as search_module
    import seo.sitemap as sitemap_module

    content = site()
    runs, done = tmp_path / "runs.txt", tmp_path / "done.txt"
    indexer = ("import os, sys, time; open(sys.argv[2], 'a').write('run\\n'); time.sleep(1); "
               "os.makedirs(os.path.join(sys.argv[1], 'pagefind'), exist_ok=True); open(sys.argv[3], 'w').write('done')")
    monkeypatch.setattr(search_module, "pagefind_command",
                        lambda site_path, settings: [sys.executable, "-c", indexer, site_path, str(runs), str(done)])
    seen: list[tuple[bool, bool]] = []
    build_sitemap = sitemap_module.build_sitemap

    def watched(*args, **kwargs):
        for _ in range(100):  # at most 5 s for the indexer to start
            if runs.exists():
                break
            time.sleep(0.05)
        seen.append((runs.exists(), done.exists()))
        return build_sitemap(*args, **kwargs)

    monkeypatch.setattr(sitemap_module, "build_sitemap", watched)
    build_site(SETTINGS, tmp_path / "output", strict=False, overrides=site_overrides(tmp_path, content))
    assert seen == [(True, False)]  # the sitemap was built while the index was being built
    assert runs.read_text().splitlines() == ["run"]  # once
    assert done.exists() and (tmp_path / "output" / "pagefind").is_dir()  # waited for: what it wrote is published


def test_a_failed_finalized_handler_stops_the_index(tmp_path, site, monkeypatch):
    """A build that fails after Pagefind started leaves no Pagefind process behind."""
    import search.search as search_module
    import seo.sitemap as sitemap_module

    from tests.outside.test_cards_workers import alive

    content = site()
    started = tmp_path / "pid.txt"
    indexer = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(60)"
    monkeypatch.setattr(search_module, "pagefind_command", lambda site_path, settings: [sys.executable, "-c", indexer, str(started)])

    def fails(*_args, **_kwargs):
        for _ in range(100):  # until the indexer has said who it is
            if started.exists() and started.read_text():
                break
            time.sleep(0.05)
        raise OSError("disque plein")

    monkeypatch.setattr(sitemap_module, "build_sitemap", fails)
    with pytest.raises(BuildFailed, match="disque plein"):
        build_site(SETTINGS, tmp_path / "output", strict=False, overrides=site_overrides(tmp_path, content))
    assert alive([int(started.read_text())]) == []


def test_an_index_past_its_timeout_is_stopped_and_fails(monkeypatch, tmp_path):
    """SEARCH_TIMEOUT holds for the run waited for after the finalized handlers: Pagefind is stopped, the build told why."""
    import search.search as search_module

    from tests.outside.test_cards_workers import alive

    started = tmp_path / "pid.txt"
    indexer = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(60)"
    monkeypatch.setattr(search_module, "pagefind_command", lambda site_path, settings: [sys.executable, "-c", indexer, str(started)])
    run = search_module.PagefindRun(str(tmp_path), {"SEARCH_TIMEOUT": 1})
    with pytest.raises(search_module.PagefindFailed, match="SEARCH_TIMEOUT"):
        run.wait()
    assert alive([int(started.read_text())]) == []


def test_a_run_started_at_site_written_is_cancelled_when_another_receiver_fails(tmp_path):
    """event.site_written's receivers are called one by one: a failing one stops the runs the earlier ones started."""
    from blinker import signal

    from eventsite.phases import write

    cancelled: list[bool] = []

    class Run:
        replaces = None

        def wait(self) -> None:
            raise AssertionError("never waited for: the build failed first")

        def cancel(self) -> None:
            cancelled.append(True)

    def starts(sender, **kwargs):
        return Run()

    def fails(sender, **kwargs):
        raise OSError("disque plein")

    site_written = signal("event.site_written")
    site_written.connect(starts)
    site_written.connect(fails)
    # The search plugin's own receiver, connected once a build has registered it, starts nothing without Pagefind.
    pelican = type("FakePelican", (), {"_get_writer": lambda self: object(), "settings": {"SEARCH_PAGEFIND": False},
                                       "output_path": str(tmp_path)})()
    try:
        with pytest.raises(OSError, match="disque plein"):
            write(pelican, [])
    finally:
        site_written.disconnect(starts)
        site_written.disconnect(fails)
    assert cancelled == [True]


def test_a_build_compiles_each_template_once(tmp_path, site, monkeypatch):
    """Pelican makes a Jinja environment per generator: they share the templates they compile the same way."""
    from collections import Counter

    from jinja2 import Environment

    compiled: Counter[str] = Counter()
    original = Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        compiled[str(name)] += 1
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, site(), SEARCH_PAGEFIND=False))
    assert compiled["base.html"] == 1
    assert [name for name, count in compiled.items() if count > 1] == []


def test_a_cold_build_reads_each_event_file_s_header_once(tmp_path, site, monkeypatch):
    """The header record takes the header the reader parsed from the same file, instead of reading the file again."""
    import event.header as header

    again: list[str] = []
    original = header.read_header
    monkeypatch.setattr(header, "read_header", lambda path, *args: again.append(str(path)) or original(path, *args))
    build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, site(), SEARCH_PAGEFIND=False))
    assert again == []
