"""Apply text rules to the human text of an HTML document, by language, leaving the rest byte for byte.

The document is cut into tokens as HTML's tokenizer cuts them (attributes read by html.parser's
rules). Only two kinds of span are rewritten: a stretch of text between two tags, and the value
of an attribute that holds human text (alt,
title, aria-label…, and the content of description and Open Graph/Twitter meta tags). Each is
rewritten only when the rules change it. The language of a span is the nearest `lang` attribute
around it, the element's own included, as in HTML.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple
from html import escape, unescape
from html.parser import attrfind_tolerant, tagfind_tolerant

# Elements whose text is never retouched. <sup> also keeps the ordinal rule idempotent.
SKIPPED = frozenset({"code", "pre", "kbd", "samp", "script", "style", "sup", "textarea", "template"})
# An element marked so is left as written, with its content: quoted diagnostics (the preview's
# problem banner repeats the console's messages and the authors' lines word for word).
OPT_OUT = ("data-typography", "off")
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
# A quick look at a stretch of text: without any of these, no rule can change it (punctuation
# and quotes; a number before h, %, €, km or an ordinal's e/er/re; a Roman ordinal).
_MAY_CHANGE = re.compile("[:;!?«»\"']|\\d[ \t\u00a0\u202f]?[h%€k]|\\d(?:e|re)|[IVX](?:e|re)")

TextRule = Callable[[str, str], str]  # (text, text before it) -> new text


@dataclass(frozen=True)
class Typesetter:
    """What to do with a language's text: plain-text rules, and markup added on HTML-safe text."""

    wants: Callable[[str], bool]  # lang code -> whether its text is typeset
    text: TextRule  # on unescaped text, adds no markup
    markup: TextRule  # on escaped text, may add markup (ordinals)


def _unchanged(text: str, before: str) -> str:
    """A text rule that changes nothing."""
    return text


# The typesetter that wants no language: the loop only cuts the page (tokens()).
_READS_NOTHING = Typesetter(wants=lambda lang: False, text=_unchanged, markup=_unchanged)


