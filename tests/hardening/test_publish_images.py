"""The publish path: a {static} JPEG with GPS and a comment, linked from a news file, is
published without them; `invoke check` warns about the original."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from invoke import Context
from PIL import Image

from eventsite.tasks_publish import publish_task
from tests.conftest import BASE_SITE, REPO, write_site
from tests.hardening.images import GPS_IFD, assert_no_metadata, exif_with_gps, picture
from tests.publish.conftest import make_repos, run_git

NEWS = "Title: Le lieu\nDate: 2018-03-02 10:00\n\nLa salle : ![La salle vue de la scène]({static}/images/salle.jpg)\n"
A11Y = "Title: Déclaration d'accessibilité\nSlug: accessibilite\nTemplate: accessibility\n\n"
PUBLISHCONF = """import runpy
globals().update({{k: v for k, v in runpy.run_path({repo!r}).items() if k.isupper()}})
PATH = {content!r}
CACHE_PATH = {cache!r}
PLUGIN_PATHS = [{plugins!r}]
THEME = {theme!r}
# The test site has only the pages of tests/conftest.py's BASE_SITE: no link to the others.
EVENT_NAV = (("Accueil", ""), ("Programme", "programme/"), ("Actualités", "actualites/"))
EVENT_FOOTER_LINKS = ()
EVENT_LANGUAGES = {{}}
"""


def write_project(root: Path) -> Path:
    """Write a content folder with a located photo, and a publishconf.py using the repository's."""
    content = write_site(root, {**BASE_SITE, "news/lieu.md": NEWS, "pages/accessibilite.md": A11Y})
    (content / "images").mkdir(exist_ok=True)
    picture((64, 48)).save(content / "images" / "salle.jpg", "JPEG", exif=exif_with_gps(),
                            comment=b"secret-comment")
    (root / "publishconf.py").write_text(PUBLISHCONF.format(
        repo=str(REPO / "publishconf.py"), content=str(content), cache=str(root / "cache"),
        plugins=str(REPO / "plugins"), theme=str(REPO / "theme"),
    ), encoding="utf-8")
    (root / ".gitignore").write_text("output/\ncache/\ncontent/\n__pycache__/\n", encoding="utf-8")
    run_git(root, "add", ".")
    run_git(root, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "conf")
    return content


def test_published_static_image_has_no_gps_nor_comment(tmp_path: Path) -> None:
    repos = make_repos(tmp_path / "git")
    content = write_project(repos.source)
    with Image.open(content / "images" / "salle.jpg") as original:  # the attack is real
        assert original.getexif().get_ifd(GPS_IFD) and original.info["comment"] == b"secret-comment"

    publish_task(Context(), root=repos.source)

    published = subprocess.run(
        ["git", "-C", str(repos.source), "show", "gh-pages:images/salle.jpg"],
        capture_output=True, check=True,
    ).stdout
    copy = tmp_path / "published.jpg"
    copy.write_bytes(published)
    assert_no_metadata(copy)
    with Image.open(io.BytesIO(published)) as im:
        assert not im.getexif() and "comment" not in im.info and "xmp" not in im.info
    assert (content / "images" / "salle.jpg").read_bytes().count(b"secret-comment") == 1
