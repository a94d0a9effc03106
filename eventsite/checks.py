"""Pre-publish checks of a built site folder, with no network access."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from eventsite import validator
from eventsite.allowances import Allowances, origins, read_allowances
from eventsite.feedscan import feed_links
from eventsite.activecontent import active_problems, embed_allowed, embed_hint, location
from eventsite.htmlscan import PageScan, Ref, css_urls, scan_page
from eventsite.report import CheckReport, Problem, format_report, unique_sorted
from eventsite.urls import SiteUrls, Target, candidate_files, default_base_path
from eventsite.imagemetadata import metadata_labels

HTML_SUFFIXES = (".html", ".htm")


def site_files(root: Path, suffixes: tuple[str, ...]) -> list[str]:
    """Return the files below `root` with one of `suffixes`, as sorted POSIX paths."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes
    )


def existing_file(root: Path, path: str) -> str | None:
    """Return the file that serves an internal path, or None when there is none."""
    for candidate in candidate_files(path):
        if (root / candidate).is_file():
            return candidate
    return None


def _where(ref: Ref) -> str:
    return location(ref.tag, ref.line)


def check_ref(
    root: Path, page: str, ref: Ref, target: Target, scans: Mapping[str, PageScan]
) -> Iterator[Problem]:
    """Yield the problems of one internal or out-of-base URL of `page`."""
    where = _where(ref)
    dead_kind = "missing-asset" if ref.role == "resource" else "dead-link"
    if target.kind == "outside-base":
        yield Problem(
            page, "outside-base",
            f"{where}« {ref.url} » sort du chemin de base du site ({target.path})",
        )
        return
    found = existing_file(root, target.path)
    if found is None:
        noun = "ressource introuvable" if ref.role == "resource" else "lien mort"
        expected = candidate_files(target.path)[0]
        yield Problem(
            page, dead_kind, f"{where}{noun} : « {ref.url} » (aucun fichier « {expected} »)"
        )
        return
    if not target.fragment or target.fragment.lower() == "top":
        return
    scan = scans.get(found)
    if scan is not None and target.fragment not in scan.anchors:
        yield Problem(
            page, "dead-anchor",
            f"{where}ancre introuvable : « {ref.url} » (pas d'id « {target.fragment} » "
            f"dans {found})",
        )


def page_problems(page: str, scan: PageScan) -> Iterator[Problem]:
    """Yield the problems a page has on its own: title, lang, alt."""
    if not scan.title:
        yield Problem(page, "no-title", "la page n'a pas de <title> non vide")
    if not scan.lang:
        yield Problem(page, "no-lang", "la balise <html> n'a pas d'attribut lang")
    for src, line in scan.images_without_alt:
        at = f"ligne {line}, " if line else ""
        yield Problem(page, "img-no-alt", f"{at}<img src=« {src} »> sans attribut alt")


def ref_problems(
    root: Path, urls: SiteUrls, page: str, scans: Mapping[str, PageScan],
    external: dict[str, set[str]], allow: Allowances = Allowances(),
) -> Iterator[Problem]:
    """Yield the problems of every URL of `page`; record its external links."""
    for ref in scans[page].refs:
        target = urls.resolve(page, ref.url)
        if target.kind == "external":
            if ref.role == "resource" and not embed_allowed(ref.tag, ref.url, allow):
                yield Problem(
                    page, "external-resource",
                    f"{_where(ref)}ressource chargée depuis un autre hôte : « {ref.url} »"
                    + embed_hint(ref.tag),
                )
            else:
                external.setdefault(target.url, set()).add(page)
        elif target.kind in ("internal", "outside-base"):
            yield from check_ref(root, page, ref, target, scans)


def css_problems(root: Path, urls: SiteUrls, sheet: str) -> Iterator[Problem]:
    """Yield missing or external `url(...)` and `@import` targets of a stylesheet."""
    text = (root / sheet).read_text(encoding="utf-8", errors="replace")
    for url in css_urls(text):
        ref = Ref("resource", "css", url, None)
        target = urls.resolve(sheet, url)
        if target.kind == "external":
            yield Problem(
                sheet, "external-resource",
                f"ressource chargée depuis un autre hôte : « {url} »",
            )
        elif target.kind in ("internal", "outside-base"):
            yield from check_ref(root, sheet, ref, target, {})


