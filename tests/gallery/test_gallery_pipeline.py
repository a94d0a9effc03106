"""Pipeline: bad input, cache reuse, setting changes, removals, pool mode."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PIL import Image

from gallery import build, pipeline, reader, settings

from gallery_support import all_files


def run(content: Path, out: Path, **overrides: object) -> pipeline.Report:
    """Read galleries under content and run the pipeline into out."""
    gs = settings.load({"GALLERY_PROCESSES": 1, "GALLERY_WIDTHS": (60, 120), "GALLERY_MAX_WIDTH": 200,
                        **overrides})
    sources = reader.read_galleries(str(content))
    return pipeline.run(
        build.gallery_jobs(gs, str(out), sources),
        output_root=str(out),
        manifest_path=str(out.parent / "cache" / "galleries.json"),
        owned_dirs=[gs.output_dir],
        processes=gs.processes,
    )


def test_unchanged_rebuild_does_zero_image_work(tmp_path: Path, make_photo) -> None:
    for name in ("a.jpg", "b.jpg", "c.png"):
        make_photo(tmp_path / "g" / "demo" / name, fmt="PNG" if name.endswith("png") else "JPEG")
    first = run(tmp_path / "g", tmp_path / "out")
    second = run(tmp_path / "g", tmp_path / "out")
    assert (first.processed, first.reused, first.failures) == (3, 0, ())
    assert (second.processed, second.reused, second.failures) == (0, 3, ())
    assert second.pictures == first.pictures


def test_changing_a_setting_or_a_photo_redoes_only_what_depends_on_it(tmp_path: Path, make_photo) -> None:
    for name in ("a.jpg", "b.jpg"):
        make_photo(tmp_path / "g" / "demo" / name)
    run(tmp_path / "g", tmp_path / "out")

    assert run(tmp_path / "g", tmp_path / "out", GALLERY_JPEG_QUALITY=60).processed == 2
    assert run(tmp_path / "g", tmp_path / "out", GALLERY_JPEG_QUALITY=60).processed == 0

    make_photo(tmp_path / "g" / "demo" / "b.jpg", size=(500, 300))
    again = run(tmp_path / "g", tmp_path / "out", GALLERY_JPEG_QUALITY=60)
    assert (again.processed, again.reused) == (1, 1)


def test_a_deleted_output_is_rebuilt(tmp_path: Path, make_photo) -> None:
    make_photo(tmp_path / "g" / "demo" / "a.jpg")
    run(tmp_path / "g", tmp_path / "out")
    (tmp_path / "out" / "images/galeries/demo/a-60.webp").unlink()
    report = run(tmp_path / "g", tmp_path / "out")
    assert report.processed == 1
    assert (tmp_path / "out" / "images/galeries/demo/a-60.webp").exists()


def _first(data: dict, table: str) -> dict:
    return next(iter(data[table].values()))


def _edit(change):
    """Return a function that applies CHANGE to the manifest's data and returns the data."""
    return lambda data: (change(data), data)[1]


# Each breaks a valid manifest in one way (returns the new data, or raw text); each must count as empty.
BROKEN_MANIFESTS = {
    "not-json": lambda data: "{pas du json",
    "a-list": lambda data: [],
    "entry-without-fingerprint": _edit(lambda data: _first(data, "entries").pop("fingerprint")),
    "outputs-not-a-list": _edit(lambda data: _first(data, "entries").update(outputs=7)),
    "picture-without-variants": _edit(lambda data: _first(data, "entries")["picture"].pop("variants")),
    "variant-without-width": _edit(lambda data: _first(data, "entries")["picture"]["variants"][0].pop("width")),
    "source-without-mtime": _edit(lambda data: _first(data, "sources").pop("mtime_ns")),
    "source-size-a-string": _edit(lambda data: _first(data, "sources").update(size="12")),
    "entries-a-list": _edit(lambda data: data.update(entries=[])),
    "output-outside-the-store": _edit(
        lambda data: _first(data, "entries")["outputs"].append("../g/demo/a.jpg")),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_MANIFESTS))
def test_a_malformed_manifest_counts_as_empty(tmp_path: Path, make_photo, kind: str) -> None:
    make_photo(tmp_path / "g" / "demo" / "a.jpg")
    first = run(tmp_path / "g", tmp_path / "out")
    manifest = tmp_path / "cache" / "galleries.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    broken = BROKEN_MANIFESTS[kind](data)
    manifest.write_text(broken if isinstance(broken, str) else json.dumps(broken), encoding="utf-8")

    again = run(tmp_path / "g", tmp_path / "out")

    assert (again.processed, again.reused, again.failures) == (1, 0, ())
    assert again.pictures == first.pictures
    assert all((tmp_path / "out" / v.url).is_file() for v in again.pictures["demo/a"].variants)
    assert "../g/" not in manifest.read_text(encoding="utf-8")


