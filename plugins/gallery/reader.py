"""Read content/galleries/<slug>/ folders (photos + gallery.md) into sources."""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from event.weburl import WEB_URL_FIX, web_url_error
from pelican.utils import get_date

from eventsite.safepaths import PathOutside, resolve_inside, safe_slug

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


class Problem(NamedTuple):
    """One thing wrong in a gallery folder, sent through the content problem channel."""

    file: str  # absolute here; the generator makes it relative to content/
    line: int | None
    field: str
    message: str
    fix: str
    severity: str = "error"


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
    problems: tuple[Problem, ...] = ()


def _norm(key: str) -> str:
    """Return a field name lower-cased, without accents, with single spaces."""
    plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


def _split_list(value: str) -> list[str]:
    """Split a comma-separated list, dropping empty items."""
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_header(text: str) -> tuple[dict[str, tuple[str, int]], str, int]:
    """Split a Pelican-style file into its header fields (raw name → value, line), its body and the body's first line."""
    header: dict[str, tuple[str, int]] = {}
    lines = text.splitlines()
    index = 0
    for index, line in enumerate(lines):
        if not line.strip():
            break
        match = FIELD.match(line)
        if not match:
            return header, "\n".join(lines[index:]), index + 1
        header[match.group(1)] = (match.group(2).strip(), index + 1)
    else:
        index = len(lines)
    return header, "\n".join(lines[index + 1 :]), index + 2


def parse_sections(
    body: str, source: str, first_line: int, problems: list[Problem]
) -> tuple[str, dict[str, dict[str, str]], dict[str, int]]:
    """Split the body into the gallery description, one field dict per '## file' and each heading's line."""
    description: list[str] = []
    sections: dict[str, dict[str, str]] = {}
    headings: dict[str, int] = {}
    current: dict[str, str] | None = None
    last_key = ""
    for number, line in enumerate(body.splitlines(), start=first_line):
        heading = HEADING.match(line)
        if heading:
            current = sections.setdefault(heading.group(1).strip(), {})
            headings.setdefault(heading.group(1).strip(), number)
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
            problems.append(Problem(
                source, number, "", f"« {line.strip()} » n'est pas un champ connu d'une photo",
                "écrivez Alt, Légende, Crédit, Licence ou Licence_url suivi de « : », ou supprimez la ligne",
            ))
    return "\n".join(description).strip(), sections, headings


def readable(folder: str, name: str, problems: list[Problem]) -> bool:
    """Return True when FOLDER/NAME exists and really lies in FOLDER (a link elsewhere is refused, and reported)."""
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return False
    try:
        resolve_inside(folder, name)
    except PathOutside:
        problems.append(Problem(path, None, "", "ce fichier est un lien vers un fichier hors du dossier de la galerie : il n'est pas lu",
                                "remplacez le lien par le fichier lui-même"))
        return False
    return True


