"""Pelican's own content (news, pages) that Pelican could not read, told as French content problems."""

from __future__ import annotations

import os
from typing import Any

from pelican.generators import ArticlesGenerator
from pelican.utils import get_date

from .channel import report
from .header import NotUtf8Error, read_header
from .problems import ContentProblem

FRENCH_NAMES = {"title": "Titre", "date": "Date"}


def diagnose(relpath: str, path: str, mandatory: tuple[str, ...]) -> list[ContentProblem]:
    """Why Pelican dropped the file at PATH: a missing mandatory field or a date it cannot read.

    A file that is not UTF-8 is already reported by the header reader, once.
    """
    try:
        header = read_header(path)
    except NotUtf8Error:
        return []
    except OSError as error:
        return [ContentProblem(relpath, "", f"le fichier ne peut pas être lu ({error.strerror})", "vérifiez qu'il existe et qu'il est lisible")]
    problems = [
        ContentProblem(
            relpath, FRENCH_NAMES[name], f"le champ « {FRENCH_NAMES[name]} » manque : le fichier n'est pas publié",
            f"ajoutez une ligne « {FRENCH_NAMES[name]} : … » dans l'en-tête, avant la première ligne vide",
        )
        for name in mandatory
        if not (header.get(name) and header.get(name).value)
    ]
    date = header.get("date")
    if date is not None:
        try:
            get_date(date.value)
        except (ValueError, OverflowError):
            problems.append(ContentProblem(
                relpath, date.spelling, f"« {date.value} » n'est pas une date valide : le fichier n'est pas publié",
                "écrivez la date sous la forme AAAA-MM-JJ, éventuellement suivie de l'heure (ex. 2018-03-05 10:00)", date.line,
            ))
    return problems or [ContentProblem(
        relpath, "", "Pelican n'a pas pu lire ce fichier : il n'est pas publié",
        "vérifiez l'en-tête : une ligne « Champ : valeur » par champ, puis une ligne vide, puis le texte",
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
