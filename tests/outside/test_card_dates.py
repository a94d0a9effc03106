"""Social cards say the event's dates as the pages do: one formatter, a span for several days."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PIL import Image, ImageChops

from cards.pages import kicker
from event.settings import localized_settings, read_event_settings
from eventsite.build import build_site
from tests.conftest import BASE_SITE, SETTINGS, parse, site_overrides, write_site

THREE_DAYS = {"EVENT_START": dt.date(2027, 6, 10), "EVENT_END": dt.date(2027, 6, 12), "EVENT_VENUE": {"name": "Pharo", "city": "Marseille"},
              "EVENT_LANGUAGES": {"en": {"EVENT_LOCALE": "en_GB"}}}


def test_a_card_shows_the_span_of_a_several_day_event_in_each_language():
    assert kicker(SimpleNamespace(settings=read_event_settings(THREE_DAYS))) == "10–12 juin 2027 · Marseille"
    assert kicker(SimpleNamespace(settings=localized_settings(THREE_DAYS, "en"))) == "10–12 June 2027 · Marseille"
    across = {**THREE_DAYS, "EVENT_START": dt.date(2027, 6, 30), "EVENT_END": dt.date(2027, 7, 2)}
    assert kicker(SimpleNamespace(settings=read_event_settings(across))) == "30 juin – 2 juillet 2027 · Marseille"
    one_day = {**THREE_DAYS, "EVENT_END": None}
    assert kicker(SimpleNamespace(settings=read_event_settings(one_day))) == "jeudi 10 juin 2027 · Marseille"


def home_card(out) -> Image.Image:
    """The home page's card, as its og:image names it, opened with Pillow."""
    relative = parse(out / "index.html").select_one('meta[property="og:image"]')["content"].split("images/cartes/", 1)[1]
    with Image.open(out / "images/cartes" / relative) as card:
        return card.convert("RGB")


def test_the_drawn_card_changes_with_the_span_and_the_header_shows_the_same_words(tmp_path):
    content = write_site(tmp_path, BASE_SITE)
    outputs = {}
    for name, end in (("one", "2018-03-01"), ("three", "2018-03-03")):
        overrides = site_overrides(tmp_path / name, content, EVENT_END=end, CARDS_PROCESSES=1, SITEURL="https://example.org/s",
                                   RELATIVE_URLS=False)
        outputs[name] = build_site(SETTINGS, tmp_path / name / "output", strict=True, overrides=overrides).output
    one, three = home_card(outputs["one"]), home_card(outputs["three"])
    assert one.size == three.size == (1200, 630)
    box = ImageChops.difference(one, three).getbbox()
    assert box is not None and box[3] < 200  # only the kicker line, at the top, differs
    when = parse(outputs["three"] / "index.html").select_one(".site-name__when").get_text("", strip=True)  # « 1<sup>er</sup> » typeset
    assert when.startswith("1er–3 mars 2018")
