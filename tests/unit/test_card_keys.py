"""cards.cache: the keys planned for a build's cards are cache_key's, byte for byte; the cache listed once."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cards.cache import CARDS_VERSION, cache_key, cache_keyer, cached_cards, design
from cards.drawing import CardText

TEXTS = [
    CardText("1er mars 2018 · Lyon", "Transformation numérique : levier d'innovation", "Séminaire"),
    CardText("", "« Guillemets » et \"droits\", émojis 🎉, \\ barre", ""),
    CardText("12–14 mars", "Ünïcödé\nsur deux lignes", "Conférence"),
]


def reference_key(text: CardText, look: dict) -> str:
    """The key format cards were cached under before the keyer (json.dumps of the whole payload): a cache stays valid."""
    payload = json.dumps({"version": CARDS_VERSION, "text": [text.kicker, text.title, text.footer], "design": look},
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def test_the_keyer_gives_the_cached_cards_keys() -> None:
    for look in (design({}), {"size": [1200, 630], "colors": {"text": "#fff"}, "bold": "x", "regular": "y"}):
        key_of = cache_keyer(look)
        assert [key_of(text) for text in TEXTS] == [reference_key(text, look) for text in TEXTS]
        assert [cache_key(text, look) for text in TEXTS] == [reference_key(text, look) for text in TEXTS]


def test_the_cache_is_listed_once_regular_cards_only(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"card")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.png").symlink_to(tmp_path / "a.png")
    assert cached_cards(str(tmp_path)) == {"a.png"}  # a link is drawn again, over it
    assert cached_cards(str(tmp_path / "missing")) == frozenset()


def test_a_card_already_linked_in_place_stays_marked_as_written_and_any_other_file_there_is_replaced(tmp_path, monkeypatch):
    """A rebuild writing over an earlier site keeps the link it finds to the same card: no unlink, no new link, but its
    change time moves, so that the build's recycling (which deletes what the build did not write) keeps it."""
    import os

    from cards.cache import place_card
    from eventsite.recycling import remove_unwritten

    cached, other = tmp_path / "cache" / "abc.png", tmp_path / "cache" / "def.png"
    cached.parent.mkdir()
    cached.write_bytes(b"carte")
    other.write_bytes(b"autre carte")
    site = tmp_path / "site"
    target = site / "images" / "cartes" / "accueil.png"
    place_card(str(cached), str(target))
    placed = os.lstat(target)
    assert os.path.samestat(placed, os.stat(cached))
    before = {"images/cartes/accueil.png": (placed.st_ino, placed.st_ctime_ns)}
    with monkeypatch.context() as patched:  # left in place: neither unlinked nor linked again
        patched.setattr(os, "unlink", lambda *args, **kwargs: pytest.fail("unlinked"))
        patched.setattr(os, "link", lambda *args, **kwargs: pytest.fail("linked again"))
        place_card(str(cached), str(target))
    again = os.lstat(target)
    assert (again.st_ino, again.st_mtime_ns, again.st_nlink) == (placed.st_ino, placed.st_mtime_ns, placed.st_nlink)
    assert remove_unwritten(site, before) == [] and target.read_bytes() == b"carte"
    target.unlink()
    target.symlink_to(other)  # a link or another card left there is replaced by the card
    place_card(str(cached), str(target))
    assert not target.is_symlink() and target.read_bytes() == b"carte" and other.read_bytes() == b"autre carte"


def test_a_dangling_link_at_a_card_s_place_is_replaced_never_written_through(tmp_path):
    """A link left where a card goes, leading nowhere yet (outside the site): the card replaces the link, nothing is written there."""
    from cards.cache import place_card

    cached = tmp_path / "cache" / "abc.png"
    cached.parent.mkdir()
    cached.write_bytes(b"carte")
    target = tmp_path / "site" / "images" / "cartes" / "accueil.png"
    target.parent.mkdir(parents=True)
    outside = tmp_path / "ailleurs.png"
    target.symlink_to(outside)
    place_card(str(cached), str(target))
    assert not outside.exists()
    assert not target.is_symlink() and target.read_bytes() == b"carte"
