"""Markdown files are read with one Markdown instance per reader, with no state left between files."""

from __future__ import annotations

from pathlib import Path

import markdown

from eventsite.build import build_site
from tests.conftest import SETTINGS, parse, site_overrides

NEWS = (
    "Title: {title}\nDate: 2018-03-0{day} 10:00\nSummary: Le *résumé* {day}\n\n"
    "## Contexte\n\nUn texte sur l'IRA[^1].\n\n[^1]: Une note {day}.\n{extra}"
)


def test_one_markdown_per_reader_and_nothing_leaks_between_files(tmp_path: Path, site, monkeypatch):
    made = []
    original = markdown.Markdown.__init__

    def counting(self, *args, **kwargs):
        if "markdown.extensions.meta" in kwargs.get("extensions", ()):  # a reader's, not a caption's
            made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "__init__", counting)
    content = site({
        "news/a-premier.md": NEWS.format(title="Premier", day=2, extra="\n*[IRA]: Institut régional\n"),
        "news/b-second.md": NEWS.format(title="Second", day=3, extra=""),
    })
    build_site(SETTINGS, tmp_path / "out", strict=True, overrides=site_overrides(tmp_path, content))
    files = list(content.rglob("*.md"))
    assert len(files) > 10
    assert 1 <= len(made) <= 4  # one per reader (articles, pages, event), not one per file

    pages = {p.read_text(encoding="utf-8").count("Premier") and "a" or "b": p
             for p in (tmp_path / "out").rglob("index.html") if "a-premier" in str(p) or "b-second" in str(p)}
    first, second = parse(pages["a"]), parse(pages["b"])
    for page, day in ((first, 2), (second, 3)):
        body = page.select_one("main")
        assert body.select_one("h2#contexte") is not None  # not « contexte_1 »: the toc was reset
        notes = body.select("div.footnote li")
        assert [li.get("id") for li in notes] == ["fn:1"] and f"Une note {day}" in notes[0].get_text()
    assert first.select_one("main abbr[title='Institut régional']") is not None
    assert second.select_one("main abbr") is None  # the first file's abbreviation stayed there
    assert "Second" in second.title.get_text()  # metadata still read after the first file
