"""Results kept by file stamps (eventsite/stamprecord.py): reused only for files unchanged and not racy, exactly as computed fresh.

The input hashes of the build digest, the content placeholders and the entity headers are each
kept in CACHE_PATH/stamps. Files written by a test are always "racy" (changed less than 2 s
before the record was made); a test that wants a record trusted moves its recorded time on.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from eventsite.build import BuildFailed, BuildResult, build_site, pelican_settings
from eventsite.buildinputs import build_digest
from eventsite.check import check_everything
from eventsite.stamprecord import RACY_NS, stamp_of
from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site

LATER = RACY_NS + 60 * 10**9  # a record time after which every file of the test is old enough to be trusted

SITE = {
    **BASE_SITE,
    "news/compte-rendu.md": "Title: Compte rendu\nDate: 2018-03-05 10:00\n\n[à remplir]\n",
    "pages/infos.md": "Title: Infos\nTitre: Informations\nLieu: [adresse]\n\nTexte.\n",
    "pages/ancien.md": "",  # written in cp1252 below
    "sessions/ateliers.md": BASE_SITE["sessions/ateliers.md"].replace("Ateliers.\n", "Ateliers.\n\n[programme détaillé]\n"),
}


def make_site(root: Path) -> Path:
    """The test site: its problems are a placeholder in a body and in a header, a repeated field, a file not in UTF-8."""
    content = write_site(root, SITE)
    (content / "pages/ancien.md").write_bytes("Title: Ancien\n\nCafé\n".encode("cp1252"))
    return content


def build(root: Path, content: Path) -> BuildResult:
    """A real build of CONTENT (never kept as unchanged: VERIFY is given), its problems reported, not raised."""
    return build_site(SETTINGS, root / "output", strict=False, overrides=site_overrides(root, content), verify=lambda _: [])


def record(root: Path, kind: str) -> Path:
    """The one record of KIND in ROOT's cache."""
    [found] = (root / "cache/stamps").glob(f"{kind}-*.json")
    return found


def rewrite(path: Path, **changes: object) -> dict:
    """Change the record at PATH (its JSON keys) and return its data."""
    data = {**json.loads(path.read_bytes()), **changes}
    path.write_text(json.dumps(data), encoding="utf-8")
    return data


def collide(path: Path, file: Path, *, trusted: bool) -> None:
    """Give FILE's entry in the record at PATH the file's current stamp, its result left as it was: two writes in one
    tick of the kernel's clock leave the same stamp. TRUSTED moves the record's time on, as if the file were old."""
    data = json.loads(path.read_bytes())
    [key] = [k for k in data["entries"] if k == str(file) or str(file).endswith("/" + k)]
    data["entries"][key][0] = stamp_of(os.stat(file))
    if trusted:
        data["taken"] = time.time_ns() + LATER
    path.write_text(json.dumps(data), encoding="utf-8")


def report(result: BuildResult) -> list[tuple]:
    """Every problem in full: file, line, field, message, fix, severity, and its printed lines."""
    return [(p.file, p.line, p.field, p.message, p.fix, p.severity, p.report_lines()) for p in result.problems]


def output_digest(output: Path) -> str:
    """The sha256 of every file below OUTPUT, path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        digest.update(path.relative_to(output).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def session_title(output: Path, slug: str) -> str:
    """The title of the session SLUG in the programme's JSON export of the site built into OUTPUT."""
    sessions = json.loads((output / "programme/programme.json").read_text(encoding="utf-8"))["sessions"]
    return next(s["title"] for s in sessions if s["id"] == slug)


def fresh_digest(settings: dict) -> str:
    """The build digest with SETTINGS computed from every file's bytes: its record of hashes removed first."""
    for path in Path(settings["CACHE_PATH"]).glob("stamps/hashes-*.json"):
        path.unlink()
    return build_digest(settings, SETTINGS, {}).digest


KINDS = ("hashes", "headers", "placeholders")


