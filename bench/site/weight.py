"""Page weight of built pages: HTML + CSS + JS bytes (and images apart), raw and gzipped.

Usage: python bench/site/weight.py [OUTPUT] [PAGE ...]   (default: output/ index.html programme/index.html)
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup


def assets(output: Path, page: str) -> dict[str, list[Path]]:
    """The local files a page loads, grouped as html, css, js and img."""
    html = output / page
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    found: dict[str, list[Path]] = {"html": [html], "css": [], "js": [], "img": []}
    refs = [("css", link.get("href")) for link in soup.find_all("link", rel="stylesheet")]
    refs += [("js", script.get("src")) for script in soup.find_all("script", src=True)]
    refs += [("img", img.get("src")) for img in soup.find_all("img", src=True)]
    for kind, ref in refs:
        path = urlparse(urljoin(f"/{page}", ref)).path.lstrip("/")
        target = output / path
        if target.is_file():
            found[kind].append(target)
    return found


def main() -> None:
    """Print a Markdown table of page weights."""
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("output")
    pages = sys.argv[2:] or ["index.html", "programme/index.html"]
    print("| page | HTML | CSS | JS | HTML+CSS+JS | gzipped | images |")
    print("|---|---|---|---|---|---|---|")
    for page in pages:
        found = assets(output, page)
        size = {k: sum(p.stat().st_size for p in v) for k, v in found.items()}
        text = found["html"] + found["css"] + found["js"]
        zipped = sum(len(gzip.compress(p.read_bytes())) for p in text)
        total = size["html"] + size["css"] + size["js"]
        print(f"| {page} | {size['html']} | {size['css']} | {size['js']} | {total} | {zipped} | {size['img']} |")


if __name__ == "__main__":
    main()
