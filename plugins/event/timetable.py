"""A day of the programme laid out as a grid: one column per room, one row per time step.

The programme page lists sessions in time order (what phones and screen readers get); from
64 rem wide the stylesheet places each one in its room's column, over the rows of its duration,
from the positions computed here (no JavaScript, no layout logic in templates).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from markupsafe import Markup

from .model import Session

HEADER_ROWS = 1  # the row of room names
MIN_STEP = 5  # minutes: the finest grid, whatever the times


@dataclass(frozen=True)
class GridPlace:
    """Where one session sits: its first row, the row after its last, and its room's column (1-based)."""

    row_start: int
    row_end: int
    column: int

    @property
    def style(self) -> Markup:
        """The custom properties that place it, used by the wide layout only (integers: nothing from the content)."""
        return Markup(f"--row: {self.row_start} / {self.row_end}; --column: {self.column}")


@dataclass(frozen=True)
class DayGrid:
    """The grid of one day: rooms as columns (after the time column), rows of STEP minutes from START."""

    rooms: tuple[str, ...]
    start: dt.datetime
    step: int
    rows: int
    places: Mapping[int, GridPlace]  # id(session) → place

    def place(self, session: Session) -> GridPlace:
        """SESSION's place in the grid."""
        return self.places[id(session)]

    def time_style(self, moment: dt.datetime) -> Markup:
        """The custom properties that put a time label on MOMENT's row, in the first column."""
        return Markup(f"--row: {self.row_of(moment)}; --column: 1")

    def room_style(self, index: int) -> Markup:
        """The custom properties of the room name heading column INDEX (0-based)."""
        return Markup(f"--row: 1; --column: {index + 2}")

    @property
    def style(self) -> Markup:
        """The grid's size as CSS custom properties."""
        return Markup(f"--rooms: {len(self.rooms)}; --rows: {self.rows}")

    def row_of(self, moment: dt.datetime) -> int:
        """The grid row (1-based, after the room names) where MOMENT starts."""
        return HEADER_ROWS + 1 + int((moment - self.start).total_seconds() // 60) // self.step


def minutes(moment: dt.datetime, origin: dt.datetime) -> int:
    """Whole minutes from ORIGIN to MOMENT."""
    return int((moment - origin).total_seconds() // 60)


def day_grid(sessions: Sequence[Session], rooms: Sequence[str]) -> DayGrid:
    """The grid of one day's SESSIONS (in time order), ROOMS in column order."""
    start = min(s.starts_at for s in sessions)
    end = max(s.ends_at for s in sessions)
    step = 0
    for session in sessions:
        step = math.gcd(step, minutes(session.starts_at, start), minutes(session.ends_at, start))
    step = max(step, MIN_STEP) if step else MIN_STEP
    column = {room: index + 2 for index, room in enumerate(rooms)}
    grid = DayGrid(tuple(rooms), start, step, math.ceil(minutes(end, start) / step), {})
    places = {
        id(s): GridPlace(grid.row_of(s.starts_at), max(grid.row_of(s.ends_at), grid.row_of(s.starts_at) + 1), column[s.room])
        for s in sessions
    }
    return DayGrid(grid.rooms, start, step, grid.rows, MappingProxyType(places))


def has_parallel(sessions: Sequence[Session]) -> bool:
    """True when two of SESSIONS overlap in time: only then do rooms as columns help (a sequence reads best as a list)."""
    latest_end = None
    for session in sorted(sessions, key=lambda s: s.starts_at):
        if latest_end is not None and session.starts_at < latest_end:
            return True
        latest_end = max(latest_end or session.ends_at, session.ends_at)
    return False
