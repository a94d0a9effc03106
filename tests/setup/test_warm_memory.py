"""The preview's worker keeps no build's content objects once the build is over: its memory stays the size of one site."""

from __future__ import annotations

import pytest

import gc
import weakref
from pathlib import Path
from typing import Any

from pelican.plugins import signals

from eventsite.buildworker import WarmSite
from eventsite.collection import collection_paused
from tests.conftest import write_site
from tests.setup.test_warm_build import project


def test_a_build_leaves_none_of_its_content_objects_in_the_worker(tmp_path: Path) -> None:
    """Pelican memoizes each content object's body and summary; the worker forgets them after each build."""
    made: list[weakref.ref[Any]] = []

    def note(instance: Any) -> None:
        made.append(weakref.ref(instance))

    signals.content_object_init.connect(note)
    try:
        site = WarmSite(project(tmp_path), tmp_path / "output")
        assert site.build()["ok"]
        write_site(tmp_path, {"speakers/chloe-petit.md": "Name: Chloé Petit\nRole: Cheffe de projet\n\nBio de Chloé.\n"})
        assert site.build()["ok"]
    finally:
        signals.content_object_init.disconnect(note)
    gc.collect()
    assert made  # the builds made content objects, and read their bodies
    assert [ref() for ref in made if ref() is not None] == []


def test_the_collector_paused_for_a_build_is_given_back_as_it_was_even_when_the_build_fails():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        assert not gc.isenabled()
        raise RuntimeError("build failed")
    assert gc.isenabled()  # a worker left without its collector would grow with every build
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()


def test_every_build_runs_without_the_collector_and_gives_it_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """build_site itself pauses the collector (the command's build, the publish build, the preview's), for the build and
    the workers it forks, and gives it back even when the build fails."""
    import eventsite.build

    seen: list[bool] = []

    def inputs_of(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        raise eventsite.build.BuildFailed(["arrêtée pour le test"])

    monkeypatch.setattr(eventsite.build, "inputs_of", inputs_of)
    with pytest.raises(eventsite.build.BuildFailed):
        eventsite.build.build_site(tmp_path / "pelicanconf.py", tmp_path / "output", strict=False)
    assert seen == [False]
    assert gc.isenabled()


def test_a_command_s_build_or_check_leaves_its_heap_to_the_exit_untraversed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`python -m eventsite build` and `check` end with their work: its objects are frozen, so that Python's exit collects none of them."""
    import eventsite.__main__ as cli

    frozen: list[str] = []
    monkeypatch.setattr(cli, "report_build", lambda *args, **kwargs: (True, "construit"))
    monkeypatch.setattr(cli, "check_everything", lambda *args, **kwargs: ([], []))
    for command in ("build", "check"):
        monkeypatch.setattr(gc, "freeze", lambda: frozen.append(command))
        assert cli.main([command, "--settings", str(tmp_path / "pelicanconf.py")]) == 0
    assert frozen == ["build", "check"]
