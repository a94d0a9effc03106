"""The editor's file API writes only safe names inside content/: the attacks first, then a real save."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from eventsite.imagemetadata import metadata_labels

from eventsite.editorserver import EditorServer

from .conftest import call

SPEAKER = "Name: Jeanne Dupont\nRole: Directrice\n\nBio.\n"
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 32).decode()


def save(server: EditorServer, path: str, raw: str = SPEAKER, new_path: str | None = None, assets=()) -> tuple[int, object]:
    """Ask the editor to save one content file (and ASSETS), as Decap does."""
    data_file = {"slug": "x", "path": path, "raw": raw, **({"newPath": new_path} if new_path else {})}
    return call(server, "persistEntry", dataFiles=[data_file], assets=list(assets),
                options={"commitMessage": "m", "useWorkflow": False, "status": "draft"})


def files_under(root: Path) -> set[str]:
    """Every file below ROOT, relative, as POSIX paths."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


ENTRY_ATTACKS = [
    "content/../pelicanconf.py",
    "content/speakers/../../tasks.py",
    "/etc/passwd",
    "../outside.md",
    "content/speakers/..\\..\\evil.md",
    "content/speakers/Jeanne Dupont.md",
    "content/speakers/jeanne-dupont.md/../../../x.md",
    "content/speakers/．．／．．／evil.md",
    "content/speakers/.hidden.md",
    "content/.git/config",
    "content/speakers/jeanne-dupont.html",
    "content/unknown-folder/jeanne-dupont.md",
    "content/speakers/sub/jeanne-dupont.md",
    "content/galleries/../gallery.md",
    "speakers/jeanne-dupont.md",
]


@pytest.mark.parametrize("path", ENTRY_ATTACKS)
def test_content_file_outside_or_unsafe_is_refused(editor: EditorServer, path: str) -> None:
    root = editor.httpd.RequestHandlerClass.keywords["files"].content.parent
    before = files_under(root.parent)
    status, answer = save(editor, path)
    assert status == 422, answer
    assert "error" in answer and answer["error"]
    assert files_under(root.parent) == before


IMAGE_ATTACKS = [
    "content/images/../../evil.png",
    "content/images/intervenants/photo.php",
    "content/images/intervenants/ma photo.jpg",
    "content/images/intervenants/..jpg",
    "content/speakers/photo.jpg",
    "content/../photo.jpg",
    "content/images/intervenants/.photo.jpg",
]


@pytest.mark.parametrize("path", IMAGE_ATTACKS)
def test_image_outside_or_unsafe_is_refused(editor: EditorServer, path: str) -> None:
    root = editor.httpd.RequestHandlerClass.keywords["files"].content.parent
    before = files_under(root.parent)
    asset = {"path": path, "content": PNG, "encoding": "base64"}
    status, _ = call(editor, "persistMedia", asset=asset, options={"commitMessage": "m"})
    assert status == 422
    status, _ = save(editor, "content/speakers/jeanne-dupont.md", assets=[asset])
    assert status == 422
    assert files_under(root.parent) == before, "nothing at all is written when one path of a save is refused"


def test_symlink_out_of_content_is_refused(editor: EditorServer, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    link = tmp_path / "content" / "speakers" / "evil"
    try:
        os.symlink(outside, tmp_path / "content" / "partners-link", target_is_directory=True)
        os.symlink(outside / "x.md", link.with_suffix(".md"))
    except OSError:
        pytest.skip("symbolic links are not allowed here")
    assert save(editor, "content/speakers/evil.md")[0] == 422
    assert call(editor, "getEntry", path="content/speakers/evil.md")[1]["data"] is None
    assert call(editor, "entriesByFolder", folder="content/partners-link", extension="md", depth=1)[0] == 422
    assert not list(outside.iterdir())


def test_reading_outside_content_gives_nothing(editor: EditorServer) -> None:
    assert call(editor, "getEntry", path="content/../pelicanconf.py")[1]["data"] is None
    assert call(editor, "getMediaFile", path="content/../pelicanconf.py")[0] == 422
    assert call(editor, "entriesByFolder", folder="content/..", extension="py", depth=1)[0] == 422
    assert call(editor, "deleteFile", path="content/speakers/alice-martin.md", options={"commitMessage": "m"})[0] == 422


def test_a_save_writes_the_file_and_its_photo(editor: EditorServer, tmp_path: Path) -> None:
    asset = {"path": "content/images/intervenants/jeanne-dupont.png", "content": PNG, "encoding": "base64"}
    status, _ = save(editor, "content/speakers/jeanne-dupont.md", assets=[asset])
    assert status == 200
    assert (tmp_path / "content/speakers/jeanne-dupont.md").read_text(encoding="utf-8") == SPEAKER
    assert (tmp_path / "content/images/intervenants/jeanne-dupont.png").read_bytes() == base64.b64decode(PNG)
    listed = call(editor, "entriesByFolder", folder="content/speakers", extension="md", depth=1)[1]
    assert {e["file"]["path"] for e in listed} == {f"content/speakers/{n}.md" for n in ("alice-martin", "bob-durand", "jeanne-dupont")}
    assert not [p for p in (tmp_path / "content/speakers").iterdir() if p.name.startswith(".")], "no temporary file left"


def test_saved_files_get_the_modes_a_text_editor_would_give(editor: EditorServer, tmp_path: Path) -> None:
    """A new file gets the umask's mode (not mkstemp's 0600, which git and a web server would keep); an edited one keeps its own."""
    existing = tmp_path / "content/speakers/alice-martin.md"
    existing.chmod(0o664)
    asset = {"path": "content/images/intervenants/jeanne-dupont.png", "content": PNG, "encoding": "base64"}
    assert save(editor, "content/speakers/jeanne-dupont.md", assets=[asset])[0] == 200
    assert save(editor, "content/speakers/alice-martin.md")[0] == 200
    umask = os.umask(0o022)
    os.umask(umask)
    for new in ("content/speakers/jeanne-dupont.md", "content/images/intervenants/jeanne-dupont.png"):
        assert (tmp_path / new).stat().st_mode & 0o777 == 0o666 & ~umask, new
    assert existing.stat().st_mode & 0o777 == 0o664


def test_an_uploaded_photo_loses_its_metadata(editor: EditorServer, tmp_path: Path) -> None:
    photo = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (45.0, 45.0, 0.0)}  # GPS: where the photo was taken
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo, "JPEG", exif=exif, quality=90)
    asset = {"path": "content/images/intervenants/jeanne-dupont.jpg", "content": base64.b64encode(photo.getvalue()).decode(),
             "encoding": "base64"}
    assert call(editor, "persistMedia", asset=asset, options={"commitMessage": "m"})[0] == 200
    saved = tmp_path / "content/images/intervenants/jeanne-dupont.jpg"
    original = tmp_path / "original.jpg"
    original.write_bytes(photo.getvalue())
    assert metadata_labels(original), "the uploaded photo does carry metadata"
    assert metadata_labels(saved) == ()
    with Image.open(saved) as image:
        assert (image.format, image.size) == ("JPEG", (64, 48))


def test_a_gallery_is_saved_in_its_own_folder(editor: EditorServer, tmp_path: Path) -> None:
    assert save(editor, "content/galleries/la-journee/gallery.md", raw="Titre: La journée\n\nTexte.\n")[0] == 200
    assert (tmp_path / "content/galleries/la-journee/gallery.md").is_file()
