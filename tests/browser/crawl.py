"""The pages of a built site, as URL paths a visitor would type."""

from __future__ import annotations

from pathlib import Path


def page_paths(output: Path) -> list[str]:
    """Every .html file under OUTPUT as a URL path: 'programme/' for programme/index.html."""
    paths = []
    for html in sorted(output.rglob("*.html")):
        relative = html.relative_to(output).as_posix()
        if relative == "index.html":
            paths.append("")
        elif relative.endswith("/index.html"):
            paths.append(relative[: -len("index.html")])
        else:
            paths.append(relative)
    return paths
