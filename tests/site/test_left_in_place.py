"""A build into an earlier build's site leaves the pages still current in place: not rendered, written or typeset again."""

from __future__ import annotations

import os
from pathlib import Path

from eventsite.build import BuildResult, build_site
from eventsite.buildworker import WarmSite
from eventsite.staging import spare_name
from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site
from tests.setup.test_warm_build import indexed_pages, project
from tests.site.test_incremental import contents

INFOS = "Title: Infos pratiques\n\nVoir [le plan]({filename}/nulle-part.md).\n"  # Pelican warns while it renders it
BROKEN_LINK = "Unable to find '/nulle-part.md', skipping url replacement."


def identity(path: Path) -> tuple[int, int, int]:
    """PATH's inode, size and ctime: any write, truncation or link changes one of them."""
    found = os.stat(path)
    return found.st_ino, found.st_size, found.st_ctime_ns


def build(root: Path, content: Path, output: Path) -> BuildResult:
    return build_site(SETTINGS, output, strict=False, overrides=site_overrides(root, content, EVENT_LANGUAGES={}))


def assert_as_cold(root: Path, content: Path, output: Path, name: str = "cold") -> None:
    """OUTPUT is, file for file and byte for byte, the site a cold build of CONTENT writes (fresh cache)."""
    cold = build(root / name, content, root / name / "output")
    assert contents(output) == contents(cold.output)


def edit_news(content: Path, text: str) -> None:
    (content / "news" / "compte-rendu.md").write_text(f"Title: Compte rendu\nDate: 2018-03-05 10:00\n\n{text}\n", encoding="utf-8")


def test_a_current_page_is_left_in_place_and_an_edited_one_is_written(tmp_path: Path) -> None:
    """The third build writes into the first one's site: the pages no edit reached keep their very file; a deleted one goes."""
    content = write_site(tmp_path, {**BASE_SITE, "pages/infos.md": INFOS})
    output = tmp_path / "output"
    first = build(tmp_path, content, output)
    infos, speaker = output / "infos" / "index.html", output / "intervenants" / "bob-durand" / "index.html"
    news = next(p for p in output.rglob("*.html") if "La journée." in p.read_text(encoding="utf-8") and "actualites/" in str(p))
    before = {page: identity(page) for page in (infos, speaker, news)}
    edit_news(content, "Première reprise.")
    build(tmp_path, content, output)
    edit_news(content, "Seconde reprise.")
    third = build(tmp_path, content, output)
    assert identity(infos) == before[infos] and identity(speaker) == before[speaker]  # left in place
    assert identity(news) != before[news] and "Seconde reprise." in news.read_text(encoding="utf-8")
    assert third.pages_reused > 0
    assert first.other_warnings.count(BROKEN_LINK) == third.other_warnings.count(BROKEN_LINK) == 1  # told again, strict fails alike
    assert_as_cold(tmp_path, content, output)
    (content / "pages" / "infos.md").unlink()  # its page, left in place last time, goes with it
    build(tmp_path, content, output)
    assert not (output / "infos").exists()
    assert_as_cold(tmp_path, content, output, "cold-2")


def test_a_page_file_changed_in_the_spare_is_written_again(tmp_path: Path) -> None:
    """Only a file exactly as a build left it is trusted: one changed since (here in the parked site) is written anew."""
    content = write_site(tmp_path, dict(BASE_SITE))
    output = tmp_path / "output"
    build(tmp_path, content, output)
    edit_news(content, "Première reprise.")
    build(tmp_path, content, output)
    parked = spare_name(output)
    damaged, kept = parked / "intervenants" / "bob-durand" / "index.html", parked / "intervenants" / "alice-martin" / "index.html"
    damaged.write_text("<p>abîmée</p>", encoding="utf-8")  # same size or not, its ctime changes
    before = identity(kept)
    edit_news(content, "Seconde reprise.")
    build(tmp_path, content, output)
    assert identity(output / "intervenants" / "alice-martin" / "index.html") == before
    assert "abîmée" not in (output / "intervenants" / "bob-durand" / "index.html").read_text(encoding="utf-8")
    assert_as_cold(tmp_path, content, output)


