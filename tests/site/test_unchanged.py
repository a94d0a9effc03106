"""A build with nothing changed keeps the site as it is; any change of an input, or of the output, makes a real build."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from eventsite.build import BuildResult, build_site
from eventsite.buildworker import report_build
from tests.conftest import BASE_SITE, REPO, SETTINGS, site_overrides, write_site
from tests.gallery.gallery_support import photo_bytes


def tree(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every file below ROOT: relative path → (digest of its bytes, inode, mtime)."""
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


class Project:
    """A small site with a portrait, its own copy of the theme and plugins, built into tmp/output."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = write_site(root, {**BASE_SITE, "speakers/alice-martin.md": BASE_SITE["speakers/alice-martin.md"]
                                         .replace("Organisation: IRA\n", "Organisation: IRA\nPhoto: images/speakers/alice.jpg\n")})
        self.photo = self.content / "images/speakers/alice.jpg"
        self.photo.parent.mkdir(parents=True)
        self.photo.write_bytes(photo_bytes((500, 500)))
        for name in ("theme", "plugins"):
            shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        self.output = root / "output"
        self.strict = True
        self.extra: dict[str, object] = {}

    def build(self) -> BuildResult:
        overrides = site_overrides(self.root, self.content, THEME=str(self.root / "theme"),
                                   PLUGIN_PATHS=[str(self.root / "plugins")], **self.extra)
        return build_site(SETTINGS, self.output, strict=self.strict, overrides=overrides)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A project built once."""
    site = Project(tmp_path)
    assert not site.build().unchanged
    return site


def test_a_second_build_writes_nothing_and_says_so_in_french(project: Project) -> None:
    before = tree(project.output)
    spare = sorted(p.name for p in project.root.iterdir())
    ok, report = report_build(SETTINGS, project.output, strict=True, overrides=site_overrides(
        project.root, project.content, THEME=str(project.root / "theme"), PLUGIN_PATHS=[str(project.root / "plugins")]))
    assert ok
    assert "Rien n'a changé depuis la dernière construction" in report and "conservé" in report
    assert tree(project.output) == before  # same bytes, same files (inodes), not even touched (mtimes)
    assert sorted(p.name for p in project.root.iterdir()) == spare  # no staging folder, no new spare
    assert [p.name for p in (project.root / "cache/builds").iterdir()]  # the record is kept in the cache


def edit_content(site: Project) -> None:
    path = site.content / "sessions/ouverture.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Mot d'accueil.", "Mot d'accueil du directeur."), encoding="utf-8")


def edit_photo(site: Project) -> None:
    site.photo.write_bytes(photo_bytes((500, 520)))


def edit_template(site: Project) -> None:
    template = site.root / "theme/templates/base.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{# une remarque #}\n", encoding="utf-8")


def edit_setting(site: Project) -> None:
    site.extra = {"EVENT_TAGLINE": "Une autre accroche"}


def edit_plugin(site: Project) -> None:
    module = site.root / "plugins/event/linking.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")


def drop_strict(site: Project) -> None:
    site.strict = False


def damage_a_page(site: Project) -> None:
    page = site.output / "index.html"
    page.write_bytes(page.read_bytes()[:100])


def delete_a_page(site: Project) -> None:
    (site.output / "index.html").unlink()


def delete_the_output(site: Project) -> None:
    shutil.rmtree(site.output)


@pytest.mark.parametrize("change", [edit_content, edit_photo, edit_template, edit_setting, edit_plugin, drop_strict,
                                    damage_a_page, delete_a_page, delete_the_output])
def test_each_kind_of_change_makes_a_real_build(project: Project, change) -> None:
    before = tree(project.output)
    change(project)
    result = project.build()
    assert not result.unchanged
    after = tree(project.output)
    assert (project.output / "index.html").stat().st_size > 1000
    # A real build: every page written anew (in another folder, swapped in; images may be links into the store).
    assert not [path for path, found in after.items()
                if path.endswith(".html") and before.get(path, (None, None, None))[1:] == found[1:]]
    assert project.build().unchanged  # and, that change built, nothing more to do


def test_a_file_planted_in_the_output_is_not_kept_as_ours(project: Project) -> None:
    planted = project.output / "actualites" / "piege.html"
    planted.write_text("<script>alert(1)</script>", encoding="utf-8")
    result = project.build()
    assert not result.unchanged
    assert not planted.exists()
    assert result.output == project.output
    assert not (project.output / "actualites" / "piege.html").exists()


def test_a_damaged_record_makes_a_real_build(project: Project) -> None:
    [record] = (project.root / "cache/builds").iterdir()
    record.write_text("{pas du json", encoding="utf-8")
    assert not project.build().unchanged
    os.utime(record)
    assert project.build().unchanged


def test_the_digest_never_reads_through_a_link_out_of_content(tmp_path: Path) -> None:
    """A link in content/ is digested as a link: what it leads to outside content/ is never opened (the build refuses it)."""
    from eventsite.buildinputs import file_hash, files_below
    from eventsite.stamprecord import StampRecord

    content, outside = tmp_path / "content", tmp_path / "dehors"
    (content / "galleries").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("ne pas lire", encoding="utf-8")
    os.symlink(outside, content / "galleries" / "ailleurs")
    os.symlink(outside / "secret.txt", content / "note.md")
    found = list(files_below(content))
    assert sorted(p.relative_to(content).as_posix() for p in found) == ["galleries/ailleurs", "note.md"]
    stamps: dict = {}
    before = [file_hash(path, StampRecord(None, ""), stamps) for path in found]
    (outside / "secret.txt").write_text("changé", encoding="utf-8")
    assert [file_hash(path, StampRecord(None, ""), {}) for path in found] == before  # the links, not their targets
    assert not any(str(outside) in key for key in stamps)
