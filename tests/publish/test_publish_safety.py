"""Publishing twice, failing to push, a bad CNAME, a dry run: history and folders stay clean."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from invoke import Context
from invoke.exceptions import Exit

from eventsite.publish import PublishFailed, publish
from eventsite.tasks_publish import publish_task
from tests.publish.conftest import Repos, remote_sha, run_git
from tests.publish.sites import page, valid_files, valid_site, write_site
from tests.publish.test_tasks_publish import project, use_build  # noqa: F401 (fixture)

CNAME = "seminaire.example.org"


def commits(repo: Path, branch: str = "gh-pages") -> int:
    """Return the number of commits on BRANCH of REPO (0 when it does not exist)."""
    return int(run_git(repo, "rev-list", "--count", branch, check=False) or 0)


def test_publishing_an_unchanged_site_makes_no_new_commit(repos: Repos, tmp_path: Path) -> None:
    site = valid_site(tmp_path / "site")
    first = publish(site, repo=repos.source, cname=CNAME, push=True, message="Publier")
    (repos.source / "README.md").write_text("la source change, pas le site\n", encoding="utf-8")
    again = publish(site, repo=repos.source, cname=CNAME, push=True, message="Publier")

    assert (commits(repos.source), commits(repos.bare)) == (1, 1)
    assert again.commit == first.commit == remote_sha(repos.bare, "gh-pages")
    assert not again.changed and "inchangé" in again.summary()

    write_site(site, {"index.html": page("Accueil", body="<p>Nouvelle date</p>")})
    changed = publish(site, repo=repos.source, cname=CNAME, push=True, message="Publier")
    assert changed.changed and (commits(repos.source), commits(repos.bare)) == (2, 2)
    assert run_git(repos.source, "rev-parse", "gh-pages^") == first.commit
    assert "Nouvelle date" in run_git(repos.bare, "show", "gh-pages:index.html")
    assert run_git(repos.bare, "show", "gh-pages:CNAME") == CNAME


@pytest.mark.parametrize("remote", ["none", "unreachable"])
def test_a_failed_push_leaves_the_local_branch_where_it_was(repos: Repos, tmp_path: Path, remote: str) -> None:
    site = valid_site(tmp_path / "site")
    if remote == "none":
        run_git(repos.source, "remote", "remove", "origin")
    else:
        run_git(repos.source, "remote", "set-url", "origin", (tmp_path / "absent.git").as_uri())
    for attempt in range(2):  # a retry adds nothing either
        with pytest.raises(PublishFailed) as failed:
            publish(site, repo=repos.source, push=True, message="Publier")
        assert commits(repos.source) == 0, attempt
        assert "n'a pas bougé" in str(failed.value)
    local = publish(site, repo=repos.source, push=False, message="Local")
    write_site(site, {"index.html": page("Accueil", body="<p>Nouvelle date</p>")})
    with pytest.raises(PublishFailed):
        publish(site, repo=repos.source, push=True, message="Publier")
    assert run_git(repos.source, "rev-parse", "gh-pages") == local.commit


@pytest.mark.parametrize("cname", ["https://bad value/with space", "seminaire", "exemple.org/chemin",
                                   "-tiret.example.org", "deux..points.org", "http://exemple.org", "é.fr"])
def test_a_cname_that_is_not_a_host_name_is_refused(repos: Repos, tmp_path: Path, cname: str) -> None:
    from eventsite.publish import InvalidCname

    with pytest.raises(InvalidCname) as refused:
        publish(valid_site(tmp_path / "site"), repo=repos.source, cname=cname, push=True, message="Publier")
    message = str(refused.value)
    assert "CNAME" in message and cname in message and CNAME in message and "par exemple" in message
    assert commits(repos.source) == 0 and remote_sha(repos.bare, "gh-pages") is None


def test_the_publish_task_refuses_a_bad_cname_before_building(
    project: Path, repos: Repos, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    monkeypatch.setenv("SITE_CNAME", "https://bad value/with space")
    use_build(monkeypatch, None)  # a build would fail with « date manquante »
    with pytest.raises(Exit) as stopped:
        publish_task(Context(), push=True, root=project)
    assert "SITE_CNAME" in str(stopped.value.message) and "date manquante" not in str(stopped.value.message)
    assert run_git(project, "branch", "--list", "gh-pages") == ""


def snapshot(root: Path) -> dict[str, str]:
    """Return every path below ROOT (outside .git) with the digest of its content."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*")) if ".git" not in p.relative_to(root).parts}


def test_publish_dry_run_touches_nothing_output_included(
    project: Path, repos: Repos, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_site(project / "output", {"index.html": page("Ancien site", body="<p>ancien</p>")})
    before, refs = snapshot(project), run_git(project, "show-ref")
    use_build(monkeypatch, valid_files())
    publish_task(Context(), dry_run=True, push=True, cname=CNAME, root=project)
    out = capsys.readouterr().out
    assert "[essai]" in out and "seraient publiés" in out and CNAME in out
    assert snapshot(project) == before
    assert run_git(project, "show-ref") == refs and remote_sha(repos.bare, "gh-pages") is None


def test_a_killed_builds_leftovers_do_not_make_the_source_dirty_but_a_new_file_does(repos: Repos) -> None:
    from eventsite.gitinfo import source_commit
    from tests.conftest import REPO

    (repos.source / ".gitignore").write_bytes((REPO / ".gitignore").read_bytes())
    run_git(repos.source, "add", ".gitignore")
    run_git(repos.source, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "ignore")
    for leftover in (".output-build-0a1b2c/index.html", ".output-old-0a1b2c/index.html", ".output-build-0a1b2c.lock",
                     "output/index.html", "cache/gallery/store.lock", "cache/content.lock"):
        (repos.source / leftover).parent.mkdir(parents=True, exist_ok=True)
        (repos.source / leftover).write_text("x")
    assert not source_commit(repos.source).endswith("-dirty")
    (repos.source / "content").mkdir()
    (repos.source / "content/nouvelle.md").write_text("Title: Nouvelle\n")
    assert source_commit(repos.source).endswith("-dirty")
