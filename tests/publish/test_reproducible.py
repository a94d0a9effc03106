"""Two builds of the same sources give byte-identical trees."""

from __future__ import annotations

import os
from pathlib import Path

from eventsite.reproducible import tree_differences, tree_digest
from tests.publish.pelican_site import build, write_project


def env_with_seed(seed: str) -> dict[str, str]:
    """Return the environment with a given PYTHONHASHSEED (set order differs by seed)."""
    return {**os.environ, "PYTHONHASHSEED": seed}


def test_tree_digest_sees_one_changed_byte(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text("<p>1</p>")
    before = tree_digest(tmp_path)
    (tmp_path / "a" / "x.html").write_text("<p>2</p>")
    assert tree_differences(before, tree_digest(tmp_path)) == ["a/x.html"]
    assert list(before) == ["a/x.html"]


def test_two_builds_are_identical(tmp_path: Path) -> None:
    conf = write_project(tmp_path / "proj", siteurl="https://org.github.io/repo", relative=False)
    first = tree_digest(build(conf, tmp_path / "one", env=env_with_seed("1")))
    (tmp_path / "proj" / "content" / "pages" / "programme.md").touch()  # new mtime only
    second = tree_digest(build(conf, tmp_path / "two", env=env_with_seed("2")))
    assert len(first) > 10
    assert tree_differences(first, second) == []


def test_feeds_of_a_site_without_articles_are_not_reproducible(tmp_path: Path) -> None:
    """Documents a Pelican pitfall: an empty feed's <updated> is the build time."""
    conf = write_project(tmp_path / "proj", siteurl="https://org.github.io/repo", relative=False)
    for article in (tmp_path / "proj" / "content" / "articles").glob("*.md"):
        article.unlink()
    first = tree_digest(build(conf, tmp_path / "one"))
    second = tree_digest(build(conf, tmp_path / "two"))
    differences = tree_differences(first, second)
    # Atom's <updated> has microseconds; RSS's lastBuildDate only whole seconds.
    assert "feeds/all.atom.xml" in differences
    assert set(differences) <= {"feeds/all.atom.xml", "feeds/all.rss.xml"}
