"""Interrupted builds: a kill at any step of the swap, leftovers, permissions (git status: tests/publish)."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from filelock import FileLock

from eventsite.build import build_site
from tests.conftest import REPO, SETTINGS, site_overrides
from tests.site.concurrency_support import finish, make_project, start_build

# Runs the swap of the build in its own process and SIGKILLs it just before its Nth file
# system step that touches the output's folder (renames, folder creations and removals,
# and foreign calls such as renameat2), as seen by a Python audit hook.
SWAP_DRIVER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path

    output, kill_before, fallback = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "fallback"
    parent = str(output.parent)
    seen = 0

    def paths(args):
        for arg in args:
            if isinstance(arg, (tuple, list)):
                yield from paths(arg)
            elif isinstance(arg, (str, bytes, os.PathLike)):
                yield os.fsdecode(arg)

    def hook(event, args):
        global seen
        if event.startswith(("os.", "shutil.", "ctypes.call_function")) and any(
                os.path.dirname(p) == parent for p in paths(args)):
            seen += 1
            if seen == kill_before:
                os.kill(os.getpid(), signal.SIGKILL)

    import eventsite.build
    if fallback:  # a system without an atomic exchange
        import eventsite.staging
        eventsite.staging.exchange = lambda first, second: False
    built = output.with_name(f".{output.name}-build-5eed")
    built.mkdir()
    (built / "index.html").write_text("nouveau")
    sys.addaudithook(hook)
    eventsite.build.swap_into_place(built, output)
""")


def run_swap(output: Path, kill_before: int, mode: str) -> int:
    """Swap a new site into OUTPUT, killed before step KILL_BEFORE; return the exit status."""
    return subprocess.run([sys.executable, "-c", SWAP_DRIVER, str(output), str(kill_before), mode],
                          cwd=REPO, check=False).returncode


@pytest.mark.parametrize("mode", ["exchange", "fallback"])
def test_a_kill_at_any_step_of_the_swap_leaves_a_whole_site(tmp_path: Path, mode: str) -> None:
    output = tmp_path / "output"
    steps = 0
    for kill_before in range(1, 20):
        for leftover in tmp_path.glob(".output-*"):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        output.mkdir(exist_ok=True)
        (output / "index.html").write_text("ancien")
        status = run_swap(output, kill_before, mode)
        if mode == "fallback":
            from eventsite.staging import remove_leftovers

            remove_leftovers(output)  # what the next build does first
        assert (output / "index.html").read_text() in {"ancien", "nouveau"}, (kill_before, status)
        if status == 0:
            assert (output / "index.html").read_text() == "nouveau"
            break
        assert status == -9
        steps += 1
    else:
        pytest.fail("the swap never finished")
    # The kill did land inside the swap. The hook cannot see renameat2 (a foreign call): after the
    # exchange only the previous site's rename into the spare is left to kill.
    assert steps >= (1 if mode == "exchange" else 3)


def test_the_next_build_removes_the_leftovers_of_a_killed_build_but_not_a_running_one(tmp_path, site) -> None:
    content = site()
    out = tmp_path / "output"
    for name in (".output-build-0a1b2c", ".output-old-0a1b2c", ".output-build-d00d"):
        (tmp_path / name / "images").mkdir(parents=True)
        (tmp_path / name / "index.html").write_text("laissé par une construction tuée")
    (tmp_path / ".output-build-bad5eed.lock").write_text("")
    running = FileLock(str(tmp_path / ".output-build-cafe.lock"))
    (tmp_path / ".output-build-cafe").mkdir()
    with running:
        build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content))
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) == [
            ".output-build-cafe", ".output-build-cafe.lock", ".output-spare"]  # the restored site, kept as the spare
    assert (out / "programme/index.html").is_file()


def modes(root: Path) -> dict[str, set[str]]:
    """Return the permission bits found on folders and on files below ROOT (ROOT included)."""
    found: dict[str, set[str]] = {"folders": {oct(stat.S_IMODE(root.stat().st_mode))}, "files": set()}
    for path in root.rglob("*"):
        found["folders" if path.is_dir() else "files"].add(oct(stat.S_IMODE(path.stat().st_mode)))
    return found


@pytest.mark.parametrize(("umask", "folder", "file"), [(0o022, "0o755", "0o644"), (0o027, "0o750", "0o640")])
def test_output_permissions_follow_the_umask(tmp_path: Path, umask: int, folder: str, file: str) -> None:
    settings = make_project(tmp_path)
    output = tmp_path / "output"
    finish(start_build(settings, output, umask=umask))
    assert modes(output) == {"folders": {folder}, "files": {file}}
    assert any(output.rglob("*.webp")) and any(output.rglob("images/cartes/*.png"))
