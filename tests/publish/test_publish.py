"""Publishing: a valid site lands on gh-pages; a broken one never does."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventsite.publish import PublishRefused, publish
from tests.publish.conftest import Repos, make_repos, remote_sha, run_git
from tests.publish.sites import page, valid_files, valid_site, write_site

CNAME = "seminaire.example.org"


def test_publish_pushes_site_with_nojekyll_and_cname(repos: Repos, tmp_path: Path) -> None:
    site = valid_site(tmp_path / "site")
    result = publish(site, repo=repos.source, cname=CNAME, push=True, message="Publier")
    tree = run_git(repos.bare, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert {".nojekyll", "CNAME", "index.html", "programme/index.html",
            "theme/logo.png", "theme/style.css"} <= set(tree)
    assert run_git(repos.bare, "show", "gh-pages:CNAME").strip() == CNAME
    published_home = run_git(repos.bare, "show", "gh-pages:index.html")
    assert published_home == (site / "index.html").read_text().strip()
    head = run_git(repos.source, "rev-parse", "HEAD")
    log = run_git(repos.bare, "log", "-1", "--format=%B", "gh-pages")
    assert head in log and "Publier" in log and "dirty" not in log
    assert result.commit == remote_sha(repos.bare, "gh-pages")


def test_publish_without_push_only_updates_local_branch(repos: Repos, tmp_path: Path) -> None:
    site = valid_site(tmp_path / "site")
    (repos.source / "README.md").write_text("changed\n", encoding="utf-8")
    result = publish(site, repo=repos.source, push=False, message="Local")
    assert remote_sha(repos.bare, "gh-pages") is None
    assert run_git(repos.source, "rev-parse", "gh-pages") == result.commit
    assert "-dirty" in run_git(repos.source, "log", "-1", "--format=%B", "gh-pages")
    names = run_git(repos.source, "ls-tree", "--name-only", "gh-pages").splitlines()
    assert ".nojekyll" in names and "CNAME" not in names


def test_dry_run_changes_nothing(repos: Repos, tmp_path: Path) -> None:
    site = valid_site(tmp_path / "site")
    refs_before = run_git(repos.source, "show-ref")
    result = publish(site, repo=repos.source, cname=CNAME, push=True, dry_run=True,
                     message="Essai")
    assert run_git(repos.source, "show-ref") == refs_before
    assert remote_sha(repos.bare, "gh-pages") is None
    assert result.commit is None and result.dry_run
    assert result.files == len(valid_files()) and result.size_bytes > 0
    assert result.cname == CNAME and result.branch == "gh-pages"
    assert run_git(repos.source, "rev-parse", "HEAD") in result.message
    assert "Essai" in result.summary() and CNAME in result.summary()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Repos, str]:
    """Repositories where a valid site has already been published and pushed."""
    base = tmp_path_factory.mktemp("published")
    repos = make_repos(base)
    publish(valid_site(base / "site"), repo=repos.source, cname=CNAME, push=True,
            message="Première publication")
    sha = remote_sha(repos.bare, "gh-pages")
    assert sha and run_git(repos.source, "rev-parse", "gh-pages") == sha
    return repos, sha


BROKEN = {
    "dead-link": ("programme/index.html", page(
        "Programme", depth=1, body='<h2 id="jour-1">J1</h2><a href="../orateurs/">Orateurs</a>')),
    "missing-asset": ("index.html", page(
        "Accueil", body='<img src="theme/photo-absente.jpg" alt="Salle">')),
    "external-resource": ("index.html", page(
        "Accueil", head='<script src="https://cdn.example.com/lib.js"></script>\n')),
    "invalid-html": ("programme/index.html", page(
        "Programme", depth=1, body='<h2 id="jour-1">J1</h2><div><span>ouvert</div>')),
    "dead-anchor": ("index.html", page(
        "Accueil", body='<a href="programme/#jour-9">Jour 9</a>')),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_site_is_refused_and_branch_untouched(
    kind: str, published: tuple[Repos, str], tmp_path: Path
) -> None:
    repos, sha = published
    file, html = BROKEN[kind]
    site = write_site(tmp_path / "site", {**valid_files(), file: html})
    with pytest.raises(PublishRefused) as refused:
        publish(site, repo=repos.source, cname=CNAME, push=True, message="Cassé")
    assert (file, kind) in {(p.file, p.kind) for p in refused.value.problems}
    assert remote_sha(repos.bare, "gh-pages") == sha
    assert run_git(repos.source, "rev-parse", "gh-pages") == sha


def test_publish_without_git_identity_uses_fallback(
    repos: Repos, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty.gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("COMMITTER", "AUTHOR"):
        for key in ("NAME", "EMAIL"):
            monkeypatch.delenv(f"GIT_{role}_{key}", raising=False)
    assert run_git(repos.source, "config", "--get", "user.name", check=False) == ""
    publish(valid_site(tmp_path / "site"), repo=repos.source, message="Sans identité")
    committer = run_git(repos.source, "log", "-1", "--format=%cn <%ce>", "gh-pages")
    assert committer == "Event site publisher <publisher@localhost>"
