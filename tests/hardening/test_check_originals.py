"""`invoke check` warns about the originals under content/ that carry metadata and are published."""

from __future__ import annotations

from pathlib import Path

from eventsite.check import check_content, report
from tests.conftest import SETTINGS, site_overrides
from tests.hardening.images import exif_with_gps, picture, write_with_metadata


def test_check_names_each_static_original_with_metadata(tmp_path: Path, site) -> None:
    content = site()
    (content / "images").mkdir()
    picture().save(content / "images" / "salle.jpg", "JPEG", exif=exif_with_gps(), comment=b"x")
    write_with_metadata(content / "images" / "plan.png", "PNG")
    picture().save(content / "images" / "propre.png", "PNG")  # clean: nothing to say
    write_with_metadata(content / "images" / "speakers" / "alice.jpg", "JPEG")  # a Photo: processed, not copied
    speaker = content / "speakers" / "alice-martin.md"
    speaker.write_text(speaker.read_text(encoding="utf-8").replace("Role:", "Photo: images/speakers/alice.jpg\nRole:", 1), encoding="utf-8")
    write_with_metadata(content / "images" / ".cache.jpg", "JPEG")  # a dot-file is never published

    problems = [p for p in check_content(SETTINGS, site_overrides(tmp_path, content)) if not p.field]

    assert sorted(p.file for p in problems) == ["images/plan.png", "images/salle.jpg"]
    salle = next(p for p in problems if p.file == "images/salle.jpg")
    assert "GPS" in salle.message and "commentaire" in salle.message and "exportez" in salle.fix
    assert "images/salle.jpg" in report(problems)
