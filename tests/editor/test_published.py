"""The editor on the published site: only when EDITOR_ON_SITE turns it on, under /admin/, noindex, out of the
sitemap, saving through GitHub; the publish checks still find nothing foreign."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventsite.build import BuildFailed, build_site
from eventsite.checks import check_site
from tests.conftest import SETTINGS, parse, site_overrides

ON = {"EDITOR_ON_SITE": True, "EDITOR_GITHUB_REPO": "ira-lyon/seminaire", "EDITOR_AUTH_URL": "https://connexion.example.org",
      "SITEURL": "https://ira-lyon.github.io/seminaire", "SEARCH_PAGEFIND": False}


def build(tmp_path: Path, site: Callable[..., Path], **extra: object):
    """Build the small test site strictly with EXTRA settings."""
    return build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, site(), **extra))


def test_no_editor_unless_the_setting_turns_it_on(tmp_path: Path, site: Callable[..., Path]) -> None:
    result = build(tmp_path, site)
    assert not (result.output / "admin").exists()


def test_the_published_editor_saves_through_github_and_stays_out_of_search(tmp_path: Path, site: Callable[..., Path]) -> None:
    result = build(tmp_path, site, **ON)
    admin = result.output / "admin"
    page = parse(admin / "index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert [s["src"] for s in page.find_all("script")] == ["../theme/admin/editor.js", "../theme/admin/decap-cms.js"]
    scripts = result.output / "theme" / "admin"
    assert (scripts / "decap-cms.js").is_file() and (scripts / "editor.js").is_file() and not list(scripts.glob("*.map"))
    config = json.loads((admin / "editor.json").read_text(encoding="utf-8"))["config"]
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "ira-lyon/seminaire"
    assert config["backend"]["base_url"] == "https://connexion.example.org" and config["backend"]["branch"] == "main"
    assert "admin/" not in (result.output / "sitemap.xml").read_text(encoding="utf-8")
    report = check_site(result.output, site_url=ON["SITEURL"], validate_html=False)
    assert not [p for p in report.problems if p.file.startswith("admin/")], report.problems


def test_a_half_configured_editor_fails_the_strict_build_in_french(tmp_path: Path, site: Callable[..., Path]) -> None:
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path, site, EDITOR_ON_SITE=True, SEARCH_PAGEFIND=False)
    text = str(failed.value)
    assert "EDITOR_GITHUB_REPO" in text and "organisation/depot" in text and "Traceback" not in text
