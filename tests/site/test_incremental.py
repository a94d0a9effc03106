"""A build after a one-file edit re-renders only what changed, and writes the same site as a cold build."""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from eventsite.build import BuildResult, build_site
from eventsite.build import forget_logged_messages as forget_logged_warnings
from eventsite.rendermemo import RenderMemo
from tests.conftest import BASE_SITE, SETTINGS, site_overrides, write_site

MORE = {
    **{f"news/breve-{n}.md": f"Title: Brève {n}\nDate: 2018-02-{10 + n} 10:00\n\nTexte de la brève {n}.\n" for n in range(4)},
    "speakers/chloe-petit.md": "Name: Chloé Petit\nRole: Cheffe de projet\n\nBio de Chloé.\n",
    "sessions/cloture.md": ("Title: Clôture\nDay: 2018-03-01\nStart: 16:00\nEnd: 16:30\nRoom: Amphi\nKind: conclusion\n"
                            "Speakers: chloe-petit, bob-durand\n\nLe mot de la fin.\n"),
}


def contents(root: Path) -> dict[str, str]:
    """Every file below ROOT: relative path → digest of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def build(root: Path, content: Path, output: Path, cache: str) -> BuildResult:
    return build_site(SETTINGS, output, strict=False, overrides=site_overrides(root / cache, content))


def replace(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pick(content: Path, folder: str, seed: int) -> str:
    """One file of FOLDER, chosen at random (with SEED, so that a failure can be replayed)."""
    files = sorted(p.relative_to(content).as_posix() for p in (content / folder).glob("*.md"))
    return random.Random(seed).choice(files)


def append_to_body(content: Path, seed: int) -> None:
    path = content / pick(content, random.Random(seed).choice(["sessions", "speakers", "news", "proposals", "themes"]), seed)
    path.write_text(path.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")


def change_a_title(content: Path, seed: int) -> None:
    relative = pick(content, "sessions", seed)
    replace(content, relative, "Title: ", "Title: Nouveau titre, ")


def rename_a_speaker(content: Path, seed: int) -> None:
    relative = pick(content, "speakers", seed)
    replace(content, relative, "Name: ", "Name: Dr ")


def move_a_session(content: Path, seed: int) -> None:
    replace(content, "sessions/cloture.md", "Start: 16:00\nEnd: 16:30", "Start: 17:00\nEnd: 17:45")


def delete_a_file(content: Path, seed: int) -> None:
    (content / pick(content, "news", seed)).unlink()


def add_a_file(content: Path, seed: int) -> None:
    write_site(content.parent, {"news/nouvelle.md": "Title: Nouvelle brève\nDate: 2018-03-02 10:00\n\nDu neuf.\n"})


EDITS: list[Callable[[Path, int], None]] = [append_to_body, change_a_title, rename_a_speaker, move_a_session,
                                            delete_a_file, add_a_file]


@pytest.mark.parametrize("seed", [1, 2])
def test_after_each_one_file_edit_the_site_is_the_one_a_cold_build_writes(tmp_path: Path, seed: int) -> None:
    content = write_site(tmp_path, {**BASE_SITE, **MORE})
    output = tmp_path / "output"
    build(tmp_path, content, output, "cache")
    build(tmp_path, content, output, "cache")  # nothing changed: kept
    for number, edit in enumerate(random.Random(seed).sample(EDITS, len(EDITS))):
        edit(content, seed + number)
        incremental = build(tmp_path, content, output, "cache")
        cold = build(tmp_path / f"cold-{number}", content, tmp_path / f"cold-{number}" / "output", "cache")
        assert cold.pages_reused == 0
        assert contents(output) == contents(cold.output), edit.__name__
        if edit is append_to_body:
            assert incremental.pages_reused > 0 and incremental.pages_rendered > 0  # pages not read again are reused


def test_a_reused_page_reports_the_warnings_its_render_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Pelican warns while it renders a page (a broken {filename} link): reused, the page still reports it, so strict still fails."""
    environment = jinja2.Environment()
    environment.filters["linked"] = lambda text: logging.getLogger("pelican.contents").warning("Unable to find %s", text) or text
    template = environment.from_string("<p>{{ page | linked }}</p>")
    memo = RenderMemo(folder=tmp_path / "renders", site="site", bodies={}, dependencies={})
    told = []
    for _ in range(2):
        forget_logged_warnings()  # Pelican logs a message once per process; each build of the preview forgets them
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            text = memo.wrap(template, {}).render({"page": "nulle-part.md", "output_file": "index.html"})
        told.append([(r.name, r.getMessage()) for r in caplog.records])
        assert text == "<p>nulle-part.md</p>"
    assert (memo.rendered, memo.reused) == (1, 1)
    assert told[0] == told[1] == [("pelican.contents", "Unable to find nulle-part.md")]
