"""The preview's warm build worker: the same site and problems as a cold build, restarted when code changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from eventsite.preview import WarmBuild
from tests.conftest import BASE_SITE, REPO, write_site
from tests.setup.test_preview import eventually

# A test plugin: writes marker.txt into the output; dies like a segfault when content/boom.txt exists.
MARKER_PLUGIN = '''"""Test plugin: writes marker.txt, or kills its process when content/boom.txt exists."""
import os
from pathlib import Path

from pelican import signals

MARKER = {marker!r}


def finalized(pelican):
    """Write the marker, or die without a word."""
    if (Path(pelican.settings["PATH"]) / "boom.txt").exists():
        os._exit(3)
    (Path(pelican.output_path) / "marker.txt").write_text(MARKER, encoding="utf-8")


def register():
    """Connect the handler."""
    signals.finalized.connect(finalized)
'''

SETTINGS = """import sys
sys.path.insert(0, {repo!r})
sys.path.insert(0, {root!r})
from pelicanconf import *
from siteconf import SITENAME
PATH = {content!r}
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}, {own_plugins!r}]
PLUGINS = PLUGINS + ["marker"]
CACHE_PATH = {cache!r}
EVENT_START = EVENT_END = "2018-03-01"
"""

# One problem for the channel (an unknown speaker) and one warning Pelican logs itself (a broken link).
SITE = {
    **BASE_SITE,
    "sessions/ouverture.md": BASE_SITE["sessions/ouverture.md"].replace("Speakers: alice-martin", "Speakers: alice-martin, inconnue"),
    "news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\n\nVoir [la page]({filename}/nulle-part.md).\n",
}


def project(root: Path, marker: str = "v1", sitename: str = "Séminaire A") -> Path:
    """A project folder: content, a settings file importing siteconf.py, and the marker plugin; return the settings."""
    content = write_site(root, SITE)
    set_marker(root, marker)
    (root / "siteconf.py").write_text(f"SITENAME = {sitename!r}\n", encoding="utf-8")
    settings = root / "previewconf.py"
    settings.write_text(SETTINGS.format(repo=str(REPO), root=str(root), content=str(content), theme=str(REPO / "theme"),
                                        plugins=str(REPO / "plugins"), own_plugins=str(root / "plugins"),
                                        cache=str(root / "cache")), encoding="utf-8")
    return settings


def set_marker(root: Path, marker: str) -> None:
    """Write the marker plugin with MARKER as the text it writes."""
    folder = root / "plugins" / "marker"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "__init__.py").write_text(MARKER_PLUGIN.format(marker=marker), encoding="utf-8")


@pytest.fixture
def warm(tmp_path: Path):
    """A warm build of a fresh project under tmp_path (its worker stopped after the test)."""
    settings = project(tmp_path)
    build = WarmBuild(settings, tmp_path / "output", REPO)
    yield build
    build.close()


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under FOLDER, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def banner(output: Path) -> str:
    """The text of the problems banner on the programme page."""
    found = BeautifulSoup((output / "programme" / "index.html").read_text(encoding="utf-8"), "html5lib").find(class_="problems")
    return found.get_text(" ", strip=True) if found else ""


def test_a_second_build_in_the_same_worker_reports_the_same_problems_and_warnings(warm: WarmBuild, tmp_path: Path) -> None:
    """Pelican drops a warning it already logged in the process: the worker's second build must still report all."""
    first = warm()
    first_banner = banner(tmp_path / "output")
    second = warm()
    assert first.ok and second.ok, (first.report, second.report)
    assert warm.workers_started == 1
    assert "inconnue" in first.report and "nulle-part.md" in first.report, first.report
    assert second.report.replace(second.report.splitlines()[-1], "") == first.report.replace(first.report.splitlines()[-1], "")
    assert "inconnue" in first_banner
    assert banner(tmp_path / "output") == first_banner


def test_a_second_build_in_the_same_worker_writes_the_same_site_as_a_cold_build(tmp_path: Path) -> None:
    """Plugins' module-level state, signals connected again, reused templates: a warm rebuild equals a cold build."""
    settings = project(tmp_path)
    output = tmp_path / "output"
    subprocess.run([sys.executable, "-m", "eventsite", "build", "--settings", str(settings), "--output", str(output)],
                   cwd=REPO, check=True, capture_output=True)
    cold = tree(output)
    build = WarmBuild(settings, output, REPO)
    try:
        assert build().ok and build().ok
    finally:
        build.close()
    warm = tree(output)
    assert sorted(warm) == sorted(cold)
    assert [name for name in cold if warm[name] != cold[name]] == []


def test_a_plugin_edit_or_a_settings_edit_starts_a_new_worker(warm: WarmBuild, tmp_path: Path) -> None:
    """Modules are not reloaded in place: an edited plugin, or a module the settings import, is seen by the next build."""
    output = tmp_path / "output"
    assert warm().ok
    assert (output / "marker.txt").read_text(encoding="utf-8") == "v1"

    set_marker(tmp_path, "v2")
    assert warm().ok
    assert (output / "marker.txt").read_text(encoding="utf-8") == "v2"

    (tmp_path / "siteconf.py").write_text("SITENAME = 'Séminaire B'\n", encoding="utf-8")
    assert warm().ok
    assert "Séminaire B" in (output / "index.html").read_text(encoding="utf-8")
    assert warm.workers_started == 3