# One token of markup, as HTML's tokenizer cuts them: comment, declaration, processing
# instruction, end tag, or start tag (whose quoted values may hold « > »). Text lies between.
_MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)
      | <![^>]*>?
      | <\?[^>]*>?
      | </(?P<end>[a-zA-Z][^\t\n\f\r />]*)[^>]*>?
      | <(?P<start>[a-zA-Z][^\t\n\f\r />]*)(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.DOTALL | re.VERBOSE,
)
# Elements whose content is raw text up to their end tag (no markup inside).
_RAW_TEXT = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in ("script", "style", "textarea", "title")}
# Start tags worth reading the attributes of (a lang, a text attribute, a meta's content, an opt-out).
_READ_ATTRIBUTES = re.compile(r"\s(?:lang|alt|title|aria-|placeholder|label|content|data-typography)", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _attributes(raw: str) -> tuple[tuple[str, str], ...]:
    """The (name, unescaped value) pairs of the start tag RAW, read as html.parser reads them.

    Remembered: the theme writes the same tags on every page (menus, footer, links).
    """
    if not _READ_ATTRIBUTES.search(raw):
        return ()
    found = []
    match = tagfind_tolerant.match(raw, 1)
    position = match.end() if match else len(raw)
    while position < len(raw):
        attribute = attrfind_tolerant.match(raw, position)
        if not attribute or not attribute.group(0):
            break
        name, value = attribute.group(1).lower(), attribute.group(3) or ""
        if value[:1] == value[-1:] and value[:1] in ("'", '"') and len(value) > 1:
            value = value[1:-1]
        found.append((name, unescape(value)))
        position = attribute.end()
    return tuple(found)


def tokens(html: str) -> list[tuple[str, str, list, str]]:
    """Split html into (kind, tag, attrs, raw source) tokens that join back to html, as the typesetter cuts it.

    Kinds: "start", "empty" (<br/>), "end", "text", "other" (comments, declarations).
    The content of script, style, textarea and title is one "text" token.
    """
    seen: list[tuple[str, str, list, str]] = []
    _typeset_tokens(html, _READS_NOTHING, start_state(_READS_NOTHING, ""), seen=seen)
    return seen


class _Open(NamedTuple):
    """An open element: its name, its language, and whether its text is left alone or plain."""

    tag: str
    lang: str
    wanted: bool  # the typesetter wants its language
    skipped: bool
    plain: bool


def _own_lang(attrs: tuple, inherited: str) -> str:
    """The element's language: its lang attribute when it has one, else the inherited one."""
    for name, value in attrs:
        if name == "lang":
            return (value or "").strip()
    return inherited


def _text_attribute_names(tag: str, attrs: tuple) -> frozenset[str]:
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


@functools.lru_cache(maxsize=8192)
def _typeset_tag(raw: str, tag: str, attrs: tuple, typesetter: Typesetter) -> str:
    """The start tag RAW with its human-text attributes typeset (remembered: tags repeat from page to page)."""
    names = _text_attribute_names(tag, attrs) if attrs else ()
    if not names:
        return raw
    changes = {}
    for name, value in attrs:
        if name in names and _MAY_CHANGE.search(value):
            new = typesetter.text(value, "")
            if new != value:
                changes[name] = new
    return _rewrite_attributes(raw, changes) if changes else raw


@functools.lru_cache(maxsize=8192)
def _typeset_run(raw: str, before: str, plain: bool, typesetter: Typesetter) -> str:
    """A stretch of text between two tags, typeset; RAW itself when nothing changes (remembered: the theme's
    labels repeat from page to page)."""
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
    return _typeset_tokens(html, typesetter, start_state(typesetter, lang))[0]


# What typesetting carries from one token to the next: the open elements, and the text just before
# (across inline elements: what the rules see on the left). The output of a stretch of tokens
# depends on nothing else.
State = tuple[tuple[_Open, ...], str]


def start_state(typesetter: Typesetter, lang: str) -> State:
    """The state at the start of a document whose text outside lang attributes is in LANG."""
    return (_Open("", lang, typesetter.wants(lang), False, False),), " "


def _typeset_tokens(html: str, typesetter: Typesetter, state: State, watch: bool = False,
                    seen: list[tuple[str, str, list, str]] | None = None) -> tuple[str, State, bool]:
    """HTML typeset from STATE token by token, the state after it, and whether no token is open at its end.

    The last value is only worked out when WATCH is true (typeset_piece); it is true otherwise.
    SEEN, when given, gets each token as tokens() gives it (the tests compare the cut with
    html.parser's). One loop cuts and typesets: a cold build at 3,000 items typesets half a
    million tokens, and chained generators cost a fifth more.
    """
    pieces: list[str] = []
    append = pieces.append
    stack = list(state[0])
    current = stack[-1]
    before = state[1]
    raw_text = False  # (WATCH) the last tag opened an element whose content is raw text
    open_end = False  # (WATCH) a token the piece's end may have cut short
    search, may_change, inline = _MARKUP.search, _MAY_CHANGE.search, INLINE
    position, length = 0, len(html)
    while position < length:
        match = search(html, position)
        stop = length if match is None else match.start()
        if stop > position:  # text between two tags
            raw = html[position:stop]
            if seen is not None:
                seen.append(("text", "", [], raw))
            if raw.isspace():  # the markup's indentation, a quarter of a page's tokens: nothing to typeset
                append(raw)
            else:
                if watch and not raw_text and "<" in raw and _TAG_OPENING.search(raw):
                    open_end = True  # a start tag cut short, left as text («<a title="…»)
                if current.skipped or not current.wanted or not may_change(raw):
                    append(raw)
                else:
                    append(_typeset_run(raw, before, current.plain, typesetter))
            before = (unescape(raw) if "&" in raw else raw)[-1:] or before
        if match is None:
            break
        raw = match.group()
        position = match.end()
        name, end = match.group("start", "end")
        if name is None:  # an end tag, a comment, a declaration
            append(raw)
            tag = end.lower() if end else ""
            if seen is not None:
                seen.append(("end" if end else "other", tag, [], raw))
            if tag:
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth].tag == tag:
                        del stack[depth:]
                        current = stack[-1]
                        break
            if watch:
                raw_text = False
                comment = raw.startswith("<!--")
                if not raw.endswith("-->" if comment else ">") or comment and len(raw) < 7:
                    open_end = True  # a token cut short
            if tag not in inline:
                before = " "
            continue
        tag = name.lower()
        attrs = _attributes(raw)
        if seen is not None:
            seen.append(("empty" if raw.endswith("/>") else "start", tag, list(attrs), raw))
        parent = current
        own = _own_lang(attrs, parent.lang) if attrs else parent.lang
        wanted = parent.wanted if own == parent.lang else typesetter.wants(own)
        skipped = parent.skipped or tag in SKIPPED or OPT_OUT in attrs
        append(raw if skipped or not wanted or not attrs else _typeset_tag(raw, tag, attrs, typesetter))
        if tag not in VOID and not raw.endswith("/>"):
            current = _Open(tag, own, wanted, skipped, parent.plain or tag in PLAIN)
            stack.append(current)
        if tag not in inline:
            before = " "
        closing = _RAW_TEXT.get(tag)
        raw_text = closing is not None
        if closing is not None:  # script, style, textarea, title: their content is one text token
            found = closing.search(html, position)
            stop = found.start() if found else length
            if stop > position:
                raw = html[position:stop]
                if seen is not None:
                    seen.append(("text", "", [], raw))
                if current.skipped or not current.wanted or not may_change(raw):
                    append(raw)
                else:
                    append(_typeset_run(raw, before, current.plain, typesetter))
                before = (unescape(raw) if "&" in raw else raw)[-1:] or before
            position = stop
    if watch and raw_text:
        open_end = True  # raw text without its end tag
    return "".join(pieces), (tuple(stack), before), not open_end