def image_problems(root: Path) -> Iterator[Problem]:
    """Yield one problem per image of the site that still carries metadata (headers only)."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        found = metadata_labels(path)
        if found:
            yield Problem(
                path.relative_to(root).as_posix(), "image-metadata",
                f"l'image contient encore des métadonnées ({', '.join(found)}) ; reconstruisez le "
                "site avec le greffon clean_images, ou exportez l'original sans métadonnées",
            )


def feed_problems(
    root: Path, urls: SiteUrls, feed: str, scans: Mapping[str, PageScan]
) -> Iterator[Problem]:
    """Yield the dead links and anchors of an Atom/RSS feed (other XML is skipped)."""
    links = feed_links((root / feed).read_text(encoding="utf-8", errors="replace"))
    for url in links or ():
        target = urls.resolve(feed, url)
        if target.kind in ("internal", "outside-base"):
            yield from check_ref(root, feed, Ref("link", "link", url, None), target, scans)


def check_site(
    root: Path,
    *,
    base_path: str | None = None,
    site_url: str | None = None,
    validate_html: bool = True,
    allow: Allowances = Allowances(),
) -> CheckReport:
    """Check a built site folder and return every problem found (no network).

    `base_path` defaults to the path of `site_url`, or "/" without one; `allow` names what
    active or foreign content is let through on purpose (eventsite.allowances).
    """
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(f"pas de dossier de site : {root}")
    urls = SiteUrls(base_path or default_base_path(site_url), site_url)
    pages = site_files(root, HTML_SUFFIXES)
    scans = {
        page: scan_page((root / page).read_text(encoding="utf-8", errors="replace"))
        for page in pages
    }
    external: dict[str, set[str]] = {}
    problems: list[Problem] = []
    if not (root / "index.html").is_file():
        problems.append(Problem("index.html", "no-index", "pas de page d'accueil index.html"))
    for page in pages:
        problems += page_problems(page, scans[page])
        problems += ref_problems(root, urls, page, scans, external, allow)
        problems += active_problems(page, scans[page], urls, allow)
    for svg in site_files(root, (".svg",)):  # opened directly, an SVG file runs its scripts
        text = (root / svg).read_text(encoding="utf-8", errors="replace")
        problems += active_problems(svg, scan_page(text), urls, allow)
    for sheet in site_files(root, (".css",)):
        problems += css_problems(root, urls, sheet)
    for feed in site_files(root, (".xml", ".atom", ".rss")):
        problems += feed_problems(root, urls, feed, scans)
    problems += image_problems(root)
    if validate_html and pages:
        problems += validator.validate_html(root)
    return CheckReport(
        root=str(root),
        files_checked=len(pages),
        problems=unique_sorted(problems),
        external_links={url: tuple(sorted(files)) for url, files in sorted(external.items())},
    )


def site_verifier(
    *, base_path: str | None = None, site_url: str | None = None, validate_html: bool = True,
    allow: Allowances = Allowances(),
) -> Callable[[Path], list[str]]:
    """Return a function that checks a built folder and returns its problems as text.

    Made for a build step that swaps a temporary folder into place only when it
    returns no problem (e.g. a `verify=` hook of eventsite.build.build_site).
    """

    def verify(folder: Path) -> list[str]:
        report = check_site(
            folder, base_path=base_path, site_url=site_url, validate_html=validate_html,
            allow=allow,
        )
        return [str(problem) for problem in report.problems]

    return verify


def cli_allowances(settings_file: Path | None, embeds: list[str], forms: list[str]) -> Allowances:
    """Return the allowances of a settings file (if any) plus those given on the command line."""
    settings: dict[str, object] = {}
    if settings_file is not None:
        from pelican.settings import read_settings

        settings = read_settings(str(settings_file))
    base = read_allowances(settings)
    return replace(
        base,
        embeds=base.embeds + origins(embeds, "--allow-embed"),
        forms=base.forms + origins(forms, "--allow-form"),
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: check a built folder, print problems by file, return 1 if any."""
    parser = argparse.ArgumentParser(
        prog="python -m eventsite.checks", description="Vérifie un site construit."
    )
    parser.add_argument("root", type=Path, help="dossier du site construit (output/)")
    parser.add_argument(
        "--base-path", default=None,
        help="chemin de publication, ex. /repo/ (défaut : celui de --site-url, ou /)",
    )
    parser.add_argument("--site-url", default=None, help="SITEURL absolu du site publié")
    parser.add_argument("--no-html-validation", action="store_true",
                        help="ne pas lancer le validateur Nu (plus rapide)")
    parser.add_argument("--list-external", action="store_true",
                        help="lister les liens externes (jamais visités)")
    parser.add_argument("--settings", type=Path, default=None,
                        help="fichier de réglages dont lire PUBLISH_ALLOW_* (ex. publishconf.py)")
    parser.add_argument("--allow-embed", action="append", default=[], metavar="ORIGINE",
                        help="origine https:// admise dans une <iframe> (s'ajoute aux réglages)")
    parser.add_argument("--allow-form", action="append", default=[], metavar="ORIGINE",
                        help="origine https:// à laquelle un formulaire peut envoyer")
    args = parser.parse_args(argv)
    try:
        allow = cli_allowances(args.settings, args.allow_embed, args.allow_form)
        report = check_site(args.root, base_path=args.base_path, site_url=args.site_url,
                            validate_html=not args.no_html_validation, allow=allow)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    except NotADirectoryError as error:
        print(error, file=sys.stderr)
        return 2
    print(format_report(report, list_external=args.list_external))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
