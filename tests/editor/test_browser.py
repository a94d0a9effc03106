"""The local editor in Chromium, as a communications officer uses it: a new speaker with her photo, added to a
session, shown by the preview; then an edit that breaks a reference, reported by the preview's banner."""

from __future__ import annotations

from typing import Any

import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import Page, Route, expect

from eventsite.editorbundle import BundleMissing, bundle_folder
from eventsite.editorschema import site_forms
from eventsite.editorserver import EditorServer
from eventsite.preview import Preview, WarmBuild
from tests.conftest import ARTIFACTS, BASE_SITE, REPO, write_site

PATIENCE = 120.0  # bounds on waiting, never asserted as a duration
PREVIEW_SETTINGS = """import sys
sys.path.insert(0, {repo!r})
from pelicanconf import *
PATH = {content!r}
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
CACHE_PATH = {cache!r}
EVENT_START = EVENT_END = "2018-03-01"
LEGAL_DIRECTOR = "Jeanne Martin, directrice de la publication"
"""


def fetch(url: str) -> tuple[int, str]:
    """GET URL; the status and the body, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def eventually(condition: Callable[[], bool]) -> bool:
    """Poll CONDITION until it holds or PATIENCE seconds pass."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.fixture
def editing(tmp_path: Path) -> Iterator[tuple[Path, EditorServer, Preview]]:
    """What `invoke edit` starts, over a small test site: (content folder, editor, preview)."""
    try:
        bundle_folder()
    except BundleMissing as missing:
        pytest.fail(f"{missing} (« scripts/setup.py --test » installs it)")
    content = write_site(tmp_path, BASE_SITE)
    settings = tmp_path / "editconf.py"
    settings.write_text(PREVIEW_SETTINGS.format(repo=str(REPO), content=str(content), theme=str(REPO / "theme"),
                                                plugins=str(REPO / "plugins"), cache=str(tmp_path / "cache")), encoding="utf-8")
    output = tmp_path / "output"
    preview = Preview(root=tmp_path, settings_file=settings, output=output, port=0,
                      build=WarmBuild(settings, output, REPO), say=lambda line: None)
    preview.start()
    found, forms = site_forms(settings)
    assert found == content
    editor = EditorServer(content, forms, port=0, site_url=preview.url)
    editor.start()
    try:
        yield content, editor, preview
    finally:
        editor.stop()
        preview.stop()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Page, list[str]]]:
    """A Chromium page that refuses, and records, every request to a host other than 127.0.0.1."""
    foreign: list[str] = []

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR", timezone_id="Europe/Paris")
    context.route("**/*", guard)
    try:
        yield context.new_page(), foreign
    finally:
        context.close()


