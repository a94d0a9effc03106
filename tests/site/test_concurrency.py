"""Builds running at the same time, builds killed half-way, and what the next build finds."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.site.concurrency_support import PHOTOS, finish, make_project, missing_images, shown_photos, start_build

ROUNDS = 5
EXPECTED = {
    "galerie": set(PHOTOS.values()),
    "alice-martin": {"Portrait de Alice Martin"},
    "bob-durand": {"Portrait de Bob Durand"},
}


def test_two_builds_sharing_one_cache_keep_every_photo_five_times_out_of_five(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    for round_ in range(ROUNDS):
        cache = tmp_path / "cache"
        if cache.exists():  # a cold store each round: both builds write the same images at once
            shutil.rmtree(cache)
        outputs = [tmp_path / f"round-{round_}-{side}" for side in ("a", "b")]
        for output, log in zip(outputs, [finish(p) for p in [start_build(settings, o) for o in outputs]]):
            assert shown_photos(output) == EXPECTED, (round_, log)
            assert missing_images(output) == [], (round_, log)
    after = tmp_path / "after"
    finish(start_build(settings, after))
    assert shown_photos(after) == EXPECTED
    assert missing_images(after) == []
