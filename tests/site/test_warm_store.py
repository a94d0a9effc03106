"""A build with a restored image and card store (as CI's cache restores it) does no image work
and writes the same site, byte for byte, as a build from nothing."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml

from eventsite.build import build_site, pelican_settings
from tests.conftest import PUBLISH_SETTINGS, REPO, SharedBuild, published_overrides


def build(root: Path, content: Path, cache: Path, caplog: pytest.LogCaptureFixture) -> tuple[Path, list[str]]:
    """One strict build as CI runs it (as the session's published build); return the output folder and the log lines of this build."""
    caplog.clear()
    output = root / "output"
    overrides = {**published_overrides(cache), "PATH": str(content)}
    with caplog.at_level(logging.INFO):
        build_site(PUBLISH_SETTINGS, output, strict=True, overrides=overrides)
    return output, [record.getMessage() for record in caplog.records]


def counts(lines: list[str], pattern: str) -> list[int]:
    """The numbers a summary line reports, e.g. « Galerie : 8 traitées » → [8]."""
    return [int(m.group(1)) for line in lines if (m := re.search(pattern, line))]


def files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_restored_store_processes_no_image_and_builds_the_same_site(tmp_path: Path, caplog, published_site: SharedBuild) -> None:
    # First deploy: the repository's checkout and an empty store (the session's published build).
    cold, cold_log = published_site.output, list(published_site.log)
    assert sum(counts(cold_log, r"(\d+) traitées")) > 5  # photos, portraits and logos were made
    assert sum(counts(cold_log, r"(\d+) dessinée")) > 5  # and social cards drawn

    # Next deploy: another checkout (new paths, new modification times), the store restored.
    second_checkout = tmp_path / "second" / "content"
    shutil.copytree(REPO / "content", second_checkout, copy_function=shutil.copyfile)
    shutil.copytree(published_site.cache, tmp_path / "second" / "cache")
    warm, warm_log = build(tmp_path / "second", second_checkout, tmp_path / "second" / "cache", caplog)
    assert counts(warm_log, r"(\d+) traitées") and not any(counts(warm_log, r"(\d+) traitées"))
    assert counts(warm_log, r"(\d+) dessinée") == [0]
    assert sum(counts(warm_log, r"(\d+) réutilisées")) == sum(counts(cold_log, r"(\d+) traitées"))

    cold_files, warm_files = files(cold), files(warm)
    assert sorted(cold_files) == sorted(warm_files)
    different = [path for path in cold_files if cold_files[path] != warm_files[path]]
    assert different == []


def test_ci_restores_the_store_before_the_build_keyed_on_what_shapes_images() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    names = [step.get("name", step.get("uses", "")) for step in steps]
    caches = [i for i, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/cache@")]
    build_step = next(i for i, step in enumerate(steps) if "eventsite build" in str(step.get("run", "")))
    assert len(caches) == 1 and caches[0] < build_step, names
    options = steps[caches[0]]["with"]
    cache_path = Path(pelican_settings(PUBLISH_SETTINGS)["CACHE_PATH"])
    assert (REPO / options["path"]).resolve() == (REPO / cache_path).resolve()  # the folder the build uses
    key = options["key"]
    for shaping in ("content/**/*.jpg", "content/**/*.png", "plugins/gallery/**", "plugins/cards/**", "publishconf.py"):
        assert f"'{shaping}'" in key, shaping
    assert key.startswith(options["restore-keys"])  # a changed photo still restores the rest of the store
