"""Apply text rules to the text of an HTML fragment, leaving markup untouched."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser

# Elements whose text is never retouched. <sup> also keeps the rules idempotent.
SKIPPED = frozenset(
    {"code", "pre", "kbd", "samp", "script", "style", "sup", "textarea"}
)
# Elements inside running text: crossing them keeps the preceding character.
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
     "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
     "u", "var"}
)

TextRule = Callable[[str, str], str]  # (text, text before it) -> new text


class _Events(HTMLParser):
    """Record where each token starts, so the source can be cut back into tokens."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[int, int, str, str]] = []  # line, column, kind, value

    def _add(self, kind: str, value: str) -> None:
        self.events.append((*self.getpos(), kind, value))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._add("empty", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data", data)

    def handle_entityref(self, name: str) -> None:
        self._add("ref", name)

    handle_charref = handle_entityref

    def handle_comment(self, data: str) -> None:
        self._add("other", data)

    handle_decl = handle_pi = unknown_decl = handle_comment

def tokens(html: str) -> list[tuple[str, str, str]]:
    """Split html into (kind, value, raw source) tokens that join back to html."""
    parser = _Events()
    parser.feed(html)
    parser.close()
    line_starts = [0]
    for line in html.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    offsets = [line_starts[line - 1] + column for line, column, _, _ in parser.events]
    ends = offsets[1:] + [len(html)]
    result = [("other", "", html[: offsets[0]])] if offsets and offsets[0] else []
    for (_, _, kind, value), start, end in zip(parser.events, offsets, ends):
        result.append((kind, value, html[start:end]))
    return result or [("other", "", html)]


def transform_text(html: str, rule: TextRule) -> str:
    """Return html with rule applied to its text outside skipped elements."""
    pieces: list[str] = []
    skipped = 0
    before = " "
    for kind, value, raw in tokens(html):
        if kind == "data" and not skipped and raw == value:
            pieces.append(rule(raw, before))
        else:
            pieces.append(raw)
        if kind in ("start", "end") and value in SKIPPED:
            skipped = max(0, skipped + (1 if kind == "start" else -1))
        if kind == "data":
            before = value or before
        elif kind == "ref":
            before = unescape(raw) or before
        elif value not in INLINE:
            before = " "
    return "".join(pieces)
