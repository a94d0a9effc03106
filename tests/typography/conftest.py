"""Shared helpers for the typography plugin tests."""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

from typography.typography import typeset_html  # noqa: E402


@pytest.fixture
def render():
    """Render Markdown as Pelican does, then typeset the HTML."""

    def _render(text: str) -> str:
        return typeset_html(markdown.markdown(text))

    return _render