def test_pool_mode_gives_the_same_pictures(tmp_path: Path, make_photo) -> None:
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        make_photo(tmp_path / "g" / "demo" / name)
    one = run(tmp_path / "g", tmp_path / "one")
    two = run(tmp_path / "g", tmp_path / "two", GALLERY_PROCESSES=2)
    assert two.processed == 3 and two.pictures == one.pictures


@pytest.fixture
def bad_gallery(tmp_path: Path, make_photo) -> Path:
    """A gallery with one good photo and one file of each kind of bad input."""
    folder = tmp_path / "g" / "demo"
    make_photo(folder / "bonne.jpg", size=(200, 150))
    whole = (folder / "bonne.jpg").read_bytes()
    (folder / "tronquee.jpg").write_bytes(whole[: len(whole) // 2])
    (folder / "corrompue.jpg").write_bytes(whole[:200] + b"\x00garbage" * 50)
    (folder / "texte.jpg").write_text("ceci n'est pas une image", encoding="utf-8")
    make_photo(folder / "bombe.png", size=(400, 400), fmt="PNG")
    frames = [Image.new("RGB", (40, 40), colour) for colour in ("red", "blue")]
    frames[0].save(folder / "anime.gif", save_all=True, append_images=frames[1:], duration=100)
    make_photo(folder / "panorama.jpg", size=(400, 50))
    return tmp_path


def test_each_bad_input_is_named_left_out_and_the_rest_builds(
    bad_gallery: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bomb threshold the 400×400 PNG crosses by more than twice (DecompressionBombError),
    # set for this test only; the plugin never changes Pillow's limit itself.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 50_000)
    caplog.set_level(logging.WARNING)

    report = run(bad_gallery / "g", bad_gallery / "out")

    assert report.processed == 1 and set(report.pictures) == {"demo/bonne"}
    failed = {Path(source).name: message for source, message in report.failures}
    assert set(failed) == {"tronquee.jpg", "corrompue.jpg", "texte.jpg", "bombe.png", "anime.gif",
                           "panorama.jpg"}
    assert "tronqué ou corrompu" in failed["tronquee.jpg"]
    assert "tronqué ou corrompu" in failed["corrompue.jpg"]
    assert "n'est pas une image" in failed["texte.jpg"]
    assert "trop grande" in failed["bombe.png"]
    assert "animée" in failed["anime.gif"]
    assert "panorama" in failed["panorama.jpg"]
    # The pipeline reports its failures, it does not log them: its callers send them through the
    # content problem channel (tests/authoring/test_problem_matrix.py, « photo illisible »).
    assert not any(name in r.getMessage() for r in caplog.records for name in failed if r.levelno >= logging.WARNING)
    assert not any("Traceback" in r.getMessage() for r in caplog.records)
    files = all_files(bad_gallery / "out")
    assert not any(".tmp-" in name for name in files)
    assert all("bonne" in name for name in files), files


def test_a_bomb_warning_level_image_is_refused_too(tmp_path: Path, make_photo, monkeypatch) -> None:
    make_photo(tmp_path / "g" / "demo" / "grande.jpg", size=(300, 300))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 60_000)  # 90 000 px: over the limit, under 2×
    report = run(tmp_path / "g", tmp_path / "out")
    assert [Path(s).name for s, _m in report.failures] == ["grande.jpg"]


def test_removed_photo_loses_every_size(tmp_path: Path, make_photo) -> None:
    folder = tmp_path / "g" / "demo"
    for name in ("garde.jpg", "retire.jpg", "aussi.jpg"):
        make_photo(folder / name)
    run(tmp_path / "g", tmp_path / "out")
    assert any("retire-" in f for f in all_files(tmp_path / "out"))

    foreign = tmp_path / "out" / "images" / "galeries" / "demo" / "plan-du-site.png"
    foreign.write_bytes(b"not ours")
    (folder / "retraits.txt").write_text("retire.jpg\n", encoding="utf-8")
    (folder / "gallery.md").write_text("Title: Démo\nRemoved: aussi.jpg\n", encoding="utf-8")
    report = run(tmp_path / "g", tmp_path / "out")

    assert set(report.pictures) == {"demo/garde"}
    files = all_files(tmp_path / "out")
    assert files and not any("retire" in f or "aussi" in f for f in files), files
    assert foreign.exists()  # only files named like our outputs are ever deleted
