"""Card-drawing workers never outlive their build, whatever happens to it."""

from __future__ import annotations

import multiprocessing

import pytest

from eventsite.build import BuildFailed, build_site
from tests.conftest import SETTINGS, site_overrides


def test_a_build_failing_while_pages_are_written_leaves_no_drawing_process(tmp_path, site):
    # Forked workers left alive hold the parent's pipes and files (a Playwright session hung on them).
    content = site({"pages/cassee.md": "Title: Page cassée\nTemplate: modele-inexistant\n\nTexte.\n"})
    overrides = site_overrides(tmp_path, content, CARDS_PROCESSES=2, SEARCH_PAGEFIND=False)
    with pytest.raises(BuildFailed):
        build_site(SETTINGS, tmp_path / "output", strict=False, overrides=overrides)
    assert multiprocessing.active_children() == []
