"""Pelican's own content (news, pages) that Pelican could not read, told as French content problems."""

from __future__ import annotations

import os
import re
from typing import Any

from pelican.generators import ArticlesGenerator
from pelican.utils import get_date

from .channel import report
from .problems import ContentProblem

HEADER_FIELD = re.compile(r"^\s*([^\W\d][\w\- ]*?)\s*:\s*(.*)$")
SAVE_AS_UTF8 = "enregistrez le fichier en UTF-8 (dans votre éditeur : « Enregistrer sous… », encodage UTF-8)"


def header_fields(text: str) -> dict[str, tuple[str, int]]:
    """Lower-cased header field → (value, line number), up to the first blank line."""
    fields: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        match = HEADER_FIELD.match(line)
        if not line.strip() or not match:
            break
        fields.setdefault(match.group(1).strip().lower(), (match.group(2).strip(), number))
    return fields


def diagnose(relpath: str, path: str, mandatory: tuple[str, ...]) -> list[ContentProblem]:
    """Why Pelican dropped the file at PATH: not UTF-8, a missing mandatory field or a date it cannot read."""
    try:
        with open(path, encoding="utf-8") as handle:
            fields = header_fields(handle.read())
    except UnicodeDecodeError:
        return [ContentProblem(relpath, "", "le fichier n'est pas enregistré en UTF-8 : il n'est pas publié", SAVE_AS_UTF8)]
    except OSError as error:
        return [ContentProblem(relpath, "", f"le fichier ne peut pas être lu ({error.strerror})", "vérifiez qu'il existe et qu'il est lisible")]
    problems = [
        ContentProblem(
            relpath, name.capitalize(), f"le champ « {name.capitalize()} » manque : le fichier n'est pas publié",
            f"ajoutez une ligne « {name.capitalize()}: … » dans l'en-tête, avant la première ligne vide",
        )
        for name in mandatory
        if not fields.get(name, ("", 0))[0]
    ]
    if "date" in fields:
        value, line = fields["date"]
        try:
            get_date(value)
        except (ValueError, OverflowError):
            problems.append(ContentProblem(
                relpath, "Date", f"« {value} » n'est pas une date valide : le fichier n'est pas publié",
                "écrivez la date sous la forme AAAA-MM-JJ, éventuellement suivie de l'heure (ex. 2018-03-05 10:00)", line,
            ))
    return problems or [ContentProblem(
        relpath, "", "Pelican n'a pas pu lire ce fichier : il n'est pas publié",
        "vérifiez l'en-tête : une ligne « Champ: valeur » par champ, puis une ligne vide, puis le texte",
    )]


def own_files(generator: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The content folders GENERATOR reads (news or pages) and the fields Pelican requires there."""
    settings = generator.settings
    if isinstance(generator, ArticlesGenerator):
        return tuple(settings["ARTICLE_PATHS"]), ("title",) if settings.get("DEFAULT_DATE") else ("title", "date")
    return tuple(settings["PAGE_PATHS"]), ("title",)


def report_unread_files(generator: Any) -> None:
    """Handler of article/page_generator_finalized: report each file Pelican skipped (generated_content → None)."""
    folders, mandatory = own_files(generator)
    for relpath, content in sorted(generator.context.get("generated_content", {}).items()):
        inside = any(not f.strip("/") or relpath == f.strip("/") or relpath.startswith(f.strip("/") + "/") for f in folders)
        if content is None and inside:
            for problem in diagnose(relpath, os.path.join(generator.path, relpath), mandatory):
                report(generator, generator.context, problem)
