"""Read content/galleries/<slug>/ folders (photos + gallery.md) into sources."""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from event import schema
from event.header import Header, HeaderField, NotUtf8Error, continued, decode, duplicate_problems, match_field, parse_header
from event.placeholders import is_placeholder, placeholder_problem
from event.problems import ContentProblem
from event.weburl import WEB_URL_FIX, web_url_error
from pelican.utils import get_date

from eventsite.safepaths import PathOutside, resolve_inside, safe_slug

METADATA_FILE = "gallery.md"
REMOVALS_FILE = "retraits.txt"
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")
NOTE_EXTENSIONS = (".md", ".txt")  # notes beside the photos, never shown
HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")

# gallery.md's header and each photo's block: their fields and accepted spellings (event/schema.py).
HEADER_FIELDS = schema.gallery_fields()
PHOTO_FIELDS = schema.photo_fields()
HEADER_ALIASES = schema.alias_table(HEADER_FIELDS)
PHOTO_KEYS = frozenset(f.key for f in PHOTO_FIELDS)


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


def _split_list(value: str) -> list[str]:
    """Split a comma-separated list, dropping empty items."""
    return [item.strip() for item in value.split(",") if item.strip()]


def from_content_problem(problem: ContentProblem, source: str) -> Problem:
    """A problem the event's header reader found in gallery.md (SOURCE: its path), as the gallery reports it."""
    return Problem(source, problem.line, problem.field, problem.message, problem.fix, problem.severity)


def unknown_fix(spelling: str, fields: tuple[schema.Field, ...]) -> str:
    """« vouliez-vous écrire … ? » for a misspelt field name, else the names to write (SPELLING "": not even a field)."""
    fix = schema.unknown_field_fix(spelling, fields, "écrivez l'un de ces champs suivi de « : » : ")
    return fix if fix.endswith("?") else f"{fix}, ou supprimez la ligne"


@dataclass(frozen=True)
class Section:
    """One « ## file » block of gallery.md: the file name, the heading's line and its fields."""

    name: str
    line: int
    head: Header


def parse_sections(
    lines: list[str], source: str, first_line: int, problems: list[Problem]
) -> tuple[str, dict[str, Section]]:
    """Split the body into the gallery description and one Section per « ## file » heading.

    A photo's field may carry on over the following lines, up to a blank line or another field;
    a line written as a field with an unknown name (« Légend : … ») is told, not carried on.
    """
    description: list[str] = []
    fields: dict[str, list[HeaderField]] = {}
    headings: dict[str, int] = {}
    current: list[HeaderField] | None = None
    carrying = False
    for number, line in enumerate(lines, start=first_line):
        heading = HEADING.match(line)
        found = match_field(line, number, schema.PHOTO_ALIASES)
        if heading:
            name = heading.group(1).strip()
            current = fields.setdefault(name, [])
            headings.setdefault(name, number)
            carrying = False
        elif current is None:
            description.append(line)
        elif not line.strip():
            carrying = False
        elif found and found.key in PHOTO_KEYS:
            current.append(found)
            carrying = True
        elif carrying and not found:
            current[-1] = continued(current[-1], line.strip())
        else:
            problems.append(Problem(
                source, number, found.spelling if found else "", f"« {line.strip()} » n'est pas un champ connu d'une photo",
                unknown_fix(found.spelling if found else "", PHOTO_FIELDS),
            ))
    sections = {name: Section(name, headings[name], Header(tuple(found), 0)) for name, found in fields.items()}
    return "\n".join(description).strip(), sections


def filled_values(head: Header, source: str, problems: list[Problem]) -> dict[str, HeaderField]:
    """Each field of HEAD by key, first occurrence only; repeated and unfilled « [ … ] » fields are reported and left out."""
    problems += [from_content_problem(p, source) for p in duplicate_problems(head, source)]
    values = {}
    for found in head.firsts():
        if is_placeholder(found.value):
            problems.append(from_content_problem(placeholder_problem(source, found.spelling, found.value, found.line), source))
        else:
            values[found.key] = found
    return values


def header_values(text: str, source: str, problems: list[Problem]) -> tuple[dict[str, HeaderField], list[str], int]:
    """gallery.md's header fields by key (as filled_values), the lines after the header and the first one's number."""
    head = parse_header(text, HEADER_ALIASES)
    known = {f.key for f in HEADER_FIELDS}
    for found in head.firsts():
        if found.key not in known:
            problems.append(Problem(source, found.line, found.spelling, f"champ « {found.spelling} » inconnu : il est ignoré",
                                    unknown_fix(found.spelling, HEADER_FIELDS)))
    header = {key: found for key, found in filled_values(head, source, problems).items() if key in known}
    return header, text.split("\n")[head.body_start:], head.body_start + 1


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


