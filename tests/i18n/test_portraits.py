"""Regression: the English edition shows the same portraits and logos as the French one (issue 12)."""

from __future__ import annotations

from pathlib import Path

from eventsite.build import build_site
from tests.conftest import SETTINGS, parse, site_overrides
from tests.paths.support import write_image

PICTURED = {
    "speakers/alice-martin.md": "Name: Alice Martin\nRole: Directrice\nPhoto: images/intervenants/alice.jpg\n\nBio d'Alice.\n",
    "speakers/en/alice-martin.md": "Role: Director\n",
    "partners/ira.md": "Name: IRA de Lyon\nTier: organiser\nLogo: images/partenaires/ira.png\n\nL'IRA.\n",
}


def pictures(page: Path) -> list[str]:
    """The src of every <img> inside <picture> in the page's main content."""
    return [img["src"].split("images/", 1)[-1] for img in parse(page).select("main picture img")]


def test_english_speaker_and_partner_pages_show_the_french_pictures(tmp_path, site) -> None:
    content = site(PICTURED)
    write_image(content / "images/intervenants/alice.jpg")
    write_image(content / "images/partenaires/ira.png", mode="RGBA", colour=(0, 0, 0, 0), fmt="PNG")
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content, GALLERY_PROCESSES=1))

    french = pictures(out / "intervenants/alice-martin/index.html")
    assert french and french[0].startswith("intervenants/alice-martin")  # the check can see a portrait
    assert pictures(out / "en/intervenants/alice-martin/index.html") == french
    assert not parse(out / "en/intervenants/alice-martin/index.html").select("main .avatar--initials")
    assert pictures(out / "en/intervenants/index.html") == pictures(out / "intervenants/index.html")
    logos = pictures(out / "partenaires/index.html")
    assert logos and pictures(out / "en/partenaires/index.html") == logos


def test_default_alt_texts_are_in_each_edition_language(tmp_path, site) -> None:
    content = site(PICTURED)
    write_image(content / "images/intervenants/alice.jpg")
    write_image(content / "images/partenaires/ira.png", mode="RGBA", colour=(0, 0, 0, 0), fmt="PNG")
    out = tmp_path / "output"
    build_site(SETTINGS, out, strict=True, overrides=site_overrides(tmp_path, content, GALLERY_PROCESSES=1))

    def alts(page: str) -> list[str]:
        return [img["alt"] for img in parse(out / page).select("main picture img")]

    assert alts("intervenants/alice-martin/index.html") == ["Portrait de Alice Martin"]
    assert alts("en/intervenants/alice-martin/index.html") == ["Portrait of Alice Martin"]
    assert alts("en/partenaires/index.html") == ["Logo of IRA de Lyon"]
