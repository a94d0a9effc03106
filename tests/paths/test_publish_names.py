"""Spaced names go all the way to gh-pages: strict build, pre-publish checks (Nu included), push."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from invoke import Context

from eventsite.tasks_publish import publish_task
from tests.conftest import REPO
from tests.paths.test_names import SAFE_PATH, spaced_site
from tests.publish.conftest import Repos, make_repos, run_git

SITEURL = "https://org.github.io/seminaire"
PUBLISHCONF = """import sys
sys.path.insert(0, {repo!r})
from pelicanconf import *  # the repository's settings, plugins and theme
PATH = {content!r}
THEME = {repo!r} + "/theme"
PLUGIN_PATHS = [{repo!r} + "/plugins"]
CACHE_PATH = {cache!r}
SITEURL = {siteurl!r}
RELATIVE_URLS = False
EVENT_STRICT = True
EVENT_SHOW_PROBLEMS = False
LOAD_CONTENT_CACHE = CACHE_CONTENT = False
GALLERY_PROCESSES = 1
LEGAL_DIRECTOR = "Jeanne Dupont, directrice"
EVENT_LANGUAGES = {{}}  # French only: the test site has no English pages
"""

# The pages the menus link to, so that the pre-publish checks find no dead link.
PAGES = {
    "pages/infos-pratiques.md": "Title: Informations pratiques\nSlug: infos-pratiques\n\nAccès.\n",
    "pages/organisateurs.md": "Title: Les organisateurs\nSlug: organisateurs\n\nL'IRA.\n",
    "pages/mentions-legales.md": "Title: Mentions légales\nSlug: mentions-legales\nTemplate: legal\n\nAucun cookie.\n",
    "pages/accessibilite.md": "Title: Déclaration d'accessibilité\nSlug: accessibilite\nTemplate: accessibility\n\nPartielle.\n",
}


def tree(bare: Path) -> list[str]:
    """Every file of the gh-pages branch of BARE."""
    return run_git(bare, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()


def test_spaced_names_are_published_to_gh_pages_with_working_srcsets(tmp_path: Path, site) -> None:
    repos: Repos = make_repos(tmp_path / "git")
    content = spaced_site(site, PAGES)  # tmp_path/content: Jeanne Dupont, Ville de Lyon, IMG 0042.JPG
    (repos.source / "publishconf.py").write_text(PUBLISHCONF.format(
        repo=str(REPO), content=str(content), cache=str(tmp_path / "cache"), siteurl=SITEURL), encoding="utf-8")
    (repos.source / ".gitignore").write_text("output/\n__pycache__/\n", encoding="utf-8")
    run_git(repos.source, "add", ".")
    run_git(repos.source, "-c", "user.name=Test", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "Site")

    publish_task(Context(), push=True, root=repos.source)  # strict build, checks with the Nu checker, push

    files = tree(repos.bare)
    assert [name for name in files if not SAFE_PATH.match(name)] == [".nojekyll"]
    for page, prefix in (("intervenants/jeanne-dupont/index.html", "images/intervenants/jeanne-dupont-"),
                         ("partenaires/index.html", "images/partenaires/ville-de-lyon-"),
                         ("galeries/journee-d-ete/index.html", "images/galeries/journee-d-ete/img-0042-")):
        html = run_git(repos.bare, "show", f"gh-pages:{page}")
        sets = [e["srcset"] for e in BeautifulSoup(html, "html5lib").select("img[srcset], source[srcset]")
                if prefix in e["srcset"]]
        assert sets, page
        for srcset in sets:
            for candidate in srcset.split(","):
                url, width = candidate.split()
                assert width.endswith("w") and url.startswith(f"{SITEURL}/{prefix}")
                assert url.removeprefix(f"{SITEURL}/") in files
