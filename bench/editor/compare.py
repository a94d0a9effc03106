"""Compare the editor candidates: bundle size, requests to other hosts, and axe-core (WCAG 2.1 A/AA) violations.

    python bench/editor/compare.py [--sveltia DIR]

Decap CMS is the pinned bundle (scripts/setup.py --editor); it is measured on its sign-in page, on
the list of speakers and on a speaker's form, through the local editor (eventsite/editorserver.py)
over a copy of content/. Sveltia CMS, when DIR holds its unpacked package (`npm pack
@sveltia/cms@0.221.1` then `tar xzf`), is measured on its sign-in page (its local mode needs a
folder chosen by hand, which a headless browser cannot do). Requests to another host are refused
and counted. No timing here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from playwright.sync_api import Page, Route, sync_playwright  # noqa: E402

from eventsite.editorbundle import bundle_folder  # noqa: E402
from eventsite.editorschema import site_forms  # noqa: E402
from eventsite.editorserver import EditorServer  # noqa: E402
from eventsite.localserver import serve_folder  # noqa: E402
from tests.browser.axe import axe_violations  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, SETTINGS  # noqa: E402

SVELTIA_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Sveltia</title>
<script src="sveltia-cms.js"></script></head><body></body></html>"""
SVELTIA_CONFIG = {"backend": {"name": "github", "repo": "ira-lyon/seminaire", "branch": "main"},
                  "media_folder": "content/images", "locale": "fr",
                  "collections": [{"name": "speakers", "label": "Intervenants", "folder": "content/speakers",
                                   "fields": [{"name": "name", "label": "Nom", "widget": "string"}]}]}


def sizes(files: list[Path]) -> tuple[int, int]:
    """(bytes, gzip -9 bytes) of FILES together."""
    raw = b"".join(p.read_bytes() for p in files)
    return len(raw), len(gzip.compress(raw, 9))


def guarded(page: Page, foreign: list[str]) -> None:
    """Refuse, and record, every request PAGE makes to a host other than 127.0.0.1."""

    def guard(route: Route) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("data", "blob") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", guard)


def summary(name: str, violations: list[dict]) -> None:
    """Print one page's violations, one line each."""
    print(f"  {name}: {len(violations)} rule(s) violated")
    for v in violations:
        print(f"    - {v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'][:2])}")


def decap(browser) -> None:
    """Decap CMS through the local editor."""
    bundle = bundle_folder()
    files = [p for p in bundle.iterdir() if p.is_file()]
    raw, packed = sizes(files)
    first = sizes([bundle / "decap-cms.js"])
    print(f"Decap CMS ({bundle.name}): {len(files)} files, {raw:,} B ({packed:,} B gzip); decap-cms.js alone {first[0]:,} B ({first[1]:,} B gzip)")
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(REPO / "content", Path(scratch) / "content")
        _content, forms = site_forms(SETTINGS)
        server = EditorServer(Path(scratch) / "content", forms, port=0, site_url="http://127.0.0.1:9/")
        server.start()
        page, foreign = browser.new_page(viewport={"width": 1280, "height": 900}), []
        guarded(page, foreign)
        loaded: list[str] = []
        page.on("requestfinished", lambda r: loaded.append(r.url))
        try:
            page.goto(server.url)
            page.get_by_role("button", name="Ouvrir l'éditeur").wait_for()
            summary("sign-in page", axe_violations(page))
            page.get_by_role("button", name="Ouvrir l'éditeur").click()
            page.get_by_text("Cécile Batou-To Van").wait_for()
            summary("list of speakers", axe_violations(page))
            page.goto("about:blank")
            page.goto(server.url + "#/collections/speakers/entries/cecile-batou-to-van")
            page.get_by_label("Fonction").wait_for()
            summary("a speaker's form", axe_violations(page))
        finally:
            server.stop()
        print(f"  requests: {len(set(loaded))} to 127.0.0.1, {len(foreign)} to other hosts {sorted(set(foreign))[:5]}")


def sveltia(browser, folder: Path) -> None:
    """Sveltia CMS's sign-in page, served from our own folder."""
    dist = folder / "package" / "dist"
    files = [p for p in dist.rglob("*") if p.is_file() and p.suffix == ".js" and not p.name.endswith(".mjs")]
    raw, packed = sizes(files)
    print(f"Sveltia CMS ({folder.name}): {len(files)} .js files, {raw:,} B ({packed:,} B gzip)")
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "admin"
        shutil.copytree(dist, site)
        (site / "index.html").write_text(SVELTIA_PAGE, encoding="utf-8")
        (site / "config.yml").write_text(json.dumps(SVELTIA_CONFIG), encoding="utf-8")
        with serve_folder(Path(scratch)) as url:
            page, foreign = browser.new_page(viewport={"width": 1280, "height": 900}), []
            guarded(page, foreign)
            page.goto(url + "admin/")
            page.on("console", lambda m: print("   console:", m.text[:200]) if m.type == "error" else None)
            page.get_by_text("Sign In").or_(page.get_by_text("Se connecter")).first.wait_for()
            print(f"  sign-in page text: {page.locator('body').inner_text()[:120]!r}")
            summary("sign-in page", axe_violations(page))
            print(f"  requests to other hosts (refused): {len(foreign)} {sorted(set(foreign))[:5]}")


def main() -> int:
    """Measure Decap, and Sveltia when its package is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sveltia", type=Path, help="folder holding the unpacked @sveltia/cms package (package/dist)")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            decap(browser)
            if args.sveltia:
                sveltia(browser, args.sveltia)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
