"""Regression (issue 12): the English edition shows the portraits and logos the read-and-link phase attached.

The pictures are attached to the language-neutral model after the event is read; an edition made as a
copy before that (as on main before the editions work, 800983d) shows initials instead of the photo. Pelican's read-and-link phase is run
on a two-file site, nothing is written but the pictures.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pelican import Pelican

from eventsite.build import pelican_settings
from eventsite.phases import read_and_link
from event.editions import edition_for
from tests.conftest import SETTINGS, site_overrides, write_site

FILES = {
    "speakers/alice-martin.md": "Nom : Alice Martin\nFonction : Directrice\nPhoto : images/alice.jpg\n\nBio.\n",
    "speakers/en/alice-martin.md": "Role: Director\n",
    "partners/ira.md": "Nom : IRA\nNiveau : organiser\nLogo : images/ira.png\n\nL'IRA.\n",
}


def test_every_edition_has_the_pictures_of_the_model(tmp_path: Path) -> None:
    content = write_site(tmp_path, FILES)
    (content / "images").mkdir()
    Image.new("RGB", (200, 200), (150, 60, 40)).save(content / "images" / "alice.jpg")
    Image.new("RGBA", (200, 100), (0, 0, 0, 0)).save(content / "images" / "ira.png")
    overrides = {**site_overrides(tmp_path, content, GALLERY_PROCESSES=1), "OUTPUT_PATH": str(tmp_path / "output")}
    _generators, context = read_and_link(Pelican(pelican_settings(SETTINGS, overrides)))

    french, english = edition_for(context, "fr"), edition_for(context, "en")
    assert english is not None and english.lang == "en" and french.lang == "fr"
    portrait = french.event.speakers[0].picture
    assert portrait is not None  # the check can see a picture
    assert english.event.speakers[0].role == "Director"
    # The same image files; the alt text is the edition's own (a translated Description_photo).
    assert english.event.speakers[0].picture.variants == portrait.variants
    logo = french.event.partners[0].picture
    assert logo is not None and english.event.partners[0].picture.variants == logo.variants
