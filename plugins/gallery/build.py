"""Turn gallery sources into image jobs, and sources plus pictures into Gallery objects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import markdown

from .jobs import Job
from .model import Gallery, Photo, Picture
from .reader import GallerySource, PhotoEntry
from .settings import GallerySettings
from .translation import GalleryTranslation, PhotoText


def render_markdown(text: str) -> str:
    """Render author Markdown to HTML (the only HTML the theme marks safe)."""
    return markdown.markdown(text, output_format="html") if text.strip() else ""


def photo_key(gallery: GallerySource, entry: PhotoEntry) -> str:
    """Return the pipeline key of one gallery photo."""
    return f"{gallery.slug}/{entry.stem}"


def make_job(gs: GallerySettings, output_root: str, key: str, source: str, profile: str,
             url_dir: str, stem: str, alt: str) -> Job:
    """Return a Job with the settings of its profile."""
    widths = {"photo": gs.widths, "portrait": gs.portrait_widths, "logo": ()}[profile]
    return Job(
        key=key, source=source, profile=profile, output_root=output_root, url_dir=url_dir,
        stem=stem, alt=alt, widths=widths, max_width=gs.max_width, box=gs.logo_box,
        formats=gs.formats, jpeg_quality=gs.jpeg_quality, webp_quality=gs.webp_quality, webp_method=gs.webp_method,
        max_aspect=gs.max_aspect,
    )


def gallery_jobs(gs: GallerySettings, output_root: str,
                 galleries: Sequence[GallerySource]) -> list[Job]:
    """Return one photo job per photo of every gallery."""
    return [
        make_job(gs, output_root, photo_key(g, e), e.path, "photo",
                 f"{gs.output_dir}/{g.slug}", e.stem, e.alt)
        for g in galleries
        for e in g.photos
    ]


def build_gallery(gs: GallerySettings, source: GallerySource, pictures: Mapping[str, Picture],
                  lang: str = "", translation: GalleryTranslation | None = None) -> Gallery:
    """Return the Gallery of a source, keeping only photos whose images were built.

    Its texts are written in LANG (the originals' language); TRANSLATION, in another language,
    replaces those it translates and the others keep LANG.
    """
    translation = translation or GalleryTranslation(lang)
    title = translation.title or source.title
    photos = []
    for entry in source.photos:
        picture = pictures.get(photo_key(source, entry))
        if picture is None:
            continue
        text = translation.photos.get(entry.filename, PhotoText())
        alt = text.alt or entry.alt or f"{title}, photo {len(photos) + 1}"
        photos.append(Photo(
            filename=entry.filename, picture=picture.with_alt(alt),
            caption_html=render_markdown(text.caption or entry.caption),
            credit=entry.credit or source.credit, license=entry.license or source.license,
            license_url=entry.license_url or (source.license_url if not entry.license else ""),
            eager=len(photos) < gs.eager_count,
            alt_lang=translation.lang if text.alt or (not entry.alt and translation.title) else lang,
            caption_lang=translation.lang if text.caption else lang,
        ))
    url = f"{gs.page_dir}/{source.slug}/"
    return Gallery(
        slug=source.slug, title=title, date=source.date, credit=source.credit,
        license=source.license, license_url=source.license_url,
        description_html=render_markdown(translation.description or source.description), photos=tuple(photos),
        url=url, save_as=f"{url}index.html", sizes=gs.sizes,
        index_url=f"{gs.page_dir}/",
        title_lang=translation.lang if translation.title else lang,
        description_lang=translation.lang if translation.description else lang,
    )
