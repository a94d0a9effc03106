"""Long pages typeset by pieces kept across builds: an edit of one day of the programme typesets that piece only.

A page is cut before each <section> start tag (the programme: before each day) (htmltext.cut_points). Typesetting is a
walk over the page's tokens whose only memory is a state (the open elements and the character just
before), so a piece that starts and ends on token boundaries, typeset from the state at its start,
gives exactly its stretch of the whole page's typesetting, and the state at its end. Each such piece
is kept in the page cache under the sha256 of what shapes it (pagecache.shape), its start state and
its text; the entry holds its end state and its typeset text. A piece whose end may not be a token
boundary (htmltext.typeset_piece) is typeset with the next one, and not kept.

Every other page is typeset by its parts (typeset_by_parts), cut before <body>, <main> and
<footer>: the same walk, the parts remembered in the process that typesets them instead of the
cache, so that the theme's header, menus and footer, the same on thousands of pages, are typeset once.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable

from .htmltext import State, Typesetter, cut_points, dump_state, load_state, part_points, start_state, typeset_piece
from .pagecache import Batch

PIECEWISE_FROM = 128 * 1024  # pages of at least this many bytes are typeset by pieces

PieceTypesetter = Callable[[str, State], tuple[str, State, bool]]  # (piece, start state) -> (text, end state, closed)


def piece_key(shape: str, state: State, piece: str) -> str:
    """The cache key of PIECE typeset from STATE with what SHAPE says."""
    digest = hashlib.sha256(f"piece\0{shape}\0{dump_state(state)}\0".encode("utf-8"))
    digest.update(piece.encode("utf-8"))
    return digest.hexdigest()


def _kept(data: bytes | None) -> tuple[State, str] | None:
    """The end state and typeset text of a kept piece, None when DATA is not one."""
    if data is None:
        return None
    try:
        line, _, text = data.decode("utf-8").partition("\n")
        return load_state(line), text
    except (UnicodeDecodeError, ValueError, TypeError):
        return None


def join_pieces(html: str, starts: list[int], state: State, typeset: PieceTypesetter,
                kept: Callable[[State, str], tuple[State, str] | None] = lambda state, piece: None,
                keep: Callable[[State, str, State, str], None] = lambda state, piece, end, text: None) -> str:
    """HTML typeset from STATE piece by piece, cut at STARTS (its start, cut points, its end), as typeset_document does.

    A piece KEPT gives (its end state, its typeset text) is not typeset; the others are, by TYPESET,
    and given to KEEP (start state, piece, end state, text) when they end on a token boundary. A piece
    that does not is typeset with the next one, and not kept.
    """
    typeset_parts: list[str] = []
    first = 0
    while first < len(starts) - 1:
        piece = html[starts[first]:starts[first + 1]]
        found = kept(state, piece)
        if found is not None:
            state, text = found
            typeset_parts.append(text)
            first += 1
            continue
        last = first + 1
        text, end, closed = typeset(piece, state)
        while not closed and last < len(starts) - 1:  # not a token boundary: typeset with the next piece
            last += 1
            text, end, closed = typeset(html[starts[first]:starts[last]], state)
        if closed and last == first + 1:
            keep(state, piece, end, text)
        typeset_parts.append(text)
        state = end
        first = last
    return "".join(typeset_parts)


def typeset_by_pieces(html: str, typesetter: Typesetter, lang: str, shape: str, entries: Batch) -> str:
    """HTML typeset as typeset_document(html, typesetter, lang) does, its pieces read from ENTRIES when kept, else kept there."""
    @functools.lru_cache(maxsize=1)  # a piece typeset now is kept under the key its lookup worked out
    def key(state: State, piece: str) -> str:
        return piece_key(shape, state, piece)

    def kept(state: State, piece: str) -> tuple[State, str] | None:
        return _kept(entries.read(key(state, piece)))

    def keep(state: State, piece: str, end: State, text: str) -> None:
        entries.write(key(state, piece), f"{dump_state(end)}\n{text}".encode("utf-8"))

    return join_pieces(html, [0, *cut_points(html), len(html)], start_state(typesetter, lang),
                       lambda piece, state: typeset_piece(piece, typesetter, state), kept, keep)


@functools.lru_cache(maxsize=256)
def remembered_piece(piece: str, typesetter: Typesetter, state: State) -> tuple[str, State, bool]:
    """typeset_piece, remembered in this process: the theme's header, menus and footer open every page it typesets."""
    return typeset_piece(piece, typesetter, state)


def typeset_by_parts(html: str, typesetter: Typesetter, lang: str) -> str:
    """HTML typeset as typeset_document(html, typesetter, lang) does, the parts the theme repeats typeset once a process.

    A page is cut before <body>, <main> and <footer> (htmltext.part_points): the head and the main
    part are each page's own, the header with its menus and the footer are the same on the pages of
    one kind. On a cold build at 3,000 items they are half of every page's tokens.
    """
    return join_pieces(html, [0, *part_points(html), len(html)], start_state(typesetter, lang),
                       lambda piece, state: remembered_piece(piece, typesetter, state))
