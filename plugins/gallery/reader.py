"""Read content/galleries/<slug>/ folders (photos + gallery.md) into sources."""

from __future__ import annotations

import datetime
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType

from pelican.utils import get_date

from eventsite.safepaths import PathOutside, resolve_inside, safe_slug

logger = logging.getLogger(__name__)

METADATA_FILE = "gallery.md"
REMOVALS_FILE = "retraits.txt"
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")
NOTE_EXTENSIONS = (".md", ".txt")  # notes beside the photos, never shown
FIELD = re.compile(r"^\s*([^\W\d][\w \-]*?)\s*:\s?(.*)$")
HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")

# Accepted spellings of each field (lower case, accents removed).
HEADER_KEYS = MappingProxyType({
    "title": "title", "titre": "title",
    "date": "date",
    "credit": "credit",
    "license": "license", "licence": "license",
    "license_url": "license_url", "licence_url": "license_url",
    "order": "order", "ordre": "order",
    "removed": "removed", "retraits": "removed", "retire": "removed", "retirees": "removed",
})
PHOTO_KEYS = MappingProxyType({
    "alt": "alt", "texte alternatif": "alt",
    "caption": "caption", "legende": "caption",
    "credit": "credit",
    "license": "license", "licence": "license",
    "license_url": "license_url", "licence_url": "license_url",
})


@dataclass(frozen=True)
class PhotoEntry:
    """One photo file of a gallery and its texts from gallery.md."""

    filename: str
    path: str
    stem: str
    alt: str
    caption: str  # Markdown
    credit: str
    license: str
    license_url: str


@dataclass(frozen=True)
class GallerySource:
    """A gallery folder as authored: metadata and the photos to show, in order."""

    slug: str
    folder: str
    title: str
    date: datetime.date | None
    credit: str
    license: str
    license_url: str
    description: str  # Markdown
    photos: tuple[PhotoEntry, ...]


def _norm(key: str) -> str:
    """Return a field name lower-cased, without accents, with single spaces."""
    plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


