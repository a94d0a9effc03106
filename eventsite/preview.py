"""The preview: build, serve output/, and rebuild when content, theme, plugins or settings change."""

from __future__ import annotations

import collections
import contextlib
import errno
import functools
import html
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .commands import invoke_command
from .lan import bind_address
from .localserver import QuietHandler, QuietServer
from .staging import remove_leftovers

WATCHED_FOLDERS = ("content", "theme", "plugins")
# How long a build may take to stop after Ctrl-C (it removes its staging folder) before it is killed.
STOP_GRACE_SECONDS = 30.0


@dataclass(frozen=True)
class BuildOutcome:
    """One build's result: did it succeed, and what it printed (French, no traceback)."""

    ok: bool
    report: str


BuildFunction = Callable[[], BuildOutcome]


def without_traceback(text: str) -> str:
    """TEXT with each Python traceback replaced by one French line naming the error."""
    lines, kept, skipping = text.splitlines(), [], False
    for line in lines:
        if line.startswith("Traceback (most recent call last)"):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        if skipping:
            skipping = False
            kept.append(f"Erreur inattendue pendant la construction : {line}")
            kept.append("  → Annulez votre dernière modification, ou signalez ce message à l'équipe technique.")
            continue
        kept.append(line)
    return "\n".join(kept)


def _own_process_group() -> dict[str, object]:
    """Popen options that keep a child out of the terminal's Ctrl-C: the preview stops it itself."""
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _ask_to_stop(child: subprocess.Popen[str]) -> None:
    """Send CHILD what Ctrl-C would (it cleans its staging folder up on the way out)."""
    with contextlib.suppress(OSError):
        child.send_signal(signal.CTRL_BREAK_EVENT if os.name == "nt" else signal.SIGINT)


