"""The Pelican generator that builds gallery images and writes gallery pages."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from pelican.generators import Generator

from eventsite.safepaths import resolve_inside

from . import build, channel, pipeline, reader, settings, translation
from .model import Gallery


def manifest_path(pelican_settings: dict, gs: settings.GallerySettings, scope: str) -> str:
    """Return the path of one scope's cache manifest, under CACHE_PATH."""
    return os.path.join(pelican_settings.get("CACHE_PATH", "cache"), gs.cache_dir, f"{scope}.json")


class GalleryGenerator(Generator):
    """Reads content/galleries, runs the image pipeline, writes one page per gallery."""

    def generate_context(self) -> None:
        """Build every gallery's images and put context['galleries'] (slug -> Gallery, in the originals' language)."""
        gs = settings.load(self.settings)
        problems: list[reader.Problem] = []
        sources = reader.read_galleries(os.path.join(self.path, gs.path), self.path, problems)
        languages = other_languages(self.settings)
        translations = {
            s.slug: translation.read_translations(s.folder, languages, [p.filename for p in s.photos], problems) for s in sources
        }
        for problem in [*problems, *(p for source in sources for p in source.problems)]:
            channel.report(self, self.context, self.path, problem)
        manifest = manifest_path(self.settings, gs, "galleries")
        store = pipeline.store_root(manifest)
        report = pipeline.run(
            build.gallery_jobs(gs, store, sources),
            output_root=store,
            manifest_path=manifest,
            owned_dirs=[gs.output_dir],
            processes=gs.processes,
            label="Galerie",
            site_root=self.output_path,
        )
        for problem in channel.failure_problems(report):
            channel.report(self, self.context, self.path, problem)
        self.gallery_settings = gs
        self.report = report
        default = self.settings["DEFAULT_LANG"]
        self.galleries = {s.slug: build.build_gallery(gs, s, report.pictures, default) for s in sources}
        self.context["galleries"] = self.galleries
        # Each other language's galleries: the same pictures, with the texts its translation gives.
        self.translated: dict[str, dict[str, Gallery]] = {
            lang: {s.slug: build.build_gallery(gs, s, report.pictures, default, translations[s.slug].get(lang)) for s in sources}
            for lang in languages
        }

    def generate_output(self, writer) -> None:  # type: ignore[no-untyped-def]
        """Write galeries/<slug>/index.html and galeries/index.html in every edition of the event plugin (« en/galeries/… »)."""
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template("gallery")
        editions = self.context.get("editions", ())
        index = f"{self.gallery_settings.page_dir}/"
        for edition in editions:
            galleries = self.translated.get(edition.lang, self.galleries)
            for gallery in galleries.values():
                save_as = edition.url(gallery.save_as)
                resolve_inside(self.output_path, save_as)  # safe slugs: never raises
                writer.write_file(save_as, template, self.context, gallery=gallery, relative_urls=relative,
                                  edition=edition, alternates=alternates(editions, gallery.url))
            writer.write_file(edition.url(f"{index}index.html"), self.get_template("galleries"), self.context,
                              galleries_list=tuple(galleries.values()), relative_urls=relative,
                              edition=edition, alternates=alternates(editions, index))


def other_languages(pelican_settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The site's languages besides DEFAULT_LANG (the keys of EVENT_LANGUAGES), which a gallery may be translated into."""
    default = pelican_settings["DEFAULT_LANG"]
    return tuple(str(lang) for lang in pelican_settings.get("EVENT_LANGUAGES") or {} if str(lang) != default)


def alternates(editions: Sequence[Any], url: str) -> dict[str, str]:
    """Language → URL of the same gallery page in each edition."""
    return {edition.lang: edition.url(url) for edition in editions}