def test_a_crashed_worker_is_reported_in_french_and_the_last_site_stays(warm: WarmBuild, tmp_path: Path) -> None:
    """A worker that dies mid-build: one French report, no traceback, the last good site served, the next edit builds."""
    output = tmp_path / "output"
    assert warm().ok
    before = tree(output)

    (tmp_path / "content" / "boom.txt").write_text("x", encoding="utf-8")
    crashed = warm()
    assert not crashed.ok
    assert "arrêté de façon inattendue" in crashed.report and "Traceback" not in crashed.report
    assert tree(output) == before
    assert not [p for p in tmp_path.glob(".output-*") if p.name != ".output-spare"], "a staging folder was left behind"

    (tmp_path / "content" / "boom.txt").unlink()
    assert warm().ok
    assert (output / "marker.txt").read_text(encoding="utf-8") == "v1"


def test_a_settings_syntax_error_is_reported_in_french_and_the_last_site_stays(warm: WarmBuild, tmp_path: Path) -> None:
    """A broken settings file: the new worker reports it in French, without a traceback, and output/ is untouched."""
    output = tmp_path / "output"
    assert warm().ok
    before = tree(output)
    settings = tmp_path / "previewconf.py"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nTHIS IS NOT PYTHON\n", encoding="utf-8")
    failed = warm()
    assert not failed.ok
    assert "Échec de la construction" in failed.report and "Traceback" not in failed.report
    assert tree(output) == before


def indexed_pages(output: Path) -> dict[str, int]:
    """Pagefind's page count per language, from the served site's index entry."""
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {language: data["page_count"] for language, data in entry["languages"].items()}


def test_search_stays_usable_and_indexes_a_new_page_after_a_warm_rebuild(warm: WarmBuild, tmp_path: Path) -> None:
    """The worker indexes after swapping the site in: the served site always has an index, and it catches up."""
    output = tmp_path / "output"
    assert warm().ok
    before = indexed_pages(output)
    write_site(tmp_path, {"speakers/chloe-petit.md": "Name: Chloé Petit\nRole: Cheffe de projet\n\nBio de Chloé.\n"})
    assert warm().ok
    assert (output / "intervenants" / "chloe-petit" / "index.html").is_file()
    assert indexed_pages(output)  # the previous index, until the new one is swapped in
    assert eventually(lambda: indexed_pages(output)["fr"] == before["fr"] + 1), (before, indexed_pages(output))


def test_each_language_keeps_its_search_page_and_index_across_warm_rebuilds(warm: WarmBuild, tmp_path: Path) -> None:
    """The served bundle holds every language's index: the English search page searches it until the new one catches up."""
    output = tmp_path / "output"
    assert warm().ok
    before = indexed_pages(output)
    assert set(before) == {"fr", "en"} and (output / "en" / "recherche" / "index.html").is_file()
    write_site(tmp_path, {"speakers/chloe-petit.md": "Name: Chloé Petit\nRole: Cheffe de projet\n\nBio de Chloé.\n"})
    assert warm().ok
    assert (output / "en" / "recherche" / "index.html").is_file() and set(indexed_pages(output)) == {"fr", "en"}
    assert eventually(lambda: indexed_pages(output) == {"fr": before["fr"] + 1, "en": before["en"] + 1}), indexed_pages(output)


def test_a_deleted_page_stays_gone_once_the_search_index_catches_up(warm: WarmBuild, tmp_path: Path) -> None:
    """Indexing copies the served site into an empty folder, never over the parked previous site."""
    output = tmp_path / "output"
    page = output / "intervenants" / "chloe-petit" / "index.html"
    assert warm().ok
    before = indexed_pages(output)
    write_site(tmp_path, {"speakers/chloe-petit.md": "Name: Chloé Petit\nRole: Cheffe de projet\n\nBio de Chloé.\n"})
    assert warm().ok and page.is_file()
    assert eventually(lambda: indexed_pages(output)["fr"] == before["fr"] + 1)
    assert warm().ok  # nothing changed: the site with Chloé's page is parked as the spare
    (tmp_path / "content" / "speakers" / "chloe-petit.md").unlink()
    assert warm().ok and not page.exists()
    assert eventually(lambda: indexed_pages(output)["fr"] == before["fr"]), indexed_pages(output)
    assert not page.exists()


def test_search_indexing_gives_way_to_a_build_asked_for_meanwhile(tmp_path: Path) -> None:
    """The worker's indexing stops when a build is asked for (that build keeps the previous index); a failure is named."""
    from eventsite.buildworker import run_until

    done = tmp_path / "done"
    slow = [sys.executable, "-c", f"import pathlib, time; time.sleep(60); pathlib.Path({str(done)!r}).write_text('x')"]
    assert run_until(slow, pending=lambda: True) is False
    assert not done.exists()
    quick = [sys.executable, "-c", f"import pathlib; pathlib.Path({str(done)!r}).write_text('x')"]
    assert run_until(quick, pending=lambda: False) is True and done.exists()
    with pytest.raises(RuntimeError, match="Pagefind a échoué"):
        run_until([sys.executable, "-c", "raise SystemExit(2)"], pending=lambda: False)