def _importable_env() -> dict[str, str]:
    """This environment, with the folder holding the eventsite package first on PYTHONPATH (any working folder)."""
    here = str(Path(__file__).resolve().parents[1])
    paths = [here, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def code_fingerprint(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Name, size and change time of the Python a build imports: *.py in FOLDERS and every file under their plugins/."""
    files: set[Path] = set()
    for folder in folders:
        files.update(folder.glob("*.py"))
        files.update(p for p in (folder / "plugins").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    stamps = []
    for path in sorted(files):
        with contextlib.suppress(OSError):  # a file deleted meanwhile: the next build sees it gone
            stat = path.stat()
            stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


WORKER_CRASHED = ("Le processus de construction de l'aperçu s'est arrêté de façon inattendue ; "
                  "l'aperçu en relance un à la prochaine modification.")


class WarmBuild:
    """The preview's build: a long-lived worker (eventsite.buildworker) that keeps Pelican and the plugins imported.

    A new worker starts when a plugin or a settings file changed since the last one started
    (modules are not reloaded in place), and after a crash.
    """

    def __init__(self, settings_file: Path, output: Path, cwd: Path) -> None:
        self.command = [sys.executable, "-m", "eventsite.buildworker", "--settings", str(settings_file), "--output", str(output)]
        self.cwd = cwd
        self.output = Path(output).resolve()
        self.code_folders = sorted({Path(settings_file).resolve().parent, Path(cwd).resolve()})
        self._worker: subprocess.Popen[str] | None = None
        self._fingerprint: tuple[tuple[str, int, int], ...] = ()
        self._printed: collections.deque[str] = collections.deque(maxlen=200)
        self._interrupted = False
        self._drainer: threading.Thread | None = None
        self.workers_started = 0

    def __call__(self) -> BuildOutcome:
        """Build once in the worker (restarting it if the code changed) and return what happened."""
        if self._fingerprint != code_fingerprint(self.code_folders):
            self.close()
        fresh = self._worker is None
        outcome = self._ask()
        if outcome is None and not fresh and not self._interrupted:  # a warm worker died: one more try, cold
            outcome = self._ask()
        if outcome is None:
            remove_leftovers(self.output)  # the dead worker's staging folder; output/ was never touched
            return BuildOutcome(ok=False, report=self._crash_report())
        return outcome

    def _ask(self) -> BuildOutcome | None:
        """Send one build request to the worker (started if needed); None if it died before answering."""
        worker = self._worker if self._worker is not None and self._worker.poll() is None else self._start()
        try:
            worker.stdin.write("build\n")  # type: ignore[union-attr]
            worker.stdin.flush()  # type: ignore[union-attr]
            answer = worker.stdout.readline()  # type: ignore[union-attr]
        except OSError:
            answer = ""
        if not answer:
            self.close()
            return None
        message = json.loads(answer)
        return BuildOutcome(ok=bool(message["ok"]), report=without_traceback(str(message["report"]).strip()))

    def _start(self) -> subprocess.Popen[str]:
        """Start a new worker, remembering the code it imports."""
        self.close()
        self._fingerprint = code_fingerprint(self.code_folders)
        self._printed.clear()
        self._worker = subprocess.Popen(
            self.command, cwd=self.cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace", env=_importable_env(), **_own_process_group(),  # type: ignore[call-overload]
        )
        self.workers_started += 1
        self._drainer = threading.Thread(target=self._drain, args=(self._worker,), name="preview-worker-stderr", daemon=True)
        self._drainer.start()
        return self._worker

    def _drain(self, worker: subprocess.Popen[str]) -> None:
        """Keep the last lines the worker printed outside a build (a crash), never shown raw."""
        with worker.stderr:  # type: ignore[union-attr]
            for line in worker.stderr:  # type: ignore[union-attr]
                self._printed.append(line.rstrip("\n"))

    def _crash_report(self) -> str:
        """The French report of a worker that died, its traceback reduced to one line."""
        details = without_traceback("\n".join(self._printed).strip())
        return "\n".join(part for part in (WORKER_CRASHED, details) if part)

    def interrupt(self) -> None:
        """Ask the running build to stop as Ctrl-C would: it removes its staging folder, output/ stays whole."""
        worker = self._worker
        if worker is not None and worker.poll() is None:
            self._interrupted = True
            _ask_to_stop(worker)

    def cancel(self) -> None:
        """Kill a worker that did not stop when interrupted."""
        worker = self._worker
        if worker is not None and worker.poll() is None:
            worker.kill()

    def close(self) -> None:
        """Stop the worker and forget it (a search indexing still running is interrupted; output/ stays whole)."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        if worker.poll() is None:
            _ask_to_stop(worker)
        with contextlib.suppress(OSError):
            worker.stdin.close()  # type: ignore[union-attr]
        try:
            worker.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        with contextlib.suppress(OSError):
            worker.stdout.close()  # type: ignore[union-attr]  # stderr is closed by its drain thread
        if self._drainer is not None:
            self._drainer.join(5)  # the crash report needs the worker's last lines


class Rebuilder:
    """Run builds one at a time in a background thread; a request made during a build queues one more."""

    def __init__(self, build: BuildFunction, on_done: Callable[[BuildOutcome], None]) -> None:
        self._build = build
        self._on_done = on_done
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._idle = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="preview-build", daemon=True)

    def start(self) -> None:
        """Start the build thread and ask for the first build."""
        self.request()
        self._thread.start()

    def request(self) -> None:
        """Ask for a build: the next one, or one more after the build now running."""
        self._idle.clear()
        self._wanted.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every requested build has finished; False on timeout."""
        return self._idle.wait(timeout)

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Interrupt the running build and stop (the build is killed if it takes longer than GRACE seconds)."""
        self._stopping.set()
        self._wanted.set()
        if self._thread.ident is None:  # never started
            return
        for step in ("interrupt", "cancel"):
            action = getattr(self._build, step, None)
            if self._thread.is_alive() and action is not None:
                action()
            self._thread.join(grace)

    def _loop(self) -> None:
        while True:
            self._wanted.wait()
            if self._stopping.is_set():
                return
            # Cleared before the build reads anything: a change seen from now on asks for one more build.
            self._wanted.clear()
            outcome = self._build()
            if self._stopping.is_set():
                return
            self._on_done(outcome)
            if not self._wanted.is_set():
                self._idle.set()


class PreviewState:
    """What the server shows: a waiting page until the first build ends, then the site (or why it failed)."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self._lock = threading.Lock()
        self._built_once = False
        self._last_failure = ""

    def record(self, outcome: BuildOutcome) -> None:
        """Remember the outcome of a build."""
        with self._lock:
            self._built_once = True
            self._last_failure = "" if outcome.ok else outcome.report

    @property
    def built_once(self) -> bool:
        """Whether a build has finished (successfully or not)."""
        with self._lock:
            return self._built_once

    def page(self) -> str | None:
        """The French page to serve instead of the site, or None when the site can be served."""
        with self._lock:
            built_once, failure = self._built_once, self._last_failure
        if built_once and (self.output / "index.html").is_file():
            return None
        if not built_once:
            return waiting_page("Construction en cours…", "Le site est en cours de construction. Cette page se recharge toute seule.")
        return waiting_page(
            "La construction a échoué",
            "Corrigez les problèmes ci-dessous et enregistrez : l'aperçu se reconstruit et cette page se recharge.",
            failure,
        )


def waiting_page(title: str, message: str, details: str = "") -> str:
    """A small French page that reloads itself every second."""
    block = f"<pre>{html.escape(details)}</pre>" if details else ""
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="refresh" content="1"><title>{html.escape(title)}</title></head>'
        f"<body><main><h1>{html.escape(title)}</h1><p>{html.escape(message)}</p>{block}</main></body></html>\n"
    )


class PreviewHandler(QuietHandler):
    """Serve output/ once it is built; before that, a « construction en cours » page (503)."""

    def __init__(self, *args: object, state: PreviewState, **kwargs: object) -> None:
        self.state = state
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def send_head(self):  # type: ignore[no-untyped-def]  # the base class's hook for GET and HEAD
        """The site's file, or the waiting page while there is no site to serve."""
        page = self.state.page()
        if page is None:
            return super().send_head()
        body = page.encode("utf-8")
        self.send_response(503)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Retry-After", "1")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


class PreviewServer(QuietServer):
    """The preview's HTTP server (on Windows, a port already in use is refused, not shared)."""

    allow_reuse_address = sys.platform != "win32"


def make_server(state: PreviewState, host: str, port: int) -> PreviewServer:
    """An HTTP server for the preview on HOST:PORT (port 0: any free port)."""
    handler = functools.partial(PreviewHandler, directory=str(state.output), state=state)
    return PreviewServer((host, port), handler)


def watched_paths(root: Path) -> list[Path]:
    """The folders whose changes trigger a rebuild."""
    return [root / name for name in WATCHED_FOLDERS if (root / name).is_dir()]


def watch(paths: Iterable[Path], stop: threading.Event, on_change: Callable[[], None], *,
          recursive: bool = True, accept: Callable[[str], bool] | None = None) -> None:
    """Call ON_CHANGE after each batch of changes under PATHS (that ACCEPT keeps) until STOP is set."""
    import watchfiles

    wanted = [str(p) for p in paths]
    if not wanted:
        return
    default = watchfiles.DefaultFilter()
    for changes in watchfiles.watch(*wanted, stop_event=stop, recursive=recursive, step=50,
                                    watch_filter=default, raise_interrupt=False):
        if any(accept is None or accept(path) for _change, path in changes):
            on_change()


@dataclass
class Preview:
    """A running preview: the build thread, the server thread and the watchers."""

    root: Path
    settings_file: Path
    output: Path
    host: str = "127.0.0.1"
    port: int = 8000
    build: BuildFunction | None = None
    say: Callable[[str], None] = print

    def __post_init__(self) -> None:
        self.state = PreviewState(self.output)
        self.build = self.build or WarmBuild(self.settings_file, self.output, self.root)
        self.rebuilder = Rebuilder(self.build, self._done)
        self.stop_event = threading.Event()
        self._threads: list[threading.Thread] = []
        self._started = 0.0
        self.server: PreviewServer | None = None

    @property
    def url(self) -> str:
        """The address to open in a browser."""
        port = self.server.server_address[1] if self.server else self.port
        return f"http://{self.host}:{port}/"

    def start(self) -> None:
        """Bind the server, start the first build, the watchers and the server thread (OSError if the port is taken)."""
        self.server = make_server(self.state, self.host, self.port)
        self._started = time.perf_counter()
        self.rebuilder.start()
        settings = self.settings_file.resolve()
        self._spawn("preview-watch", watch, watched_paths(self.root), self.stop_event, self._changed)
        self._spawn("preview-watch-settings", watch, [settings.parent], self.stop_event, self._changed,
                    recursive=False, accept=lambda path: Path(path).name == settings.name)
        self._spawn("preview-serve", self.server.serve_forever)
        self.say(f"Aperçu : ouvrez {self.url} dans le navigateur (première construction en cours ; Ctrl+C pour arrêter)")

    def stop(self) -> None:
        """Stop watching and serving, and interrupt the running build (output/ stays whole)."""
        self.stop_event.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        self.rebuilder.stop()
        close = getattr(self.build, "close", None)  # the warm worker, idle or indexing
        if close is not None:
            close()
        for thread in self._threads:
            thread.join(5)

    def _spawn(self, name: str, target: Callable[..., None], *args: object, **kwargs: object) -> None:
        thread = threading.Thread(target=target, args=args, kwargs=kwargs, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _changed(self) -> None:
        self._started = time.perf_counter()
        self.say("Modification détectée : reconstruction…")
        self.rebuilder.request()

    def _done(self, outcome: BuildOutcome) -> None:
        first = not self.state.built_once
        self.state.record(outcome)
        seconds = f"{time.perf_counter() - self._started:.1f}".replace(".", ",")
        if outcome.report:
            self.say(outcome.report)
        if outcome.ok:
            self.say(f"Site {'construit' if first else 'reconstruit'} en {seconds} s : ouvrez {self.url}")
        elif self.state.page() is None:
            self.say("L'aperçu montre toujours le dernier site construit. Corrigez puis enregistrez : il se reconstruira.")
        else:
            self.say(f"Aucun site à montrer pour l'instant. Corrigez puis enregistrez : il se reconstruira ({self.url}).")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def stop_on_signals() -> None:
    """Ctrl-C and SIGTERM stop the preview cleanly, even when started in the background (SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)


# EADDRINUSE, and WSAEADDRINUSE on Windows.
PORT_TAKEN = frozenset({errno.EADDRINUSE, 10048})


def run_preview(root: Path, settings_file: Path, output: Path, *, port: int, lan: bool,
                say: Callable[[str], None] = print) -> int:
    """Run the preview until Ctrl-C; return the exit code (0 when stopped by Ctrl-C)."""
    stop_on_signals()
    choice = bind_address(lan=lan)
    if choice.error:
        say(choice.error)
        return 1
    if choice.warning:
        say(choice.warning)
    preview = Preview(root=root, settings_file=settings_file, output=output, host=choice.host, port=port, say=say)
    try:
        preview.start()
    except OSError as error:
        # The system's own words (« Address already in use ») are English: say it in French.
        why = (" : ce port est déjà utilisé (un autre aperçu est-il ouvert ?)" if error.errno in PORT_TAKEN
               else f" (erreur du système {error.errno})")
        say(f"Impossible d'ouvrir l'aperçu sur {choice.host}:{port}{why}.\n"
            f"  → Fermez l'autre aperçu déjà lancé, ou choisissez un autre port : {invoke_command(f'preview --port {port + 1}')}")
        return 1
    if lan:
        say(f"Adresse à partager avec les relecteurs : {preview.url}")
    try:
        while not preview.stop_event.wait(0.5):  # a timeout keeps Ctrl-C working on Windows
            pass
    except KeyboardInterrupt:
        say("Arrêt de l'aperçu…")
    finally:
        preview.stop()
    say("Aperçu arrêté.")
    return 0
