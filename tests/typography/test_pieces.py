"""Long pages typeset by pieces kept across builds: exactly typeset_document's result, an edit typesets its piece only."""

from __future__ import annotations

from pathlib import Path

import pytest

from typography import pagecache
from typography.htmltext import cut_points, part_points, typeset_document
from typography.pieces import remembered_piece, typeset_by_parts, typeset_by_pieces
from typography.settings import read_typography_settings
from typography.typography import typesetter

from tests.conftest import SETTINGS, build_shared

CONFIG = read_typography_settings({})
SETTER = typesetter(CONFIG)
SHAPE = pagecache.shape(CONFIG, "fr")

SESSION = (
    '<article class="session" id="s{n}"><h3 class="session__title">Atelier {n} : le 1er "débat" !</h3>'
    '<p class="session__meta"><time>9h30</time> – <time>10h</time></p>'
    '<div class="prose"><p>Texte {n} : l\'État ; 100% des inscrits ?</p></div></article>\n'
)


def programme(days: int = 3, sessions: int = 4, edit: str = "") -> str:
    """A page shaped like the programme: days as <section>, sessions as <article>; EDIT added to the first session's text."""
    body = []
    for day in range(days):
        items = "".join(SESSION.format(n=f"{day}-{n}") for n in range(sessions))
        body.append(f'<section class="programme-day"><h2>Jour {day} : mardi</h2><div class="timeline">{items}</div></section>\n')
    page = (
        '<!DOCTYPE html>\n<html lang="fr"><head><title>Programme : tout</title>'
        '<script type="application/ld+json">{"name": "Séance : l\'atelier"}</script></head>\n'
        f'<body><main><h1>Programme : tout !</h1>\n{"".join(body)}</main></body></html>\n'
    )
    return page.replace("Texte 0-0 :", f"Texte 0-0 :{edit}", 1)


