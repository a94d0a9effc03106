"""The cache of typeset pages: byte-identical output, never stale, never larger than one build's pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from typography import pagecache
from typography.rules import NBSP

HERE = Path(__file__).parent
PLUGINS = HERE.parents[1] / "plugins"

PAGES = {
    "infos.md": "Title: Infos pratiques : le 1er jour!\nSlug: infos\n\n"
                "Accueil à 9h30; déjeuner à 12:30 : « buffet » pour 100% des inscrits!\n",
    "info.md": "Title: Practical info: day one!\nSlug: info\nLang: en\n\nWelcome at 9:30; lunch: \"buffet\"!\n",
    "plan.md": "Title: Plan\nSlug: plan\n\nL'accès se fait par la rue ; \"entrée B\" : suivez le guide !\n",
}


def write_content(root: Path, pages: dict[str, str]) -> Path:
    """Write PAGES into ROOT/content/pages (replacing what was there); return the content folder."""
    folder = root / "content" / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root / "content"


def build(content: Path, output: Path, cache: Path, **overrides: object) -> dict[str, bytes]:
    """Build CONTENT into OUTPUT with the typography plugin; return every HTML file's bytes by relative path."""
    settings = read_settings(None, override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache),
        "PLUGIN_PATHS": [str(PLUGINS)], "PLUGINS": ["typography"], "DEFAULT_LANG": "fr",
        "THEME": "simple", "THEME_TEMPLATES_OVERRIDES": [str(HERE / "theme" / "templates")],
        "JINJA_ENVIRONMENT": {"autoescape": True}, "SITEURL": "",
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None,
        **overrides,
    })
    Pelican(settings).run()
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*.html"))}


def entries(cache: Path) -> dict[str, bytes]:
    """The entries of the cache of typeset pages, by key."""
    return pagecache.entries(str(cache / "typography"))


def files(cache: Path) -> list[str]:
    """The names of the files of the cache of typeset pages."""
    return sorted(p.name for p in (cache / "typography").iterdir())


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The three test pages, French and English."""
    return write_content(tmp_path, PAGES)


def test_output_is_byte_identical_with_and_without_the_cache(tmp_path: Path, content: Path) -> None:
    cache = tmp_path / "cache"
    without = build(content, tmp_path / "without", cache, TYPOGRAPHY_CACHE=False)
    assert not (cache / "typography").exists()
    cold = build(content, tmp_path / "cold", cache)
    warm = build(content, tmp_path / "warm", cache)
    assert len(without) >= 6 and f"Accueil à 9{NBSP}h{NBSP}30".encode() in without["pages/infos.html"]
    assert cold == without and warm == without
    assert len(entries(cache)) == len(without)


def test_a_warm_build_takes_the_typeset_page_from_the_cache(tmp_path: Path, content: Path) -> None:
    cache = tmp_path / "cache"
    first = build(content, tmp_path / "first", cache)
    (pack,) = files(cache)
    kept = entries(cache)  # an entry is the bytes written over its page (empty: page unchanged)
    assert first["pages/infos.html"] in kept.values()
    (cache / "typography" / pack).write_bytes(b"".join(
        pagecache.record(key, b"<p>from the cache</p>" if data == first["pages/infos.html"] else data)
        for key, data in kept.items()))
    assert build(content, tmp_path / "second", cache)["pages/infos.html"] == b"<p>from the cache</p>"


def test_a_changed_page_or_setting_is_typeset_again(tmp_path: Path, content: Path) -> None:
    cache = tmp_path / "cache"
    build(content, tmp_path / "output", cache)
    write_content(tmp_path, {**PAGES, "plan.md": PAGES["plan.md"].replace("rue ;", "rue Neuve :")})
    changed = build(content, tmp_path / "output", cache)["pages/plan.html"].decode()
    assert f"rue Neuve{NBSP}:" in changed and "rue ;" not in changed
    straight = build(content, tmp_path / "output", cache, TYPOGRAPHY_QUOTES=False)["pages/plan.html"].decode()
    assert '"entrée B"' in straight and "L'accès" in straight
    assert straight == build(content, tmp_path / "nocache", cache, TYPOGRAPHY_CACHE=False,
                             TYPOGRAPHY_QUOTES=False)["pages/plan.html"].decode()


def test_the_cache_holds_only_the_last_builds_pages(tmp_path: Path, content: Path) -> None:
    cache = tmp_path / "cache"
    pages = len(build(content, tmp_path / "output", cache))
    for stray in (".tmp-left-by-a-crash.html", ".pack-1.part", "0" * 64 + ".html"):  # the last: the first layout's entries
        (cache / "typography" / stray).write_bytes(b"half")
    for round_ in range(3):
        write_content(tmp_path, {**PAGES, "plan.md": PAGES["plan.md"] + f"\nÉdition {round_} : oui.\n"})
        assert len(build(content, tmp_path / "output", cache)) == pages
        assert len(entries(cache)) == pages
        (pack,) = files(cache)  # one pack, this build's: nothing else is left
        assert pack.startswith("pack-") and pack.endswith(".bin")


def test_a_damaged_pack_is_typeset_again(tmp_path: Path, content: Path) -> None:
    cache = tmp_path / "cache"
    first = build(content, tmp_path / "first", cache)
    (pack,) = files(cache)
    path = cache / "typography" / pack
    kept = path.read_bytes()
    infos = kept.index(first["pages/infos.html"])
    damaged = kept[:infos] + kept[infos:].replace(f"9{NBSP}h".encode(), f"9{NBSP}x".encode(), 1)
    assert damaged != kept
    path.write_bytes(damaged)  # a record whose bytes do not match their digest
    assert build(content, tmp_path / "second", cache) == first
    path = cache / "typography" / files(cache)[0]
    path.write_bytes(path.read_bytes()[:-10])  # cut short, as by a full disk
    assert build(content, tmp_path / "third", cache) == first
    assert len(entries(cache)) == len(first)
