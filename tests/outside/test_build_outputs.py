"""The outside-world outputs in a build: reproducible bytes, and a failed index keeps the last good site."""

from __future__ import annotations

import hashlib
import sys
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