def shot(page: Page, name: str) -> None:
    """A screenshot for the authors' guide (docs/guide-redaction.md)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"editeur-{name}.png"))


def open_route(page: Page, editor: EditorServer, route: str) -> None:
    """Load the editor afresh at ROUTE (« #/collections/… »): a change of hash alone is not followed."""
    page.goto("about:blank")
    page.goto(editor.url + route)


def publish(page: Page) -> None:
    """Save the entry open in the editor (« Enregistrer » then « Enregistrer maintenant ») and wait until it is saved."""
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()
    page.get_by_text("Modifications enregistrées", exact=False).wait_for(timeout=PATIENCE * 1000)


def test_a_speaker_created_in_the_editor_appears_in_the_preview(editing, page, tmp_path: Path) -> None:
    content, editor, preview = editing
    browser_page, foreign = page
    photo = tmp_path / "Jeanne.jpg"
    Image.new("RGB", (600, 600), (30, 90, 160)).save(photo, quality=90)

    browser_page.goto(editor.url)
    browser_page.get_by_role("button", name="Ouvrir l'éditeur").click()
    browser_page.get_by_role("link", name="Intervenants").first.wait_for()
    shot(browser_page, "1-collections")

    # A new speaker, with her photo and its description.
    open_route(browser_page, editor, "#/collections/speakers/new")
    browser_page.get_by_label("Nom", exact=False).first.fill("Jeanne Dupont")
    browser_page.get_by_label("Fonction").fill("Directrice de l'innovation")
    browser_page.get_by_role("button", name="Choisir une image").click()
    browser_page.set_input_files("input[type=file]", str(photo))
    browser_page.get_by_role("button", name="Choisir les éléments sélectionnés").click()
    browser_page.get_by_label("Description photo").fill("Jeanne Dupont, souriante, devant un mur bleu")
    shot(browser_page, "2-intervenante")
    publish(browser_page)

    written = (content / "speakers" / "jeanne-dupont.md").read_text(encoding="utf-8")
    assert written.splitlines()[:4] == [
        "Name: Jeanne Dupont", "Role: Directrice de l'innovation", "Photo: images/intervenants/jeanne.jpg",
        "Photo_alt: Jeanne Dupont, souriante, devant un mur bleu",
    ]
    with Image.open(content / "images" / "intervenants" / "jeanne.jpg") as saved:
        assert saved.size == (600, 600)

    # She speaks at the round table: chosen from the speakers, by her name.
    open_route(browser_page, editor, "#/collections/sessions/entries/table-ronde")
    expect(browser_page.locator("input[id^='title-field']")).to_have_value("Table ronde")
    # An end before the start is refused before anything is written.
    browser_page.locator("input[id^='end-field']").fill("09:00")
    browser_page.get_by_role("button", name="Enregistrer", exact=True).click()
    browser_page.get_by_text("Enregistrer maintenant").click()
    expect(browser_page.get_by_text("l'heure de fin doit être après l'heure de début", exact=False)).to_be_visible()
    assert "End: 11:00" in (content / "sessions" / "table-ronde.md").read_text(encoding="utf-8").splitlines()
    browser_page.locator("input[id^='end-field']").fill("11:00")
    browser_page.locator("input[id^='speakers-field']").fill("Jeanne")
    browser_page.get_by_role("option", name="Jeanne Dupont").click()
    shot(browser_page, "3-sequence")
    publish(browser_page)
    session = (content / "sessions" / "table-ronde.md").read_text(encoding="utf-8")
    assert "Speakers: alice-martin, jeanne-dupont" in session.splitlines()
    assert "Moderators: bob-durand" in session.splitlines() and "End: 11:00" in session.splitlines()
    assert session.rstrip().endswith("Débat.")

    # The preview rebuilds and shows her, with her photo, on her page and in the programme.
    assert eventually(lambda: fetch(preview.url + "intervenants/jeanne-dupont/")[0] == 200)
    speaker_page = BeautifulSoup(fetch(preview.url + "intervenants/jeanne-dupont/")[1], "html5lib")
    portrait = speaker_page.find("img", alt="Jeanne Dupont, souriante, devant un mur bleu")
    assert portrait is not None, speaker_page.find("main")
    assert eventually(lambda: "jeanne-dupont" in fetch(preview.url + "programme/")[1])
    browser_page.goto(preview.url + "intervenants/jeanne-dupont/")
    assert browser_page.locator("img[alt='Jeanne Dupont, souriante, devant un mur bleu']").evaluate("img => img.naturalWidth") > 0
    shot(browser_page, "4-apercu")

    # An edit that breaks a reference: a news item shown with a gallery that does not exist.
    open_route(browser_page, editor, "#/collections/news/entries/compte-rendu")
    browser_page.get_by_label("Galerie").fill("galerie-inconnue")
    publish(browser_page)
    assert "Gallery: galerie-inconnue" in (content / "news" / "compte-rendu.md").read_text(encoding="utf-8").splitlines()

    def banner_names_it() -> bool:
        banner = BeautifulSoup(fetch(preview.url)[1], "html5lib").find(class_="problems")
        return banner is not None and "galerie-inconnue" in banner.get_text()

    assert eventually(banner_names_it)
    browser_page.goto(preview.url)
    shot(browser_page, "5-probleme")
    assert not foreign, f"requests to another host: {foreign}"
