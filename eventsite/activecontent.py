"""Active or foreign content in a built page: what the pre-publish checks refuse (issue 11.4)."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType
from urllib.parse import urlsplit

from eventsite.allowances import Allowances
from eventsite.htmlscan import PageScan, active_scheme
from eventsite.report import Problem
from eventsite.urls import SiteUrls

# Tags whose external resource an origin of PUBLISH_ALLOW_EMBEDS may provide.
EMBED_TAGS = frozenset({"iframe", "frame", "embed", "object", "img", "source", "video", "audio", "track"})
FOREIGN = MappingProxyType({
    "form": "formulaire qui envoie ses données à un autre hôte",
    "svg": "référence SVG à un autre hôte",
    "ping": "attribut ping (pistage) vers un autre hôte",
    "refresh": "redirection automatique (meta refresh) vers un autre hôte",
    "base": "<base> qui fait pointer toutes les adresses relatives vers un autre hôte",
})
ALLOW_HINT = "ajoutez son origine à {setting} dans publishconf.py si c'est voulu (docs/publier.md)"


def origin_of(url: str) -> str:
    """Return the scheme://host[:port] of an absolute URL, lower-cased."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def embed_allowed(tag: str, url: str, allow: Allowances) -> bool:
    """Return True when an external resource of this tag comes from an origin allowed by name."""
    return tag in EMBED_TAGS and origin_of(url) in allow.embeds


def embed_hint(tag: str) -> str:
    """Return how to allow an external resource of this tag on purpose (French), or ''."""
    return " ; " + ALLOW_HINT.format(setting="PUBLISH_ALLOW_EMBEDS") if tag in EMBED_TAGS else ""


def location(tag: str, line: int | None) -> str:
    """Return where a tag is, as the start of a French message: « ligne 12, <a> »."""
    return f"ligne {line}, <{tag}> " if line else f"<{tag}> "


def active_problems(
    page: str, scan: PageScan, urls: SiteUrls, allow: Allowances
) -> Iterator[Problem]:
    """Yield the scripts, handlers, active URLs and foreign references of a page."""
    for item in scan.active:
        where = location(item.tag, item.line)
        if item.kind == "script" and not item.url:
            yield Problem(page, "active-script",
                          f"{where}script en ligne (seul le JSON-LD, type=\"application/ld+json\", est admis) ; "
                          "retirez-le du contenu")
        elif item.kind == "script":
            target = urls.resolve(page, item.url)
            inside = target.kind == "internal" and target.path.startswith(allow.script_dirs)
            if target.kind != "external" and not inside and not active_scheme(item.url):
                yield Problem(page, "active-script",
                              f"{where}script « {item.url} » hors des fichiers du thème "
                              f"({', '.join(allow.script_dirs)}) ; retirez-le du contenu")
        elif item.kind == "handler":
            yield Problem(page, "active-handler",
                          f"{where}attribut « {item.url} » : du code JavaScript dans le contenu ; retirez-le")
        elif item.kind == "srcdoc":
            yield Problem(page, "active-srcdoc",
                          f"{where}attribut srcdoc : une page entière cachée dans un attribut ; retirez-le")
        scheme = item.kind not in ("handler", "srcdoc") and active_scheme(
            item.url, as_image=item.kind == "image-url")
        if scheme:
            yield Problem(page, "active-url",
                          f"{where}adresse « {item.url[:80]} » qui exécute du code "
                          f"({scheme}) ; remplacez-la par une adresse https://")
        elif item.kind in FOREIGN and urls.resolve(page, item.url).kind == "external":
            allowed = item.kind == "form" and origin_of(item.url) in allow.forms
            if not allowed:
                hint = (ALLOW_HINT.format(setting="PUBLISH_ALLOW_FORMS") if item.kind == "form"
                        else "retirez cet élément du contenu")
                yield Problem(page, "foreign-content",
                              f"{where}{FOREIGN[item.kind]} : « {item.url} » ; {hint}")
