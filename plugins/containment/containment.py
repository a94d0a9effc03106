"""Signal handlers of the containment plugin; register() only connects them.

Pelican copies every file of STATIC_PATHS and every `{static}`/`{attach}` target, following
symlinks and `../`, and writes pages where Save_as or Slug say. This plugin:
- drops each static file whose real path leaves content/, whose output leaves the output
  folder, or that is a dot-file (.env, .git/config, .DS_Store, .htaccess), naming the file that linked it;
- publishes static files under safe names ({static} links follow);
- never writes a page or article read through a link leaving content/, or whose output leaves the output folder;
- warns, once the site is written, about any name that is still not a safe slug.
Every refusal is sent before writing through the content problem channel (docs/architecture.md,
« Problèmes de contenu »), in French, naming the file; a strict build fails on them.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping, MutableMapping
from typing import Any

from blinker import signal
from pelican import signals
from pelican.contents import Static

from eventsite.safepaths import Inside, PathOutside, is_hidden, resolve_inside, safe_slug

logger = logging.getLogger(__name__)

CONTENT_PROBLEM = signal("content_problem")

# A written name: lower-case ASCII, digits, hyphens, underscores and dots (never a leading dot but .nojekyll).
SAFE_NAME = re.compile(r"^(?:[a-z0-9_][a-z0-9._-]*|\.nojekyll)$")

# The documented context key (docs/architecture.md) of the path checkers of one build: root → eventsite.safepaths.Inside.
CHECKED_ROOTS = "containment_checked_roots"


def report(sender: Any, context: MutableMapping[str, Any] | None, file: str, field: str, message: str, fix: str) -> None:
    """Send a refusal (severity error) through the content problem channel; log it if nothing collects it."""
    file = file.replace(os.sep, "/")
    if context is None or not CONTENT_PROBLEM.send(sender, context=context, file=file, line=None, field=field,
                                                   message=message, fix=fix, severity="error"):
        logger.warning("%s%s : %s → %s", file, f" [champ {field}]" if field else "", message, fix)


def linking_files(generated: Mapping[str, Any]) -> dict[str, list[str]]:
    """Map each `{static}`/`{attach}` target (relative to content/) to the content files that link it."""
    links: dict[str, list[str]] = {}
    for source, content in generated.items():
        if content is None or not hasattr(content, "get_static_links"):
            continue
        for target in content.get_static_links():
            links.setdefault(os.path.normpath(target), []).append(source)
    return links


def refusal(generator: Any, static: Any) -> str:
    """Return why this static file must not be published (French), or "" when it may be."""
    relative = static.get_relative_source_path()
    try:
        resolve_inside(generator.path, relative)
    except PathOutside:
        return "le fichier est hors du dossier content/ (ou un lien y mène)"
    if is_hidden(relative):
        return "c'est un fichier caché (son nom ou celui d'un dossier commence par un point)"
    try:
        # Not static.save_as: reading it would pin the location and stop {attach} from moving the file.
        resolve_inside(generator.output_path, static.get_url_setting("save_as"))
    except PathOutside:
        return "il serait écrit hors du dossier du site"
    return ""


def drop_unsafe_static_files(generator: Any) -> None:
    """Remove from the static files every file read from outside content/, or hidden, or written outside."""
    links = linking_files(generator.context.get("generated_content", {}))
    kept = []
    for static in generator.staticfiles:
        why = refusal(generator, static)
        if not why:
            kept.append(static)
            continue
        relative = static.get_relative_source_path()
        generator.context["static_content"].pop(relative, None)
        linked_by = links.get(os.path.normpath(relative), [])
        if linked_by or not is_hidden(relative):
            for source in linked_by or [relative]:
                report(generator, generator.context, source, "",
                       f"le fichier « {relative} » (lien {{static}} ou {{attach}}) n'est pas publié : {why}",
                       "ne liez que des fichiers déposés sous content/images/ "
                       "(ni lien symbolique vers l'extérieur, ni « ../ », ni fichier caché)")
    generator.staticfiles[:] = kept


def content_context(content: Any) -> MutableMapping[str, Any] | None:
    """The build's context a page or article was read with (Pelican's generators pass theirs to each content)."""
    return getattr(content, "_context", None)


def checker(content: Any, root: str) -> Inside:
    """ROOT's path checker for this build, kept in the build's context (CHECKED_ROOTS): each folder is resolved once per build, not once per page."""
    context = content_context(content)
    if context is None:
        return Inside(root)
    checkers = context.setdefault(CHECKED_ROOTS, {})
    if root not in checkers:
        checkers[root] = Inside(root)
    return checkers[root]


def refuse_source_outside(content: Any) -> bool:
    """Empty and unpublish a page or article read through a link to a file outside content/; return True if so."""
    root = content.settings["PATH"]
    if not content.source_path:
        return False  # made by a plugin, not read from a file
    try:
        checker(content, root).resolve(os.path.relpath(content.source_path, root))
    except PathOutside:
        report(content, content_context(content), content.get_relative_source_path(), "",
               "ce fichier est un lien vers un fichier hors de content/ : il n'est pas publié",
               "remplacez le lien par le fichier lui-même")
        content._content = ""  # never shown, even where another page would include it
        content.override_save_as = ""
        return True
    return False


def keep_pages_inside(content: Any) -> None:
    """Keep a page or article read from outside content/, or whose Save_as leads outside the output folder, from being written.

    Pelican's own guard compares string prefixes: `Save_as: ../output2/index.html` passes it.
    """
    if isinstance(content, Static) or refuse_source_outside(content):
        return  # a static file is checked once the static generator has listed it
    try:
        save_as = content.save_as  # from Save_as, Slug, or the file name through *_SAVE_AS
    except (KeyError, ValueError):  # a content class with no *_SAVE_AS setting: its generator decides
        return
    if not save_as:
        return
    try:
        checker(content, content.settings["OUTPUT_PATH"]).resolve(save_as)
    except PathOutside:
        field = "Save_as" if "save_as" in content.metadata else "Slug"
        report(content, content_context(content), content.get_relative_source_path(), field,
               f"la page serait écrite hors du dossier du site (« {save_as} ») ; elle ne l'est pas",
               "écrivez un chemin sans « ../ » ni « / » au début, par ex. Save_as: infos/index.html ou Slug: infos")
        content.override_save_as = ""


def safe_static_path(relative: str) -> str:
    """Return a static file's path with every folder and the file name made safe slugs (extension kept, lower case)."""
    *folders, name = relative.replace(os.sep, "/").split("/")
    stem, dot, extension = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    safe_name = (safe_slug(stem) or "fichier") + (f".{safe_slug(extension)}" if dot and safe_slug(extension) else "")
    return "/".join([*(safe_slug(folder) or "dossier" for folder in folders), safe_name])


