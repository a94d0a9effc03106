"""Attacks on writes: nothing the content names may be written outside the output folder or the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventsite.build import BuildFailed
from eventsite.check import check_content
from tests.conftest import BASE_SITE, parse, write_site
from tests.paths.support import build, write_image, written_files

GALLERY_MD = "Title: Journée\nCredit: Test\nLicense: CC BY 4.0\n"
ESCAPE = "．．／．．／．．／．．／．．／évadé／portrait"  # full-width: NFKC folds it into ../../../../../évadé/portrait


def project(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path]:
    """A project deep enough below tmp_path that any escape still lands inside tmp_path; return it and its content."""
    root = tmp_path / "a" / "b" / "c" / "d" / "e" / "f" / "projet"
    return root, write_site(root, {**BASE_SITE, **files})


def strays(tmp_path: Path, root: Path) -> list[str]:
    """Files written anywhere below tmp_path except content/, output/ and cache/ of the project."""
    allowed = tuple(f"{(root / name).relative_to(tmp_path).as_posix()}/" for name in ("content", "output", "cache"))
    return [path for path in written_files(tmp_path)
            if (tmp_path / path).is_file() and not path.startswith(allowed)]


def test_a_full_width_speaker_name_and_file_name_write_nothing_outside(tmp_path) -> None:
    root, content = project(tmp_path, {
        "speakers/alice-martin.md": f"Name: {ESCAPE}\nRole: Directrice\nPhoto: images/alice.jpg\n\nBio.\n",
        f"speakers/{ESCAPE}.md": f"Name: {ESCAPE}\nRole: Animateur\nPhoto: images/bob.jpg\n\nBio.\n",
    })
    write_image(content / "images/alice.jpg")
    write_image(content / "images/bob.jpg")

    out = build(root, content, strict=False)

    assert strays(tmp_path, root) == []
    assert not list(tmp_path.rglob("évadé")) and not list(tmp_path.rglob("portrait-*"))
    assert (out / "intervenants/evade-portrait/index.html").is_file()
    assert sorted(p.name for p in (out / "images/intervenants").glob("*-160.jpg")) == [
        "alice-martin-160.jpg", "evade-portrait-160.jpg"]


def test_a_full_width_gallery_photo_name_writes_nothing_outside(tmp_path) -> None:
    root, content = project(tmp_path, {"galleries/journee/gallery.md": GALLERY_MD + f"\n## {ESCAPE}.jpg\nAlt: La salle\n"})
    write_image(content / f"galleries/journee/{ESCAPE}.jpg")

    out = build(root, content)

    assert strays(tmp_path, root) == []
    page = parse(out / "galeries/journee/index.html")
    assert [img["alt"] for img in page.select("main img")] == ["La salle"]
    assert list((out / "images/galeries/journee").glob("evade-portrait-*.jpg"))
    assert not list(tmp_path.rglob("évadé"))


def test_a_gallery_folder_named_dot_dot_never_replaces_the_home_page(tmp_path, site) -> None:
    content = site({"galleries/．．/gallery.md": GALLERY_MD + "\n## a.jpg\nAlt: A\n"})
    write_image(content / "galleries/．．/a.jpg")

    with pytest.raises(BuildFailed) as failed:
        build(tmp_path, content)
    assert any("galleries/．．" in p and "ni lettre ni chiffre" in p for p in failed.value.problems)

    out = build(tmp_path, content, strict=False)
    home = parse(out / "index.html")
    assert "Bienvenue." in home.get_text() and not home.select(".gallery")


def test_a_static_link_up_from_content_writes_nothing_beside_a_custom_output(tmp_path) -> None:
    root, content = project(tmp_path, {"news/fuite.md": "Title: Fuite\nDate: 2018-03-05 10:00\n\n[t]({static}/../tasks.py)\n"})
    (root / "tasks.py").write_text("SECRET_TASKS = 1\n", encoding="utf-8")
    custom = tmp_path / "ailleurs" / "site"

    with pytest.raises(BuildFailed) as failed:
        build(root, content, output=custom)
    assert any("news/fuite.md" in p and "hors du dossier content/" in p for p in failed.value.problems)
    assert not (custom.parent / "tasks.py").exists()

    build(root, content, output=custom, strict=False)
    assert not (custom.parent / "tasks.py").exists()
    assert not [p for p in custom.rglob("*") if p.is_file() and b"SECRET_TASKS" in p.read_bytes()]


@pytest.mark.parametrize("header, field", [("Save_as: ../site2/index.html", "Save_as"), ("Slug: ../site2/x", "Slug")])
def test_a_save_as_beside_the_output_folder_is_refused(tmp_path, caplog, header, field) -> None:
    from pelican import Pelican
    from pelican.settings import read_settings

    from tests.conftest import SETTINGS, site_overrides

    content = write_site(tmp_path, {**BASE_SITE, "pages/evasion.md": f"Title: Évasion\n{header}\n\nIci.\n"})
    out = tmp_path / "site"  # « site2 » starts with « site »: Pelican's own prefix check lets it pass
    settings = read_settings(str(SETTINGS), override=site_overrides(tmp_path, content, OUTPUT_PATH=str(out)))

    problems = check_content(SETTINGS, site_overrides(tmp_path, content, OUTPUT_PATH=str(out)))
    assert [(p.file, p.field, p.severity) for p in problems if "hors du dossier du site" in p.message] == [
        ("pages/evasion.md", field, "error")]
    with pytest.raises(BuildFailed):
        build(tmp_path, content, output=out)
    assert not (tmp_path / "site2").exists()
    caplog.clear()

    Pelican(settings).run()

    assert not (tmp_path / "site2").exists()
    assert len([r for r in caplog.records if f"pages/evasion.md [champ {field}]" in r.getMessage()]) == 1
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("header", ["Save_as: ../../../../../../evade/index.html", "Url: ../../../../../../evade/"])
def test_a_save_as_or_url_header_in_an_event_file_writes_nothing_outside(tmp_path, header) -> None:
    """Event files get their address from their entity (event.generator.EventSourcePage has none of its own): a Save_as
    header leading out is still checked as any page's, and the page is written at its entity's address only."""
    from tests.conftest import SETTINGS, site_overrides

    root, content = project(tmp_path, {"speakers/evasion.md": f"Name: Ève Sion\nRole: Animatrice\n{header}\n\nBio.\n"})
    field = header.split(":")[0]
    problems = [(p.file, p.field, p.severity) for p in check_content(SETTINGS, site_overrides(root, content))]
    assert ("speakers/evasion.md", field, "error") in problems  # an unknown field of a speaker
    leading_out = [p for p in check_content(SETTINGS, site_overrides(root, content)) if "hors du dossier du site" in p.message]
    assert [(p.file, p.field) for p in leading_out] == ([("speakers/evasion.md", "Save_as")] if field == "Save_as" else [])
    out = build(root, content, strict=False)
    assert strays(tmp_path, root) == []
    assert (out / "intervenants" / "evasion" / "index.html").is_file()  # at its entity's address, from its file name


CONVERTED = "EVENTSITE_TEST_CONVERTED"  # the file the read-ahead worker notes each path it converts in


def convert_noting_the_path(self, source_path):
    """ReusedMarkdownMixin's convert, noting the path (run by the read-ahead worker, a fork of the build)."""
    from event.markdown_reuse import ReusedMarkdownMixin

    with open(os.environ[CONVERTED], "a", encoding="utf-8") as noted:
        noted.write(source_path + "\n")
    return ReusedMarkdownMixin._original_convert(self, source_path)  # the real one, kept there by the test