def read_text(path: str, problems: list[Problem]) -> str:
    """A text file as the author meant it: UTF-8 (BOM or not), else Windows-1252 with a problem asking for UTF-8."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(
            path, None, "", "le fichier n'est pas enregistré en UTF-8 ; il a été lu comme du Windows-1252 (Latin-1)",
            "enregistrez-le en UTF-8 (dans votre éditeur : « Enregistrer sous… », encodage UTF-8) "
            "et vérifiez les lettres accentuées",
            "warning",
        ))
        return data.decode("cp1252", errors="replace")


JPEG_LIKE = MappingProxyType({".jpeg": ".jpg", ".jpe": ".jpg", ".tiff": ".tif"})


@dataclass(frozen=True)
class Removal:
    """One withdrawal request: the name as written, and where it was written."""

    entry: str
    file: str
    line: int
    field: str


def removal_key(name: str) -> tuple[str, str]:
    """(stem, extension) compared case-insensitively, JPEG spellings alike; no photo extension → ("name", "")."""
    stem, extension = os.path.splitext(unicodedata.normalize("NFC", name.strip()))
    extension = extension.lower()
    if extension not in PHOTO_EXTENSIONS:
        return (stem + extension).casefold(), ""
    return stem.casefold(), JPEG_LIKE.get(extension, extension)


def removes(removal: Removal, filename: str) -> bool:
    """True when REMOVAL names FILENAME: same name regardless of case, with or without its extension."""
    wanted_stem, wanted_ext = removal_key(removal.entry)
    stem, extension = removal_key(filename)
    return wanted_stem == stem and wanted_ext in ("", extension)


def _removals(folder: str, source: str, header: dict[str, tuple[str, int]], problems: list[Problem]) -> list[Removal]:
    """Return the withdrawal requests of the Removed field and of retraits.txt, with their lines."""
    value, line = header.get("removed", ("", 0))
    removals = [Removal(entry, source, line, "Removed") for entry in _split_list(value)]
    path = os.path.join(folder, REMOVALS_FILE)
    if readable(folder, REMOVALS_FILE, problems):
        for number, text in enumerate(read_text(path, problems).splitlines(), start=1):
            if text.strip() and not text.lstrip().startswith("#"):
                removals.append(Removal(text.strip(), path, number, ""))
    return removals


def _ordered(files: list[str], order: list[str], source: str, line: int | None, problems: list[Problem]) -> list[str]:
    """Return files in the Order given, then the others by file name."""
    present = set(files)
    for name in order:
        if name not in present:
            problems.append(Problem(source, line, "Order", f"« {name} » n'est pas dans le dossier",
                                    "corrigez le nom du fichier ou retirez-le de la liste"))
    first = [name for name in dict.fromkeys(order) if name in present]
    rest = sorted((name for name in files if name not in set(first)), key=str.casefold)
    return first + rest


def _photo_files(folder: str, problems: list[Problem]) -> list[str]:
    """List the photo files of a folder, reporting anything else."""
    photos = []
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.startswith(".") or name.lower().endswith(NOTE_EXTENSIONS) or not os.path.isfile(path):
            continue
        if not readable(folder, name, problems):
            continue
        if name.lower().endswith(PHOTO_EXTENSIONS):
            photos.append(name)
        else:
            problems.append(Problem(path, None, "", "ce fichier n'est pas une photo (JPEG, PNG, WebP…) : il est ignoré",
                                    "retirez-le du dossier de la galerie"))
    return photos


def _date(value: str, source: str, line: int | None, problems: list[Problem]) -> datetime.date | None:
    """Parse the Date field, reporting it when it cannot be read."""
    if not value:
        return None
    try:
        return get_date(value).date()
    except (ValueError, OverflowError):
        problems.append(Problem(source, line, "Date", f"« {value} » n'est pas une date",
                                "écrivez la date sous la forme AAAA-MM-JJ (ex. 2018-03-01)"))
        return None


def license_url_lines(text: str) -> dict[str, int]:
    """Return the first line number of each License_url value written in a gallery.md."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = FIELD.match(line)
        if match and HEADER_KEYS.get(_norm(match.group(1))) == "license_url":
            found.setdefault(match.group(2).strip(), number)
    return found


def checked_license_url(value: str, source: str, line: int | None, problems: list[Problem]) -> str:
    """Return a License_url that is a safe web address, else record a problem and return ''."""
    if not value:
        return ""
    error = web_url_error(value)
    if error is None:
        return value
    problems.append(Problem(source, line, "License_url", error + " ; le lien n'est pas publié", WEB_URL_FIX))
    return ""


