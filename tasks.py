"""Invoke tasks: one short task per verb (``invoke --list``)."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

from eventsite.tasks_publish import check_output_task, publish_task

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


publish = task(publish_task, name="publish", help={
    "push": "pousser la branche gh-pages vers origin",
    "dry-run": "montrer ce qui serait publié, sans rien changer",
    "cname": "domaine personnalisé (fichier CNAME)",
})
check_output = task(check_output_task, name="check-output")


@task
def test(c):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest")


@task
def check(c):
    """Check all content without building the site; list every problem in French (exit 1 if any)."""
    c.run(f"{sys.executable} -m eventsite check --settings {ROOT / 'pelicanconf.py'}")


def _new_task(kind: str, where: str, example: str):
    """An `invoke new-<kind> "Nom"` task that creates a file to fill in."""

    @task(name=f"new-{kind}", help={"name": "nom ou titre de l'élément, entre guillemets"})
    def new(c, name):
        c.run(f"{sys.executable} -m eventsite new {kind} {shlex.quote(name)} --settings {ROOT / 'pelicanconf.py'}")

    new.__doc__ = f"Create {where} with every field to fill in: invoke new-{kind} \"{example}\"."
    return new


new_speaker = _new_task("speaker", "content/speakers/<nom>.md", "Jeanne Dupont")
new_session = _new_task("session", "content/sessions/<titre>.md", "Table ronde")
new_partner = _new_task("partner", "content/partners/<nom>.md", "Ville de Lyon")
new_proposal = _new_task("proposal", "content/proposals/<titre>.md", "Mentorat inversé")
new_article = _new_task("article", "content/news/<titre>.md", "Compte rendu")
new_gallery = _new_task("gallery", "content/galleries/<titre>/gallery.md", "La journée en images")


@task
def translations(c):
    """Update theme/translations/*/messages.po from the strings of the templates (then translate the new ones)."""
    c.run(f"pybabel extract -F {ROOT / 'babel.cfg'} -o {ROOT / 'cache' / 'messages.pot'} --no-location {ROOT}")
    c.run(f"pybabel update -i {ROOT / 'cache' / 'messages.pot'} -d {ROOT / 'theme' / 'translations'} --no-location --ignore-obsolete")