def test_the_read_ahead_reads_no_file_a_link_leads_out_to(tmp_path, monkeypatch):
    """A news, page or event file that is a link out of content/ is refused when read, and never read ahead either."""
    from event import markdown_ahead
    from event.markdown_reuse import ReusedMarkdownMixin
    from eventsite.build import build_site
    from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site

    content = write_site(tmp_path, dict(BASE_SITE))
    secret = tmp_path / "ailleurs" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("Title: Secret\nDate: 2018-03-05 10:00\n\nNe doit pas être lu.\n", encoding="utf-8")
    for link in ("news/fuite.md", "pages/fuite.md", "speakers/fuite.md"):
        (content / link).symlink_to(secret)
    converted = tmp_path / "converted.txt"
    monkeypatch.setenv(CONVERTED, str(converted))
    monkeypatch.setattr(ReusedMarkdownMixin, "_original_convert", ReusedMarkdownMixin.convert, raising=False)
    monkeypatch.setattr(ReusedMarkdownMixin, "convert", convert_noting_the_path)
    monkeypatch.setattr(markdown_ahead, "AHEAD_FROM", 0)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    try:
        build_site(SETTINGS, tmp_path / "output", strict=False, overrides=site_overrides(tmp_path, content, SEARCH_PAGEFIND=False))
    except Exception:  # the links are refused; what matters here is what was read
        pass
    read = converted.read_text(encoding="utf-8").split()
    assert any(path.endswith("alice-martin.md") for path in read)  # the worker did read ahead
    assert not [path for path in read if "fuite" in path or "secret" in path]
