"""Attacks on reads: nothing outside content/, and no dot-file, may reach the output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventsite.build import BuildFailed
from eventsite.check import check_content
from tests.conftest import BASE_SITE, SETTINGS, parse, site_overrides, write_site
from tests.paths.support import build, write_image

GALLERY_MD = "Title: Ailleurs\nCredit: Test\nLicense: CC BY 4.0\n\n## a.jpg\nAlt: A\n"


def project(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path]:
    """A project folder (content/ and private files beside it); return it and its content."""
    root = tmp_path / "projet"
    return root, write_site(root, {**BASE_SITE, **files})


def leaked(out: Path, marker: bytes) -> list[str]:
    """Output files that carry MARKER."""
    return [str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and marker in p.read_bytes()]


def assert_refused_everywhere(root: Path, content: Path, file: str, words: str) -> None:
    """`check` lists the refusal of FILE as an error, and a strict build fails naming it."""
    problems = check_content(SETTINGS, site_overrides(root, content))
    assert [(p.file, p.severity) for p in problems if words in p.message] == [(file, "error")]
    with pytest.raises(BuildFailed) as failed:
        build(root, content)
    assert any(file in p and words in p for p in failed.value.problems)


def news(link: str) -> dict[str, str]:
    """A news file whose body links LINK."""
    return {"news/programme.md": f"Title: Programme\nDate: 2018-03-05 10:00\n\nLe [programme]({link}).\n"}


@pytest.mark.parametrize("link, private, marker", [
    ("{attach}../../.git/config", ".git/config", b"url = https://secret.example/depot.git"),
    ("{attach}../../pelicanconf.py", "pelicanconf.py", b"SECRET_SETTING = 1"),
    ("{static}/../publishconf.py", "publishconf.py", b"SECRET_SETTING = 2"),
])
def test_links_out_of_content_are_refused(tmp_path, link, private, marker) -> None:
    root, content = project(tmp_path, news(link))
    (root / private).parent.mkdir(parents=True, exist_ok=True)
    (root / private).write_bytes(marker + b"\n")

    assert_refused_everywhere(root, content, "news/programme.md", "hors du dossier content/")

    out = build(root, content, strict=False)
    assert leaked(out, marker) == []
    assert not list(out.rglob(Path(private).name))


def test_a_link_to_etc_hostname_is_refused(tmp_path) -> None:
    up = "../" * (len(tmp_path.parts) + 3)
    root, content = project(tmp_path, news(f"{{attach}}{up}etc/hostname"))

    out = build(root, content, strict=False)

    assert not list(out.rglob("hostname"))


def test_a_symlink_to_etc_passwd_is_not_published(tmp_path) -> None:
    root, content = project(tmp_path, {})
    (content / "images").mkdir()
    os.symlink("/etc/passwd", content / "images" / "passwd.txt")

    with pytest.raises(BuildFailed) as failed:
        build(root, content)
    assert any("images/passwd.txt" in p and "hors du dossier content/" in p for p in failed.value.problems)

    out = build(root, content, strict=False)
    assert not list(out.rglob("passwd.txt")) and leaked(out, b"root:x:0:0") == []


def test_dot_files_are_never_copied(tmp_path) -> None:
    root, content = project(tmp_path, {"images/.env": "SECRET_TOKEN=abc\n", "images/.git/config": "SECRET_TOKEN=git\n",
                                       "images/.htaccess": "SECRET_TOKEN=ht\n"})
    write_image(content / "images" / "plan.jpg")

    out = build(root, content)  # strict: a stray dot-file is dropped without a warning

    assert (out / "images" / "plan.jpg").is_file()
    assert leaked(out, b"SECRET_TOKEN") == []
    # Pelican's own IGNORE_FILES (**/.*) already leaves unlinked dot-files out: this guards that default.
    assert not [p for p in out.rglob(".*") if p.name not in (".nojekyll",)]


def test_a_dot_file_linked_from_a_page_is_refused_and_never_copied(tmp_path) -> None:
    # The containment plugin's own refusal: a link makes Pelican copy a file its IGNORE_FILES skips.
    root, content = project(tmp_path, {**news("{attach}images/.env"), "images/.env": "SECRET_TOKEN=abc\n"})

    assert_refused_everywhere(root, content, "news/programme.md", "fichier caché")
    out = build(root, content, strict=False)
    assert leaked(out, b"SECRET_TOKEN") == []


def test_a_photo_outside_content_is_a_problem_and_never_published(tmp_path) -> None:
    root, content = project(tmp_path, {
        "speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\nPhoto: ../../outside/secret.jpg\n\nBio.\n"})
    write_image(tmp_path / "outside" / "secret.jpg", colour=(1, 2, 3))

    problems = check_content(SETTINGS, site_overrides(root, content))
    assert [(p.file, p.field, p.line) for p in problems if "hors du dossier content/" in p.message] == [
        ("speakers/alice-martin.md", "Photo", 3)]
    with pytest.raises(BuildFailed):
        build(root, content)

    out = build(root, content, strict=False)
    speaker = parse(out / "intervenants/alice-martin/index.html")
    assert not speaker.select("main img") and not (out / "images" / "intervenants").exists()


@pytest.mark.parametrize("target", ["etc", "outside"])
def test_a_gallery_folder_linked_outside_content_is_not_read(tmp_path, target) -> None:
    root, content = project(tmp_path, {})
    outside = Path("/etc") if target == "etc" else tmp_path / "dehors"
    if target == "outside":
        write_image(outside / "a.jpg")
        (outside / "gallery.md").write_text(GALLERY_MD, encoding="utf-8")
    (content / "galleries").mkdir()
    os.symlink(outside, content / "galleries" / "ailleurs")

    assert_refused_everywhere(root, content, "galleries/ailleurs", "hors de content/")

    out = build(root, content, strict=False)
    assert not (out / "galeries" / "ailleurs").exists() and not (out / "images" / "galeries").exists()


def test_a_gallery_photo_linked_outside_its_folder_is_not_read(tmp_path) -> None:
    root, content = project(tmp_path, {"galleries/journee/gallery.md": GALLERY_MD + "\n## b.jpg\nAlt: B\n"})
    write_image(content / "galleries" / "journee" / "b.jpg")
    write_image(tmp_path / "dehors" / "a.jpg")
    os.symlink(tmp_path / "dehors" / "a.jpg", content / "galleries" / "journee" / "a.jpg")

    out = build(root, content, strict=False)

    assert [img["alt"] for img in parse(out / "galeries/journee/index.html").select("main img")] == ["B"]
    assert not list((out / "images" / "galeries" / "journee").glob("a-*"))


@pytest.mark.parametrize("relpath", ["pages/secret.md", "news/secret.md", "speakers/secret.md"])
def test_a_content_file_linked_outside_content_is_not_published(tmp_path, relpath) -> None:
    root, content = project(tmp_path, {})
    secret = tmp_path / "dehors" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("Title: Secret\nName: Secret\nRole: Secret\nDate: 2018-03-05 10:00\n\nSECRET_BODY\n", encoding="utf-8")
    os.symlink(secret, content / relpath)

    with pytest.raises(BuildFailed) as failed:
        build(root, content)
    assert any(relpath in p and "hors de content/" in p for p in failed.value.problems)

    out = build(root, content, strict=False)
    assert leaked(out, b"SECRET_BODY") == []


def test_a_gallery_md_linked_outside_is_not_read(tmp_path) -> None:
    root, content = project(tmp_path, {})
    write_image(content / "galleries" / "journee" / "a.jpg")
    (tmp_path / "dehors.md").write_text("Title: Dehors\n\nSECRET_DESCRIPTION\n\n## a.jpg\nAlt: A\n", encoding="utf-8")
    os.symlink(tmp_path / "dehors.md", content / "galleries" / "journee" / "gallery.md")

    out = build(root, content, strict=False)

    assert (out / "galeries" / "journee" / "index.html").is_file()
    assert leaked(out, b"SECRET_DESCRIPTION") == []
