"""event.pelican_addresses: a read article's and page's address worked out once, the same as Pelican's, a header's kept."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from event.pelican_addresses import fix_addresses


def article(title: str, lang: str = "fr", **metadata: str) -> Article:
    settings = {**DEFAULT_CONFIG, "DEFAULT_LANG": "fr", "ARTICLE_URL": "actualites/{slug}/", "ARTICLE_SAVE_AS": "actualites/{slug}/index.html"}
    return Article("<p>Texte</p>", {"title": title, "date": datetime.datetime(2030, 1, 1), "lang": lang, **metadata}, settings=settings)


def test_each_address_is_pelicans_worked_out_once() -> None:
    news, english = article("Une actualité"), article("A news item", lang="en")
    news.translations = [english]
    page = Page("<p>Texte</p>", {"title": "Accès"}, settings={**DEFAULT_CONFIG, "DEFAULT_LANG": "fr"})
    expected = {id(item): (item.url, item.save_as) for item in (news, english, page)}
    fix_addresses([SimpleNamespace(context={"articles": [news], "pages": [page]})])
    for item in (news, english, page):
        assert (item.override_url, item.override_save_as) == expected[id(item)]
        assert (item.url, item.save_as) == expected[id(item)]
    news.slug = "changed-after-linking"  # nothing does; if something did, the address would no longer follow it
    assert news.url == "actualites/une-actualite/"


def test_a_header_s_address_is_left_as_it_is() -> None:
    news = article("Une actualité", url="ailleurs/", save_as="ailleurs/index.html")
    fix_addresses([SimpleNamespace(context={"articles": [news]})])
    assert (news.url, news.save_as) == ("ailleurs/", "ailleurs/index.html")
