"""event.summaries: summary_of gives Pelican's own summary on every page, its body cut once a build."""

from __future__ import annotations

import datetime
import os
from typing import Any

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

import event.summaries as summaries
from event.pelican_editions import EditionView
from event.summaries import Summaries

PATH = "/site/content"
BODIES = {
    "links": '<p>Voir <a href="{filename}/news/cible.md">la cible</a> et <img alt="" src="{static}/images/a.png"> '
             "puis encore des mots, des mots &amp; des mots, jusqu'à la coupe et au-delà.</p><p>Suite.</p>",
    "toc": '<div class="contents topic"><ul><li><a href="#a">A</a></li></ul></div>'
           '<h2 id="a"><a class="toc-backref" href="#b">A</a></h2><p>Un deux trois quatre cinq six sept huit neuf dix.</p>',
    "short": "<p>Court.</p>",
    "paragraphs": "<p>Premier paragraphe.</p><p>Second paragraphe, plus long que le premier.</p>",
}


def news(name: str, body: str, context: dict[str, Any], **settings: Any) -> Article:
    config = {**DEFAULT_CONFIG, "PATH": PATH, "SUMMARY_MAX_LENGTH": 8, "ARTICLE_URL": "actualites/{slug}/",
              "ARTICLE_SAVE_AS": "actualites/{slug}/index.html", **settings}
    return Article(body, {"title": name, "date": datetime.datetime(2030, 1, 1), "slug": name}, settings=config,
                   source_path=os.path.join(PATH, "news", f"{name}.md"), context=context)


def site(**settings: Any) -> tuple[dict[str, Any], list[Article]]:
    context: dict[str, Any] = {"localsiteurl": "", "generated_content": {}, "static_content": {}, "static_links": set()}
    context["generated_content"]["news/cible.md"] = news("cible", "<p>Cible.</p>", context, **settings)
    return context, [news(name, body, context, **settings) for name, body in BODIES.items()]


@pytest.mark.parametrize("settings", [{}, {"SUMMARY_MAX_PARAGRAPHS": 1}, {"SUMMARY_MAX_LENGTH": None}])
def test_the_summary_is_pelicans_on_every_page(settings: dict[str, Any]) -> None:
    ours, ours_items = site(**settings)
    pelicans, pelican_items = site(**settings)
    helper = Summaries()
    for siteurl in ("../..", "..", ".", ""):  # a news page, the news list, the home page, absolute addresses
        ours["localsiteurl"] = pelicans["localsiteurl"] = siteurl
        for mine, theirs in zip(ours_items, pelican_items):
            assert helper.summary_of(None, mine) == theirs.summary, (mine.slug, siteurl)


def test_each_body_is_cut_once_a_build(monkeypatch: pytest.MonkeyPatch) -> None:
    cuts: list[str] = []
    original = summaries.cut_summary
    monkeypatch.setattr(summaries, "cut_summary", lambda content: cuts.append(content.slug) or original(content))
    context, items = site()
    helper = Summaries()
    for siteurl in ("../..", ".."):
        context["localsiteurl"] = siteurl
        texts = {item.slug: helper.summary_of(None, item) for item in items}
    assert sorted(cuts) == sorted(BODIES)
    assert texts["links"].startswith('<p>Voir <a href="actualites/cible/">la cible</a>')  # the link resolved, as Pelican does


def test_a_header_summary_and_a_view_in_another_edition_are_pelicans() -> None:
    context, items = site()
    context["localsiteurl"] = ".."
    given = news("resume", "<p>Un long texte.</p>", context)
    given.metadata["summary"] = "<p>Résumé donné.</p>"
    helper = Summaries()
    assert helper.summary_of(None, given) == "<p>Résumé donné.</p>"
    view = EditionView(items[0], "en/")
    assert helper.summary_of(None, view) == items[0].summary
