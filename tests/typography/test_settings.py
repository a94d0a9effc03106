"""The TYPOGRAPHY_* settings: declared with defaults and docs, and every bad value named in French at start-up."""

import pytest
import typography
from typography.settings import DECLARED, read_typography_settings

from eventsite.settingskit import SettingsError, check_at_startup


def test_defaults_documented_and_valid() -> None:
    assert DECLARED.names == ("TYPOGRAPHY_ENABLED", "TYPOGRAPHY_LANGS", "TYPOGRAPHY_QUOTES", "TYPOGRAPHY_CACHE",
                              "TYPOGRAPHY_CACHE_DIR", "TYPOGRAPHY_ALONGSIDE")
    assert all(s.doc.strip() for s in DECLARED.settings)
    assert DECLARED.problems(dict(DECLARED.defaults)) == []
    config = read_typography_settings({})
    assert (config.enabled, config.langs, config.quotes) == (True, frozenset({"fr"}), True)
    assert config.cache == "cache/typography"
    assert read_typography_settings({"CACHE_PATH": "/tmp/c", "TYPOGRAPHY_CACHE": False}).cache is None
    assert read_typography_settings({"TYPOGRAPHY_LANGS": ("fr-CA", "fr_FR")}).langs == frozenset({"fr-ca", "fr-fr"})
    assert read_typography_settings({"TYPOGRAPHY_ALONGSIDE": False}).alongside is False


def test_every_bad_value_reported_at_once() -> None:
    problems = DECLARED.problems({"TYPOGRAPHY_ENABLED": "oui", "TYPOGRAPHY_QUOTES": 1, "TYPOGRAPHY_LANGS": "fr"})
    assert [p.split(" ", 1)[0] for p in problems] == ["TYPOGRAPHY_ENABLED", "TYPOGRAPHY_LANGS", "TYPOGRAPHY_QUOTES"]
    assert "écrivez True ou False" in problems[0] and 'par ex. ("fr",)' in problems[1]


def test_start_up_refuses_bad_settings() -> None:
    class Pelican:
        plugins = [typography]
        settings = {"TYPOGRAPHY_QUOTES": "non"}

    with pytest.raises(SettingsError, match="TYPOGRAPHY_QUOTES vaut 'non'"):
        check_at_startup(Pelican())
