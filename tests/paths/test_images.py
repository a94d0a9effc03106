"""One truth for images: Photo/Logo images are processed wherever they sit; logos never sit on a colour block."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.conftest import parse
from tests.paths.support import build, written_files


def exif_photo(path: Path, size: tuple[int, int] = (400, 300)) -> Path:
    """Write an opaque JPEG carrying a camera name and GPS position in its EXIF."""
    exif = Image.Exif()
    exif[0x0110] = "SecretPhone"
    exif.get_ifd(0x8825)[2] = (45.0, 45.0, 0.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (150, 60, 40)).save(path, exif=exif)
    return path


def transparent_logo(path: Path) -> Path:
    """Write a dark logo on a transparent background."""
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    image.paste((30, 10, 10, 255), (20, 20, 280, 80))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path


def test_guide_folders_and_any_folder_are_processed_never_copied(tmp_path, site) -> None:
    content = site({
        "speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\nPhoto: images/intervenants/alice.jpg\n\nBio.\n",
        "speakers/bob-durand.md": "Name: Bob Durand\nRole: Animateur\nPhoto: images/equipe/2018/bob.jpg\n\nBio.\n",
        "partners/ira.md": "Name: IRA de Lyon\nTier: organiser\nLogo: images/partenaires/ira.png\n\nL'IRA.\n",
    })
    exif_photo(content / "images/intervenants/alice.jpg")
    exif_photo(content / "images/equipe/2018/bob.jpg")
    transparent_logo(content / "images/partenaires/ira.png")
    exif_photo(content / "images/plan.jpg")  # not named by Photo/Logo: still a static file

    out = build(tmp_path, content)  # strict: no warning asks to edit pelicanconf.py

    files = written_files(out)
    assert "images/intervenants/alice.jpg" not in files and "images/equipe/2018/bob.jpg" not in files
    assert "images/partenaires/ira.png" not in files and "images/plan.jpg" in files
    assert {"images/intervenants/alice-martin-160.jpg", "images/intervenants/bob-durand-160.jpg"} <= set(files)
    carriers = [name for name in files if name.startswith("images/") and name != "images/plan.jpg"
                and (out / name).is_file() and b"SecretPhone" in (out / name).read_bytes()]
    assert carriers == []


def test_logos_have_no_colour_placeholder_photos_do(tmp_path, site) -> None:
    content = site({
        "speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\nPhoto: images/intervenants/alice.jpg\n\nBio.\n",
        "partners/ira.md": "Name: IRA de Lyon\nTier: organiser\nLogo: images/partenaires/ira.png\n\nL'IRA.\n",
    })
    exif_photo(content / "images/intervenants/alice.jpg")
    transparent_logo(content / "images/partenaires/ira.png")

    out = build(tmp_path, content)

    logo = parse(out / "partenaires/index.html").select_one("#ira img")
    assert logo is not None and "background" not in logo.get("style", "")
    with Image.open(out / logo["src"].removeprefix("../")) as image:
        assert image.mode == "RGBA" and image.getchannel("A").getextrema()[0] == 0  # still transparent
    portrait = parse(out / "intervenants/alice-martin/index.html").select_one("main img")
    assert portrait["style"].startswith("background-color: #")
