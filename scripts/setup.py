"""Install what the site needs into .venv; with --editor, the editor's files; with --test, also what the test suite needs.

Usage (Linux, macOS):  python3 scripts/setup.py [--editor] [--test]
Usage (Windows):       py scripts\\setup.py [--editor] [--test]
Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MINIMUM_PYTHON = (3, 11)
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


class SetupFailed(Exception):
    """A step failed; the message says what to do, in French."""


def venv_python(venv_dir: Path = VENV, windows: bool = os.name == "nt") -> Path:
    """The Python of the project's virtual environment (.venv\\Scripts\\python.exe on Windows)."""
    return venv_dir / "Scripts" / "python.exe" if windows else venv_dir / "bin" / "python"


def run(command: list[str], what: str) -> None:
    """Run COMMAND (an argument list, no shell) from the project folder; SetupFailed if it fails."""
    print(f"→ {what}", flush=True)
    try:
        done = subprocess.run(command, cwd=ROOT)
    except OSError as error:
        raise SetupFailed(f"Impossible de lancer {command[0]} ({error.strerror or error}).") from error
    if done.returncode:
        raise SetupFailed(f"Échec : {what} (code {done.returncode}). Lisez les lignes au-dessus.")


def create_venv(python: Path) -> None:
    """Create .venv with pip, unless it already has a Python."""
    if python.exists():
        return
    print(f"→ Création de l'environnement Python dans {VENV.name}", flush=True)
    venv.EnvBuilder(with_pip=True).create(VENV)


def pip_install(python: Path, requirements: str) -> None:
    """Install the pinned packages of REQUIREMENTS into the venv."""
    run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], "Mise à jour de pip")
    run([str(python), "-m", "pip", "install", "--quiet", "-r", str(ROOT / requirements)], f"Installation de {requirements}")


# The project's own Python code, imported by every build, preview and publish.
PROJECT_CODE = ("eventsite", "plugins", "pelicanconf.py", "publishconf.py", "tasks.py")


def compile_project(python: Path) -> None:
    """Compile the project's code to bytecode once, as pip does for the packages it installs.

    Python would cache it at the first import, unless PYTHONDONTWRITEBYTECODE is set (as on some CI
    machines): every build then compiled the plugins anew, 0.09 s of each start. A source edited
    since is compiled again at its import, as always.
    """
    code = [name for name in PROJECT_CODE if (ROOT / name).exists()]
    run([str(python), "-m", "compileall", "-q", *code], "Compilation du code du projet")


def prepare_collation(python: Path) -> None:
    """Write the Unicode collation table the builds sort names with (eventsite/collationtable.py), into .venv.

    Read by every build in 0.02 s instead of the 0.12 s pyuca takes to read its own file; a build
    without it (or with a pyuca it was not made from) sorts with pyuca's, the same order.
    """
    run([str(python), "-m", "eventsite.collationtable"], "Préparation de la table de tri Unicode")


def as_root(command: list[str]) -> list[str]:
    """COMMAND, through sudo unless we already are root."""
    return command if os.geteuid() == 0 else ["sudo", *command]


def install_chromium() -> None:
    """Install Debian's Chromium for the browser tests, when apt-get is there and Chromium is not."""
    if DEBIAN_CHROMIUM.exists():
        return
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        print("Remarque : les tests dans le navigateur utilisent le Chromium de Debian (/usr/bin/chromium) ; "
              "sur ce système, ils échoueront. Le reste des tests fonctionne.", flush=True)
        return
    env_line = ["env", "DEBIAN_FRONTEND=noninteractive"]
    run(as_root(["apt-get", "update", "-qq"]), "Mise à jour de la liste des paquets Debian")
    run(as_root([*env_line, "apt-get", "install", "-y", "-qq", "chromium"]), "Installation de Chromium (Debian)")


def install_node_tools() -> None:
    """Install the browser test tools of package.json (axe-core) with npm ci."""
    if not (ROOT / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SetupFailed("npm est introuvable : installez Node.js 20 (https://nodejs.org), puis relancez la commande.")
    # --omit=optional: the editor's package (decap-cms) is fetched without Node by install_editor.
    run([npm, "ci", "--omit=optional", "--no-audit", "--no-fund", "--silent"],
        "Installation des outils de test du navigateur (npm ci)")


def install_editor(python: Path) -> None:
    """Fetch the editor's files (Decap CMS, pinned in package-lock.json) from npm, with Python alone: no Node needed."""
    run([str(python), "-m", "eventsite.editorbundle"], "Installation de l'éditeur (Decap CMS, depuis npm)")


def next_step(test: bool, windows: bool = os.name == "nt", editor: bool = False) -> str:
    """The French line saying what to type next."""
    if test:
        python = r".venv\Scripts\python" if windows else ".venv/bin/python"
        return f"Installation terminée. Lancez les tests : {python} -m pytest"
    invoke = r".venv\Scripts\invoke" if windows else ".venv/bin/invoke"
    if editor:
        return f"Installation terminée. Lancez l'éditeur : {invoke} edit"
    return f"Installation terminée. Lancez l'aperçu : {invoke} preview"


def main(argv: list[str] | None = None) -> int:
    """Install .venv (and the test tools with --test); print what to do next, or the French error."""
    parser = argparse.ArgumentParser(prog="python scripts/setup.py", description="Installer le projet dans .venv.")
    parser.add_argument("--test", action="store_true", help="installer aussi les outils de test (et l'éditeur)")
    parser.add_argument("--editor", action="store_true", help="installer aussi l'éditeur de contenu (invoke edit)")
    args = parser.parse_args(argv)
    if sys.version_info < MINIMUM_PYTHON:
        print(f"Python {'.'.join(map(str, MINIMUM_PYTHON))} ou plus récent est nécessaire "
              f"(celui-ci est {sys.version.split()[0]}) : installez-le depuis https://www.python.org/downloads/.")
        return 1
    python = venv_python()
    try:
        create_venv(python)
        pip_install(python, "requirements-dev.txt" if args.test else "requirements.txt")
        compile_project(python)
        prepare_collation(python)
        if args.editor or args.test:
            install_editor(python)
        if args.test:
            install_chromium()
            install_node_tools()
    except SetupFailed as failed:
        print(failed, file=sys.stderr)
        return 1
    print(next_step(args.test, editor=args.editor))
    return 0


if __name__ == "__main__":
    sys.exit(main())
