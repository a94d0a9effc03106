"""Reading a gallery's translations (<gallery>/<lang>/gallery.md): the texts kept, every path inside the gallery."""

from __future__ import annotations

import os
from pathlib import Path

from gallery import reader, translation


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_translation_keeps_its_title_description_and_photo_texts(tmp_path: Path) -> None:
    folder = tmp_path / "journee"
    write(folder / "en/gallery.md", "Titre: The day\n\nThe day in *pictures*.\n\n## a.jpg\nLégende: The opening,\non two lines.\nAlt: A room\n")
    problems: list[reader.Problem] = []
    found = translation.read_translations(str(folder), ("en",), ("a.jpg", "b.jpg"), problems)
    assert problems == []
    english = found["en"]
    assert (english.title, english.description) == ("The day", "The day in *pictures*.")
    assert dict(english.photos) == {"a.jpg": translation.PhotoText(alt="A room", caption="The opening,\non two lines.")}


def test_a_translation_folder_linked_from_outside_the_gallery_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "secret"
    write(outside / "gallery.md", "Title: Stolen\n")
    folder = tmp_path / "galleries/journee"
    folder.mkdir(parents=True)
    os.symlink(outside, folder / "en")
    write(folder / "de/gallery.md", "")
    os.remove(folder / "de/gallery.md")
    os.symlink(outside / "gallery.md", folder / "de/gallery.md")
    problems: list[reader.Problem] = []
    assert translation.read_translations(str(folder), ("en", "de"), ("a.jpg",), problems) == {}
    assert sorted(Path(p.file).relative_to(folder).as_posix() for p in problems) == ["de/gallery.md", "en"]
    assert all("hors du dossier de la galerie" in p.message for p in problems)


def test_the_translation_folder_is_no_photo_of_the_gallery(tmp_path: Path) -> None:
    folder = tmp_path / "journee"
    write(folder / "gallery.md", "Title: La journée\n\n## a.jpg\nAlt: Une salle\n")
    (folder / "a.jpg").write_bytes(b"")
    write(folder / "en/gallery.md", "Title: The day\n")
    gallery = reader.read_gallery(str(folder))
    assert [p.filename for p in gallery.photos] == ["a.jpg"] and gallery.problems == ()
