"""`invoke edit`: one command starts the preview and the editor on 127.0.0.1, prints where to go, and Ctrl-C stops both."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import BASE_SITE, REPO, write_site

from .test_browser import PREVIEW_SETTINGS, eventually, fetch


@pytest.mark.skipif(os.name == "nt", reason="Ctrl-C is sent as SIGINT")
def test_edit_prints_both_addresses_and_stops_cleanly(tmp_path: Path) -> None:
    content = write_site(tmp_path, BASE_SITE)
    settings = tmp_path / "editconf.py"
    settings.write_text(PREVIEW_SETTINGS.format(repo=str(REPO), content=str(content), theme=str(REPO / "theme"),
                                                plugins=str(REPO / "plugins"), cache=str(tmp_path / "cache")), encoding="utf-8")
    command = [sys.executable, "-m", "eventsite", "edit", "--settings", str(settings), "--output", str(tmp_path / "output"),
               "--port", "0", "--editor-port", "0"]
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    try:
        while not any("Éditeur : ouvrez" in line for line in lines):
            line = child.stdout.readline()
            assert line, f"edit stopped early: {lines}"
            lines.append(line)
        editor = re.search(r"http://127\.0\.0\.1:\d+/admin/", lines[-1])
        preview = re.search(r"Aperçu : ouvrez (http://127\.0\.0\.1:\d+/)", "".join(lines))
        assert editor and preview, lines
        with urllib.request.urlopen(editor.group(0), timeout=10) as page:
            assert '<html lang="fr">' in page.read().decode("utf-8")
        assert eventually(lambda: fetch(preview.group(1))[0] == 200)
    finally:
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=60)
    assert child.returncode == 0, out
    assert "Éditeur et aperçu arrêtés." in out and "Traceback" not in out
