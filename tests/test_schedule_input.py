"""Bad schedule input: each problem names the file, the line and the fix, in French and
English, and the rest of the workspace keeps working."""

from __future__ import annotations

from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import CONTEXT, CURRICULUM, MODULE, write


def problem(root, file, code):
    ws = load_workspace(root)
    found = [p for p in ws.problems if p.file == file and p.code == code]
    assert len(found) == 1, [str(p) for p in ws.problems]
    return ws, found[0]


def test_overlapping_breaks(small):
    write(
        small,
        "curricula/short.yaml",
        CURRICULUM.replace('{start: "10:30", minutes: 15}', '{start: "12:15", minutes: 30}'),
    )
    ws, found = problem(small, "curricula/short.yaml", "pauses_overlap")
    assert found.line == 11 and found.is_error
    assert str(found) == (
        "curricula/short.yaml:11: schedule.lunch: the pause at 12:30 overlaps the pause at 12:15 (12:45)"
        " — move one of them or shorten the first so that they do not overlap"
    )
    assert "chevauche celle de 12:15" in found.text("fr")
    assert "sharing" in ws.modules and "generic" in ws.contexts


def test_a_day_that_ends_before_it_starts(small):
    write(small, "curricula/short.yaml", CURRICULUM.replace('day_end: "17:00"', 'day_end: "08:00"'))
    ws, found = problem(small, "curricula/short.yaml", "day_order")
    assert found.line == 8 and found.fix == "set day_end later than day_start"
    assert "mettez day_end après day_start" in found.text("fr")
    assert "sharing" in ws.modules


def test_zero_days(small):
    write(small, "curricula/short.yaml", CURRICULUM.replace("days: 1", "days: 0"))
    ws, found = problem(small, "curricula/short.yaml", "not_positive")
    assert found.line == 6 and found.field == "schedule.days"
    assert "0 is not a positive whole number" in str(found) and "entier" in found.text("fr")
    assert "short" not in ws.curricula and "sharing" in ws.modules


def test_a_protected_time_outside_the_day(small):
    timing = (
        'timing:\n  day_start: "08:30"\n  day_end: "17:00"\n  protected_times:\n    - {start: "17:30", end: "18:00"}\n'
    )
    write(small, "contexts/generic.yaml", CONTEXT + timing)
    ws, found = problem(small, "contexts/generic.yaml", "protected_outside")
    assert found.line == 10
    assert str(found) == (
        "contexts/generic.yaml:10: timing.protected_times[1]: the protected time 17:30–18:00 is outside the day"
        " (08:30–17:00) — move it inside the day or change day_start / day_end"
    )
    assert "tombe hors de la journée" in found.text("fr")
    assert "short" in ws.curricula


def test_an_activity_longer_than_any_half_day(small):
    write(small, "modules/sharing.yaml", MODULE.replace("minutes: 45", "minutes: 240"))
    ws, found = problem(small, "curricula/short.yaml", "activity_too_long")
    assert found.line == 13 and found.is_error
    assert "activity 'sharing/practice/role-play' (240 min) is longer than any half-day" in str(found)
    assert "the longest is 210 min" in str(found)
    assert "split the activity in module 'sharing' into two" in str(found)
    assert "scindez l’activité en deux" in found.text("fr")
    programme = resolve(ws, "short", "generic", "en")  # the rest keeps working: it still plans
    assert any(n.code == "break-skipped" for n in programme.notices)


def test_min_minutes_above_minutes(small):
    write(small, "modules/sharing.yaml", MODULE.replace("minutes: 40\n", "minutes: 40\n        min_minutes: 50\n"))
    ws, found = problem(small, "modules/sharing.yaml", "min_above_minutes")
    assert found.line == 28 and found.field == "sessions[1].activities[2].min_minutes"
    assert str(found).endswith(
        "min_minutes (50) is longer than minutes (40) — set min_minutes to the shortest the activity still works in, at most 40"
    )
    assert "dépasse minutes" in found.text("fr")
    assert "short" in ws.curricula


def test_optional_and_priority_are_checked(small):
    text = MODULE.replace("minutes: 40\n", "minutes: 40\n        optional: maybe\n        priority: urgent\n")
    write(small, "modules/sharing.yaml", text)
    ws = load_workspace(small)
    fields = {p.field: str(p) for p in ws.problems if p.file == "modules/sharing.yaml"}
    assert "sessions[1].activities[2].optional" in fields
    assert "high, normal, low" in fields["sessions[1].activities[2].priority"]
