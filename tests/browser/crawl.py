"""The pages of a built site, as URL paths a visitor would type, and a crawl of its links from the home page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from bs4 import BeautifulSoup


def url_path(relative: str) -> str:
    """The URL path of the file at RELATIVE (posix, under the site): 'programme/' for programme/index.html."""
    if relative == "index.html":
        return ""
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative


def page_paths(output: Path) -> list[str]:
    """Every .html file under OUTPUT as a URL path: 'programme/' for programme/index.html."""
    return [url_path(html.relative_to(output).as_posix()) for html in sorted(output.rglob("*.html"))]


@dataclass(frozen=True)
class Crawl:
    """What following the links of a built site from its home page found."""

    reached: tuple[str, ...]  # URL paths of the pages reached, as page_paths() spells them
    broken: tuple[tuple[str, str], ...]  # (page, href) of each link to no file, or to an anchor the page lacks


def _page_file(output: Path, target: Path) -> Path | None:
    """The HTML file a link to TARGET serves (a folder serves its index.html), or None."""
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and output in target.parents else None


def crawl(output: Path, start: str = "index.html") -> Crawl:
    """Follow every relative <a href> from OUTPUT/START, page after page; check each file and #anchor exists."""
    output = output.resolve()
    queue, seen, broken = [output / start], {output / start}, []
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str, Path, str]] = []
    while queue:
        page = queue.pop()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html5lib")
        ids[page] = {tag["id"] for tag in soup.select("[id]")}
        for tag in soup.select("a[href]"):
            href = tag["href"]
            if urlsplit(href).scheme or href.startswith("//"):
                continue  # another site: never visited
            path, fragment = urldefrag(href)
            target = _page_file(output, (page.parent / unquote(path)).resolve()) if path else page
            if target is None:
                broken.append((page.relative_to(output).as_posix(), href))
                continue
            links.append((page, href, target, fragment))
            if target.suffix == ".html" and target not in seen:
                seen.add(target)
                queue.append(target)
    broken += [(page.relative_to(output).as_posix(), href) for page, href, target, fragment in links
               if fragment and target in ids and fragment not in ids[target]]
    reached = (url_path(page.relative_to(output).as_posix()) for page in seen if page.suffix == ".html")
    return Crawl(reached=tuple(sorted(reached)), broken=tuple(broken))
