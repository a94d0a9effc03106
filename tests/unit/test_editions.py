"""Editions built from a small Event in memory: no Pelican run, milliseconds."""

from __future__ import annotations

import gettext
from types import SimpleNamespace

from event.editions import edition_for, localize_path, make_editions
from event.model import Event, Partner, Speaker
from event.pelican_editions import EditionView, in_edition
from event.pelican_translation import inherited, translation_source
from event.settings import DECLARED, localized_settings, read_event_settings
from event.translation import Translation, translated_event
from legal.legal import legal_texts

SETTINGS = {
    "DEFAULT_LANG": "fr",
    "EVENT_NAV": (("Accueil", ""), ("Photos", "/galeries/"), ("Blog", "https://blog.example/")),
    "EVENT_FOOTER_LINKS": (("Accessibilité", "accessibilite/"),),
    "EVENT_LANGUAGES": {"en": {"EVENT_NAME": "The event", "LEGAL_HOST": "Host Ltd"}},
    "LEGAL_HOST": "Hébergeur",
    "LEGAL_DIRECTOR": "La directrice",
    "PATH": "/site/content",
    "ARTICLE_PATHS": ["news"],
    "PAGE_PATHS": ["pages"],
}


def editions(event: Event, translations: dict | None = None):  # type: ignore[no-untyped-def]
    views = {
        lang: (translated_event(event, (translations or {}).get(lang, {}), lang, "fr"), localized_settings(SETTINGS, lang))
        for lang in ("fr", "en")
    }
    english = gettext.NullTranslations()
    return make_editions("fr", views, {"en": english})


def test_default_first_prefixes_and_urls() -> None:
    french, english = editions(Event())
    assert (french.lang, french.prefix, english.lang, english.prefix) == ("fr", "", "en", "en/")
    assert english.url("programme/") == "en/programme/" and english.settings.urls["programme"] == "en/programme/"
    assert english.settings.name == "The event" and english.default_lang == "fr"
    assert edition_for({"editions": (french, english)}, "de") is french


def test_menus_are_language_neutral_and_the_edition_prefixes_them() -> None:
    _french, english = editions(Event())
    assert english.nav == (("Accueil", "en/"), ("Photos", "galeries/"), ("Blog", "https://blog.example/"))
    assert english.footer_links == (("Accessibilité", "en/accessibilite/"),)
    assert localize_path("#contenu", "en/") == "#contenu" and localize_path("mailto:a@b.fr", "en/") == "mailto:a@b.fr"


def test_pictures_set_on_the_model_reach_every_edition() -> None:
    event = Event(speakers=[Speaker("alice", "speakers/alice.md", name="Alice Martin", role="Directrice")],
                  partners=[Partner("ira", "partners/ira.md", name="IRA", tier="organiser")])
    event.speakers[0].picture, event.partners[0].picture = "portrait", "logo"  # what event.enrich receivers do
    role = Translation("alice", "en", "speakers/en/alice.md", {"role": "Director"}, None)
    french, english = editions(event, {"en": {"speakers": {"alice": role}}})
    assert [s.picture for s in english.event.speakers] == [s.picture for s in french.event.speakers] == ["portrait"]
    assert english.event.partners[0].picture == "logo"
    assert (english.event.speakers[0].role, english.event.speakers[0].lang) == ("Director", "en")
    assert (french.event.speakers[0].role, french.event.speakers[0].lang) == ("Directrice", "fr")
    assert english.event.speakers[0] is not event.speakers[0]  # a copy: the model belongs to no edition


def test_overrides_say_which_setting_texts_are_translated() -> None:
    french, english = editions(Event())
    assert english.lang_of("LEGAL_HOST") == "en" and english.lang_of("LEGAL_DIRECTOR") == "fr"
    assert french.lang_of("LEGAL_DIRECTOR") == "fr"
    texts = legal_texts(SETTINGS, english)
    assert texts.host == "Host Ltd" and str(texts.marked("host")) == "Host Ltd"
    assert str(texts.marked("director")) == '<span lang="fr">La directrice</span>'
    assert legal_texts(SETTINGS, french).host == "Hébergeur"


def test_news_and_pages_in_an_edition_are_the_translation_or_the_original_shown_there() -> None:
    translated = SimpleNamespace(lang="en", url="en/a/", save_as="en/a/index.html")
    a = SimpleNamespace(lang="fr", url="a/", save_as="a/index.html", translations=[translated], title="A")
    b = SimpleNamespace(lang="fr", url="b/", save_as="b/index.html", translations=[], title="B")
    shown = in_edition([a, b], "en", "en/", "fr")
    assert shown[0] is translated and isinstance(shown[1], EditionView)
    assert (shown[1].url, shown[1].save_as, shown[1].title, shown[1].lang) == ("en/b/", "en/b/index.html", "B", "fr")
    assert b.translations == []  # Pelican's objects untouched: its feeds list no view
    assert in_edition([a], "fr", "", "fr") == (a,)
    refused = SimpleNamespace(lang="fr", url="", save_as="", translations=[])  # containment turned it off
    assert in_edition([refused], "en", "en/", "fr")[0].save_as == ""


def test_a_translation_inherits_what_it_does_not_translate() -> None:
    assert translation_source("/site/content/pages/en/accueil.md", SETTINGS) == ("en", "pages/accueil.md")
    assert translation_source("/site/content/pages/accueil.md", SETTINGS) is None
    assert translation_source("/site/content/speakers/en/alice.md", SETTINGS) is None  # the event reads its own
    assert translation_source("/site/content/pages/en/accueil.md", {**SETTINGS, "EVENT_LANGUAGES": {}}) is None  # one language: en/ is a folder
    original = {"title": "Accueil", "template": "home", "save_as": "index.html", "url": "index.html", "summary": "Résumé"}
    assert inherited(original, {"title": "Home"}, "en/") == {"template": "home", "save_as": "en/index.html", "url": "en/"}


def test_settings_of_a_language_keep_their_own_urls() -> None:
    assert read_event_settings(SETTINGS).urls["programme"] == "programme/"


def test_a_menu_path_already_under_the_language_prefix_is_refused() -> None:
    languages = {"en": {"EVENT_NAV": (("Programme", "en/programme/"), ("Home", "")), "EVENT_FOOTER_LINKS": ()}}
    problems = DECLARED.problems({**SETTINGS, "EVENT_LANGUAGES": languages})
    assert problems == ["EVENT_LANGUAGES['en']['EVENT_NAV'][0] vaut ('Programme', 'en/programme/') : écrivez 'programme/' au lieu "
                        "de 'en/programme/' (le site « en » met lui-même ses adresses sous « en/ ») (section « event » de docs/reglages.md)"]
    assert DECLARED.problems(SETTINGS) == []