def read_gallery(folder: str, slug: str = "") -> GallerySource:
    """Read one gallery folder, published under SLUG (by default, its folder name's safe slug); what is wrong is in its problems."""
    slug = slug or safe_slug(os.path.basename(folder.rstrip(os.sep))) or "galerie"
    source = os.path.join(folder, METADATA_FILE)
    problems: list[Problem] = []
    header: dict[str, tuple[str, int]] = {}
    body, first_line = "", 1
    url_lines: dict[str, int] = {}
    if readable(folder, METADATA_FILE, problems):
        text = read_text(source, problems)
        raw_header, body, first_line = parse_header(text)
        url_lines = license_url_lines(text)
        for key, (value, line) in raw_header.items():
            if _norm(key) in HEADER_KEYS:
                header[HEADER_KEYS[_norm(key)]] = (value, line)
            else:
                problems.append(Problem(source, line, key, f"champ « {key} » inconnu : il est ignoré",
                                        "écrivez Title, Date, Credit, License, License_url, Order ou Removed, "
                                        "ou supprimez la ligne"))
    else:
        problems.append(Problem(source, None, "", "la galerie n'a pas de fichier gallery.md",
                                f"ajoutez {METADATA_FILE} dans le dossier avec Title, Credit et License"))
    description, sections, headings = parse_sections(body, source, first_line, problems)
    removals = _removals(folder, source, header, problems)
    all_files = _photo_files(folder, problems)
    for removal in removals:
        if not any(removes(removal, name) for name in all_files):
            problems.append(Problem(
                removal.file, removal.line, removal.field,
                f"la demande de retrait « {removal.entry} » ne correspond à aucune photo du dossier : "
                "si la photo est en ligne, elle y reste",
                "écrivez le nom exact du fichier de la photo (l'extension et les majuscules sont facultatives) ; "
                "si la photo a déjà été supprimée du dossier, retirez cette ligne",
            ))
    files = [name for name in all_files if not any(removes(removal, name) for removal in removals)]
    for name in sections:
        if name not in all_files:
            problems.append(Problem(source, headings.get(name), "", f"« ## {name} » ne correspond à aucun fichier du dossier",
                                    "corrigez le nom du fichier après « ## » ou supprimez cette partie"))
    entries: list[PhotoEntry] = []
    stems: set[str] = set()
    order, order_line = header.get("order", ("", None))
    for name in _ordered(files, _split_list(order), source, order_line, problems):
        stem = safe_slug(os.path.splitext(name)[0]) or "photo"
        if stem in stems:
            problems.append(Problem(os.path.join(folder, name), None, "",
                                    "une autre photo de la galerie a le même nom (à l'extension près) : celle-ci est ignorée",
                                    "renommez-la"))
            continue
        stems.add(stem)
        fields = sections.get(name, {})
        if not fields.get("alt"):
            problems.append(Problem(
                source, headings.get(name), "Alt", f"la photo {name} n'a pas de texte alternatif",
                f"ajoutez « Alt: » suivi d'une description de la photo sous « ## {name} » dans {METADATA_FILE}",
            ))
        entries.append(PhotoEntry(
            filename=name, path=os.path.join(folder, name), stem=stem,
            alt=fields.get("alt", ""), caption=fields.get("caption", ""),
            credit=fields.get("credit", ""), license=fields.get("license", ""),
            license_url=checked_license_url(fields.get("license_url", ""), source,
                                            url_lines.get(fields.get("license_url", "")), problems),
        ))

    def value(key: str) -> str:
        return header.get(key, ("", None))[0]

    date_value, date_line = header.get("date", ("", None))
    return GallerySource(
        slug=slug, folder=folder, title=value("title") or slug.replace("-", " ").capitalize(),
        date=_date(date_value, source, date_line, problems), credit=value("credit"),
        license=value("license"),
        license_url=checked_license_url(value("license_url"), source, header.get("license_url", ("", None))[1], problems),
        description=description, photos=tuple(entries), problems=tuple(problems),
    )


def gallery_slug(root: str, name: str, content_root: str, taken: dict[str, str], problems: list[Problem]) -> str:
    """Return the safe slug of gallery folder NAME, or "" (with a problem in PROBLEMS) when it cannot be used.

    A folder that resolves outside content/ (a symlink to /etc…), a name with no letter or digit
    (`..`, `．．`) and a name whose slug another folder already has are all left out.
    """
    folder = os.path.join(root, name)
    try:
        resolve_inside(content_root, os.path.relpath(folder, content_root))
    except PathOutside:
        problems.append(Problem(folder, None, "", "galerie ignorée : ce dossier est un lien vers un dossier hors de content/",
                                "copiez les photos elles-mêmes dans content/galleries/"))
        return ""
    slug = safe_slug(name)
    if not slug:
        problems.append(Problem(folder, None, "", "galerie ignorée : le nom du dossier ne contient ni lettre ni chiffre",
                                "renommez-le, par ex. « journee-2026 »"))
        return ""
    if slug in taken:
        problems.append(Problem(folder, None, "",
                                f"galerie ignorée : ce dossier donnerait la même adresse « {slug} » que "
                                f"{os.path.relpath(taken[slug], content_root).replace(os.sep, '/')}",
                                "renommez l'un des deux dossiers"))
        return ""
    return slug


def read_galleries(root: str, content_root: str | None = None, problems: list[Problem] | None = None) -> list[GallerySource]:
    """Read every gallery folder under root (inside content_root), each under its safe slug; folders left out go to PROBLEMS."""
    if not os.path.isdir(root):
        return []
    content_root = content_root or os.path.dirname(root.rstrip(os.sep))
    problems = [] if problems is None else problems
    sources = []
    taken: dict[str, str] = {}
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if name.startswith(".") or not os.path.isdir(folder):
            continue
        slug = gallery_slug(root, name, content_root, taken, problems)
        if slug:
            taken[slug] = folder
            sources.append(read_gallery(folder, slug))
    return sources
