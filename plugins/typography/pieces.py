"""Long pages typeset by pieces kept across builds: an edit of one day of the programme typesets that piece only.

A page is cut before each <section> start tag (the programme: before each day) (htmltext.cut_points). Typesetting is a
walk over the page's tokens whose only memory is a state (the open elements and the character just
before), so a piece that starts and ends on token boundaries, typeset from the state at its start,
gives exactly its stretch of the whole page's typesetting, and the state at its end. Each such piece
is kept in the page cache under the sha256 of what shapes it (pagecache.shape), its start state and
its text; the entry holds its end state and its typeset text. A piece whose end may not be a token
boundary (htmltext.typeset_piece) is typeset with the next one, and not kept.
"""

from __future__ import annotations

import hashlib

from .htmltext import State, Typesetter, cut_points, dump_state, load_state, start_state, typeset_piece
from .pagecache import Batch

PIECEWISE_FROM = 128 * 1024  # pages of at least this many bytes are typeset by pieces


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


def typeset_by_pieces(html: str, typesetter: Typesetter, lang: str, shape: str, entries: Batch) -> str:
    """HTML typeset as typeset_document(html, typesetter, lang) does, its pieces read from ENTRIES when kept, else kept there."""
    starts = [0, *cut_points(html), len(html)]
    state = start_state(typesetter, lang)
    typeset: list[str] = []
    first = 0
    while first < len(starts) - 1:
        piece = html[starts[first]:starts[first + 1]]
        key = piece_key(shape, state, piece)
        kept = _kept(entries.read(key))
        if kept is not None:
            state, text = kept
            typeset.append(text)
            first += 1
            continue
        last = first + 1
        text, end, closed = typeset_piece(piece, typesetter, state)
        while not closed and last < len(starts) - 1:  # not a token boundary: typeset with the next piece
            last += 1
            text, end, closed = typeset_piece(html[starts[first]:starts[last]], typesetter, state)
        if closed and last == first + 1:
            entries.write(key, f"{dump_state(end)}\n{text}".encode("utf-8"))
        typeset.append(text)
        state = end
        first = last
    return "".join(typeset)
