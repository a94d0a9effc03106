"""Tell internal URLs from external ones and map internal ones to files."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

# A fake origin: relative and root-absolute URLs are resolved against it.
LOCAL_ORIGIN = "http://site.invalid"
IGNORED_SCHEMES = frozenset({"mailto", "tel", "javascript", "data", "sms", "geo"})


@dataclass(frozen=True)
class Target:
    """Where a URL leads: a path relative to the site root, or another host."""

    kind: str  # "internal", "outside-base", "external" or "ignored"
    path: str = ""  # internal: path below the site root, "" for the root
    fragment: str = ""
    url: str = ""  # external: the absolute URL


def normalise_base_path(base_path: str) -> str:
    """Return the base path with exactly one leading and one trailing slash."""
    stripped = base_path.strip("/")
    return f"/{stripped}/" if stripped else "/"


def default_base_path(site_url: str | None) -> str:
    """Return the base path a site is served under: the path of `site_url`, or "/"."""
    return normalise_base_path(urlsplit(site_url).path) if site_url else "/"


@dataclass(frozen=True)
class SiteUrls:
    """URL rules of one site: its base path and, optionally, its absolute URL."""

    base_path: str = "/"
    site_url: str | None = None

    def page_url(self, rel_file: str) -> str:
        """Return the URL a file of the site is served at (on the fake origin)."""
        return LOCAL_ORIGIN + normalise_base_path(self.base_path) + rel_file

    def _site_prefix(self) -> tuple[str, str] | None:
        if not self.site_url:
            return None
        parts = urlsplit(self.site_url)
        return parts.netloc.lower(), normalise_base_path(parts.path)

    def resolve(self, rel_file: str, url: str) -> Target:
        """Resolve `url` as written in the page `rel_file` (a path below the root)."""
        url = url.strip()
        scheme = urlsplit(url).scheme.lower()
        if scheme in IGNORED_SCHEMES:
            return Target("ignored", url=url)
        absolute = urljoin(self.page_url(rel_file), url)
        parts = urlsplit(absolute)
        site = self._site_prefix()
        if f"{parts.scheme}://{parts.netloc}" == LOCAL_ORIGIN:
            prefix = normalise_base_path(self.base_path)
        elif site and parts.netloc.lower() == site[0] and (
            (parts.path + "/").startswith(site[1])
        ):
            prefix = site[1]
        elif parts.scheme in ("http", "https", "ftp", "ws", "wss", ""):
            return Target("external", url=url)
        else:
            return Target("ignored", url=url)
        path = unquote(parts.path)
        if not (path + "/").startswith(prefix):  # outside the site's folder
            return Target("outside-base", path=path, url=url)
        inner = posixpath.normpath(path[len(prefix):]) if path != prefix[:-1] else ""
        inner = "" if inner == "." else inner
        if path.endswith("/") and inner:
            inner += "/"
        return Target("internal", path=inner, fragment=unquote(parts.fragment))


def candidate_files(path: str) -> list[str]:
    """Return the files a server may answer with for an internal path, in order."""
    if path == "" or path.endswith("/"):
        return [path + "index.html"]
    return [path, path + "/index.html"]
