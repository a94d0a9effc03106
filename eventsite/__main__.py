"""Command line: ``python -m eventsite build|check|new|preview|edit|settings-doc`` (``--help`` for each)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .buildworker import report_build, warning_lines
from .check import check_everything, report, scaffold_schema
from .collection import spare_the_final_collection
from .commands import invoke_command
from .preview import run_preview
from .scaffold import SCAFFOLDS, ScaffoldError, create
from .settingsdoc import reference
from .settingskit import SettingsError, project_declarations

REPO = Path(__file__).resolve().parent.parent
PLUGINS_DIR = REPO / "plugins"
REFERENCE = REPO / "docs" / "reglages.md"


def print_warnings(warnings: list[str]) -> None:
    """Print the warnings logged outside the content problem channel, one line each."""
    for line in warning_lines(warnings):
        print(line)


def settings_doc(check_only: bool) -> int:
    """Write docs/reglages.md from the settings' declarations (or, with CHECK_ONLY, tell whether it is up to date)."""
    text = reference(project_declarations(PLUGINS_DIR))
    shown = os.path.relpath(REFERENCE, REPO)
    if check_only:
        current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.is_file() else ""
        if current != text:
            print(f"{shown} n'est pas à jour : lancez « python -m eventsite settings-doc ».", file=sys.stderr)
            return 1
        return 0
    REFERENCE.write_text(text, encoding="utf-8")
    print(f"{shown} écrit à partir des déclarations des réglages.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Build the site; print every problem and return 1 if the build failed."""
    parser = argparse.ArgumentParser(prog="python -m eventsite")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="construire le site")
    build.add_argument("--strict", action="store_true", help="échouer au moindre avertissement")
    build.add_argument("--settings", default="pelicanconf.py")
    build.add_argument("--output", default="output")
    check = sub.add_parser("check", help="vérifier le contenu sans construire le site")
    check.add_argument("--settings", default="pelicanconf.py")
    new = sub.add_parser("new", help="créer un fichier de contenu à remplir")
    new.add_argument("kind", choices=sorted(SCAFFOLDS))
    new.add_argument("name")
    new.add_argument("--settings", default="pelicanconf.py")
    preview = sub.add_parser("preview", help="construire, servir et reconstruire le site à chaque modification")
    preview.add_argument("--settings", default="pelicanconf.py")
    preview.add_argument("--output", default="output")
    preview.add_argument("--port", type=int, default=8000)
    preview.add_argument("--lan", action="store_true", help="ouvrir l'aperçu au réseau local (à partager)")
    edit = sub.add_parser("edit", help="modifier le contenu dans des formulaires, avec l'aperçu")
    edit.add_argument("--settings", default="pelicanconf.py")
    edit.add_argument("--output", default="output")
    edit.add_argument("--port", type=int, default=8000)
    edit.add_argument("--editor-port", type=int, default=8001)
    doc = sub.add_parser("settings-doc", help="écrire docs/reglages.md à partir des déclarations des réglages")
    doc.add_argument("--check", action="store_true", help="vérifier seulement que docs/reglages.md est à jour")
    args = parser.parse_args(argv)
    if args.command == "settings-doc":
        return settings_doc(args.check)
    if args.command == "edit":
        from .editorserver import run_editor

        return run_editor(Path(args.settings).resolve(), Path(args.output).resolve(), port=args.port, editor_port=args.editor_port)
    if args.command == "preview":
        settings = Path(args.settings).resolve()
        return run_preview(settings.parent, settings, Path(args.output).resolve(), port=args.port, lan=args.lan)
    if args.command == "check":
        try:
            problems, warnings = check_everything(Path(args.settings))
        except SettingsError as error:  # every problem of every setting, in French
            print(error, file=sys.stderr)
            return 1
        except Exception as error:  # never a traceback: one French line, as the build does
            print(f"La vérification a échoué : {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        print(report(problems))
        print_warnings(warnings)
        spare_the_final_collection()
        return 1 if problems or warnings else 0
    if args.command == "new":
        try:
            content, schemas = scaffold_schema(Path(args.settings))
            path = create(args.kind, args.name, content, schemas)
        except ScaffoldError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"Fichier créé : {path}\nOuvrez-le, remplacez chaque [texte entre crochets], puis lancez « {invoke_command('check')} ».")
        return 0
    ok, text = report_build(Path(args.settings), Path(args.output), strict=args.strict)
    print(text, file=sys.stdout if ok else sys.stderr)
    spare_the_final_collection()  # the process ends here
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
