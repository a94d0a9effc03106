"""A small project with photos on disk, and full builds of it run as separate processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import BASE_SITE, REPO, parse, write_site
from tests.gallery.gallery_support import gallery_md, photo_bytes

PHOTOS = {f"{n:02d}-vue.jpg": f"Vue numéro {n} de la salle" for n in range(1, 7)}


def make_project(root: Path) -> Path:
    """Write a site with a gallery of six photos and two speaker portraits; return its settings file.

    The settings are the repository's, Pelican's content cache included, pointed at this site.
    """
    content = write_site(root, {
        **BASE_SITE,
        "speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\nPhoto: images/speakers/alice.jpg\n\nBio.\n",
        "speakers/bob-durand.md": "Name: Bob Durand\nRole: Animateur\nPhoto: images/speakers/bob.jpg\n\nBio.\n",
        "galleries/journee/gallery.md": gallery_md("La journée", PHOTOS),
    })
    for index, name in enumerate(PHOTOS):
        (content / "galleries/journee" / name).write_bytes(photo_bytes((900 + 40 * index, 600)))
    for index, name in enumerate(("alice.jpg", "bob.jpg")):
        path = content / "images/speakers" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(photo_bytes((500, 500 + 60 * index)))
    settings = root / "testconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(content)!r}\nCACHE_PATH = {str(root / 'cache')!r}\n"
        f"THEME = {str(REPO / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        "EVENT_START = '2018-03-01'\nEVENT_END = '2018-03-01'\n",
        encoding="utf-8",
    )
    return settings


def start_build(settings: Path, output: Path, umask: int | None = None) -> subprocess.Popen[str]:
    """Start `python -m eventsite build` as its own process."""
    return subprocess.Popen(
        [sys.executable, "-m", "eventsite", "build", "--settings", str(settings), "--output", str(output)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def finish(process: subprocess.Popen[str]) -> str:
    """Wait for a build process; fail with its output unless it succeeded."""
    out, _ = process.communicate(timeout=600)
    assert process.returncode == 0, out
    return out


def image_urls(output: Path) -> dict[str, set[str]]:
    """Return page → every local image file referenced by <img>/<source> (src, srcset) and og:image."""
    found: dict[str, set[str]] = {}
    for page in output.rglob("*.html"):
        soup = parse(page)
        urls: set[str] = set()
        for tag in soup.select("img, source"):
            urls.add(tag.get("src", ""))
            urls.update(candidate.strip().rsplit(" ", 1)[0] for candidate in tag.get("srcset", "").split(","))
        urls.update(meta.get("content", "") for meta in soup.select('meta[property="og:image"]'))
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            found.setdefault(str(page.relative_to(output)), set()).add(
                os.path.normpath(os.path.join(page.parent, unquote(parts.path))))
    return found


def shown_photos(output: Path) -> dict[str, set[str]]:
    """Return the alt texts of the gallery page's photos and of each speaker's portrait."""
    gallery = parse(output / "galeries/journee/index.html")
    speakers = {name: parse(output / f"intervenants/{name}/index.html") for name in ("alice-martin", "bob-durand")}
    return {
        "galerie": {img.get("alt", "") for img in gallery.select("main img")},
        **{name: {img.get("alt", "") for img in page.select("main img")} for name, page in speakers.items()},
    }


def missing_images(output: Path) -> list[str]:
    """Return every referenced image file that does not exist, as « page → file »."""
    return sorted(f"{page} → {os.path.relpath(file, output)}"
                  for page, files in image_urls(output).items() for file in files if not os.path.isfile(file))