def publish_static_files_under_safe_names(generator: Any) -> None:
    """Give each static file a safe output name (`Plan d'accès.JPG` → `plan-d-acces.jpg`); {static} links follow."""
    taken: dict[str, str] = {}
    kept = []
    for static in generator.staticfiles:
        relative = static.get_relative_source_path()
        safe = safe_static_path(relative)
        if safe in taken:
            report(generator, generator.context, relative, "",
                   f"ce fichier serait publié sous le même nom « {safe} » que {taken[safe]} ; il ne l'est pas",
                   "renommez l'un des deux fichiers")
            generator.context["static_content"].pop(relative, None)
            continue
        taken[safe] = relative
        if safe != relative:
            static.metadata["path"] = safe  # STATIC_URL and STATIC_SAVE_AS are « {path} »
        kept.append(static)
    generator.staticfiles[:] = kept


def unsafe_output_names(output_path: str) -> list[str]:
    """Return every file or folder below OUTPUT_PATH whose name is not a safe slug (relative, sorted)."""
    found = []
    for folder, dirs, files in os.walk(output_path):
        for name in dirs + files:
            if not SAFE_NAME.match(name) or ".." in name:
                found.append(os.path.relpath(os.path.join(folder, name), output_path).replace(os.sep, "/"))
    return sorted(found)


def report_unsafe_output_names(pelican: Any) -> None:
    """Warn about any written name that escaped the safe slugs (an {attach} target keeps its source name)."""
    for relative in unsafe_output_names(pelican.output_path):
        logger.warning("« %s » est publié sous un nom qui casse les adresses (espace, majuscule, accent, "
                       "#, ?, %%…) → renommez le fichier source en minuscules, avec des tirets", relative)


def register() -> None:
    """Connect the containment plugin's signal handlers."""
    signals.content_object_init.connect(keep_pages_inside)
    signals.static_generator_finalized.connect(drop_unsafe_static_files)
    signals.static_generator_finalized.connect(publish_static_files_under_safe_names)
    signals.finalized.connect(report_unsafe_output_names)
