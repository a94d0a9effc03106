"""Build a tiny real Pelican site in a separate process, for sub-path and reproducibility tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.publish.sites import PNG

ARTICLE = """Title: {title}
Date: {date}
Category: Annonces
Tags: séminaire
Slug: {slug}
Lang: fr

Voir le [programme]({{filename}}/pages/programme.md) et la [salle]({{static}}/images/salle.png).
"""
PROGRAMME = """Title: Programme
Slug: programme
Lang: fr

## Jour 1 {#jour-1}

Accueil et ![plan]({static}/images/salle.png).
"""
CONF = """AUTHOR = "Équipe"
SITENAME = "Séminaire"
SITEURL = {siteurl!r}
RELATIVE_URLS = {relative!r}
THEME = "simple"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
PATH = "content"
STATIC_PATHS = ["images"]
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
ARTICLE_URL = "{{slug}}/"
ARTICLE_SAVE_AS = "{{slug}}/index.html"
PAGE_URL = "{{slug}}/"
PAGE_SAVE_AS = "{{slug}}/index.html"
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
ARTICLE_ORDER_BY = {order!r}
MARKDOWN = {{"extension_configs": {{"markdown.extensions.attr_list": {{}}}}}}
DELETE_OUTPUT_DIRECTORY = True
"""


def write_project(
    root: Path, *, siteurl: str = "", relative: bool = True, order: str = "reversed-date"
) -> Path:
    """Write content and a settings file below `root`; return the settings file."""
    content = root / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "pages").mkdir(exist_ok=True)
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "salle.png").write_bytes(PNG)
    (content / "pages" / "programme.md").write_text(PROGRAMME, encoding="utf-8")
    articles = [("Ouverture", "2026-03-01 09:00", "ouverture"),
                ("Inscriptions", "2026-03-01 09:00", "inscriptions"),  # same date on purpose
                ("Salle", "2026-02-01 10:00", "salle")]
    for title, date, slug in articles:
        (content / "articles" / f"{slug}.md").write_text(
            ARTICLE.format(title=title, date=date, slug=slug), encoding="utf-8"
        )
    conf = root / "conf.py"
    conf.write_text(CONF.format(siteurl=siteurl, relative=relative, order=order),
                    encoding="utf-8")
    return conf


def build(conf: Path, output: Path, *, env: dict[str, str] | None = None) -> Path:
    """Run `pelican` on `conf` in a new process (fresh hash seed); return `output`."""
    subprocess.run(
        [sys.executable, "-m", "pelican", str(conf.parent / "content"), "-s", str(conf),
         "-o", str(output), "--fatal", "warnings", "-q"],
        check=True, cwd=conf.parent, env=env,
    )
    return output
