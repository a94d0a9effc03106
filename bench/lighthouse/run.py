"""Lighthouse (mobile) on the home, programme and gallery pages of the built site: medians of N runs.

Usage: python bench/lighthouse/run.py [--runs 3] [--keep DIR] [--gallery-corpus DIR]

Builds the repository's site as published (publishconf.py, strict) at its local address in a
temporary folder, serves it on 127.0.0.1 (plain
http.server: no compression, so byte counts are the uncompressed worst case), runs the npm
`lighthouse` pinned in package.json (else `npm i -E lighthouse@12.2.3` into a temp folder) against Debian's
Chromium, and prints one Markdown table: the four category scores, the cumulative layout shift, the total bytes, and the
bytes before images (HTML + CSS + JS + fonts). Targets: performance >= 95, the three other
scores 100, home page under 100 KB before images.

With --gallery-corpus DIR (e.g. the 60 photos of `bench/gallery/real_corpus.py -n 60 --out DIR`),
the site is built from a temporary copy of content/ with one more gallery made of DIR's JPEG
photos (copied, each with an alt text and a caption), and that gallery page is measured too, as
"gallery N photos", in the same table.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from eventsite.build import build_site  # noqa: E402
from eventsite.localserver import serve_folder  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = "12.2.3"  # 13.x needs Node 22
SPARE = Path(tempfile.gettempdir()) / f"lighthouse-{LIGHTHOUSE_VERSION}"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BEFORE_IMAGES = {"Document", "Stylesheet", "Script", "Font"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
HOME_BUDGET = 100 * 1024
CORPUS_SLUG = "banc-photos"
PHOTO_SUFFIXES = {".jpg", ".jpeg"}


def ensure_lighthouse() -> Path:
    """The pinned Lighthouse: the repository's node_modules, else installed into a temp folder."""
    if LIGHTHOUSE.exists():
        return LIGHTHOUSE
    binary = SPARE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        SPARE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "i", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}", "--no-audit", "--no-fund"],
                       cwd=SPARE, check=True)
    return binary


def gallery_path(site: Path, skip: str | None = None) -> str | None:
    """The URL path of the first gallery page of the built site (other than SKIP's), if it has one."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("galeries/*/index.html"))
    pages = [page for page in pages if page != f"galeries/{skip}"]
    return f"{pages[0]}/" if pages else None


def gallery_text(photos: list[str]) -> str:
    """The gallery.md of the benchmark gallery: title, credit, licence, and an alt and caption per photo."""
    lines = [
        f"Title: Banc d'essai, {len(photos)} photos",
        "Date: 2026-11-30",
        "Credit: photographes du paquet Debian mate-backgrounds",
        "License: licences libres, précisées dans usr/share/doc/mate-backgrounds/copyright",
        "",
        "Galerie de mesure : des photographies de paysages, réelles, de 8 à 24 mégapixels.",
    ]
    for number, name in enumerate(photos, start=1):
        lines += ["", f"## {name}",
                  f"Alt: Photographie de paysage n° {number} du banc d'essai, tirée des fonds d'écran du paquet mate-backgrounds.",
                  f"Légende: Photo {number} sur {len(photos)}."]
    return "\n".join(lines) + "\n"


def content_with_gallery(corpus: Path, root: Path) -> tuple[Path, int]:
    """A copy of content/ under ROOT with one more gallery made of CORPUS's JPEG photos; (folder, photos)."""
    photos = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES)
    if not photos:
        raise SystemExit(f"no JPEG photo in {corpus}")
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    gallery = content / "galleries" / CORPUS_SLUG
    gallery.mkdir()
    for photo in photos:
        shutil.copyfile(photo, gallery / photo.name)  # a copy: a link leading out of content/ is refused
    (gallery / "gallery.md").write_text(gallery_text([p.name for p in photos]), encoding="utf-8")
    return content, len(photos)


def run_lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse once on URL with mobile settings; return the parsed JSON report."""
    command = [
        str(ensure_lighthouse()), url, "--form-factor=mobile", f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={report}", "--quiet",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME_PATH})
    return json.loads(report.read_text(encoding="utf-8"))


def measures(report: dict) -> dict[str, float]:
    """Scores (0-100), CLS, total bytes and bytes before images from one Lighthouse report (CLS NaN if its audit erred)."""
    values = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    values["CLS"] = report["audits"].get("cumulative-layout-shift", {}).get("numericValue", math.nan)
    values["total bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    requests = report["audits"]["network-requests"]["details"]["items"]
    values["bytes before images"] = sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") in BEFORE_IMAGES)
    return values


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of each measure over RUNS (over the runs that have it: NaN when none has)."""
    found = {key: [run[key] for run in runs if not math.isnan(run[key])] for key in runs[0]}
    return {key: statistics.median(values) if values else math.nan for key, values in found.items()}


def table(results: dict[str, dict[str, float]], runs: int) -> str:
    """A Markdown table of the medians, one row per page, with the targets missed."""
    head = "| page | performance | accessibility | best practices | SEO | CLS | total bytes | bytes before images | misses |"
    lines = [f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, medians of {runs} runs", "", head, "|" + "---|" * 9]
    for page, m in results.items():
        misses = [name for name, target in TARGETS.items() if m[name] < target]
        if page == "home" and m["bytes before images"] >= HOME_BUDGET:
            misses.append("home < 100 KB before images")
        lines.append(
            f"| {page} | {m['performance']:.0f} | {m['accessibility']:.0f} | {m['best-practices']:.0f} | {m['seo']:.0f} "
            f"| {'audit erred' if math.isnan(m['CLS']) else format(m['CLS'], '.3f')} "
            f"| {m['total bytes'] / 1024:.1f} KB | {m['bytes before images'] / 1024:.1f} KB | {', '.join(misses) or 'none'} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Build, serve, measure each page RUNS times and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("--gallery-corpus", type=Path, help="also measure a gallery made of this folder's JPEG photos")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        root = Path(tmp)
        site = root / "site"
        site.mkdir()
        reports = args.keep or root / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        results = {}
        overrides: dict[str, object] = {"CACHE_PATH": str(root / "cache")}
        corpus_page = None
        if args.gallery_corpus:
            content, count = content_with_gallery(args.gallery_corpus, root)
            overrides["PATH"] = str(content)
            corpus_page = (f"gallery {count} photos", f"galeries/{CORPUS_SLUG}/")
        with serve_folder(site) as base_url:
            # Built as published (publishconf.py: absolute URLs, e.g. for hreflang), at the local address.
            address = base_url.rstrip("/")
            build_site(REPO / "publishconf.py", site, strict=True,
                       overrides={"SITEURL": address, "FEED_DOMAIN": address, **overrides})
            pages = {"home": "", "programme": "programme/"}
            gallery = gallery_path(site, skip=CORPUS_SLUG)
            if gallery is not None:
                pages["gallery"] = gallery
            if corpus_page is not None:
                pages[corpus_page[0]] = corpus_page[1]
            for name, path in pages.items():
                runs = [measures(run_lighthouse(base_url + path, reports / f"{name}-{i}.json")) for i in range(args.runs)]
                results[name] = medians(runs)
                print(f"{name}: {results[name]}", file=sys.stderr)
    print(table(results, args.runs))
    if gallery is None:
        print("\n(no gallery page in this build: the gallery plugin is not enabled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