def _split_list(value: str) -> list[str]:
    """Split a comma-separated list, dropping empty items."""
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a Pelican-style file into its header fields (raw names) and its body."""
    header: dict[str, str] = {}
    lines = text.splitlines()
    index = 0
    for index, line in enumerate(lines):
        if not line.strip():
            break
        match = FIELD.match(line)
        if not match:
            return header, "\n".join(lines[index:])
        header[match.group(1)] = match.group(2).strip()
    else:
        index = len(lines)
    return header, "\n".join(lines[index + 1 :])


def parse_sections(body: str, source: str) -> tuple[str, dict[str, dict[str, str]]]:
    """Split the body into the gallery description and one field dict per '## file'."""
    description: list[str] = []
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    last_key = ""
    for number, line in enumerate(body.splitlines(), start=1):
        heading = HEADING.match(line)
        if heading:
            current = sections.setdefault(heading.group(1).strip(), {})
            last_key = ""
        elif current is None:
            description.append(line)
        elif not line.strip():
            last_key = ""
        elif (match := FIELD.match(line)) and _norm(match.group(1)) in PHOTO_KEYS:
            last_key = PHOTO_KEYS[_norm(match.group(1))]
            current[last_key] = match.group(2).strip()
        elif last_key:
            current[last_key] = f"{current[last_key]}\n{line.strip()}"
        else:
            logger.warning(
                "%s, ligne du corps %d : « %s » n'est pas un champ connu "
                "(Alt, Légende, Crédit, Licence, Licence_url) ; corrigez la ligne",
                source, number, line.strip(),
            )
    return "\n".join(description).strip(), sections


def readable(folder: str, name: str) -> bool:
    """Return True when FOLDER/NAME exists and really lies in FOLDER (a link elsewhere is refused, with a warning)."""
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return False
    try:
        resolve_inside(folder, name)
    except PathOutside:
        logger.warning("%s est un lien vers un fichier hors du dossier de la galerie : il n'est pas lu "
                       "→ remplacez-le par le fichier lui-même", path)
        return False
    return True


def _removals(folder: str, header: dict[str, str]) -> set[str]:
    """Return the file names withdrawn by the Removed field or retraits.txt."""
    removed = set(_split_list(header.get("removed", "")))
    path = os.path.join(folder, REMOVALS_FILE)
    if readable(folder, REMOVALS_FILE):
        with open(path, encoding="utf-8") as handle:
            removed |= {line.strip() for line in handle if line.strip() and not line.startswith("#")}
    return removed


def _ordered(files: list[str], order: list[str], source: str) -> list[str]:
    """Return files in the Order given, then the others by file name."""
    present = set(files)
    for name in order:
        if name not in present:
            logger.warning("%s, champ Order : « %s » n'est pas dans le dossier ; retirez-le de la liste",
                           source, name)
    first = [name for name in dict.fromkeys(order) if name in present]
    rest = sorted((name for name in files if name not in set(first)), key=str.casefold)
    return first + rest


def _photo_files(folder: str) -> list[str]:
    """List the photo files of a folder, warning about anything else (links leaving it included)."""
    photos = []
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.startswith(".") or name.lower().endswith(NOTE_EXTENSIONS) or not os.path.isfile(path):
            continue
        if not readable(folder, name):
            continue
        if name.lower().endswith(PHOTO_EXTENSIONS):
            photos.append(name)
        else:
            logger.warning(
                "Fichier ignoré dans la galerie : %s n'est pas une photo (JPEG, PNG, WebP…) ; "
                "retirez-le du dossier", path,
            )
    return photos


def _date(value: str, source: str) -> datetime.date | None:
    """Parse the Date field, warning when it cannot be read."""
    if not value:
        return None
    try:
        return get_date(value).date()
    except (ValueError, OverflowError):
        logger.warning("%s, champ Date : « %s » n'est pas une date (AAAA-MM-JJ)", source, value)
        return None


def read_gallery(folder: str, slug: str = "") -> GallerySource:
    """Read one gallery folder, published under SLUG (by default, its folder name's safe slug)."""
    slug = slug or safe_slug(os.path.basename(folder.rstrip(os.sep))) or "galerie"
    source = os.path.join(folder, METADATA_FILE)
    header: dict[str, str] = {}
    body = ""
    if readable(folder, METADATA_FILE):
        with open(source, encoding="utf-8") as handle:
            raw_header, body = parse_header(handle.read())
        for key, value in raw_header.items():
            if _norm(key) in HEADER_KEYS:
                header[HEADER_KEYS[_norm(key)]] = value
            else:
                logger.warning("%s : champ « %s » inconnu ; il est ignoré", source, key)
    else:
        logger.warning("Galerie %s sans fichier %s : ajoutez-le avec Title, Credit et License",
                       folder, METADATA_FILE)
    description, sections = parse_sections(body, source)
    removed = _removals(folder, header)
    files = [name for name in _photo_files(folder) if name not in removed]
    for name in sections:
        if name not in files and name not in removed:
            logger.warning("%s : « ## %s » ne correspond à aucun fichier du dossier", source, name)
    entries: list[PhotoEntry] = []
    stems: set[str] = set()
    for name in _ordered(files, _split_list(header.get("order", "")), source):
        stem = safe_slug(os.path.splitext(name)[0]) or "photo"
        if stem in stems:
            logger.warning("Photo ignorée : %s a le même nom qu'une autre photo de la galerie "
                           "(à l'extension près) ; renommez-la", os.path.join(folder, name))
            continue
        stems.add(stem)
        fields = sections.get(name, {})
        if not fields.get("alt"):
            logger.warning("Photo sans texte alternatif : %s ; ajoutez « Alt: … » sous « ## %s » "
                           "dans %s", os.path.join(folder, name), name, METADATA_FILE)
        entries.append(PhotoEntry(
            filename=name, path=os.path.join(folder, name), stem=stem,
            alt=fields.get("alt", ""), caption=fields.get("caption", ""),
            credit=fields.get("credit", ""), license=fields.get("license", ""),
            license_url=fields.get("license_url", ""),
        ))
    return GallerySource(
        slug=slug, folder=folder, title=header.get("title") or slug.replace("-", " ").capitalize(),
        date=_date(header.get("date", ""), source), credit=header.get("credit", ""),
        license=header.get("license", ""), license_url=header.get("license_url", ""),
        description=description, photos=tuple(entries),
    )


def gallery_slug(root: str, name: str, content_root: str, taken: dict[str, str]) -> str:
    """Return the safe slug of gallery folder NAME, or "" (with a French warning) when it cannot be used.

    A folder that resolves outside content/ (a symlink to /etc…), a name with no letter or digit
    (`..`, `．．`) and a name whose slug another folder already has are all left out.
    """
    folder = os.path.join(root, name)
    try:
        resolve_inside(content_root, os.path.relpath(folder, content_root))
    except PathOutside:
        logger.warning("Galerie ignorée : %s est un lien vers un dossier hors de content/ ; "
                       "copiez les photos elles-mêmes dans content/galleries/", folder)
        return ""
    slug = safe_slug(name)
    if not slug:
        logger.warning("Galerie ignorée : le nom du dossier %s ne contient ni lettre ni chiffre ; "
                       "renommez-le, par ex. « journee-2026 »", folder)
    elif slug in taken:
        logger.warning("Galerie ignorée : le dossier %s donnerait la même adresse « %s » que %s ; "
                       "renommez l'un des deux dossiers", folder, slug, taken[slug])
        return ""
    return slug


def read_galleries(root: str, content_root: str | None = None) -> list[GallerySource]:
    """Read every gallery folder under root (inside content_root), each under its safe slug."""
    if not os.path.isdir(root):
        return []
    content_root = content_root or os.path.dirname(root.rstrip(os.sep))
    sources = []
    taken: dict[str, str] = {}
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if name.startswith(".") or not os.path.isdir(folder):
            continue
        slug = gallery_slug(root, name, content_root, taken)
        if slug:
            taken[slug] = folder
            sources.append(read_gallery(folder, slug))
    return sources
