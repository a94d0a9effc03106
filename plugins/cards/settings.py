"""The CARDS_* settings (social images): declared once (default, check, doc)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from PIL import ImageColor

from eventsite.settingchecks import boolean, box, folder, integer, optional
from eventsite.settingskit import Problem, Setting, declare

FONTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fonts")
COLOR_KEYS = ("background", "text", "muted", "band", "band_text", "rule")


def _colors(value: Any) -> list[Problem]:
    """A colour Pillow reads for each of COLOR_KEYS."""
    if isinstance(value, Mapping) and set(value) == set(COLOR_KEYS):
        try:
            for colour in value.values():
                ImageColor.getrgb(str(colour))
            return []
        except ValueError:
            pass
    return [f"écrivez None (les couleurs du thème) ou un dictionnaire des clés {', '.join(COLOR_KEYS)} "
            "vers une couleur, par ex. {\"background\": \"#2b2b33\", …}"]


def _font(value: Any) -> list[Problem]:
    """The path of a font file that exists."""
    return [] if isinstance(value, str) and os.path.isfile(value) else ["écrivez le chemin d'un fichier de police .ttf existant"]


DECLARED = declare(
    "cards",
    Setting("CARDS_ENABLED", True, "Dessiner une image de partage (carte sociale) pour chaque page.", boolean),
    Setting("CARDS_OUTPUT_DIR", "images/cartes", "Dossier du site où sont écrites les cartes.", folder),
    Setting("CARDS_CACHE_DIR", "cartes", "Dossier des cartes dessinées gardées d'une construction à l'autre, dans CACHE_PATH.", folder),
    Setting("CARDS_SIZE", (1200, 630), "Taille (largeur, hauteur) des cartes en pixels.", box),
    # Keys: background, text, muted, band, band_text, rule.
    Setting("CARDS_COLORS", None,
            "Couleurs des cartes ; None : celles du thème (--color-* de main.css) avec EVENT_COLORS par-dessus.", optional(_colors)),
    # Fonts shipped with their licence (DejaVu, Bitstream Vera licence: fonts/LICENSE-DejaVu.txt).
    Setting("CARDS_FONT_BOLD", os.path.join(FONTS, "DejaVuSans-Bold.ttf"), "Police des titres des cartes (fichier .ttf).", _font,
            shown_default="plugins/cards/fonts/DejaVuSans-Bold.ttf"),
    Setting("CARDS_FONT_REGULAR", os.path.join(FONTS, "DejaVuSans.ttf"), "Police du texte des cartes (fichier .ttf).", _font,
            shown_default="plugins/cards/fonts/DejaVuSans.ttf"),
    # The cards are drawn while the pages are written: by default the build keeps a core to itself.
    Setting("CARDS_PROCESSES", None,
            "Processus qui dessinent les nouvelles cartes pendant l'écriture des pages ; None : un par cœur sauf "
            "celui de la construction (au moins un), 1 : dans le processus de la construction.",
            optional(integer(1))),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared CARDS_* setting, falling back on its default."""
    return DECLARED.value(settings, name)


def processes(settings: Mapping[str, Any]) -> int:
    """The worker processes that draw the cards, 0 for the build's own process (CARDS_PROCESSES = 1).

    None: one per core but the one the build writes the pages on, and at least one.
    """
    value = setting(settings, "CARDS_PROCESSES")
    if value is None:
        return max(1, (os.cpu_count() or 1) - 1)
    return 0 if int(value) == 1 else int(value)

