"""The programme page renders each day apart and typesets its days apart: an edit of one session's body renders
and typesets that day again, and the page is, byte for byte, the one a cold build writes.

The programme here has three days of twenty sessions with long bodies, so that the page is long
enough (over 128 KB) to be typeset by pieces as well (plugins/typography/pieces.py).
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from eventsite.build import BuildResult

from tests.conftest import BASE_SITE, write_site
from tests.site.test_incremental import contents
from tests.site.test_traced_reuse import build

DAYS = ("2018-03-01", "2018-03-02", "2018-03-03")
PER_DAY = 20
# A body long enough, with text the typography rules change (colons, quotes, times, ordinals).
BODY = ("Le 1er atelier : « {n} » à 9h30 ; l'accès se fait par la rue \"{n}\" ! " * 25).strip()


def session_file(day: int, number: int, body: str = "") -> str:
    start = 8 * 60 + number * 30
    return (f"Title: Séance {day}-{number} : débat\nDay: {DAYS[day]}\nStart: {start // 60:02d}:{start % 60:02d}\n"
            f"End: {(start + 30) // 60:02d}:{(start + 30) % 60:02d}\nRoom: Salle {number % 3}\nKind: workshop\n"
            f"Speakers: alice-martin\n\n{body or BODY.format(n=f'{day}-{number}')}\n")


def programme_site() -> dict[str, str]:
    sessions = {f"sessions/s-{day}-{number}.md": session_file(day, number) for day in range(len(DAYS)) for number in range(PER_DAY)}
    return {**BASE_SITE, **sessions}


def edit(root: Path, day: int, number: int, body: str) -> None:
    write_site(root, {f"sessions/s-{day}-{number}.md": session_file(day, number, body)})


def built(root: Path, content: Path, output: Path) -> BuildResult:
    return build(root, content, output, EVENT_START=DAYS[0], EVENT_END=DAYS[-1])


def test_an_edited_body_shows_on_the_programme_as_after_a_cold_build(tmp_path: Path) -> None:
    content = write_site(tmp_path, programme_site())
    output = tmp_path / "output"
    programme = output / "programme" / "index.html"
    first = built(tmp_path, content, output)
    assert programme.stat().st_size > 128 * 1024  # typeset by pieces
    editions = 2  # the French programme and the English one (pelicanconf.py's EVENT_LANGUAGES)
    assert (first.parts_rendered, first.parts_reused) == (editions * len(DAYS), 0)
    edit(tmp_path, 1, 5, "Premier « mot » : ajouté.")
    second = built(tmp_path, content, output)
    assert (second.parts_rendered, second.parts_reused) == (editions, editions * (len(DAYS) - 1))  # the edited day only
    edit(tmp_path, 1, 5, "Second mot : \"ajouté\" à 10h !")
    built(tmp_path, content, output)  # into the first build's site
    edit(tmp_path, 2, 0, "Troisième mot : le 2e.")
    built(tmp_path, content, output)
    page = BeautifulSoup(programme.read_text(encoding="utf-8"), "html5lib")
    second = page.find(id="s-1-5").find(class_="prose").get_text()
    assert "Second mot\u00a0: «\u00a0ajouté\u00a0» à 10\u00a0h\u202f!" in second
    assert "Premier" not in page.get_text()
    assert "Troisième mot" in page.find(id="s-2-0").get_text()
    cold = tmp_path / "cold"
    built(cold, content, cold / "output")
    assert programme.read_bytes() == (cold / "output" / "programme" / "index.html").read_bytes()
    assert contents(output) == contents(cold / "output")
