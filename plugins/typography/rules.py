"""French typography rules on text: pure functions, no HTML parsing."""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"  # espace insécable: before ':', inside « », in times and units
NNBSP = "\u202f"  # espace fine insécable: before ';', '!', '?'

_SPACE = "[ \t\u00a0\u202f]"  # horizontal spaces, breaking or not
_SPACES = _SPACE + "*"

# Links written as text are left alone, as a whole.
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.|\bmailto:)\S+", re.IGNORECASE)

# "09:30" (two-digit hours, so not "3:16"), but neither "10:30:00" nor "1.10:30".
_TIME_COLON = re.compile(r"(?<![\w:.,/])([01]\d|2[0-3]):([0-5]\d)(?!\w|:\d|[.,]\d)")
# "9h30", "9 h 30", "14h", "14 h" (but not "3 hommes").
_TIME_H = re.compile(
    r"(?<![\w:.,/])([01]?\d|2[0-3])" + _SPACE + "?h"
    r"(?:" + _SPACE + r"?([0-5]\d))?(?!\w|:\d)"
)
_UNIT = re.compile(r"(?<=\d)" + _SPACE + r"?(?=(?:%|€|km)(?!\w))")
# A straight apostrophe after a letter is an elision or a closing quote: both are ’.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'")
# "…" paired in one stretch of text: opened after a space or a bracket, closed before no letter.
_STRAIGHT_QUOTES = re.compile(r'(?<=[\s(\[\u2014\u2013’])"[ \t]*([^"\n]*?[^\s"])[ \t]*"(?![^\W_])')
_OPEN_QUOTE = re.compile(r"«" + _SPACES)
_CLOSE_QUOTE = re.compile(r"(?<=[^\s«])" + _SPACES + "»")
# Not after another ! or ?, an opening bracket or a space; ';' only before a space,
# so that "http://", "10:30", ":)" and ";)" stay as typed.
_BEFORE_NARROW = re.compile(
    r"(?<=[^\s!?;:«(\[])" + _SPACES + r"(?=[!?]+(?:[\s»)\]\"”…]|$)|;(?:\s|$))"
)
_BEFORE_COLON = re.compile(r"(?<=[^\s!?;:«(\[])" + _SPACES + r"(?=:(?:\s|$))")

_ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
_ORDINAL = re.compile(
    r"(?<![\w.,-])(?:(1|I)(ers?|res?)|(\d+|" + _ROMAN + r")(es?))(?![\w-])"
)

# A pattern, its replacement, and a cheap test the text must pass for the pattern to be tried
# (it spares the slower pattern, with its look-arounds at every position, most stretches of text).
Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str], re.Pattern[str]]


def _time(match: re.Match[str]) -> str:
    """Write a matched time as "9 h 30" or "14 h"."""
    hours, minutes = int(match[1]), match[2]
    return f"{hours}{NBSP}h" + (f"{NBSP}{minutes}" if minutes else "")


def _ordinal(match: re.Match[str]) -> str:
    """Write a matched ordinal as number + <sup>suffix</sup>."""
    number = match[1] or match[3]
    suffix = match[2] or match[4]
    return f"{number}<sup>{suffix}</sup>"


def _needs(pattern: str) -> re.Pattern[str]:
    """A cheap test a text must pass for a rule to be tried on it."""
    return re.compile(pattern)


SPACING_RULES: tuple[Rule, ...] = (
    (_TIME_COLON, _time, _needs(r"\d:\d")),
    (_TIME_H, _time, _needs(r"\d" + _SPACE + "?h")),
    (_UNIT, NBSP, _needs("[%€]|km")),
    (_OPEN_QUOTE, "«" + NBSP, _needs("«")),
    (_CLOSE_QUOTE, NBSP + "»", _needs("»")),
    (_BEFORE_NARROW, NNBSP, _needs("[!?;]")),
    (_BEFORE_COLON, NBSP, _needs(":")),
)
ORDINAL_RULES: tuple[Rule, ...] = ((_ORDINAL, _ordinal, _needs("[0-9IVX][er]")),)
# Straight quotes made French; run before SPACING_RULES, which space the guillemets.
QUOTE_RULES: tuple[Rule, ...] = ((_APOSTROPHE, "’", _needs("'")), (_STRAIGHT_QUOTES, r"«\1»", _needs('"')))


def context_char(before: str) -> str:
    """Reduce the text before a fragment to the one character the rules look at."""
    if not before or before[-1].isspace():
        return " "
    if before[-1].isalnum():
        return "a"  # a letter no rule rewrites, so it can be cut off again
    return before[-1]


def _apply(part: str, rules: tuple[Rule, ...], before: str) -> str:
    """Apply rules to one URL-free part, reading `before` as its left context.

    The context character stays in front during every rule: no rule rewrites a first character.
    """
    if not part:
        return part
    text = context_char(before) + part
    for pattern, replacement, needs in rules:
        if needs.search(text):
            text = pattern.sub(replacement, text)
    return text[1:]


def apply_rules(text: str, rules: tuple[Rule, ...], before: str = "") -> str:
    """Apply rules to text outside URLs, as if `before` came right before it."""
    pieces = []
    start = 0
    for url in _URL.finditer(text):
        pieces.append(_apply(text[start : url.start()], rules, text[:start] or before))
        pieces.append(url[0])
        start = url.end()
    pieces.append(_apply(text[start:], rules, text[:start] or before))
    return "".join(pieces)


def typographer_fr(text: str, before: str = "", quotes: bool = True) -> str:
    """Apply French quotes (unless QUOTES is false), spacing, times and units to plain text."""
    return apply_rules(text, QUOTE_RULES + SPACING_RULES if quotes else SPACING_RULES, before)


def mark_ordinals(text: str, before: str = "") -> str:
    """Mark ordinals with <sup> (1er, XXIe); text must be HTML-safe."""
    return apply_rules(text, ORDINAL_RULES, before)


def typographer_fr_html(text: str, before: str = "", quotes: bool = True) -> str:
    """Like typographer_fr, then mark ordinals with <sup>; text must be HTML-safe."""
    return mark_ordinals(typographer_fr(text, before, quotes), before)