def test_trusted_records_give_the_problems_and_site_of_a_fresh_build(tmp_path: Path) -> None:
    content = make_site(tmp_path)
    fresh = build(tmp_path, content)
    messages = " ".join(p.message for p in fresh.problems)
    assert "« [à remplir] »" in messages and "« [adresse] »" in messages and "« [programme détaillé] »" in messages
    assert "répète" in messages and "UTF-8" in messages
    site = output_digest(tmp_path / "output")
    for kind in KINDS:
        rewrite(record(tmp_path, kind), taken=time.time_ns() + LATER)
    inodes = {kind: record(tmp_path, kind).stat().st_ino for kind in KINDS}
    again = build(tmp_path, content)
    checked, _ = check_everything(SETTINGS, site_overrides(tmp_path, content))
    with pytest.raises(BuildFailed) as strict:
        build_site(SETTINGS, tmp_path / "output", strict=True, overrides=site_overrides(tmp_path, content))
    assert {kind: record(tmp_path, kind).stat().st_ino for kind in KINDS} == inodes  # nothing computed again: not rewritten
    assert report(again) == report(fresh)
    assert [p.report_lines() for p in checked] == [p.report_lines() for p in fresh.problems]  # invoke check
    assert strict.value.problems[:len(fresh.problems)] == [str(p) for p in fresh.problems]
    assert output_digest(tmp_path / "output") == site


@pytest.mark.parametrize("trusted", [False, True])
def test_a_racy_placeholder_result_is_computed_again(tmp_path: Path, trusted: bool) -> None:
    content = make_site(tmp_path)
    assert any("« [à remplir] »" in p.message for p in build(tmp_path, content).problems)
    news = content / "news/compte-rendu.md"
    news.write_text(news.read_text(encoding="utf-8").replace("[à remplir]", "(à remplir)"), encoding="utf-8")  # same size
    collide(record(tmp_path, "placeholders"), news, trusted=trusted)
    unfilled = [p for p in build(tmp_path, content).problems if "« [à remplir] »" in p.message]
    # Racy (the record is as the build made it, the file changed since): read again. Trusted: the stale result is
    # kept, which shows that the stamp alone decides, and so that only the racy rule saves a same-tick edit.
    assert bool(unfilled) is trusted


@pytest.mark.parametrize("trusted", [False, True])
def test_a_racy_header_is_read_again(tmp_path: Path, trusted: bool) -> None:
    content = make_site(tmp_path)
    build(tmp_path, content)
    session = content / "sessions/ouverture.md"
    session.write_text(session.read_text(encoding="utf-8").replace("Title: Ouverture", "Title: Bienvenue"), encoding="utf-8")
    collide(record(tmp_path, "headers"), session, trusted=trusted)
    build(tmp_path, content)
    assert session_title(tmp_path / "output", "ouverture") == ("Ouverture" if trusted else "Bienvenue")


@pytest.mark.parametrize("trusted", [False, True])
def test_a_racy_input_is_hashed_again(tmp_path: Path, trusted: bool) -> None:
    content = make_site(tmp_path)
    settings = pelican_settings(SETTINGS, site_overrides(tmp_path, content, OUTPUT_PATH=str(tmp_path / "output")))
    before = build_digest(settings, SETTINGS, {}).digest
    news = content / "news/compte-rendu.md"
    news.write_text(news.read_text(encoding="utf-8").replace("[à remplir]", "(à remplir)"), encoding="utf-8")
    collide(record(tmp_path, "hashes"), news, trusted=trusted)
    after = build_digest(settings, SETTINGS, {}).digest
    fresh = fresh_digest(settings)
    assert fresh != before
    assert after == (before if trusted else fresh)


