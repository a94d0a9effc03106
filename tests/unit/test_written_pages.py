"""eventsite.writtenpages: a build without an earlier record leaves no page in place, and says so before any page is looked at."""

from __future__ import annotations

from pathlib import Path

from eventsite.writtenpages import WrittenPages


def test_only_a_record_of_earlier_pages_may_leave_one_in_place(tmp_path: Path) -> None:
    record = tmp_path / "written.json"
    page = tmp_path / "index.html"
    page.write_text("<p>page</p>", encoding="utf-8")
    cold = WrittenPages.read(record)  # no record: a cold build
    assert not cold.holds_any() and not cold.holds(str(page), "key")
    cold.note(str(page), "key", [])
    cold.save(record)
    warm = WrittenPages.read(record)
    assert warm.holds_any() and warm.holds(str(page), "key")
