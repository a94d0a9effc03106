"""Find the links of a built site that lead to no file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from tests.conftest import parse


def broken_links(out: Path) -> list[tuple[str, str]]:
    """(page, href) for every relative link or stylesheet of OUT whose target file does not exist."""
    broken = []
    for page in sorted(out.rglob("*.html")):
        for tag in parse(page).select("a[href], link[href]"):
            href = urldefrag(tag["href"])[0]
            if not href or urlsplit(href).scheme:
                continue
            target = (page.parent / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append((str(page.relative_to(out)), tag["href"]))
    return broken