def test_a_changed_file_is_always_seen_even_with_trusted_records(tmp_path: Path) -> None:
    content = make_site(tmp_path)
    settings = pelican_settings(SETTINGS, site_overrides(tmp_path, content, OUTPUT_PATH=str(tmp_path / "output")))
    fresh = report(build(tmp_path, content))
    news, session = content / "news/compte-rendu.md", content / "sessions/ouverture.md"
    texts = {news: news.read_text(encoding="utf-8"), session: session.read_text(encoding="utf-8")}
    time.sleep(0.05)  # past the kernel clock's tick: a test cannot wait the 2 s the racy rule leaves
    for placeholder, title in (("(à remplir)", "Bienvenue"), ("[à écrire]", "Bienvenue !"), ("[à remplir]", "Ouverture")):
        for kind in KINDS:
            rewrite(record(tmp_path, kind), taken=time.time_ns() + LATER)
        for path, edited in ((news, texts[news].replace("[à remplir]", placeholder)),
                             (session, texts[session].replace("Ouverture", title))):
            kept = path.stat().st_mtime_ns
            path.write_text(edited, encoding="utf-8")
            if len(edited) == len(texts[path]):
                os.utime(path, ns=(kept, kept))  # same size, same mtime: the ctime still tells
        assert build_digest(settings, SETTINGS, {}).digest == fresh_digest(settings)
        found = build(tmp_path, content).problems
        assert [p.message for p in found if "compte-rendu" in p.file] == [f"le texte n'est pas rempli : « {placeholder} »"] * (
            placeholder != "(à remplir)")
        assert session_title(tmp_path / "output", "ouverture") == title
    assert report(build(tmp_path, content)) == fresh


@pytest.mark.parametrize("damage", ["{pas du json", "[]", '{"version": "autre", "taken": 0, "entries": {}}', "stale"])
def test_a_damaged_or_other_version_record_computes_everything(tmp_path: Path, damage: str) -> None:
    content = make_site(tmp_path)
    fresh = build(tmp_path, content)
    site = output_digest(tmp_path / "output")
    for kind in KINDS:
        path = record(tmp_path, kind)
        if damage == "stale":  # a record of other code: every entry trusted, but wrong
            data = json.loads(path.read_bytes())
            entries = {key: [stamp, [] if kind == "placeholders" else [[], 0] if kind == "headers" else ["0"] * 3]
                       for key, (stamp, _) in data["entries"].items()}
            rewrite(path, version="autre", taken=time.time_ns() + LATER, entries=entries)
        else:
            path.write_text(damage, encoding="utf-8")
    assert report(build(tmp_path, content)) == report(fresh)
    assert output_digest(tmp_path / "output") == site


def test_a_damaged_entry_is_computed_again(tmp_path: Path) -> None:
    content = make_site(tmp_path)
    fresh = build(tmp_path, content)
    for kind in KINDS:
        data = json.loads(record(tmp_path, kind).read_bytes())
        rewrite(record(tmp_path, kind), taken=time.time_ns() + LATER,
                entries={key: [stamp, {"pas": "ça"}] for key, (stamp, _) in data["entries"].items()})
    assert report(build(tmp_path, content)) == report(fresh)


def test_a_record_keeps_only_the_files_of_the_site(tmp_path: Path) -> None:
    content = make_site(tmp_path)
    build(tmp_path, content)
    assert all(any(k.endswith("compte-rendu.md") for k in json.loads(record(tmp_path, kind).read_bytes())["entries"])
               for kind in ("hashes", "placeholders"))
    (content / "news/compte-rendu.md").unlink()
    (content / "speakers/bob-durand.md").unlink()
    (content / "sessions/table-ronde.md").write_text(
        BASE_SITE["sessions/table-ronde.md"].replace("Moderators: bob-durand\n", ""), encoding="utf-8")
    build(tmp_path, content)
    for kind in KINDS:
        keys = json.loads(record(tmp_path, kind).read_bytes())["entries"]
        assert not any(k.endswith(("compte-rendu.md", "bob-durand.md")) for k in keys)
        assert any(k.endswith("alice-martin.md") for k in keys)
