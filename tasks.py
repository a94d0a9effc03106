"""Invoke tasks: one short task per verb (``invoke --list``)."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
HOST, PORT = "127.0.0.1", 8000


@task
def build(c, strict=False):
    """Build the site into output/ (--strict: fail on any warning, keep the last good site)."""
    c.run(f"{sys.executable} -m eventsite build --output {OUTPUT}" + (" --strict" if strict else ""))


@task
def strict(c):
    """Build as CI and publishing do: any content problem fails and nothing is replaced."""
    build(c, strict=True)


@task
def preview(c, port=PORT):
    """Build, then serve on http://127.0.0.1:8000 and rebuild when a file changes."""
    c.run(
        f"{sys.executable} -m pelican --autoreload --listen --bind {HOST} --port {port} "
        f"-s {ROOT / 'pelicanconf.py'} -o {OUTPUT}",
        pty=sys.stdout.isatty(),
    )


@task
def serve(c, port=PORT):
    """Serve the last build of output/ without rebuilding."""
    c.run(f"{sys.executable} -m pelican --listen --bind {HOST} --port {port} -o {OUTPUT} -s {ROOT / 'pelicanconf.py'}")


@task
def clean(c):
    """Remove output/ and the build cache."""
    for folder in (OUTPUT, ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


@task
def test(c):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest")


@task
def check(c):
    """Check all content without building the site; list every problem in French (exit 1 if any)."""
    c.run(f"{sys.executable} -m eventsite check --settings {ROOT / 'pelicanconf.py'}")


def _new(c, kind: str, name: str) -> None:
    c.run(f"{sys.executable} -m eventsite new {kind} {shlex.quote(name)} --content {ROOT / 'content'}")


@task(name="new-speaker")
def new_speaker(c, name):
    """Create content/speakers/<nom>.md to fill in: invoke new-speaker "Jeanne Dupont"."""
    _new(c, "speaker", name)


@task(name="new-session")
def new_session(c, title):
    """Create content/sessions/<titre>.md to fill in: invoke new-session "Table ronde"."""
    _new(c, "session", title)


@task(name="new-partner")
def new_partner(c, name):
    """Create content/partners/<nom>.md to fill in: invoke new-partner "Ville de Lyon"."""
    _new(c, "partner", name)


@task(name="new-proposal")
def new_proposal(c, title):
    """Create content/proposals/<titre>.md to fill in: invoke new-proposal "Mentorat inversé"."""
    _new(c, "proposal", title)


@task(name="new-article")
def new_article(c, title):
    """Create content/news/<titre>.md to fill in: invoke new-article "Compte rendu"."""
    _new(c, "article", title)


@task(name="new-gallery")
def new_gallery(c, title):
    """Create content/galleries/<titre>/gallery.md to fill in: invoke new-gallery "La journée en images"."""
    _new(c, "gallery", title)


@task
def translations(c):
    """Update theme/translations/*/messages.po from the strings of the templates (then translate the new ones)."""
    c.run(f"pybabel extract -F {ROOT / 'babel.cfg'} -o {ROOT / 'cache' / 'messages.pot'} --no-location {ROOT}")
    c.run(f"pybabel update -i {ROOT / 'cache' / 'messages.pot'} -d {ROOT / 'theme' / 'translations'} --no-location --ignore-obsolete")
