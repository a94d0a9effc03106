"""Every file the build writes has a safe ASCII name, whatever the display names and file names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventsite.build import BuildFailed
from eventsite.check import check_content
from eventsite.safepaths import safe_slug
from tests.conftest import SETTINGS, parse, site_overrides
from tests.paths.support import build, write_image, written_files

SAFE_PATH = re.compile(r"^[a-z0-9_][a-z0-9._-]*(/[a-z0-9_][a-z0-9._-]*)*$")
GALLERY_MD = "Title: Journée\nCredit: Test\nLicense: CC BY 4.0\n\n## IMG 0042.JPG\nAlt: La salle\n"


def spaced_site(site, extra: dict[str, str] | None = None) -> Path:
    """A site whose speaker, partner and gallery photo all have spaced, accented or odd names."""
    content = site({
        **(extra or {}),
        "speakers/Jeanne Dupont.md": "Name: Jeanne Dupont\nRole: Directrice\nPhoto: images/intervenants/Jeanne Dupont #1.jpg\n\nBio.\n",
        "partners/Ville de Lyon.md": "Name: Ville de Lyon\nTier: partner\nLogo: images/partenaires/Ville de Lyon %20 l'été?.png\n\nLa Ville.\n",
        "sessions/ouverture.md": (
            "Title: Ouverture\nDay: 2018-03-01\nStart: 09:00\nEnd: 09:30\nRoom: Amphi\nKind: opening\n"
            "Speakers: alice-martin, jeanne-dupont\n\nMot d'accueil.\n"
        ),
        "galleries/Journée d'été/gallery.md": GALLERY_MD,
    })
    write_image(content / "images/intervenants/Jeanne Dupont #1.jpg")
    write_image(content / "images/partenaires/Ville de Lyon %20 l'été?.png", (300, 100), (20, 20, 20, 255), "RGBA", "PNG")
    write_image(content / "galleries/Journée d'été/IMG 0042.JPG", (600, 400))
    return content


def test_safe_slug_folds_everything_to_ascii_hyphens() -> None:
    assert safe_slug("Jeanne Dupont") == "jeanne-dupont"
    assert safe_slug("IMG 0042") == "img-0042"
    assert safe_slug("Ville de l'été ?#%20\"") == "ville-de-l-ete-20"
    assert safe_slug("．．／．．／．．／tmp／x／portrait") == "tmp-x-portrait"
    assert safe_slug("．．") == safe_slug("..") == ""


def test_spaced_names_are_published_under_safe_names(tmp_path, site) -> None:
    out = build(tmp_path, spaced_site(site))

    unsafe = [path for path in written_files(out) if not SAFE_PATH.match(path)]
    assert unsafe == []
    assert (out / "intervenants/jeanne-dupont/index.html").is_file()
    assert (out / "galeries/journee-d-ete/index.html").is_file()
    pictures = {"intervenants/jeanne-dupont/index.html": "images/intervenants/jeanne-dupont-",
                "partenaires/index.html": "images/partenaires/ville-de-lyon-",
                "galeries/journee-d-ete/index.html": "images/galeries/journee-d-ete/img-0042-"}
    for page, prefix in pictures.items():
        images = parse(out / page).select(f'img[src*="{prefix}"]')
        assert images, page
        for element in [*images, *parse(out / page).select(f'source[srcset*="{prefix}"]')]:
            candidates = [c.split() for c in element["srcset"].split(",")]
            # Each candidate is exactly « URL WIDTHw »: a space in a name would split it in three.
            assert all(len(c) == 2 and c[1].endswith("w") for c in candidates), element["srcset"]
            for url, _width in candidates:
                target = (out / page).parent.joinpath(url).resolve()
                assert target.is_file() and target.is_relative_to(out.resolve()), url


def test_two_files_with_the_same_slug_are_a_named_problem(tmp_path, site) -> None:
    content = site({"speakers/Alice Martin.md": "Name: Alice Martin bis\nRole: Autre\n\nBio.\n"})
    problems = check_content(SETTINGS, site_overrides(tmp_path, content))
    named = [f"{p.file} {p.message}" for p in problems if "« alice-martin » est déjà pris" in p.message]
    assert len(named) == 1 and "speakers/Alice Martin.md" in named[0] and "speakers/alice-martin.md" in named[0]
    with pytest.raises(BuildFailed):
        build(tmp_path, content)


def test_two_gallery_folders_with_the_same_slug_are_named(tmp_path, site) -> None:
    content = site({"galleries/Été/gallery.md": GALLERY_MD.replace("IMG 0042.JPG", "a.jpg"),
                    "galleries/ete/gallery.md": GALLERY_MD.replace("IMG 0042.JPG", "b.jpg")})
    write_image(content / "galleries/Été/a.jpg")
    write_image(content / "galleries/ete/b.jpg")
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path, content)
    assert any("même adresse « ete »" in p for p in failed.value.problems)
    out = build(tmp_path, content, strict=False)
    assert (out / "galeries/ete/index.html").is_file()


def test_static_files_are_published_under_safe_names_and_links_follow(tmp_path, site) -> None:
    content = site({"news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\n\n"
                                            "![Plan]({static}/images/Accès Salle/Plan%20d'accès.JPG)\n"})
    write_image(content / "images/Accès Salle/Plan d'accès.JPG")
    write_image(content / "images/IMG 0001.png", fmt="PNG")

    out = build(tmp_path, content)

    files = written_files(out)
    assert [path for path in files if not SAFE_PATH.match(path)] == []
    assert {"images/acces-salle/plan-d-acces.jpg", "images/img-0001.png"} <= set(files)
    image = parse(out / "actualites/compte-rendu/index.html").select_one("main img[alt=Plan]")
    assert image["src"].endswith("/images/acces-salle/plan-d-acces.jpg")
    assert (out / "actualites/compte-rendu" / image["src"]).resolve() == (out / "images/acces-salle/plan-d-acces.jpg").resolve()


def test_two_static_files_with_the_same_safe_name_are_named(tmp_path, site) -> None:
    content = site({})
    write_image(content / "images/Logo.png", fmt="PNG")
    write_image(content / "images/logo.PNG", fmt="PNG")

    with pytest.raises(BuildFailed) as failed:
        build(tmp_path, content)
    assert any("même nom « images/logo.png »" in p for p in failed.value.problems)


def test_an_attached_file_with_an_unsafe_name_is_named(tmp_path, site) -> None:
    content = site({"news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\n\n"
                                            "[Programme]({attach}Programme%20Final.pdf)\n",
                    "news/Programme Final.pdf": "%PDF-1.4\n"})

    with pytest.raises(BuildFailed) as failed:
        build(tmp_path, content)
    assert any("Programme Final.pdf" in p and "renommez le fichier source" in p for p in failed.value.problems)


def test_an_attached_file_with_a_safe_name_moves_beside_its_page(tmp_path, site) -> None:
    content = site({"news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\n\n"
                                            "[Programme]({attach}programme.pdf)\n",
                    "news/programme.pdf": "%PDF-1.4\n"})

    out = build(tmp_path, content)  # strict: no warning

    assert (out / "actualites/compte-rendu/programme.pdf").is_file()
