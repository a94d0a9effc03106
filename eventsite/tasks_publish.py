"""Task bodies for tasks.py: `publish` and `check-output` (wired by the lead).

    from eventsite.tasks_publish import check_output_task, publish_task
    publish = task(publish_task, name="publish")
    check_output = task(check_output_task, name="check-output")
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from invoke.exceptions import Exit
from pelican.settings import read_settings

from eventsite.allowances import Allowances, read_allowances
from eventsite.checks import check_site
from eventsite.publish import InvalidCname, PublishFailed, PublishRefused, publish, valid_cname
from eventsite.report import format_problems, format_report

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PUBLISH_SETTINGS = "publishconf.py"
OUTPUT = "output"


def publish_settings(root: Path) -> dict[str, Any]:
    """Return Pelican's settings read from the project's publishconf.py."""
    return read_settings(str(root / PUBLISH_SETTINGS))


def _refuse(title: str, problems: list[str]) -> Exit:
    print(title)
    print("\n".join(problems))
    return Exit(f"{title} Rien n'a été publié.", code=1)


def publish_task(c: Any, push: bool = False, dry_run: bool = False,
                 cname: str | None = None, root: Path | None = None) -> None:
    """Build strictly with publishconf, check the output, then publish it on gh-pages.

    A dry run builds into a temporary folder, reports what would be published and removes
    it: output/ and the branches stay as they were.
    """
    root = Path(root or PROJECT_ROOT)
    settings = publish_settings(root)
    wanted = cname or settings.get("CNAME") or None
    try:  # a bad domain stops here, before a build that would be thrown away
        cname = valid_cname(wanted) if wanted else None
    except InvalidCname as error:
        raise Exit(str(error), code=1) from None
    if dry_run:
        with tempfile.TemporaryDirectory(prefix="publication-essai-") as scratch:
            _build_and_publish(root, settings, Path(scratch) / OUTPUT, cname=cname, push=push, dry_run=True)
        print("[essai] Construit dans un dossier temporaire, supprimé ; output/ et les branches n'ont pas changé.")
    else:
        _build_and_publish(root, settings, root / OUTPUT, cname=cname, push=push, dry_run=False)


def _build_and_publish(root: Path, settings: dict[str, Any], output: Path, *, cname: str | None,
                       push: bool, dry_run: bool) -> None:
    """Build strictly into OUTPUT (checked before it replaces OUTPUT), then publish it and print the report."""
    from eventsite.build import BuildFailed, build_site
    from eventsite.checks import site_verifier

    try:
        allow = read_allowances(settings)
    except ValueError as error:
        raise Exit(str(error), code=1) from None
    try:
        # The checks run on the new build before it replaces output/: output/ keeps the last good site.
        build_site(root / PUBLISH_SETTINGS, output, strict=True,
                   verify=site_verifier(site_url=settings["SITEURL"] or None, allow=allow))
    except BuildFailed as failed:
        raise _refuse("La construction stricte a échoué.", [f"  - {p}" for p in failed.problems])
    try:
        result = publish(
            output, repo=root, cname=cname, push=push,
            dry_run=dry_run, message="Publication du site", site_url=settings["SITEURL"] or None,
            allow=allow,
        )
    except PublishRefused as refused:
        raise _refuse("Les vérifications ont échoué.", format_problems(refused.problems))
    except PublishFailed as failed:
        raise Exit(str(failed), code=1)
    print(format_report(result.report, list_external=True))
    print(("[essai] " if dry_run else "") + result.summary())


def check_output_task(c: Any, base_path: str | None = None, site_url: str | None = None,
                      no_html_validation: bool = False, root: Path | None = None) -> None:
    """Check the built output/ folder (links, assets, HTML, title, lang, alt, hosts, scripts, images)."""
    root = Path(root or PROJECT_ROOT)
    conf = root / PUBLISH_SETTINGS
    try:
        allow = read_allowances(publish_settings(root)) if conf.is_file() else Allowances()
    except ValueError as error:
        raise Exit(str(error), code=1) from None
    report = check_site(
        root / OUTPUT, base_path=base_path, site_url=site_url,
        validate_html=not no_html_validation, allow=allow,
    )
    print(format_report(report, list_external=True))
    if not report.ok:
        raise Exit("Le site a des problèmes.", code=1)
