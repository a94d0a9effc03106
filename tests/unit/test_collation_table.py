"""eventsite.collationtable: the table prepared at setup sorts exactly as pyuca's own, and is set aside when it is not pyuca's."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from pyuca import Collator

from eventsite.collationtable import prepared_collator, source_stamp, write_table

NAMES = [
    "Anne-Sophie d'Arcy", "Étienne Œuvrard", "Lars Østergaard", "Zoé Ångström", "Ævar Þórsson", "Łukasz Żółć",
    "Çelik", "ČAPEK", "Dvořák", "José Núñez", "Straße", "STRASSE", "ǅemal", "İbrahim", "Ιωάννης Παπαδόπουλος",
    "Наталья Иванова", "李小龍", "김민준", "محمد", "e\u0301tienne", "a\u0308\u0301", "L·l", "ﬁne", "１２３", "x\U00020000y",
    "", " ", "O'Brien", "van Beethoven", "DU BELLAY", "du Bellay", "Ab", "aB", "a-b", "a b", "ab",
]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_table(tmp_path_factory.mktemp("uca") / "uca-table.marshal")


def test_the_prepared_table_gives_pyucas_keys(prepared: Path) -> None:
    ours, pyuca = prepared_collator(prepared), Collator()
    assert ours is not None
    for name in NAMES:
        assert ours.sort_key(name) == pyuca.sort_key(name), name
    assert sorted(NAMES, key=ours.sort_key) == sorted(NAMES, key=pyuca.sort_key)


def test_a_missing_damaged_or_stale_table_is_set_aside(prepared: Path, tmp_path: Path) -> None:
    assert prepared_collator(tmp_path / "missing.marshal") is None
    damaged = tmp_path / "damaged.marshal"
    damaged.write_bytes(prepared.read_bytes()[:1000])
    assert prepared_collator(damaged) is None
    stale = tmp_path / "stale.marshal"
    stamp, weights, entries = marshal.loads(prepared.read_bytes())
    stale.write_bytes(marshal.dumps([[*stamp[:-1], stamp[-1] + 1], weights, entries]))  # another allkeys file (pyuca upgraded)
    assert prepared_collator(stale) is None
    assert stamp == source_stamp()


def test_a_build_s_collator_is_the_prepared_one_when_setup_made_it(monkeypatch: pytest.MonkeyPatch, prepared: Path) -> None:
    import event.collation as collation

    monkeypatch.setattr(collation, "prepared_collator", lambda: prepared_collator(prepared))
    collation.collator.cache_clear()
    try:
        assert type(collation.collator().table).__name__ == "FlatTable"
        assert collation.name_sort_key("Charles de Gaulle") == (Collator().sort_key("Gaulle"), Collator().sort_key("Charles"))
    finally:
        collation.collator.cache_clear()


def test_a_table_that_cannot_be_written_only_costs_speed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eventsite.collationtable import main

    blocked = tmp_path / "fichier"
    blocked.write_text("", encoding="utf-8")  # a file where the folder should be
    assert main([str(blocked / "uca-table.marshal")]) == 0
    assert "non préparée" in capsys.readouterr().out