def test_the_preview_indexes_the_served_site_without_touching_its_pages(tmp_path: Path) -> None:
    """Indexing swaps a new search bundle in: the pages keep their files, so the next builds can leave them in place."""
    output = tmp_path / "output"
    site = WarmSite(project(tmp_path), output)
    assert site.build()["ok"]
    before = indexed_pages(output)
    write_site(tmp_path, {"speakers/chloe-petit.md": "Name: Chloé Petit\nRole: Cheffe de projet\n\nBio de Chloé.\n"})
    assert site.build()["ok"]
    pages = {page: identity(page) for page in output.rglob("*.html")}
    site.index()
    assert indexed_pages(output)["fr"] == before["fr"] + 1  # the new page is indexed
    assert {page: identity(page) for page in output.rglob("*.html")} == pages


def test_a_page_with_its_own_template_shows_the_edited_news(tmp_path: Path) -> None:
    """The home page (Template: home) shows the latest news: a news body edit renders it again, never reused."""
    content = write_site(tmp_path, dict(BASE_SITE))
    output = tmp_path / "output"
    build(tmp_path, content, output)
    edit_news(content, "Une autre journée.")
    build(tmp_path, content, output)
    assert "Une autre journée." in (output / "index.html").read_text(encoding="utf-8")


def test_every_page_left_in_place_is_announced_as_a_written_page_is(tmp_path: Path) -> None:
    """content_written is sent once for each page file, left in place or not, with the page's own context and the flag."""
    from pelican.plugins import signals

    from eventsite.rendermemo import LEFT_IN_PLACE

    content = write_site(tmp_path, dict(BASE_SITE))
    output = tmp_path / "output"
    heard: list[tuple[str, dict]] = []

    def page_written(path: str, context: dict) -> None:
        heard.append((path, context))

    signals.content_written.connect(page_written)
    try:
        build(tmp_path, content, output)
        edit_news(content, "Première reprise.")
        build(tmp_path, content, output)
        edit_news(content, "Seconde reprise.")
        heard.clear()
        third = build(tmp_path, content, output)
    finally:
        signals.content_written.disconnect(page_written)
    announced = [context["output_file"] for _, context in heard]
    assert len(announced) == len(set(announced))  # once each
    assert set(announced) == {str(p.relative_to(output)) for p in output.rglob("*.html") if "pagefind" not in p.parts}
    left = {context["output_file"]: context for _, context in heard if context.get(LEFT_IN_PLACE)}
    assert 0 < len(left) <= third.pages_reused
    speaker = left["intervenants/bob-durand/index.html"]  # its own context, relative URLs as Pelican's
    assert speaker["speaker"].name == "Bob Durand" and speaker["SITEURL"] == "../.." and speaker["edition"] is not None
    news = [name for name in announced if name.startswith("actualites/") and "Seconde reprise." in (output / name).read_text(encoding="utf-8")]
    assert news and not any(name in left for name in news)  # the edited page is written, not left


def test_a_record_without_the_renders_warnings_still_tells_them_again(tmp_path: Path) -> None:
    """A written-pages record from before it kept each render's warnings: the warnings come from the renders' entries."""
    import json

    from eventsite.rendermemo import memo_folder
    from eventsite.writtenpages import written_record

    content = write_site(tmp_path, {**BASE_SITE, "pages/infos.md": INFOS})
    output = tmp_path / "output"
    build(tmp_path, content, output)
    edit_news(content, "Première reprise.")
    build(tmp_path, content, output)
    record = written_record(memo_folder({"CACHE_PATH": str(tmp_path / "cache")}), output.resolve())
    older = json.loads(record.read_text(encoding="utf-8"))
    assert older["logged"]  # the page that warns is recorded with its warning
    record.write_text(json.dumps({"generations": older["generations"]}), encoding="utf-8")  # as the previous release wrote it
    infos = output / "infos" / "index.html"
    edit_news(content, "Seconde reprise.")
    third = build(tmp_path, content, output)  # its pages left in place tell their warnings from the renders' entries
    assert third.other_warnings.count(BROKEN_LINK) == 1 and third.pages_reused > 0
    before = identity(infos)
    for text in ("Troisième reprise.", "Quatrième reprise."):  # the fifth build writes into the third one's site
        edit_news(content, text)
        fifth = build(tmp_path, content, output)
        assert fifth.other_warnings.count(BROKEN_LINK) == 1
    assert identity(infos) == before  # left in place, its warning told again from the record
    assert_as_cold(tmp_path, content, output)
