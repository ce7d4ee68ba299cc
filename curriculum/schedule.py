"""The schedule engine: sessions of activities -> days of timed slots.

Rules (pinned by tests/test_schedule.py):
- each day restarts at its start time; breaks, lunch and protected times sit at fixed
  clock times, the same every day (protected times may name their days);
- an activity never runs through a pause: it starts after the pause instead;
- a session is not split across lunch or a day boundary: it moves to the next half-day
  (or day) where it fits; a session longer than a half-day may span lunch, the pause
  then falls between two of its activities;
- when the days are full, what is left goes on the last day and the overflow is reported.
Problems come back as Notice records, never as exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes_of(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def scaled(minutes: int, factor: float) -> int:
    """Minutes times the interpretation factor, rounded to 5 minutes (at least 5)."""
    if factor == 1:
        return minutes
    return max(5, int(minutes * factor / 5 + 0.5) * 5)


@dataclass(frozen=True)
class Pause:
    start: int
    end: int
    kind: str  # "break" or "lunch"
    title: str = ""
    days: tuple[int, ...] = ()  # empty: every day

    def on(self, day: int) -> bool:
        return not self.days or day in self.days


@dataclass(frozen=True)
class Piece:
    """One activity waiting to be placed."""

    module: str
    session: str
    activity: str
    title: str
    method: str
    minutes: int


@dataclass(frozen=True)
class Block:
    """A session: its activities are kept together on one half-day when they fit."""

    module: str
    session: str
    pieces: tuple[Piece, ...]

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.pieces)


@dataclass(frozen=True)
class Day:
    start: int
    end: int
    pauses: tuple[Pause, ...] = ()


@dataclass(frozen=True)
class Slot:
    day: int
    start: int
    end: int
    kind: str  # "activity", "break" or "lunch"
    module: str = ""
    session: str = ""
    activity: str = ""
    title: str = ""
    method: str = ""

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Notice:
    """A warning about a plan: a code and the values its message needs."""

    code: str
    values: dict = field(default_factory=dict)


@dataclass
class _Cursor:
    day: int
    at: int


def plan(blocks: list[Block], days: int, day: Day) -> tuple[list[list[Slot]], list[Notice]]:
    """Place `blocks` in order over `days` days shaped like `day`."""
    slots: list[list[Slot]] = [[] for _ in range(max(days, 1))]
    cursor = _Cursor(1, day.start)
    for block in blocks:
        start = _start_for(block, cursor, len(slots), day)
        cursor.day, cursor.at = start
        for placed in _lay(block, cursor.day, cursor.at, day):
            slots[cursor.day - 1].append(placed)
            cursor.at = placed.end
    out, notices = [], []
    for number, activities in enumerate(slots, start=1):
        placed, skipped = _with_pauses(number, activities, day)
        out.append(placed)
        notices += skipped
        if placed and placed[-1].end > day.end:
            notices.append(Notice("overflow", {"day": number, "minutes": placed[-1].end - day.end}))
    return out, notices


def _pauses(number: int, day: Day) -> list[Pause]:
    return sorted((p for p in day.pauses if p.on(number)), key=lambda p: p.start)


def _lunch(number: int, day: Day) -> Pause | None:
    return next((p for p in _pauses(number, day) if p.kind == "lunch"), None)


def _lay(block: Block, number: int, at: int, day: Day) -> list[Slot]:
    """Activity slots of `block` from `at` on day `number`, each pushed past any pause it would cross."""
    pauses = _pauses(number, day)
    out = []
    for piece in block.pieces:
        at = _free_from(at, piece.minutes, pauses, day.end)
        out.append(
            Slot(
                number,
                at,
                at + piece.minutes,
                "activity",
                piece.module,
                piece.session,
                piece.activity,
                piece.title,
                piece.method,
            )
        )
        at += piece.minutes
    return out


def _free_from(at: int, minutes: int, pauses: list[Pause], day_end: int) -> int:
    """The first time from `at` where `minutes` can run.

    An activity is pushed past a pause it would cross. Only when it would not fit in the
    window after a short break either does it run through that break (reported); it never
    runs through lunch.
    """
    candidate = at
    for index, pause in enumerate(pauses):
        if pause.end <= candidate:
            continue
        if candidate + minutes <= pause.start:
            return candidate
        if candidate >= pause.start or pause.kind == "lunch":
            candidate = pause.end
            continue
        following = next((p.start for p in pauses[index + 1 :] if p.start >= pause.end), day_end)
        if pause.end + minutes <= following:
            candidate = pause.end
    return candidate


def _start_for(block: Block, cursor: _Cursor, days: int, day: Day) -> tuple[int, int]:
    """Where the session starts: here, after lunch, or on a following day.

    A place where every break keeps its time is preferred; a session that cannot be laid
    out that way even on a fresh day (an activity longer than the time between breaks)
    takes the first place where it fits at all.
    """
    strict = _fits(block, cursor.day, day.start, day, strict=True) or _fits_after_lunch(block, cursor.day, day, True)
    number, at = cursor.day, cursor.at
    while True:
        if _fits(block, number, at, day, strict):
            return number, at
        lunch = _lunch(number, day)
        if lunch and at < lunch.start and _fits(block, number, lunch.end, day, strict):
            return number, lunch.end
        if number >= days:
            return number, at  # no room left: overflow on the last day
        number, at = number + 1, day.start
        if not _fits(block, number, at, day, strict) and _longer_than_half_day(block, number, day):
            return number, at


def _fits_after_lunch(block: Block, number: int, day: Day, strict: bool) -> bool:
    lunch = _lunch(number, day)
    return lunch is not None and _fits(block, number, lunch.end, day, strict)


def _fits(block: Block, number: int, at: int, day: Day, strict: bool = False) -> bool:
    laid = _lay(block, number, at, day)
    end = laid[-1].end if laid else at
    if end > day.end:
        return False
    pauses = _pauses(number, day)
    if strict and any(a.start < p.end and p.start < a.end for a in laid for p in pauses):
        return False
    lunch = _lunch(number, day)
    crosses_lunch = lunch is not None and at < lunch.start < end
    return not crosses_lunch or _longer_than_half_day(block, number, day)


def _longer_than_half_day(block: Block, number: int, day: Day) -> bool:
    lunch = _lunch(number, day)
    if lunch is None:
        return False
    morning = _room(day.start, lunch.start, _pauses(number, day))
    afternoon = _room(lunch.end, day.end, _pauses(number, day))
    return block.minutes > max(morning, afternoon)


def _room(start: int, end: int, pauses: list[Pause]) -> int:
    taken = sum(max(0, min(p.end, end) - max(p.start, start)) for p in pauses)
    return end - start - taken


def _with_pauses(number: int, activities: list[Slot], day: Day) -> tuple[list[Slot], list[Notice]]:
    """The day's slots in clock order, with the pauses that fall before its last activity,
    and a notice for each break that a long activity runs through."""
    if not activities:
        return [], []
    last = activities[-1].end
    pauses, notices = [], []
    for pause in _pauses(number, day):
        if pause.start >= last:
            continue
        through = next((a for a in activities if a.start < pause.end and pause.start < a.end), None)
        if through is None:
            pauses.append(Slot(number, pause.start, pause.end, pause.kind, title=pause.title))
        else:
            values = {"day": number, "time": clock(pause.start), "activity": through.title}
            notices.append(Notice("break-skipped", values))
    return sorted(activities + pauses, key=lambda s: s.start), notices
