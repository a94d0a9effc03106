"""The placeholder scan forked beside the readers of a cold build: the same problems as scanned in the build's process."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventsite import forkedcall
from event import markdown_ahead


def test_a_forked_call_gives_its_result_or_is_computed_here() -> None:
    call = forkedcall.ForkedCall(sorted, [3, 1, 2])
    assert call.result() == [1, 2, 3]
    failing = forkedcall.ForkedCall(int, "pas un nombre")  # the child fails: computed here, and its error raised here
    with pytest.raises(ValueError):
        failing.result()
    assert not call.process.is_alive() and not failing.process.is_alive()


def test_a_forked_call_ends_even_when_its_result_is_never_asked_for() -> None:
    """A build that fails before it asks leaves no child blocked on a full pipe: the result is received as it comes."""
    call = forkedcall.ForkedCall(bytes, 1_000_000)  # far more than a pipe holds
    call.process.join(timeout=10)
    assert not call.process.is_alive()
    assert call.result() == bytes(1_000_000)


def test_the_scan_forked_or_not_finds_the_same_placeholders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventsite.check import check_everything
    from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site

    content = write_site(tmp_path, {**BASE_SITE,
                                    "speakers/a-remplir.md": "Name: À remplir\nRole: [fonction, en une ligne]\n\n[Biographie]\n",
                                    "news/brouillon.md": "Title: Brouillon\nDate: 2018-03-06 10:00\n\n[Le texte de l'actualité]\n"})
    forked: list[forkedcall.ForkedCall] = []
    real = forkedcall.forked_call

    def noted(*args):
        call = real(*args)
        forked.append(call)
        return call

    monkeypatch.setattr("event.generator.forked_call", noted)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    found = {}
    for name, start_from in (("forked", 0), ("here", 10**6)):
        monkeypatch.setattr(markdown_ahead, "AHEAD_FROM", start_from)
        problems, _ = check_everything(SETTINGS, site_overrides(tmp_path / name, content, SEARCH_PAGEFIND=False))
        found[name] = sorted(str(p) for p in problems)
    assert len(forked) == 1 and not forked[0].process.is_alive()  # the first check forked the scan, and it ended
    assert any("a-remplir.md" in p for p in found["forked"]) and any("brouillon.md" in p for p in found["forked"])
    assert found["forked"] == found["here"]
