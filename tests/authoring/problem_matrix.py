"""Malformed-content matrix: one content change, run in the four modes an author meets.

``run_modes`` writes BASE_SITE plus a case's files under tmp_path and runs ``python -m eventsite
check``, ``build`` and ``build --strict`` as an author would, then parses the normal build's
preview banner with a real HTML parser. ``assert_reported`` checks that one problem (file,
French message, fix) is told in all four, once each, and that no traceback reached the author.
Add a row to a test's table to add a case.
"""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from tests.conftest import BASE_SITE, REPO, SETTINGS, parse

FILLED_LEGAL = "LEGAL_DIRECTOR = 'Jeanne Martin, directrice de la publication'\n"


def jpeg(colour: tuple[int, int, int] = (40, 90, 160)) -> bytes:
    """A small real JPEG photo."""
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


@dataclass(frozen=True)
class Expected:
    """One problem as the author must read it: the file, words of the message, words of the fix."""

    file: str
    message: str
    fix: str


@dataclass
class Case:
    """A row of the matrix: content files (text or bytes), extra settings, the problems expected."""

    files: dict[str, str | bytes | None]
    expected: list[Expected]
    settings: str = FILLED_LEGAL
    gone: list[str] = field(default_factory=list)  # words that must not appear in the built site


@dataclass
class Modes:
    """What an author sees in each mode."""

    check: subprocess.CompletedProcess
    build: subprocess.CompletedProcess
    strict: subprocess.CompletedProcess
    banner: str  # the preview banner's text, whitespace collapsed
    output: Path

    def texts(self) -> dict[str, str]:
        """Mode → everything it printed (or showed), whitespace collapsed."""
        printed = {name: run.stdout + run.stderr for name, run in (("check", self.check), ("build", self.build), ("strict", self.strict))}
        return {**{name: squash(text) for name, text in printed.items()}, "banner": self.banner}


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def write_files(content: Path, files: dict[str, str | bytes | None]) -> None:
    """Write BASE_SITE and FILES under CONTENT (bytes as they are, text as UTF-8; None deletes)."""
    for relpath, data in {**BASE_SITE, **files}.items():
        path = content / relpath
        if data is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def settings_file(tmp_path: Path, content: Path, extra: str) -> Path:
    """A settings file: the repository's pelicanconf.py pointed at the test site, plus EXTRA."""
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"exec(open({str(SETTINGS)!r}, encoding='utf-8').read())\n"
        f"PATH = {str(content)!r}\nTHEME = {str(REPO / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\nEVENT_START = '2018-03-01'\nEVENT_END = '2018-03-01'\n"
        "GALLERY_PROCESSES = 1\nGALLERY_WIDTHS = (160,)\nGALLERY_MAX_WIDTH = 320\nEVENT_SHOW_PROBLEMS = True\n"
        + extra,
        encoding="utf-8",
    )
    return settings


def eventsite(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m eventsite ARGS`` as `invoke` does."""
    return subprocess.run([sys.executable, "-m", "eventsite", *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def run_modes(tmp_path: Path, case: Case) -> Modes:
    """Write the case's site and run check, build, strict; read the normal build's banner."""
    content = tmp_path / "content"
    write_files(content, case.files)
    settings = str(settings_file(tmp_path, content, case.settings))
    output = tmp_path / "output"
    check = eventsite("check", "--settings", settings)
    build = eventsite("build", "--settings", settings, "--output", str(output))
    strict = eventsite("build", "--strict", "--settings", settings, "--output", str(tmp_path / "strict"))
    banner = parse(output / "index.html").select_one(".problems") if (output / "index.html").exists() else None
    return Modes(check, build, strict, squash(banner.get_text(" ")) if banner is not None else "", output)


def assert_reported(modes: Modes, expected: Expected) -> None:
    """The problem is told in check, build, strict and the banner: file, message and fix, once each."""
    for mode, text in modes.texts().items():
        assert "Traceback" not in text, (mode, text)
        for words in (expected.file, squash(expected.message), squash(expected.fix)):
            assert words in text, (mode, words, text)
        assert text.count(squash(expected.fix)) == 1, (mode, "told more than once", text)
    assert modes.check.returncode == 1, modes.check.stdout
    assert modes.build.returncode == 0, modes.build.stderr
    assert modes.strict.returncode == 1, modes.strict.stdout


def built_text(output: Path) -> str:
    """Every file name and every HTML text of a built site."""
    names = [p.relative_to(output).as_posix() for p in output.rglob("*")]
    pages = [p.read_text(encoding="utf-8") for p in output.rglob("*.html")]
    return "\n".join(names + pages)
