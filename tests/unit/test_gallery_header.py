"""gallery.md is read by the one header reader: repeated, unfilled and unknown fields are told as in every content file."""

from __future__ import annotations

from pathlib import Path

from gallery import reader

PHOTOS = ("a.jpg", "b.jpg")


def gallery(tmp_path: Path, text: str | bytes) -> reader.GallerySource:
    """Read a gallery folder holding two photos and gallery.md TEXT."""
    folder = tmp_path / "journee"
    folder.mkdir()
    for name in PHOTOS:
        (folder / name).write_bytes(b"x")  # only listed here: nothing opens it
    (folder / "gallery.md").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return reader.read_gallery(str(folder))


def told(source: reader.GallerySource) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.field, p.message) for p in source.problems]


def test_a_field_written_twice_in_the_header_or_in_a_photo_block_is_told_and_the_first_kept(tmp_path):
    source = gallery(tmp_path, "Titre : Journée\nLicence : CC0\nCredit : Ana\nLicense : CC BY 4.0\n\n"
                               "## a.jpg\nAlt : Une salle\nTexte alternatif : Une autre salle\n\n## b.jpg\nAlt : Scène\n")
    assert told(source) == [
        (4, "License", "le champ « License » (ligne 4) répète « Licence » (ligne 2)"),
        (8, "Texte alternatif", "le champ « Texte alternatif » (ligne 8) répète « Alt » (ligne 7)"),
    ]
    assert source.license == "CC0" and source.photos[0].alt == "Une salle"
    assert source.problems[0].fix == "gardez une seule de ces deux lignes (2 ou 4) et supprimez l'autre"


def test_a_placeholder_left_by_the_scaffold_is_told_and_never_published(tmp_path):
    source = gallery(tmp_path, "Titre : Journée\nCrédit : [à compléter : photographe ou service]\n\n"
                               "## a.jpg\nAlt : [ce que montre la photo, pour qui ne la voit pas]\n\n## b.jpg\nAlt : Scène\n")
    assert told(source) == [
        (2, "Crédit", "le champ « Crédit » n'est pas rempli : « [à compléter : photographe ou service] »"),
        (5, "Alt", "le champ « Alt » n'est pas rempli : « [ce que montre la photo, pour qui ne la voit pas] »"),
    ]
    assert source.credit == "" and source.photos[0].alt == ""  # told once: not also as a missing alt text


def test_an_unknown_field_gets_the_closest_name(tmp_path):
    source = gallery(tmp_path, "Titre : Journée\nLicenses : CC0\n\n## a.jpg\nAlt : Salle\nLégend : Le matin\n\n## b.jpg\nAlt : Scène\n")
    assert [(p.line, p.field, p.fix) for p in source.problems] == [
        (2, "Licenses", "vouliez-vous écrire « License » ?"),
        (6, "Légend", "vouliez-vous écrire « Légende » ?"),
    ]


def test_a_gallery_md_not_in_utf8_is_told_once_as_every_content_file(tmp_path):
    source = gallery(tmp_path, "Titre : Journée d'été\n\n## a.jpg\nAlt : Salle\n".encode("cp1252"))
    [problem] = source.problems
    assert (problem.line, problem.message) == (1, "le fichier n'est pas enregistré en UTF-8 (ligne 1 : « Titre : Journée d'été »), il n'est pas lu")
    assert "Bloc-notes" in problem.fix and [p.filename for p in source.photos] == list(PHOTOS)
