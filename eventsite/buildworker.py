"""The preview's warm build worker: one long-lived process that builds the site on each request.

Pelican, the plugins and the theme's Python are imported once, so a rebuild costs only the
build itself. The parent (eventsite.preview.WarmBuild) writes one line, ``build``, on the
worker's stdin; the worker runs eventsite.build.build_site in-process (staging folder, atomic
swap) and answers one JSON line, ``{"ok": bool, "report": str}``, on the stdout it was given.
Anything else the build prints is captured into the report. The parent starts a new worker
when a plugin or a settings file changes (a module reload is unsafe) and after a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

from .collection import collection_paused
from .templatecode import CompiledTemplates

REQUEST = "build"


def warning_lines(warnings: list[str]) -> list[str]:
    """The warnings logged outside the content problem channel, one French line each."""
    return [f"- avertissement : {warning}" for warning in warnings]


def report_build(settings_file: Path, output: Path, *, strict: bool = False, overrides: dict[str, Any] | None = None,
                 before_swap: Callable[[Path], None] | None = None) -> tuple[bool, str]:
    """Build once, as `python -m eventsite build` does; return whether it succeeded and its French report."""
    from .build import BuildFailed, build_site
    from .check import report

    try:
        result = build_site(settings_file, output, strict=strict, overrides=overrides, before_swap=before_swap)
    except BuildFailed as failure:
        return False, str(failure)
    lines = [report(result.problems)] if result.problems else []
    lines += warning_lines(result.other_warnings)
    if result.unchanged:
        lines.append(f"Rien n'a changé depuis la dernière construction : le site {result.output} est conservé tel quel "
                     f"(vérifié en {result.seconds:.2f} s ; {len(result.warnings)} avertissement(s)).")
    else:
        reused = f"{result.pages_reused} page(s) reprise(s) telles quelles, " if result.pages_reused else ""
        lines.append(f"Site construit dans {result.output} en {result.seconds:.2f} s ({reused}{len(result.warnings)} avertissement(s)).")
    return True, "\n".join(lines)


def search_plugin(settings: dict[str, Any]) -> ModuleType | None:
    """The search plugin's module when it indexes with Pagefind in this build, else None.

    Loaded here when no build has loaded it yet, so that every build of the worker, the first
    included, runs without Pagefind and with the same settings (the renders of one build serve the next).
    """
    if "search" not in (settings.get("PLUGINS") or ()):
        return None
    if "search.search" not in sys.modules:  # before the first build: load the plugins, in order, as Pelican will
        from pelican.plugins._utils import load_plugins

        try:
            load_plugins(settings)
        except Exception:  # noqa: BLE001  # the build loads them again and reports the problem
            return None
    module = sys.modules.get("search.search")
    if module is None or not module.setting(settings, "SEARCH_PAGEFIND"):
        return None
    return module


def linked_copy(source: Path, target: Path) -> None:
    """Fill TARGET with hard links to SOURCE's files (a copy where links fail)."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:  # another file system, or links not allowed
            shutil.copy2(src, dst)

    shutil.copytree(source, target, dirs_exist_ok=True, copy_function=link)


