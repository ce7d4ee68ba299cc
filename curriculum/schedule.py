"""The schedule engine: sessions of activities -> days of timed slots, packed as a
facilitator packs them.

Rules (each pinned by a test in tests/test_schedule.py):

1. Each day restarts at its start time. Breaks, lunch and protected times sit at fixed
   clock times, the same every day (a protected time may name its days).
2. Order is kept: modules, sessions and activities run in the curriculum's order; the
   engine never reorders (prerequisites are warned about elsewhere).
3. An activity never runs through a pause: when it would cross one, the pause is taken
   first and the activity starts after it.
4. A pause may fall between two activities of one session: the session resumes after
   the pause (its first slot after the pause is marked `continued`), so a break or lunch
   never leaves a hole that the next activity could have filled.
5. A session is split across days only to avoid a long hole: when it cannot finish on
   the day it would start, it starts the next day if that leaves at most LATE_HOLE
   minutes of the day unused; otherwise it starts at once and resumes the next morning
   (`continued`). A session longer than a whole day starts where the previous one ended.
6. An activity that fits in no stretch between pauses for the rest of its half-day (the
   time between the day's start, lunch or a protected time, and the day's end) runs
   through the short breaks in its way, never through lunch or a protected time, and a
   `break-skipped` notice says so; only one longer than every half-day runs through
   lunch too (validation reports it as an error).
7. Idle time appears only when nothing that fits can go there (rule 5, or an activity
   waiting for the end of a pause). Gaps of IDLE_REPORTED minutes or more between the
   day's start and its last activity are reported, one `idle` notice per day with their
   total; shorter gaps are the buffer facilitators keep anyway, and a day that ends early
   because the next session waits for the morning (rule 5) is not a hole inside the day.
8. Overflow is reported on the day it happens (`overflow`): only the last day can run
   past its end, since earlier days hand what does not fit to the next day.
9. A day with no activity, while the curriculum has some, is reported (`empty-day`).
10. The interpretation factor scales activity minutes, rounded to 5 (`scaled`).

Problems come back as Notice records, never as exceptions: a day that ends before it
starts or overlapping pauses still give a plan (validation reports the input).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .model import clock  # pages and exporters format times from here

IDLE_REPORTED = 30  # minutes: shorter gaps are the buffer facilitators keep anyway
LATE_HOLE = 60  # minutes a day may end early rather than cut a session overnight


def scaled(minutes: int, factor: float) -> int:
    """Minutes times the interpretation factor, rounded to 5 minutes (at least 5)."""
    if factor == 1:
        return minutes
    return max(5, int(minutes * factor / 5 + 0.5) * 5)


@dataclass(frozen=True)
class Interval:
    """A fixed time of the day when no activity runs: a break, lunch or a protected time
    (minutes since midnight). The curriculum's YAML record for a break is `model.Pause`."""

    start: int
    end: int
    kind: str  # "break" or "lunch"
    title: str = ""
    days: tuple[int, ...] = ()  # empty: every day
    protected: bool = False  # a context's protected time: never run through

    def on(self, day: int) -> bool:
        return not self.days or day in self.days

    @property
    def hard(self) -> bool:
        """Lunch and protected times bound half-days; only the curriculum's short breaks may be run through."""
        return self.kind == "lunch" or self.protected


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
    """A session: its activities, in order."""

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
    pauses: tuple[Interval, ...] = ()


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
    continued: bool = False  # the first activity of a session resumed after a pause or a night

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Notice:
    """A warning about a plan: a code and the values its message needs."""

    code: str
    values: dict = field(default_factory=dict)


SCHEDULE_NOTICES = ("overflow", "empty-day", "idle", "break-skipped")


class _Days:
    """The shape of each day number: its pauses in clock order and its half-days (the
    stretches between lunch and protected times, which no activity runs through)."""

    def __init__(self, day: Day):
        self.day = day
        self._cache: dict[int, tuple] = {}

    def pauses(self, number: int) -> tuple[Interval, ...]:
        return self.shape(number)[0]

    def shape(self, number: int) -> tuple:
        shape = self._cache.get(number)
        if shape is None:
            day = self.day
            pauses = tuple(
                sorted(
                    (p for p in day.pauses if p.on(number) and p.end > day.start and p.start < day.end),
                    key=lambda p: (p.start, p.end),
                )
            )
            halves, at = [], day.start
            for pause in pauses:
                if pause.hard:
                    if pause.start > at:
                        halves.append((at, pause.start))
                    at = max(at, pause.end)
            if day.end > at:
                halves.append((at, day.end))
            longest = max((b - a for a, b in halves), default=0)
            shape = self._cache[number] = (pauses, tuple(halves), longest)
        return shape

    def room(self, number: int, at: int) -> int:
        """Minutes free of pauses from `at` to the end of day `number`."""
        end = self.day.end
        taken = sum(max(0, min(p.end, end) - max(p.start, at)) for p in self.pauses(number))
        return max(0, end - at - taken)

    def start_in(self, number: int, at: int, minutes: int, end_matters: bool = True) -> int | None:
        """Where an activity of `minutes` starts from `at` on day `number` (rules 3 and 6),
        or None when the day has no room for it; without `end_matters`, past the day's end."""
        pauses, halves, longest = self.shape(number)
        if not end_matters:
            return _past(at, minutes, pauses, ())
        for first, last in halves:
            if last <= at:
                continue
            begin = max(at, first)
            inside = [p for p in pauses if first <= p.start < last]
            start = _past(begin, minutes, inside, ())
            if start + minutes <= last:
                return start  # rule 3: between pauses
            start = _past(begin, minutes, inside, inside)
            if start + minutes <= last:
                return start  # rule 6: no stretch of the rest of this half-day holds it
        if minutes > longest:
            start = _past(at, minutes, pauses, pauses)
            if start + minutes <= self.day.end:
                return start  # rule 6: longer than every half-day
        return None


