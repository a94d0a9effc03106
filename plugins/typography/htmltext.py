"""Apply text rules to the human text of an HTML document, by language, leaving the rest byte for byte.

The document is cut into tokens at html.parser's positions. Only two kinds of span are rewritten:
a stretch of text between two tags, and the value of an attribute that holds human text (alt,
title, aria-label…, and the content of description and Open Graph/Twitter meta tags). Each is
rewritten only when the rules change it. The language of a span is the nearest `lang` attribute
around it, the element's own included, as in HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant

# Elements whose text is never retouched. <sup> also keeps the ordinal rule idempotent.
SKIPPED = frozenset({"code", "pre", "kbd", "samp", "script", "style", "sup", "textarea", "template"})
# Elements whose content is text only: rules that add markup (ordinals) stay out of them.
PLAIN = frozenset({"title", "option", "optgroup"})
# Elements inside running text: crossing them keeps the preceding character.
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
     "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
     "u", "var"}
)
# Elements that have no end tag.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
# Attributes read aloud or shown as text, on any element.
TEXT_ATTRIBUTES = frozenset(
    {"alt", "title", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext",
     "placeholder", "label"}
)
# <meta name=… content=…> and <meta property=… content=…> whose content is text for people.
TEXT_METAS = frozenset(
    {"description", "og:title", "og:description", "og:site_name", "og:image:alt",
     "twitter:title", "twitter:description", "twitter:image:alt", "application-name",
     "apple-mobile-web-app-title"}
)
# A quick look at a stretch of text: without any of these, no rule can change it.
_MAY_CHANGE = re.compile(r"[:;!?«»%€\"'\d]|[IVX]e|[IVX]re?|km")

TextRule = Callable[[str, str], str]  # (text, text before it) -> new text


@dataclass(frozen=True)
class Typesetter:
    """What to do with a language's text: plain-text rules, and markup added on HTML-safe text."""

    wants: Callable[[str], bool]  # lang code -> whether its text is typeset
    text: TextRule  # on unescaped text, adds no markup
    markup: TextRule  # on escaped text, may add markup (ordinals)


class _Events(HTMLParser):
    """Record each token and where it starts, so the source can be cut back into tokens."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[int, int, str, str, list]] = []  # line, column, kind, tag, attrs

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.events.append((*self.getpos(), "start", tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.events.append((*self.getpos(), "empty", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.events.append((*self.getpos(), "end", tag, []))

    def handle_data(self, data: str) -> None:
        self.events.append((*self.getpos(), "text", "", []))

    def handle_entityref(self, name: str) -> None:
        self.events.append((*self.getpos(), "text", "", []))

    handle_charref = handle_entityref

    def handle_comment(self, data: str) -> None:
        self.events.append((*self.getpos(), "other", "", []))

    handle_decl = handle_pi = unknown_decl = handle_comment


def tokens(html: str) -> list[tuple[str, str, list, str]]:
    """Split html into (kind, tag, attrs, raw source) tokens that join back to html."""
    parser = _Events()
    parser.feed(html)
    parser.close()
    line_starts = [0]
    for line in html.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    offsets = [line_starts[line - 1] + column for line, column, *_ in parser.events]
    ends = offsets[1:] + [len(html)]
    result = [("other", "", [], html[: offsets[0]])] if offsets and offsets[0] else []
    for (_, _, kind, tag, attrs), start, end in zip(parser.events, offsets, ends):
        result.append((kind, tag, attrs, html[start:end]))
    return result or [("other", "", [], html)]


@dataclass(frozen=True)
class _Open:
    """An open element: its name, its language, and whether its text is left alone or plain."""

    tag: str
    lang: str
    skipped: bool
    plain: bool


def _own_lang(attrs: list, inherited: str) -> str:
    """The element's language: its lang attribute when it has one, else the inherited one."""
    for name, value in attrs:
        if name == "lang":
            return (value or "").strip()
    return inherited


def _text_attribute_names(tag: str, attrs: list) -> frozenset[str]:
    """The names of the attributes of this tag that hold human text."""
    names = {name for name, value in attrs if name in TEXT_ATTRIBUTES and value}
    if tag == "meta":
        kinds = {(value or "").strip().lower() for name, value in attrs if name in ("name", "property")}
        if kinds & TEXT_METAS:
            names.add("content")
    return frozenset(names)


def _rewrite_attributes(raw: str, changes: Mapping[str, str]) -> str:
    """RAW start tag with the values of the attributes named in CHANGES replaced, quoted anew."""
    match = tagfind_tolerant.match(raw, 1)
    position = match.end() if match else len(raw)
    pieces = []
    last = 0
    while position < len(raw):
        found = attrfind_tolerant.match(raw, position)
        if not found or not found.group(0):
            break
        name = found.group(1).lower()
        if name in changes and found.group(3) is not None:
            start, end = found.span(3)
            pieces += [raw[last:start], '"', escape(changes[name], quote=True), '"']
            last = end
        position = found.end()
    return "".join(pieces) + raw[last:]


def _typeset_tag(raw: str, tag: str, attrs: list, lang: str, typesetter: Typesetter) -> str:
    """The start tag RAW with its human-text attributes typeset when LANG wants it."""
    names = _text_attribute_names(tag, attrs)
    if not names or not typesetter.wants(lang):
        return raw
    changes = {}
    for name, value in attrs:
        if name in names and _MAY_CHANGE.search(value):
            new = typesetter.text(value, "")
            if new != value:
                changes[name] = new
    return _rewrite_attributes(raw, changes) if changes else raw


def _typeset_run(raw: str, before: str, plain: bool, typesetter: Typesetter) -> str:
    """A stretch of text between two tags, typeset; RAW itself when nothing changes."""
    text = unescape(raw) if "&" in raw else raw
    new = typesetter.text(text, before)
    safe = escape(new, quote=False) if new != text else raw
    if not plain:
        safe = typesetter.markup(safe, before)
    return safe


def typeset_document(html: str, typesetter: Typesetter, lang: str) -> str:
    """Return html with the typesetter's rules on the human text of every language it wants.

    LANG is the language of text outside any lang attribute (the site's default language).
    """
    pieces: list[str] = []
    stack = [_Open("", lang, False, False)]
    run: list[str] = []
    before = " "

    def flush() -> None:
        nonlocal before
        if not run:
            return
        raw = "".join(run)
        run.clear()
        current = stack[-1]
        if current.skipped or not typesetter.wants(current.lang) or not _MAY_CHANGE.search(raw):
            pieces.append(raw)
        else:
            pieces.append(_typeset_run(raw, before, current.plain, typesetter))
        before = (unescape(raw) if "&" in raw else raw)[-1:] or before

    for kind, tag, attrs, raw in tokens(html):
        if kind == "text":
            run.append(raw)
            continue
        flush()
        if kind in ("start", "empty"):
            parent = stack[-1]
            own = _own_lang(attrs, parent.lang)
            pieces.append(_typeset_tag(raw, tag, attrs, own, typesetter))
            if kind == "start" and tag not in VOID:
                stack.append(_Open(tag, own, parent.skipped or tag in SKIPPED, parent.plain or tag in PLAIN))
        else:
            pieces.append(raw)
            if kind == "end":
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth].tag == tag:
                        del stack[depth:]
                        break
        if tag not in INLINE:
            before = " "
    flush()
    return "".join(pieces)