def _removals(folder: str, source: str, header: dict[str, HeaderField], problems: list[Problem]) -> list[Removal]:
    """Return the withdrawal requests of the Removed field and of retraits.txt, with their lines."""
    found = header.get("removed")
    removals = [Removal(entry, source, found.line, found.spelling) for entry in _split_list(found.value)] if found else []
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


def checked_license_url(value: str, source: str, line: int | None, problems: list[Problem]) -> str:
    """Return a License_url that is a safe web address, else record a problem and return ''."""
    if not value:
        return ""
    error = web_url_error(value)
    if error is None:
        return value
    problems.append(Problem(source, line, "License_url", error + " ; le lien n'est pas publié", WEB_URL_FIX))
    return ""


def read_metadata(folder: str, source: str, problems: list[Problem]) -> tuple[dict[str, HeaderField], list[str], int] | None:
    """gallery.md's header fields, body lines and the body's first line number; None when it is missing or cannot be read."""
    if not readable(folder, METADATA_FILE, problems):
        problems.append(Problem(source, None, "", "la galerie n'a pas de fichier gallery.md",
                                f"ajoutez {METADATA_FILE} dans le dossier avec Title, Credit et License"))
        return ({}, [], 1)
    with open(source, "rb") as handle:
        raw = handle.read()
    try:
        text = decode(raw, source)
    except NotUtf8Error as error:  # told as for every content file: the file is not read until saved in UTF-8
        problems.append(from_content_problem(error.problem(source), source))
        return None
    return header_values(text, source, problems)


def photo_entry(folder: str, name: str, stem: str, section: Section | None, source: str, problems: list[Problem]) -> PhotoEntry:
    """One photo and its texts from its « ## name » block (repeated and unfilled fields reported, missing alt too)."""
    fields = filled_values(section.head, source, problems) if section else {}
    told = {f.key for f in section.head.fields if is_placeholder(f.value)} if section else set()

    def value(key: str) -> str:
        return fields[key].value if key in fields else ""

    if not value("alt") and "alt" not in told:
        problems.append(Problem(
            source, section.line if section else None, "Alt", f"la photo {name} n'a pas de texte alternatif",
            f"ajoutez « Alt: » suivi d'une description de la photo sous « ## {name} » dans {METADATA_FILE}",
        ))
    url = fields.get("license_url")
    return PhotoEntry(
        filename=name, path=os.path.join(folder, name), stem=stem, alt=value("alt"), caption=value("caption"),
        credit=value("credit"), license=value("license"),
        license_url=checked_license_url(value("license_url"), source, url.line if url else None, problems),
    )


def read_gallery(folder: str, slug: str = "") -> GallerySource:
    """Read one gallery folder, published under SLUG (by default, its folder name's safe slug); what is wrong is in its problems."""
    slug = slug or safe_slug(os.path.basename(folder.rstrip(os.sep))) or "galerie"
    source = os.path.join(folder, METADATA_FILE)
    problems: list[Problem] = []
    metadata = read_metadata(folder, source, problems)
    header, body, first_line = metadata or ({}, [], 1)
    description, sections = parse_sections(body, source, first_line, problems)
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
    for name, section in sections.items():
        if name not in all_files:
            problems.append(Problem(source, section.line, "", f"« ## {name} » ne correspond à aucun fichier du dossier",
                                    "corrigez le nom du fichier après « ## » ou supprimez cette partie"))
    entries: list[PhotoEntry] = []
    stems: set[str] = set()
    order = header.get("order")
    for name in _ordered(files, _split_list(order.value) if order else [], source, order.line if order else None, problems):
        stem = safe_slug(os.path.splitext(name)[0]) or "photo"
        if stem in stems:
            problems.append(Problem(os.path.join(folder, name), None, "",
                                    "une autre photo de la galerie a le même nom (à l'extension près) : celle-ci est ignorée",
                                    "renommez-la"))
            continue
        stems.add(stem)
        # gallery.md unreadable (not UTF-8): its one problem says what to do, not one per photo.
        silent: list[Problem] = []
        entries.append(photo_entry(folder, name, stem, sections.get(name), source, problems if metadata else silent))

    def value(key: str) -> str:
        return header[key].value if key in header else ""

    def line(key: str) -> int | None:
        return header[key].line if key in header else None

    return GallerySource(
        slug=slug, folder=folder, title=value("title") or slug.replace("-", " ").capitalize(),
        date=_date(value("date"), source, line("date"), problems), credit=value("credit"),
        license=value("license"),
        license_url=checked_license_url(value("license_url"), source, line("license_url"), problems),
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
