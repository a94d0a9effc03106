"""Publish a checked site folder onto a git branch (gh-pages): no new commit when nothing changed."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from eventsite import ghpages
from eventsite.allowances import Allowances
from eventsite.checks import check_site
from eventsite.gitinfo import branch_sha, current_env, identity_env, source_commit
from eventsite.report import CheckReport, Problem

DEFAULT_MESSAGE = "Publication du site"


class PublishRefused(Exception):
    """The site has problems: nothing was published, the branch is untouched."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(f"publication refusée : {len(self.problems)} problème(s)")


class PublishFailed(Exception):
    """git failed (a push refused or unreachable); the local branch is where it was."""


class InvalidCname(ValueError):
    """The custom domain is not a host name; nothing was built or published."""


HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
CNAME_EXAMPLE = "seminaire.example.org"


def valid_cname(value: str) -> str:
    """Return VALUE as a lower-case host name, or raise InvalidCname with a French message."""
    host = value.strip().lower()
    labels = host.split(".")
    if (len(host) <= 253 and len(labels) >= 2 and all(HOST_LABEL.match(label) for label in labels)
            and not labels[-1].isdigit()):
        return host
    raise InvalidCname(
        f"Le domaine personnalisé CNAME « {value} » n'est pas un nom d'hôte. Indiquez seulement le nom, "
        f"sans https://, sans chemin ni espace, par exemple {CNAME_EXAMPLE} (réglage CNAME de "
        f"publishconf.py, variable d'environnement SITE_CNAME ou option --cname). Rien n'a été publié."
    )


@dataclass(frozen=True)
class PublishResult:
    """What was (or, in a dry run, would be) published, and where."""

    site_dir: Path
    branch: str
    remote: str | None  # None when not pushed
    cname: str | None
    message: str
    files: int
    size_bytes: int
    dry_run: bool
    commit: str | None  # the branch's sha after publishing; None in a dry run
    report: CheckReport
    changed: bool = True  # False: the site is the branch's current tree, no commit was made

    def summary(self) -> str:
        """Return a French one-paragraph summary for the terminal."""
        verb = "seraient publiés" if self.dry_run else "publiés"
        target = f"{self.remote}/{self.branch}" if self.remote else f"{self.branch} (local)"
        return (
            f"{self.files} fichiers ({self.size_bytes / 1024:.1f} Kio".replace(".", ",") + f") {verb} sur {target} ; "
            f"CNAME : {self.cname or 'aucun'} ; message : « {self.message} »"
            + (f" ; commit {self.commit}" if self.commit else "")
            + ("" if self.changed else " (site inchangé : aucun nouveau commit)")
        )


def commit_message(message: str, source: str) -> str:
    """Return the publication commit message, naming the source commit."""
    return f"{message} (source : {source})"


def folder_stats(site_dir: Path) -> tuple[int, int]:
    """Return the number of files below `site_dir` and their total size in bytes."""
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def publish(
    site_dir: Path,
    *,
    repo: Path,
    branch: str = "gh-pages",
    remote: str = "origin",
    cname: str | None = None,
    push: bool = False,
    dry_run: bool = False,
    message: str = DEFAULT_MESSAGE,
    base_path: str | None = None,
    site_url: str | None = None,
    allow: Allowances = Allowances(),
) -> PublishResult:
    """Check `site_dir`, then commit it onto `branch` of `repo` (push if asked).

    Raises InvalidCname before anything else, PublishRefused (branch untouched) when the
    checks find any problem, PublishFailed (branch untouched) when git fails. A site
    identical to the branch's tree makes no commit. The local branch moves only once the
    push (when asked) has succeeded.
    """
    cname = valid_cname(cname) if cname else None
    site_dir, repo = Path(site_dir).resolve(), Path(repo).resolve()
    report = check_site(site_dir, base_path=base_path, site_url=site_url, validate_html=True,
                        allow=allow)
    if not report.ok:
        raise PublishRefused(list(report.problems))
    full_message = commit_message(message, source_commit(repo))
    files, size = folder_stats(site_dir)
    result = PublishResult(
        site_dir, branch, remote if push else None, cname, full_message,
        files, size, dry_run, None, report,
    )
    if dry_run:
        return result
    env = identity_env(repo, current_env())
    old = branch_sha(repo, branch)
    try:
        tree = ghpages.folder_tree(repo, site_dir, site_extras(cname))
        if old is not None and tree == ghpages.branch_tree(repo, branch):
            new, changed = old, False
        else:
            new, changed = ghpages.commit(repo, tree, old, full_message, env), True
        if push:
            ghpages.push(repo, remote, new, branch, env)
        if changed:
            ghpages.move_branch(repo, branch, new, old)
    except ghpages.GitFailed as error:
        where = f"l'envoi vers {remote}" if push else "le commit"
        raise PublishFailed(
            f"La publication a échoué pendant {where} : {error}\n"
            f"La branche locale {branch} n'a pas bougé ; corrigez le problème puis relancez."
        ) from None
    return replace(result, commit=new, changed=changed)


def site_extras(cname: str | None) -> dict[str, bytes]:
    """Return the files GitHub Pages reads besides the site: .nojekyll, and CNAME when set."""
    return {".nojekyll": b"", **({"CNAME": f"{cname}\n".encode()} if cname else {})}
