"""The local editor: the editor's page, its configuration and the file API, on 127.0.0.1 only."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from typing import Any

from .commands import invoke_command
from .editorbundle import SERVED_NAME, BundleMissing, bundle_folder
from .editorconfig import editor_settings
from .editorfiles import ContentFiles, handle
from .editorschema import Form
from .localserver import QuietHandler, QuietServer

STATIC = Path(__file__).resolve().parent / "editorstatic"
API_PATH = "/api/v1"
MAX_REQUEST_BYTES = 50 * 1024 * 1024  # a large photo, base64-encoded
# The editor's page; SCRIPTS: where its scripts are, relative to it (the published site keeps them under theme/).
PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Éditeur du site</title>
<link rel="icon" href="data:,">
<script src="{scripts}editor.js"></script>
<script src="{scripts}decap-cms.js"></script>
</head>
<body data-pagefind-ignore="all"></body>
</html>
"""


def editor_page(scripts: str) -> str:
    """The editor's HTML page, its scripts loaded from the folder SCRIPTS (« » or « ../theme/admin/ »)."""
    return PAGE.replace("{scripts}", scripts)


class EditorHandler(QuietHandler):
    """GET: the editor page, editor.js, its settings and Decap's files; POST /api/v1: the file API."""

    def __init__(self, *args: Any, files: ContentFiles, settings: dict[str, Any], bundle: Path, **kwargs: Any) -> None:
        self.files, self.settings, self.bundle = files, settings, bundle
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        """Serve the editor's own files, nothing else."""
        path = self.path.split("?", 1)[0]
        if path in ("/", "/admin"):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/admin/")
            self.end_headers()
            return
        name = path.removeprefix("/admin/")
        if path == "/admin/" or name == "index.html":
            self._send(editor_page("").encode("utf-8"), "text/html; charset=utf-8")
        elif name == "editor.js":
            self._send((STATIC / "editor.js").read_bytes(), "text/javascript; charset=utf-8")
        elif name == "editor.json":
            self._send(json.dumps(self.settings, ensure_ascii=False).encode("utf-8"), "application/json")
        elif path.startswith("/admin/") and SERVED_NAME.match(name) and (self.bundle / name).is_file():
            kind = "application/wasm" if name.endswith(".wasm") else "text/javascript; charset=utf-8"
            self._send((self.bundle / name).read_bytes(), kind, cache=True)
        else:
            self.send_error(HTTPStatus.NOT_FOUND, "Page introuvable")

    def do_POST(self) -> None:  # noqa: N802 - the base class's name
        """Answer one file API request (JSON in, JSON out)."""
        length = int(self.headers.get("Content-Length") or 0)
        if self.path != API_PATH or not 0 < length <= MAX_REQUEST_BYTES:
            self.send_error(HTTPStatus.NOT_FOUND if self.path != API_PATH else HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError:
            status, answer = 400, {"error": "requête illisible"}
        else:
            status, answer = handle(self.files, request if isinstance(request, dict) else {})
        self._send(json.dumps(answer, ensure_ascii=False).encode("utf-8"), "application/json", status=status)

    def _send(self, body: bytes, kind: str, *, status: int = 200, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400" if cache else "no-store")
        self.send_header("X-Robots-Tag", "noindex")
        self.end_headers()
        self.wfile.write(body)


def content_files(content: Path, forms: tuple[Form, ...]) -> ContentFiles:
    """The file API's view of the CONTENT folder for FORMS."""
    nested = {f.folder: f.nested_file for f in forms if f.nested_file}
    flat = [f.folder for f in forms if not f.nested_file]
    return ContentFiles(content, flat, nested, ["images", *(f.images for f in forms if f.images)])


class EditorServer:
    """The editor's HTTP server on 127.0.0.1, served from a background thread."""

    def __init__(self, content: Path, forms: tuple[Form, ...], *, port: int, site_url: str, host: str = "127.0.0.1",
                 bundle: Path | None = None) -> None:
        bundle = bundle or bundle_folder()  # BundleMissing (in French) before any port is taken
        self.httpd = QuietServer((host, port), QuietHandler)  # the real handler once the port is known
        base = f"http://{host}:{self.httpd.server_address[1]}"
        self.url = f"{base}/admin/"
        self.httpd.RequestHandlerClass = functools.partial(
            EditorHandler, files=content_files(content, forms), settings=editor_settings(forms, base + API_PATH, site_url, local=True),
            bundle=bundle)
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="editor-serve", daemon=True)

    def start(self) -> None:
        """Start serving."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and free the port."""
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(5)



def run_editor(settings_file: Path, output: Path, *, port: int, editor_port: int, say: Callable[[str], None] = print) -> int:
    """Run the preview and the local editor until Ctrl-C; return the exit code (0 when stopped by Ctrl-C)."""
    from .editorschema import site_forms
    from .preview import PORT_TAKEN, Preview, stop_on_signals

    stop_on_signals()
    root = settings_file.parent
    try:
        content, forms = site_forms(settings_file)
        editor = EditorServer(content, forms, port=editor_port, site_url=f"http://127.0.0.1:{port}/")
    except BundleMissing as missing:
        say(str(missing))
        return 1
    except OSError as error:
        why = " : ce port est déjà utilisé (un autre éditeur est-il ouvert ?)" if error.errno in PORT_TAKEN else f" ({error})"
        say(f"Impossible d'ouvrir l'éditeur sur 127.0.0.1:{editor_port}{why}.\n"
            f"  → Fermez l'autre éditeur, ou choisissez un autre port : {invoke_command(f'edit --editor-port {editor_port + 1}')}")
        return 1
    preview = Preview(root=root, settings_file=settings_file, output=output, port=port, say=say)
    try:
        preview.start()
    except OSError as error:
        editor.stop()
        why = " : ce port est déjà utilisé (un aperçu est-il déjà ouvert ?)" if error.errno in PORT_TAKEN else f" ({error})"
        say(f"Impossible d'ouvrir l'aperçu sur 127.0.0.1:{port}{why}.\n"
            f"  → Fermez l'autre aperçu, ou choisissez un autre port : {invoke_command(f'edit --port {port + 1}')}")
        return 1
    editor.start()
    say(f"Éditeur : ouvrez {editor.url} dans le navigateur pour modifier le contenu (Ctrl+C pour arrêter).")
    try:
        while not preview.stop_event.wait(0.5):  # a timeout keeps Ctrl-C working on Windows
            pass
    except KeyboardInterrupt:
        say("Arrêt de l'éditeur et de l'aperçu…")
    finally:
        editor.stop()
        preview.stop()
    say("Éditeur et aperçu arrêtés.")
    return 0
