"""Build a small real site with the repository's settings, then run the pre-publish checks."""

from __future__ import annotations

from pathlib import Path

from eventsite.allowances import Allowances
from eventsite.build import build_site
from eventsite.checks import check_site
from eventsite.report import CheckReport
from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site

A11Y = "Title: Déclaration d'accessibilité\nSlug: accessibilite\nTemplate: accessibility\n\n"
# The test site has only BASE_SITE's pages: the menus link to nothing else.
SMALL_SITE = {
    "EVENT_NAV": (("Accueil", ""), ("Programme", "programme/"), ("Actualités", "actualites/")),
    "EVENT_FOOTER_LINKS": (),
    "EVENT_LANGUAGES": {},
    "GALLERY_PROCESSES": 1,
    "GALLERY_WIDTHS": (120,),
    "GALLERY_MAX_WIDTH": 240,
}


def build_and_check(tmp_path: Path, files: dict[str, str], allow: Allowances = Allowances(),
                    photos: dict[str, bytes] | None = None) -> CheckReport:
    """Write BASE_SITE plus `files` (and binary `photos`), build it, return the checks' report."""
    content = write_site(tmp_path, {**BASE_SITE, "pages/accessibilite.md": A11Y, **files})
    for relpath, data in (photos or {}).items():
        (content / relpath).parent.mkdir(parents=True, exist_ok=True)
        (content / relpath).write_bytes(data)
    output = tmp_path / "output"
    build_site(SETTINGS, output, strict=False, overrides=site_overrides(tmp_path, content, **SMALL_SITE))
    return check_site(output, validate_html=False, allow=allow)
