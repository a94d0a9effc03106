"""The TYPOGRAPHY_* settings: defaults, and every bad value named in French at start-up."""

import pytest
from typography.settings import DEFAULTS, DOCS, check_typography_settings, read_typography_settings
from typography.typography import TypographySettingsError, check_settings


def test_defaults_documented_and_valid() -> None:
    assert set(DOCS) == set(DEFAULTS)
    assert check_typography_settings({}) == []
    config = read_typography_settings({})
    assert (config.enabled, config.langs, config.quotes) == (True, frozenset({"fr"}), True)


def test_every_bad_value_reported_at_once() -> None:
    problems = check_typography_settings(
        {"TYPOGRAPHY_ENABLED": "oui", "TYPOGRAPHY_QUOTES": 1, "TYPOGRAPHY_LANGS": "fr"}
    )
    assert [p.split(" ", 1)[0] for p in problems] == ["TYPOGRAPHY_ENABLED", "TYPOGRAPHY_QUOTES", "TYPOGRAPHY_LANGS"]
    assert "écrivez True ou False" in problems[0] and "ex. ('fr',)" in problems[2]


def test_start_up_refuses_bad_settings() -> None:
    class Pelican:
        settings = {"TYPOGRAPHY_QUOTES": "non"}

    with pytest.raises(TypographySettingsError, match="TYPOGRAPHY_QUOTES"):
        check_settings(Pelican())