class WarmSite:
    """What the worker keeps between builds: compiled templates, and the search index owed to the site just swapped in.

    Pagefind indexes the whole site (1.5 s at 3,000 items). The worker builds without it, puts the
    previous index in the new site (so search always works, one edit behind at worst), answers,
    then indexes the served site into a new bundle and swaps that in.
    """

    def __init__(self, settings_file: Path, output: Path) -> None:
        self.settings_file = settings_file
        self.output = Path(output).resolve()
        self.templates = CompiledTemplates()
        self._owed: tuple[ModuleType, dict[str, Any]] | None = None
        self._index_problem = ""

    def build(self) -> dict[str, object]:
        """One build of the preview, everything it printed in the report; Pelican's caches of this build's objects are then emptied."""
        from .bodyreads import forget_memoized_bodies
        from .build import pelican_settings

        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            try:
                settings = pelican_settings(self.settings_file)
            except Exception:  # noqa: BLE001  # the build reads them again and reports the problem in French
                settings = {}
            search = search_plugin(settings) if settings else None
            overrides: dict[str, Any] = {}
            if settings:
                overrides["JINJA_ENVIRONMENT"] = {**(settings.get("JINJA_ENVIRONMENT") or {}), "bytecode_cache": self.templates}
            if search is not None:
                overrides["SEARCH_PAGEFIND"] = False
            bundle = str(search.setting(settings, "SEARCH_BUNDLE_DIR")).strip("/") if search else ""
            try:
                ok, text = report_build(self.settings_file, self.output, overrides=overrides,
                                        before_swap=(lambda staging: self._keep_index(staging, bundle)) if search else None)
            finally:
                forget_memoized_bodies()  # or every build's content objects, and their context, stay in the worker
        self._owed = (search, settings) if ok and search is not None else None
        if self._owed is not None and not (self.output / bundle).is_dir():
            self.index()  # the first site has no index to keep yet: it gets one before it is shown
        parts = (self._index_problem, printed.getvalue().strip(), text)
        self._index_problem = ""
        return {"ok": ok, "report": "\n".join(part for part in parts if part)}

    def _keep_index(self, staging: Path, bundle: str) -> None:
        """Put the served site's search index in STAGING (hard links), until the new one is made."""
        previous = self.output / bundle
        if previous.is_dir() and not (staging / bundle).exists():
            linked_copy(previous, staging / bundle)

    def index(self, pending: Callable[[], bool] = lambda: False) -> None:
        """Index the site just swapped in, if it owes an index: the new bundle is made beside it, then swapped in.

        Pagefind reads the served site, which only a build's swap changes (and the worker builds
        one thing at a time); the site's files are neither copied nor linked, so the next build
        finds them as it wrote them (eventsite/writtenpages.py). Abandoned as soon as PENDING says
        a build is asked for: that build keeps the current index and owes a new one in turn.
        """
        from .staging import replace_folder, staging_folder

        if self._owed is None:
            return
        search, settings = self._owed
        self._owed = None
        bundle = str(search.setting(settings, "SEARCH_BUNDLE_DIR")).strip("/")
        try:
            with staging_folder(self.output, reuse_spare=False) as staging:  # locked, removed on the way out
                made = staging / "bundle"
                if run_until(search.pagefind_command(str(self.output), settings, bundle=str(made)), pending):
                    search.normalise_entry(str(self.output), settings, bundle=str(made))
                    replace_folder(made, self.output / bundle)
        except Exception as error:  # noqa: BLE001  # told with the next build; the site keeps its previous index
            self._index_problem = f"- avertissement : l'index de recherche de l'aperçu n'a pas été mis à jour ({error})"


def run_until(command: list[str], pending: Callable[[], bool]) -> bool:
    """Run COMMAND; True when it succeeded, False when PENDING asked to stop it first (it is killed, as on Ctrl-C)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8", errors="replace")
    try:
        while True:
            try:
                _, printed = process.communicate(timeout=0.05)
                break
            except subprocess.TimeoutExpired:
                if pending():
                    process.kill()
                    process.communicate()
                    return False
    except BaseException:
        process.kill()
        process.communicate()
        raise
    if process.returncode != 0:
        raise RuntimeError(f"Pagefind a échoué ({process.returncode}) : {printed.strip()}")
    return True


def waiting(stream: TextIO) -> Callable[[], bool]:
    """Whether a request is waiting on STREAM (POSIX pipes; elsewhere never, and indexing runs to its end)."""
    if os.name != "posix":
        return lambda: False
    return lambda: bool(select.select([stream], [], [], 0)[0])


def serve(settings_file: Path, output: Path, requests: TextIO, answers: TextIO) -> None:
    """Answer each ``build`` line read from REQUESTS with one JSON line on ANSWERS, until REQUESTS ends."""
    site = WarmSite(settings_file, output)
    pending = waiting(requests)
    while line := requests.readline():
        if line.strip() != REQUEST:
            continue
        with collection_paused():
            answer = site.build()
        answers.write(json.dumps(answer, ensure_ascii=False) + "\n")
        answers.flush()
        gc.collect()  # the build's cyclic garbage, once it is answered
        site.index(pending)


def main(argv: list[str] | None = None) -> int:
    """Run the worker: `python -m eventsite.buildworker --settings FILE --output FOLDER`."""
    parser = argparse.ArgumentParser(prog="python -m eventsite.buildworker")
    parser.add_argument("--settings", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    # The answers keep the real stdout; anything else printed there goes to stderr instead.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    from . import build  # noqa: F401  # import Pelican and the build once, before the first request

    try:
        serve(Path(args.settings), Path(args.output), io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"), answers)
    except KeyboardInterrupt:  # the preview stops: the build removed its staging folder on the way out
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
