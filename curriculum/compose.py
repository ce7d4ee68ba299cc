"""Composing a curriculum: pure edits of a Curriculum record, and agenda totals.

Each verb returns a new record; `workspace.save` writes it (conflict-checked).
"""

from __future__ import annotations

from dataclasses import replace

from .edit import copy_title
from .model import Curriculum, Item, Pause, Schedule, Text
from .problems import ContentError
from .records import SLUG
from .resolve import Programme
from .schedule import clock


def new_curriculum(curriculum_id: str, title: Text, default_context: str = "") -> Curriculum:
    _check_id(curriculum_id)
    schedule = Schedule(
        days=1,
        day_start="09:00",
        day_end="17:00",
        breaks=(Pause("10:30", 15), Pause("15:30", 15)),
        lunch=Pause("12:30", 60),
    )
    return Curriculum(
        id=curriculum_id,
        revision=1,
        title=title,
        default_context=default_context,
        languages=title.languages,  # the languages it is titled in; the Composer's author may add others
        schedule=schedule,
    )


def duplicate(curriculum: Curriculum, new_id: str) -> Curriculum:
    """A copy under a new id, as a starting point (revision starts again)."""
    _check_id(new_id)
    title = copy_title(curriculum.title)
    return replace(curriculum, id=new_id, revision=1, title=title)


def _check_id(curriculum_id: str) -> None:
    if not SLUG.match(curriculum_id or ""):
        raise ContentError.coded("bad_curriculum_id", id=curriculum_id)


def add_item(curriculum: Curriculum, module_id: str) -> Curriculum:
    return replace(curriculum, items=curriculum.items + (Item(module_id),))


def remove_item(curriculum: Curriculum, index: int) -> Curriculum:
    items = list(curriculum.items)
    del items[index]
    return replace(curriculum, items=tuple(items))


def move_item(curriculum: Curriculum, index: int, step: int) -> Curriculum:
    """Move the item at `index` up (step -1) or down (step +1); at an end, nothing moves."""
    items = list(curriculum.items)
    target = index + step
    if not 0 <= index < len(items) or not 0 <= target < len(items):
        return curriculum
    items[index], items[target] = items[target], items[index]
    return replace(curriculum, items=tuple(items))


def set_sessions(curriculum: Curriculum, index: int, sessions: list[str], all_sessions: list[str]) -> Curriculum:
    """Keep `sessions` of the item's module, in module order; every session means 'all'."""
    chosen = tuple(s for s in all_sessions if s in sessions)
    items = list(curriculum.items)
    items[index] = replace(items[index], sessions=() if chosen == tuple(all_sessions) else chosen)
    return replace(curriculum, items=tuple(items))


def set_schedule(curriculum: Curriculum, **changes) -> Curriculum:
    return replace(curriculum, schedule=replace(curriculum.schedule, **changes))


def totals_per_day(programme: Programme) -> list[dict]:
    rows = []
    for number, slots in enumerate(programme.days, start=1):
        activities = [s for s in slots if s.kind == "activity"]
        rows.append(
            {
                "day": number,
                "activities": len(activities),
                "minutes": sum(s.minutes for s in activities),
                "pauses": sum(s.minutes for s in slots if s.kind != "activity"),
                "start": clock(slots[0].start) if slots else "",
                "end": clock(slots[-1].end) if slots else "",
            }
        )
    return rows


def totals_per_module(programme: Programme) -> list[dict]:
    return [{"module": m.title, "sessions": len(m.sessions), "minutes": m.minutes} for m in programme.modules]
