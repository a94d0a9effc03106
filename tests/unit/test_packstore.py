"""eventsite.packstore: one pack per build, what a build used kept for the next, damaged records never served."""

from __future__ import annotations

import os
from pathlib import Path

from eventsite.packstore import PACK_PREFIX, PackStore, finished_packs, part_path


def built(folder: Path, used: dict[str, bytes | None]) -> PackStore:
    """One build: each key of USED read (None) or kept (bytes), then finished."""
    store = PackStore(folder)
    for key, data in used.items():
        if data is None:
            store.get(key)
        else:
            store.keep(key, data)
    store.finish()
    return store


def packs(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(PACK_PREFIX))


def test_a_build_finds_what_the_last_one_kept_and_keeps_only_what_it_used(tmp_path: Path) -> None:
    built(tmp_path, {"a": b"first", "b": b"second"})
    store = PackStore(tmp_path)
    assert store.get("a") == b"first"
    assert store.get("missing") is None
    store.finish()
    assert len(packs(tmp_path)) == 1  # one file for the whole build; the older pack went
    later = PackStore(tmp_path)
    assert later.get("a") == b"first"
    assert later.get("b") is None  # not used by the build before: gone


def test_carried_entries_are_kept_unread_and_checked_when_read(tmp_path: Path) -> None:
    built(tmp_path, {"page": b"<p>kept</p>"})
    store = PackStore(tmp_path)
    assert store.carry("page") and not store.carry("other")
    store.finish()
    assert PackStore(tmp_path).get("page") == b"<p>kept</p>"


def test_an_entry_kept_in_this_build_is_found_in_it(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    store.keep("x", b"one")
    store.close()  # written to the part, opened again for the next
    store.keep("y", b"two")
    assert (store.get("x"), store.get("y")) == (b"one", b"two")
    store.finish()
    assert PackStore(tmp_path).get("y") == b"two"


def test_tampered_or_cut_records_are_made_again_never_served(tmp_path: Path) -> None:
    built(tmp_path, {"a": b"AAAA", "b": b"BBBB", "c": b"CCCC"})
    (pack,) = finished_packs(str(tmp_path))
    data = Path(pack[0]).read_bytes()
    Path(pack[0]).write_bytes(data.replace(b"BBBB", b"EVIL"))
    assert PackStore(tmp_path).get("b") is None  # its digest does not match
    Path(pack[0]).write_bytes(data[: data.index(b"CCCC") + 2])
    store = PackStore(tmp_path)
    assert store.get("a") == b"AAAA"
    assert store.get("c") is None  # cut short: the reading of the pack ends there


def test_a_build_that_does_not_end_well_leaves_the_last_pack_as_it_was(tmp_path: Path) -> None:
    built(tmp_path, {"a": b"kept"})
    before = packs(tmp_path)
    store = PackStore(tmp_path)
    store.keep("b", b"maybe wrong")
    store.close()
    store.discard()  # an input changed during the build
    assert packs(tmp_path) == before and not os.path.exists(part_path(str(tmp_path)))
    failed = PackStore(tmp_path)
    failed.keep("c", b"half")
    failed.close()  # the build failed: never finished
    again = PackStore(tmp_path)  # the same process builds again: the failed part is not taken for its own
    assert not os.path.exists(part_path(str(tmp_path)))
    assert again.get("a") == b"kept" and again.get("c") is None
    again.finish()
    assert PackStore(tmp_path).get("a") == b"kept"


def test_stray_files_go_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "old.html").write_text("first layout", encoding="utf-8")
    (tmp_path / "written-site.json").write_text("{}", encoding="utf-8")
    os.utime(tmp_path / "old.html", (1, 1))
    os.utime(tmp_path / "written-site.json", (1, 1))
    store = PackStore(tmp_path)
    store.keep("a", b"x")
    assert store.finish(stray=lambda name: name.endswith(".html")) == 1
    assert sorted(os.listdir(tmp_path))[1:] == ["written-site.json"]


def test_carried_runs_are_copied_whole_between_kept_entries_from_two_packs(tmp_path: Path) -> None:
    built(tmp_path, {f"a{index}": f"first {index}".encode() * 50 for index in range(20)})
    later = PackStore(tmp_path)  # a second pack, written while the first is still there (another build's)
    later.keep("b", b"second pack")
    later.close()
    os.replace(part_path(str(tmp_path)), tmp_path / "pack-9999999999999999999-1.bin")
    store = PackStore(tmp_path)
    for index in range(20):
        assert store.carry(f"a{index}")
        if index % 7 == 0:
            store.keep(f"new{index}", b"made now")
    assert store.carry("b") and store.get("a3") == b"first 3" * 50  # this build's own entries are readable at once
    store.finish()
    again = PackStore(tmp_path)
    assert [again.get(f"a{index}") for index in range(20)] == [f"first {index}".encode() * 50 for index in range(20)]
    assert again.get("b") == b"second pack" and again.get("new7") == b"made now"


def test_a_pack_cut_short_after_it_was_indexed_keeps_nothing_wrong(tmp_path: Path) -> None:
    built(tmp_path, {"a": b"A" * 1000, "b": b"B" * 1000})
    (pack,) = finished_packs(str(tmp_path))
    store = PackStore(tmp_path)
    os.truncate(pack[0], 500)  # another process damaged it meanwhile
    store.carry("a")
    store.carry("b")
    store.finish()
    assert PackStore(tmp_path).get("b") is None  # made again, never served cut


def test_a_part_deleted_by_another_build_only_costs_the_entries(tmp_path: Path) -> None:
    built(tmp_path, {"a": b"kept"})
    store = PackStore(tmp_path)
    store.keep("b", b"new")
    store.close()
    os.unlink(part_path(str(tmp_path)))  # another build sharing CACHE_PATH pruned it as an old part
    store.finish()  # no error: the build's site is not at stake
    assert PackStore(tmp_path).get("b") is None