class CountingBatch(pagecache.Batch):
    """A Batch that counts the pieces it was asked to keep (typeset now, not read)."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.written = 0

    def write(self, key: str, data: bytes) -> None:
        self.written += 1
        super().write(key, data)


def by_pieces(html: str, folder: Path, lang: str = "fr") -> tuple[str, int]:
    """HTML typeset by pieces with the cache FOLDER as one build does (its pack finished), and how many pieces were typeset."""
    folder.mkdir(exist_ok=True)
    pagecache.mark_build_start(str(folder))
    entries = CountingBatch(str(folder))
    try:
        typeset = typeset_by_pieces(html, SETTER, lang, SHAPE, entries)
    finally:
        entries.close()
    pagecache.prune(str(folder))
    return typeset, entries.written


# Pages whose cut points (<section>) fall where the page cannot be cut: inside a script's raw text, a comment, a
# quoted attribute value, a declaration; and texts whose typesetting depends on what a cut separates.
TRICKY = {
    "script": '<p>a</p><script>var a = "<section>"; b = "c d" ;</script><p>Oui : "non" !</p>',
    "comment": '<p>a</p><!-- <section> "x" : y ! --><p>Oui : "non" !</p>',
    "unclosed comment": '<p>a</p><!-- <section> "x" : y !',
    "attribute": '<p title=\'<section> "a" : b\'>Texte : "c" !</p><section>"d" : e</section>',
    "attribute cut short": '<p title="<section>">x</p><p title=\'a "<section lang="en"> : ! "b" </section>',
    "declaration": '<p>a</p><!x <section lang="en"> "x" : y ! <p>"b" : c</p>',
    "lang across": '<div lang="en"><section>Quote: "yes"!</section><section>"no": <span lang="fr">Oui : "si"</span>!</section></div>'
                   '<section>Non : "si" !</section>',
    "skipped across": '<pre>x : "y"<section>z ! "a"</section></pre><code><section>b : "c"</section></code><section>d : "e"</section>',
    "opt-out across": '<div data-typography="off"><section>a : "b"</section></div><section>c : "d"</section>',
    "inline across": '<p>Il est 9<em>h</em><section>30 : "x"</section><span>1</span><section>er "a" : b</section></p>',
    "textarea and title": '<title>a : <section>b</title><textarea>c : <section>"d"</textarea><section>e : "f"</section>',
    "no end tag": '<section>a : "b"<section>c : "d"<section>e : "f"',
    "upper case": '<SECTION LANG="en">a: "b"!</SECTION><Section lang=fr>c : "d" !</Section>',
    "end tag cut short": '<p>a</p></p <section lang="en"> "x" : y ! <p>"b" : c</p>',
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_pages_typeset_by_pieces_as_a_whole(name: str, tmp_path: Path) -> None:
    html = TRICKY[name]
    assert cut_points(html), "the page must offer cut points, or the test proves nothing"
    whole = typeset_document(html, SETTER, "fr")
    first, _ = by_pieces(html, tmp_path / "cache")
    again, typeset_now = by_pieces(html, tmp_path / "cache")  # every piece read from the cache
    assert first == whole
    assert again == whole
    assert typeset_now == 0


@pytest.mark.parametrize("name", sorted(TRICKY))
@pytest.mark.parametrize("tag", ["body", "main", "footer"])
def test_tricky_pages_typeset_by_parts_as_a_whole(name: str, tag: str) -> None:
    html = TRICKY[name].replace("section", tag).replace("SECTION", tag.upper()).replace("Section", tag.title())
    assert part_points(html), "the page must offer part points, or the test proves nothing"
    assert typeset_by_parts(html, SETTER, "fr") == typeset_document(html, SETTER, "fr")
    assert typeset_by_parts(html, SETTER, "fr") == typeset_document(html, SETTER, "fr")  # its parts remembered now


def test_the_parts_the_theme_repeats_are_typeset_once_a_process() -> None:
    page = ('<!DOCTYPE html><html lang="fr"><head><title>{n} : page</title></head><body><nav>Menu : "accueil" !</nav>'
            '<main><h1>Page {n} : "titre" !</h1></main><footer>Pied : "mentions" !</footer></body></html>')
    remembered_piece.cache_clear()
    for n in range(3):
        html = page.format(n=n)
        assert typeset_by_parts(html, SETTER, "fr") == typeset_document(html, SETTER, "fr")
    info = remembered_piece.cache_info()
    assert (info.hits, info.misses) == (4, 8)  # the menu's part and the footer's, typeset for the first page only


def test_an_edit_typesets_its_piece_only(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    page = programme()
    typeset, pieces = by_pieces(page, cache)
    assert typeset == typeset_document(page, SETTER, "fr")
    assert pieces == len(cut_points(page)) + 1
    edited = programme(edit=' "nouveau" : oui !')
    typeset, pieces = by_pieces(edited, cache)
    assert typeset == typeset_document(edited, SETTER, "fr")
    assert "nouveau" in typeset and "\"nouveau\"" not in typeset
    assert pieces == 1  # the edited session's piece; the others come from the cache


def test_a_piece_kept_from_another_state_is_not_reused(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    french = '<main lang="fr"><section>Oui : "a" !</section></main>'
    english = '<main lang="en"><section>Oui : "a" !</section></main>'
    by_pieces(french, cache)
    typeset, _ = by_pieces(english, cache)
    assert typeset == typeset_document(english, SETTER, "fr")
    assert '"a"' in typeset  # English text: left alone, though the French piece's text is the same


def test_a_damaged_piece_is_typeset_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    page = programme()
    by_pieces(page, cache)
    for pack in cache.glob("pack-*.bin"):
        data = pack.read_bytes()
        pack.write_bytes(data.replace("débat".encode(), "DÉBAT".encode()))
    typeset, pieces = by_pieces(page, cache)
    assert typeset == typeset_document(page, SETTER, "fr")
    assert pieces > 0


@pytest.fixture(scope="module")
def raw_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seminar (content/) built without typography: its pages as templates write them."""
    return build_shared(tmp_path_factory.mktemp("raw-seminar"), SETTINGS, TYPOGRAPHY_ENABLED=False).output


def test_real_pages_typeset_by_pieces_as_a_whole(raw_site: Path, tmp_path: Path) -> None:
    pages = sorted(raw_site.rglob("*.html"))
    programme_page = raw_site / "programme" / "index.html"
    assert programme_page in pages and len(cut_points(programme_page.read_text(encoding="utf-8"))) >= 2
    for path in pages:
        html = path.read_text(encoding="utf-8")
        whole = typeset_document(html, SETTER, "fr")
        assert by_pieces(html, tmp_path / "cache")[0] == whole, path
        assert typeset_by_parts(html, SETTER, "fr") == whole, path
        edited = html.replace("</article>", ' Note : "ajoutée" !</article>', 1)
        assert by_pieces(edited, tmp_path / "cache")[0] == typeset_document(edited, SETTER, "fr"), path
