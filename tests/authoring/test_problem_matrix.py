"""Each malformed content gives one French problem, with file and fix, in check, build, strict and the banner."""

from __future__ import annotations

import pytest

from tests.authoring.problem_matrix import FILLED_LEGAL, Case, Expected, assert_reported, built_text, jpeg, run_modes

GALLERY_MD = "Title: Journée\nCredit: Test\nLicense: CC BY 4.0\n\n## 01-pinceaux.jpg\nAlt: Des pinceaux\n"
GALLERY = {"galleries/journee/gallery.md": GALLERY_MD, "galleries/journee/01-pinceaux.jpg": jpeg()}
FIX_REMOVAL = "écrivez le nom exact du fichier de la photo"

CASES = {
    "photo sans texte alternatif": Case(
        {**GALLERY, "galleries/journee/02-public.jpg": jpeg((200, 40, 40))},
        [Expected("galleries/journee/gallery.md", "la photo 02-public.jpg n'a pas de texte alternatif",
                  "ajoutez « Alt: » suivi d'une description de la photo sous « ## 02-public.jpg »")],
    ),
    "galerie inconnue": Case(
        {**GALLERY, "news/photos.md": "Title: Les photos\nDate: 2018-03-06\nGallery: journe\n\nVoici.\n"},
        [Expected("news/photos.md, ligne 3, champ Gallery", "la galerie « journe » n'existe pas",
                  "écrivez le nom d'un dossier de content/galleries/ (journee)")],
    ),
    "actualité sans titre": Case(
        {"news/sans-titre.md": "Date: 2018-03-06\n\nUn texte.\n"},
        [Expected("news/sans-titre.md", "le champ « Titre » manque", "ajoutez une ligne « Titre : … » dans l'en-tête")],
    ),
    "actualité à la date impossible": Case(
        {"news/date.md": "Title: Bilan\nDate: 2018-13-45\n\nUn texte.\n"},
        [Expected("news/date.md, ligne 2, champ Date", "« 2018-13-45 » n'est pas une date valide",
                  "écrivez la date sous la forme AAAA-MM-JJ")],
    ),
    "retraits.txt en Latin-1": Case(
        {**GALLERY, "galleries/journee/02-public.jpg": jpeg((200, 40, 40)),
         "galleries/journee/retraits.txt": "# Photos retirées à la demande des personnes\n02-public.jpg\n".encode("latin-1")},
        [Expected("galleries/journee/retraits.txt", "n'est pas enregistré en UTF-8", "enregistrez-le en UTF-8")],
        gone=["02-public"],
    ),
    "demande de retrait sans photo": Case(
        {**GALLERY, "galleries/journee/retraits.txt": "01-pinceaux.jpg\n02-pubic.jpg\n"},
        [Expected("galleries/journee/retraits.txt, ligne 2", "la demande de retrait « 02-pubic.jpg » ne correspond à aucune photo", FIX_REMOVAL)],
        gone=["01-pinceaux"],
    ),
    "champ Removed sans photo": Case(
        {**GALLERY, "galleries/journee/gallery.md": "Title: Journée\nRemoved: 09-absente\n\n## 01-pinceaux.jpg\nAlt: Des pinceaux\n"},
        [Expected("galleries/journee/gallery.md, ligne 2, champ Removed", "la demande de retrait « 09-absente »", FIX_REMOVAL)],
    ),
    "traduction de galerie fautive": Case(
        {**GALLERY, "galleries/journee/en/gallery.md": "Title: The day\nCredit: Comms\n\n## 02-absente.jpg\nAlt: Nothing\n",
         "galleries/journee/de/gallery.md": "Title: Der Tag\n"},
        [Expected("galleries/journee/en/gallery.md, ligne 2, champ Credit", "ce champ ne se traduit pas (galerie, en)",
                  "une traduction ne contient que ces champs : Titre"),
         Expected("galleries/journee/en/gallery.md, ligne 4", "« ## 02-absente.jpg » ne correspond à aucune photo de la galerie",
                  "écrivez après « ## » le nom d'une photo du dossier (01-pinceaux.jpg)"),
         Expected("galleries/journee/de/gallery.md", "« de » n'est pas une autre langue du site (en)",
                  "nommez le dossier d'après le code d'une langue du site")],
        settings=FILLED_LEGAL + "EVENT_LANGUAGES = {'en': {'EVENT_NAME': 'The event'}}\n",
    ),
    "photo illisible": Case(
        {**GALLERY, "galleries/journee/gallery.md": GALLERY_MD + "\n## 02-casse.jpg\nAlt: Une photo abîmée\n",
         "galleries/journee/02-casse.jpg": b"\xff\xd8 ceci n'est pas une photo"},
        [Expected("galleries/journee/02-casse.jpg", "l'image est laissée de côté",
                  "remplacez le fichier par une photo JPEG, PNG ou WebP qui s'ouvre sur votre ordinateur")],
    ),
    # The header cases of test_malformed.py, here through the banner too.
    "fichier enregistré par Word (Windows-1252)": Case(
        {"speakers/word.md": "Nom : Élodie Hébert\nFonction : Cheffe de projet\n\nSa biographie.\n".encode("cp1252")},
        [Expected("speakers/word.md, ligne 1", "le fichier n'est pas enregistré en UTF-8",
                  "enregistrez le fichier en UTF-8 : dans le Bloc-notes")],
    ),
    "séquence sans jour": Case(
        {"sessions/sans-jour.md": "Titre : Sans jour\nDébut : 15h\nFin : 16h\nSalle : Salle Z\nType : talk\n\nX.\n"},
        [Expected("sessions/sans-jour.md, champ Jour", "le champ obligatoire « Jour » (Day) manque",
                  "ajoutez en tête du fichier une ligne « Jour : … »")],
        gone=["Sans jour"],
    ),
    "champ écrit deux fois": Case(
        {"sessions/double.md": "Title: Premier titre\nJour : 2018-03-01\nTitre : Second titre\nDébut : 17h\nFin : 18h\n"
                               "Salle : Salle D\nType : talk\n\nX.\n"},
        [Expected("sessions/double.md, ligne 3, champ Titre", "le champ « Titre » (ligne 3) répète « Title » (ligne 1)",
                  "gardez une seule de ces deux lignes (1 ou 3)")],
    ),
    "séquences qui se chevauchent": Case(
        {"sessions/chevauche.md": "Titre : Chevauche\nJour : 2018-03-01\nSalle : Amphi\nDébut : 9h05\nFin : 9h25\nType : talk\n\nX.\n"},
        [Expected("sessions/chevauche.md, ligne 4, champ Début", "« Chevauche » (sessions/chevauche.md, 09:05–09:25) a la même Salle",
                  "changez l'heure de Début ou de Fin")],
    ),
    # gallery.md is read by the one header reader: told like any content file, once (issue 12).
    "galerie : champ écrit deux fois": Case(
        {**GALLERY, "galleries/journee/gallery.md": GALLERY_MD.replace("License: CC BY 4.0\n", "Licence: CC0\nLicense: CC BY 4.0\n")},
        [Expected("galleries/journee/gallery.md, ligne 4, champ License", "le champ « License » (ligne 4) répète « Licence » (ligne 3)",
                  "gardez une seule de ces deux lignes (3 ou 4)")],
        gone=["CC BY 4.0"],
    ),
    "galerie : texte alternatif à compléter": Case(
        {**GALLERY, "galleries/journee/gallery.md": GALLERY_MD.replace("Alt: Des pinceaux", "Alt: [ce que montre la photo]")},
        [Expected("galleries/journee/gallery.md, ligne 6, champ Alt", "le champ « Alt » n'est pas rempli : « [ce que montre la photo] »",
                  "remplacez le texte entre crochets par la vraie valeur")],
        gone=['alt="[ce que montre'],
    ),
    "mention légale à compléter": Case(
        {},
        [Expected("pelicanconf.py, champ LEGAL_DIRECTOR", "la mention légale n'est pas remplie",
                  "remplacez le texte entre crochets de LEGAL_DIRECTOR par la vraie valeur dans pelicanconf.py")],
        settings="LEGAL_DIRECTOR = '[à compléter : nom de la personne directrice de la publication]'\n",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_problem_is_told_the_same_in_every_mode(tmp_path, name):
    case = CASES[name]
    modes = run_modes(tmp_path, case)
    for expected in case.expected:
        assert_reported(modes, expected)
    site = built_text(modes.output)
    for word in case.gone:
        assert word not in site, word


def test_removal_matches_without_extension_and_regardless_of_case(tmp_path):
    photos = {f"galleries/journee/{name}": jpeg((i * 60, 80, 120)) for i, name in enumerate(
        ("01-pinceaux.jpg", "02-public.jpg", "03-horloge.jpg", "04-figue.jpg"))}
    alts = "".join(f"\n## {name}\nAlt: Photo {name}\n" for name in ("01-pinceaux.jpg", "02-public.jpg", "03-horloge.jpg", "04-figue.jpg"))
    case = Case(
        {**photos, "galleries/journee/gallery.md": f"Title: Journée\nRemoved: 01-pinceaux\n{alts}",
         "galleries/journee/retraits.txt": "02-public.jpeg\n03-horloge.JPG\n"},
        [],
    )
    modes = run_modes(tmp_path, case)
    for mode, text in modes.texts().items():
        assert "Traceback" not in text and "retrait" not in text, (mode, text)
    assert modes.check.returncode == 0 and modes.strict.returncode == 0, modes.check.stdout + modes.strict.stderr
    site = built_text(modes.output)
    for gone in ("01-pinceaux", "02-public", "03-horloge"):
        assert gone not in site, gone
    assert "04-figue" in site
