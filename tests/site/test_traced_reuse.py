"""Pages that may show any body are keyed on the bodies they read; calendars and the sitemap reuse what did not change.

Each test builds three times or more into the same output, so that a build writes into the site
of the build before the last (where pages are left in place), and compares with a cold build.
"""

from __future__ import annotations

import os
from pathlib import Path

from eventsite.build import BuildResult, build_site
from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site
from tests.site.test_incremental import contents

ENGLISH = {
    "sessions/en/ouverture.md": "Title: Opening\nRoom: Lecture hall\n\nWelcome speech.\n",
    "speakers/en/alice-martin.md": "Role: Director\n",  # no body: the English page shows the French one
}


def identity(path: Path) -> tuple[int, int, int]:
    """PATH's inode, size and ctime: any write, truncation or link changes one of them."""
    found = os.stat(path)
    return found.st_ino, found.st_size, found.st_ctime_ns


def build(root: Path, content: Path, output: Path, **extra: object) -> BuildResult:
    return build_site(SETTINGS, output, strict=False, overrides=site_overrides(root, content, **extra))


def assert_as_cold(root: Path, content: Path, output: Path, name: str, **extra: object) -> None:
    """OUTPUT is, file for file and byte for byte, the site a cold build of CONTENT writes (fresh cache)."""
    cold = build(root / name, content, root / name / "output", **extra)
    assert contents(output) == contents(cold.output)


def session(body: str) -> dict[str, str]:
    """The opening session of BASE_SITE with BODY."""
    return {"sessions/ouverture.md": BASE_SITE["sessions/ouverture.md"].replace("Mot d'accueil.", body)}


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_list_page_is_left_in_place_when_no_body_it_shows_changed(tmp_path: Path) -> None:
    """The news list reads every news body but no session's: a session edit leaves it in place, a news edit renders it."""
    content = write_site(tmp_path, dict(BASE_SITE))
    output = tmp_path / "output"
    build(tmp_path, content, output, EVENT_LANGUAGES={})
    news_list, programme = output / "actualites" / "index.html", output / "programme" / "index.html"
    assert "La journée." in text(news_list)
    before = identity(news_list)
    write_site(tmp_path, session("Premier mot."))
    build(tmp_path, content, output, EVENT_LANGUAGES={})
    write_site(tmp_path, session("Second mot."))
    build(tmp_path, content, output, EVENT_LANGUAGES={})  # into the first build's site
    assert "Second mot." in text(programme)
    assert identity(news_list) == before  # read no session body: left in place
    assert_as_cold(tmp_path, content, output, "cold", EVENT_LANGUAGES={})
    write_site(tmp_path, {"news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\n\nUne autre journée.\n"})
    build(tmp_path, content, output, EVENT_LANGUAGES={})
    assert "Une autre journée." in text(news_list) and "La journée." not in text(news_list)
    assert_as_cold(tmp_path, content, output, "cold-2", EVENT_LANGUAGES={})


def test_a_body_read_while_linking_keys_the_pages_rendered_after(tmp_path: Path) -> None:
    """A translation without a body shows the original's; once it gets one (read while linking), its page shows it."""
    content = write_site(tmp_path, {**BASE_SITE, **ENGLISH})
    output = tmp_path / "output"
    build(tmp_path, content, output)
    english = output / "en" / "intervenants" / "alice-martin" / "index.html"
    assert "Alice.</p>" in text(english)  # « Bio d’Alice. », typeset
    write_site(tmp_path, session("Premier mot."))
    build(tmp_path, content, output)
    write_site(tmp_path, {"speakers/en/alice-martin.md": "Role: Director\n\nHer biography.\n"})
    build(tmp_path, content, output)  # into the first build's site, where the page without it was written
    assert "Her biography." in text(english) and "Alice.</p>" not in text(english)
    assert_as_cold(tmp_path, content, output, "cold")
    write_site(tmp_path, {"speakers/en/alice-martin.md": "Role: Director\n"})
    build(tmp_path, content, output)
    assert "Alice.</p>" in text(english)
    assert_as_cold(tmp_path, content, output, "cold-2")


def test_calendars_and_sitemap_show_each_edit_as_a_cold_build(tmp_path: Path) -> None:
    """Calendars already holding their bytes are kept, the sitemap reuses the pages left in place: both as a cold build's."""
    content = write_site(tmp_path, {**BASE_SITE, **ENGLISH})
    output = tmp_path / "output"
    build(tmp_path, content, output)
    calendar = output / "programme" / "ouverture.ics"
    assert "Mot d" in text(calendar)
    write_site(tmp_path, session("Premier mot."))
    build(tmp_path, content, output)
    assert "Premier mot." in text(calendar)
    write_site(tmp_path, session("Second mot."))
    build(tmp_path, content, output)
    assert "Second mot." in text(calendar)
    assert_as_cold(tmp_path, content, output, "cold")
    # A page gets a language version (its head changes, not its file name): the sitemap lists it, and drops it with it.
    write_site(tmp_path, {"pages/contact.md": "Title: Contact\nSlug: contact\n\nÉcrivez-nous.\n"})
    build(tmp_path, content, output)
    assert 'hreflang="en" href="/en/contact/"' not in text(output / "sitemap.xml")
    write_site(tmp_path, {"pages/en/contact.md": "Title: Contact\nSlug: contact\nLang: en\n\nWrite to us.\n"})
    build(tmp_path, content, output)
    assert 'hreflang="en" href="/en/contact/"' in text(output / "sitemap.xml")
    assert_as_cold(tmp_path, content, output, "cold-2")
    write_site(tmp_path, {"pages/en/contact.md": None, "sessions/ateliers.md": None})
    build(tmp_path, content, output)
    assert not (output / "programme" / "ateliers.ics").exists()
    assert 'hreflang="en" href="/en/contact/"' not in text(output / "sitemap.xml")
    assert_as_cold(tmp_path, content, output, "cold-3")


def test_an_edit_saved_during_a_build_never_leaves_a_stale_render_behind(tmp_path: Path) -> None:
    """An edit saved after the build took its inputs' digest is rendered under the older key: that render is not kept.

    Otherwise, once the author undoes the edit, the older key finds the page showing the undone text.
    """
    from pelican.plugins import signals

    content = write_site(tmp_path, dict(BASE_SITE))
    output = tmp_path / "output"
    build(tmp_path, content, output, EVENT_LANGUAGES={})
    programme = output / "programme" / "index.html"
    renamed = BASE_SITE["sessions/ouverture.md"].replace("Title: Ouverture", "Title: Ouverture officielle")

    def edit_while_building(_pelican: object) -> None:
        write_site(tmp_path, {"sessions/ouverture.md": renamed.replace("Mot d'accueil.", "Mot saisi en cours.")})

    write_site(tmp_path, {"sessions/ouverture.md": renamed})  # a title: every page is rendered again
    signals.initialized.connect(edit_while_building)  # after the digest, before the reading
    try:
        build(tmp_path, content, output, EVENT_LANGUAGES={})
    finally:
        signals.initialized.disconnect(edit_while_building)
    assert "Mot saisi en cours." in text(programme)
    build(tmp_path, content, output, EVENT_LANGUAGES={})  # the build the preview queues after that edit
    write_site(tmp_path, {"sessions/ouverture.md": renamed})  # the edit undone
    build(tmp_path, content, output, EVENT_LANGUAGES={})
    assert "Mot saisi en cours." not in text(programme)
    assert_as_cold(tmp_path, content, output, "cold", EVENT_LANGUAGES={})