def _past(at: int, minutes: int, pauses, through) -> int:
    """The first start from `at`, not inside a pause, where `minutes` cross no pause
    (except those in `through`)."""
    start = at
    for pause in pauses:
        if pause.end <= start:
            continue
        if start >= pause.start:
            start = pause.end
            continue
        if start + minutes <= pause.start:
            break
        if pause not in through:
            start = pause.end
    return start


def plan(blocks: list[Block], days: int, day: Day) -> tuple[list[list[Slot]], list[Notice]]:
    """Place `blocks` in order over `days` days shaped like `day` (see the rules above)."""
    days = max(days, 1)
    shapes = _Days(day)
    placed: list[list[Slot]] = [[] for _ in range(days)]
    number, at = 1, day.start
    for block in blocks:
        if (
            number < days
            and at > day.start
            and shapes.room(number, at) <= LATE_HOLE
            and not _finishes(block, shapes, number, at)
            and _finishes(block, shapes, number + 1, day.start)
        ):
            number, at = number + 1, day.start  # rule 5
        for piece in block.pieces:
            while True:
                start = shapes.start_in(number, at, piece.minutes)
                if start is not None:
                    break
                if number < days:
                    number, at = number + 1, day.start
                    continue
                start = shapes.start_in(number, at, piece.minutes, end_matters=False)  # rule 8
                break
            placed[number - 1].append(
                Slot(
                    number,
                    start,
                    start + piece.minutes,
                    "activity",
                    piece.module,
                    piece.session,
                    piece.activity,
                    piece.title,
                    piece.method,
                )
            )
            at = start + piece.minutes
    out, notices, carried = [], [], None
    for index, activities in enumerate(placed):
        slots, found = _day_slots(index + 1, activities, shapes, carried)
        out.append(slots)
        notices += found
        if activities:
            carried = (activities[-1].module, activities[-1].session)
    if any(placed):
        notices += [Notice("empty-day", {"day": n}) for n, activities in enumerate(placed, start=1) if not activities]
    return out, notices


def _finishes(block: Block, shapes: _Days, number: int, at: int) -> bool:
    """Whether `block` can run from `at` to its end on day `number`."""
    for piece in block.pieces:
        start = shapes.start_in(number, at, piece.minutes)
        if start is None:
            return False
        at = start + piece.minutes
    return True


def _day_slots(
    number: int, activities: list[Slot], shapes: _Days, carried: tuple | None
) -> tuple[list[Slot], list[Notice]]:
    """The day's slots in clock order: activities, the pauses that fall before its last
    activity, `continued` marks (a session resumed after a pause, or from the day before:
    `carried`); notices for breaks run through, idle time and overflow."""
    if not activities:
        return [], []
    day = shapes.day
    last = activities[-1].end
    pauses, notices = [], []
    for pause in shapes.pauses(number):
        if pause.start >= last:
            continue
        through = next((a for a in activities if a.start < pause.end and pause.start < a.end), None)
        if through is None:
            pauses.append(Slot(number, pause.start, pause.end, pause.kind, title=pause.title))
        else:
            values = {"day": number, "time": clock(pause.start), "activity": through.title}
            notices.append(Notice("break-skipped", values))
    slots = sorted(activities + pauses, key=lambda s: (s.start, s.kind != "activity"))
    out, at, session, interrupted, gaps = [], day.start, carried, True, []
    for slot in slots:
        if slot.start - at >= IDLE_REPORTED:
            gaps.append((at, slot.start))
        at = max(at, slot.end)
        if slot.kind != "activity":
            interrupted = True
            out.append(slot)
            continue
        key = (slot.module, slot.session)
        if interrupted and key == session:
            slot = replace(slot, continued=True)
        session, interrupted = key, False
        out.append(slot)
    if gaps:
        times = ", ".join(f"{clock(a)}–{clock(b)}" for a, b in gaps)
        notices.append(Notice("idle", {"day": number, "minutes": sum(b - a for a, b in gaps), "times": times}))
    if last > day.end:
        notices.append(Notice("overflow", {"day": number, "minutes": last - day.end}))
    return out, notices