# A start tag a page may be cut before, to typeset its pieces apart (the programme's days; cutting before each
# session too makes 40 times as many pieces, whose keys and entries cost more than typesetting one day):
# the same text as _MARKUP's start tag, so that a piece always begins with one token.
_CUT_BEFORE = re.compile(r"""<section(?=[\t\n\f\r />])(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_TAG_OPENING = re.compile(r"<[a-zA-Z]")


def cut_points(html: str) -> list[int]:
    """Where HTML may be cut into pieces: before each <section> start tag but at its start."""
    return [match.start() for match in _CUT_BEFORE.finditer(html) if match.start()]


# The start tags that begin the parts of a page the theme repeats on every page (the header and menus after <body>,
# the footer) and those that end them (<main>): the same text as _MARKUP's start tag, as _CUT_BEFORE.
_PART_BEFORE = re.compile(r"""<(?:body|main|footer)(?=[\t\n\f\r />])(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)


def part_points(html: str) -> list[int]:
    """Where HTML may be cut into its parts: before each <body>, <main> and <footer> start tag but at its start."""
    return [match.start() for match in _PART_BEFORE.finditer(html) if match.start()]


def typeset_piece(piece: str, typesetter: Typesetter, state: State) -> tuple[str, State, bool]:
    """PIECE typeset from STATE, the state after it, and whether its end is a token boundary of any document it starts.

    PIECE must begin on a token boundary of the whole document (its start or a cut point). Then, when
    its end is one too (the third value true) and a cut point or the document's end follows,
    the typeset piece is exactly that stretch of typeset_document's output.

    A token the piece's end cut short (a comment, a declaration or an end tag without its end, the
    raw text of a script without its end tag) or a start tag cut short (left as text, « <a title="… »)
    would be tokenized otherwise in the whole page: the piece does not end on a token boundary.
    """
    return _typeset_tokens(piece, typesetter, state, watch=True)


def dump_state(state: State) -> str:
    """STATE as one line of JSON."""
    return json.dumps([[list(element) for element in state[0]], state[1]], ensure_ascii=False)


def load_state(line: str) -> State:
    """The state dump_state wrote as LINE (ValueError, TypeError when it is not one)."""
    stack, before = json.loads(line)
    elements = tuple(_Open(str(t), str(lang), bool(w), bool(s), bool(p)) for t, lang, w, s, p in stack)
    if not elements or not isinstance(before, str):
        raise ValueError("not a typesetting state")
    return elements, before
