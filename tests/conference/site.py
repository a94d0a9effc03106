"""The small conference of tests/conference/event: two days, two rooms (one online), bilingual, built strictly."""

from __future__ import annotations

from pathlib import Path

from eventsite.build import build_site

CONFERENCE = Path(__file__).resolve().parent / "event"


def build_conference(tmp_path: Path, **overrides: object) -> Path:
    """Build the conference strictly into TMP_PATH/output (no warning allowed) and return the folder."""
    out = tmp_path / "output"
    result = build_site(CONFERENCE / "settings.py", out, strict=True,
                        overrides={"CACHE_PATH": str(tmp_path / "cache"), **overrides})
    assert result.warnings == []
    return out
