"""Invoke tasks: one short task per verb (``invoke --list``); no shell, so they work on Windows too."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
SETTINGS = ROOT / "pelicanconf.py"
HOST, PORT = "127.0.0.1", 8000


def python(*args: str) -> None:
    """Run this venv's Python with ARGS in the project folder; stop with its exit code if it fails."""
    with subprocess.Popen([sys.executable, *args], cwd=ROOT) as child:
        try:
            code = child.wait()
        except KeyboardInterrupt:  # Ctrl-C reached the child too: let it stop cleanly
            code = child.wait()
    if code:
        raise Exit(code=code)


@task
def build(c, strict=False):
    """Construire le site dans output/ (--strict : échouer au moindre avertissement et garder le site précédent)."""
    python("-m", "eventsite", "build", "--settings", str(SETTINGS), "--output", str(OUTPUT), *(["--strict"] if strict else []))


@task
def strict(c):
    """Construire comme la publication : au moindre problème, rien n'est remplacé."""
    build(c, strict=True)


@task(help={"port": "port de l'aperçu (8000)", "lan": "ouvrir l'aperçu au réseau local, pour le faire relire"})
def preview(c, port=PORT, lan=False):
    """Aperçu sur http://127.0.0.1:8000, reconstruit à chaque modification (--lan : le partager sur le réseau local)."""
    python("-m", "eventsite", "preview", "--settings", str(SETTINGS), "--output", str(OUTPUT), "--port", str(port),
           *(["--lan"] if lan else []))


@task(help={"port": "port de l'aperçu (8000)", "editor-port": "port de l'éditeur (8001)"})
def edit(c, port=PORT, editor_port=PORT + 1):
    """Modifier le contenu dans des formulaires, en français : ouvre l'éditeur (http://127.0.0.1:8001/admin/) et l'aperçu."""
    python("-m", "eventsite", "edit", "--settings", str(SETTINGS), "--output", str(OUTPUT), "--port", str(port),
           "--editor-port", str(editor_port))


@task
def serve(c, port=PORT):
    """Servir la dernière construction de output/ sans reconstruire."""
    python("-m", "pelican", "--listen", "--bind", HOST, "--port", str(port), "-o", str(OUTPUT), "-s", str(SETTINGS))


@task
def clean(c):
    """Supprimer output/, sa copie de réserve et le cache de construction."""
    from eventsite.staging import spare_name

    for folder in (OUTPUT, spare_name(OUTPUT), ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


@task(name="publish", help={
    "push": "pousser la branche gh-pages vers origin",
    "dry-run": "montrer ce qui serait publié, sans rien changer",
    "cname": "domaine personnalisé (fichier CNAME)",
})
def publish(c, push=False, dry_run=False, cname=None):
    """Construire en mode strict avec publishconf.py, vérifier le résultat, puis le publier sur gh-pages."""
    from eventsite.tasks_publish import publish_task  # the publishing tools load only when publishing

    publish_task(c, push=push, dry_run=dry_run, cname=cname)


@task(name="check-output")
def check_output(c, base_path=None, site_url=None, no_html_validation=False):
    """Vérifier le dossier output/ construit (liens, images, HTML, titres, langue, alt, hôtes, métadonnées, contenu actif)."""
    from eventsite.tasks_publish import check_output_task

    check_output_task(c, base_path=base_path, site_url=site_url, no_html_validation=no_html_validation)


@task
def test(c):
    """Lancer tous les tests (outils de test installés par « setup --test »)."""
    if importlib.util.find_spec("pytest") is None:
        raise Exit("Les outils de test ne sont pas installés : lancez « python scripts/setup.py --test ».", code=1)
    python("-m", "pytest")


@task
def check(c):
    """Vérifier tout le contenu sans construire le site : chaque problème, avec fichier, ligne et quoi faire."""
    python("-m", "eventsite", "check", "--settings", str(SETTINGS))


def _new_task(kind: str, where: str, example: str):
    """An `invoke new-<kind> "Nom"` task that creates a file to fill in."""

    @task(name=f"new-{kind}", help={"name": "nom ou titre de l'élément, entre guillemets"})
    def new(c, name):
        python("-m", "eventsite", "new", kind, name, "--settings", str(SETTINGS))

    new.__doc__ = f"Créer {where}, avec chaque champ à remplir : invoke new-{kind} \"{example}\"."
    return new


new_speaker = _new_task("speaker", "content/speakers/<nom>.md", "Jeanne Dupont")
new_session = _new_task("session", "content/sessions/<titre>.md", "Table ronde")
new_partner = _new_task("partner", "content/partners/<nom>.md", "Ville de Lyon")
new_proposal = _new_task("proposal", "content/proposals/<titre>.md", "Mentorat inversé")
new_room = _new_task("room", "content/rooms/<nom>.md", "Salle Frioul")
new_track = _new_task("track", "content/tracks/<nom>.md", "Données ouvertes")
new_article = _new_task("article", "content/news/<titre>.md", "Compte rendu")
new_gallery = _new_task("gallery", "content/galleries/<titre>/gallery.md", "La journée en images")


@task
def translations(c):
    """Mettre à jour theme/translations/*/messages.po depuis les textes des gabarits (puis traduire les nouveaux)."""
    template = ROOT / "cache" / "messages.pot"
    template.parent.mkdir(exist_ok=True)
    pybabel = ("-m", "babel.messages.frontend")
    python(*pybabel, "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(template), "--no-location", str(ROOT))
    python(*pybabel, "update", "-i", str(template), "-d", str(ROOT / "theme" / "translations"), "--no-location", "--ignore-obsolete")
