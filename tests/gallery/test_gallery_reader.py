"""Reading gallery folders and gallery.md; settings validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventsite.settingskit import SettingsError
from gallery import reader, settings


def write(path: Path, text: str = "x") -> None:
    """Write a text file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


GALLERY_MD = """Title: Séminaire
Date: 2026-11-20
Credit: Équipe com
License: CC BY 4.0
Order: c.jpg, a.jpg, absente.jpg
Removed: d.jpg

Une *belle* journée.

## a.jpg
Alt: Salle pleine
Légende: L'ouverture,
sur deux lignes.
Crédit: Jeanne
Licence: CC0

## c.jpg
texte alternatif: Vue de la scène
"""


def test_order_removals_and_fields(tmp_path: Path) -> None:
    folder = tmp_path / "seminaire"
    for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.JPG"):
        write(folder / name)
    write(folder / "gallery.md", GALLERY_MD)
    write(folder / "retraits.txt", "# demandes de retrait\ne.JPG\n")
    write(folder / "notes.pdf")

    gallery = reader.read_gallery(str(folder))

    assert [p.filename for p in gallery.photos] == ["c.jpg", "a.jpg", "b.jpg"]
    a = gallery.photos[1]
    assert (a.alt, a.credit, a.license) == ("Salle pleine", "Jeanne", "CC0")
    assert a.caption == "L'ouverture,\nsur deux lignes."
    assert gallery.photos[0].alt == "Vue de la scène"
    assert gallery.title == "Séminaire" and str(gallery.date) == "2026-11-20"
    assert gallery.description == "Une *belle* journée."
    told = {(Path(p.file).name, p.line, p.field): p.message for p in gallery.problems}
    assert "absente.jpg" in told[("gallery.md", 5, "Order")]  # Order names a missing file
    assert "b.jpg" in told[("gallery.md", None, "Alt")] and "texte alternatif" in told[("gallery.md", None, "Alt")]
    assert "n'est pas une photo" in told[("notes.pdf", None, "")]
    assert len(told) == 3, told  # d.jpg and e.JPG are withdrawn, as asked: no problem


def test_settings_are_read_not_written() -> None:
    user = {"GALLERY_WIDTHS": [960, 480], "GALLERY_PROCESSES": 1}
    gs = settings.load(user)
    assert gs.widths == (480, 960) and gs.processes == 1 and gs.max_width == 2400
    assert user == {"GALLERY_WIDTHS": [960, 480], "GALLERY_PROCESSES": 1}


def test_an_invalid_setting_is_refused_never_replaced_by_the_defaults() -> None:
    # Replaces « invalid settings warn and fall back »: a bad value used to reset every GALLERY_* setting.
    with pytest.raises(SettingsError) as refused:
        settings.load({"GALLERY_FORMATS": ("gif",), "GALLERY_EAGER_COUNT": 1, "GALLERY_JPEG_QUALITY": 0})
    assert [p.split(" vaut ")[0] for p in refused.value.problems] == ["GALLERY_FORMATS", "GALLERY_JPEG_QUALITY"]
    assert "('gif',)" in refused.value.problems[0] and "écrivez" in refused.value.problems[0]
