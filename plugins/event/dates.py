"""Dates and times written the French way, through Babel, never the machine's locale."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date

NBSP = "\u00a0"


@functools.lru_cache(maxsize=4096)  # Babel's formatting is the cost; a site shows few distinct days, on every page
def long_date(value: dt.date, locale: str = "fr_FR") -> str:
    """A full date: « jeudi 1er mars 2018 » in French, « Thursday 1 March 2018 » in English."""
    if locale.startswith("fr") and value.day == 1:
        return format_date(value, "EEEE d'er' MMMM y", locale=locale)
    if locale.startswith("fr"):
        return format_date(value, "EEEE d MMMM y", locale=locale)
    return format_date(value, "EEEE d MMMM y", locale=locale)


@functools.lru_cache(maxsize=4096)
def short_date(value: dt.date, locale: str = "fr_FR") -> str:
    """A date without the weekday: « 1er mars 2018 »."""
    pattern = "d'er' MMMM y" if locale.startswith("fr") and value.day == 1 else "d MMMM y"
    return format_date(value, pattern, locale=locale)


def clock_time(value: dt.time | dt.datetime, locale: str = "fr_FR") -> str:
    """A time of day: « 9 h 30 », « 14 h » in French, « 9:30 » elsewhere."""
    if not locale.startswith("fr"):
        return f"{value.hour}:{value.minute:02d}"
    if value.minute == 0:
        return f"{value.hour}{NBSP}h"
    return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"


def time_range(start: dt.time, end: dt.time, locale: str = "fr_FR") -> str:
    """A span of time: « 9 h 30 – 10 h »."""
    return f"{clock_time(start, locale)}{NBSP}– {clock_time(end, locale)}"


def date_span(start: dt.date, end: dt.date | None = None, locale: str = "fr_FR") -> str:
    """The event's dates: a long date for one day, else « 10–12 juin 2027 », « 30 juin – 2 juillet 2027 », « 10–12 June 2027 ».

    The one formatter of a span of days: pages, headers and social cards all call it.
    """
    if end is None or end == start:
        return long_date(start, locale)
    if start.year != end.year:
        return f"{short_date(start, locale)} – {short_date(end, locale)}"
    if start.month != end.month:
        first = "d'er' MMMM" if locale.startswith("fr") and start.day == 1 else "d MMMM"
        return f"{format_date(start, first, locale=locale)} – {short_date(end, locale)}"
    first = "1er" if locale.startswith("fr") and start.day == 1 else str(start.day)
    return f"{first}–{short_date(end, locale)}"
