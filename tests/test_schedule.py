"""The schedule engine, with exact clock times: one test (or more) per rule written at
the top of curriculum/schedule.py."""

from __future__ import annotations

from curriculum.model import minutes_of
from curriculum.schedule import IDLE_REPORTED, LATE_HOLE, Block, Day, Interval, Notice, Piece, clock, plan, scaled

NINE_TO_FIVE = Day(
    start=minutes_of("09:00"),
    end=minutes_of("17:00"),
    pauses=(
        Interval(minutes_of("10:30"), minutes_of("10:45"), "break"),
        Interval(minutes_of("12:30"), minutes_of("13:30"), "lunch"),
        Interval(minutes_of("15:30"), minutes_of("15:45"), "break"),
    ),
)


def block(name: str, *minutes: int, module: str = "m") -> Block:
    return Block(
        module,
        name,
        tuple(
            Piece(module, name, f"{name}-{i + 1}", f"{name} {i + 1}", "discussion", m) for i, m in enumerate(minutes)
        ),
    )


def rows(days):
    return [[(clock(s.start), clock(s.end), s.kind, s.activity) for s in day] for day in days]


def codes(notices):
    return [n.code for n in notices]


# rule 1 and 2 ------------------------------------------------------------------------------
def test_activities_follow_each_other_from_the_day_start_in_order():
    days, notices = plan([block("a", 30, 45), block("b", 20)], 1, NINE_TO_FIVE)
    assert rows(days) == [
        [
            ("09:00", "09:30", "activity", "a-1"),
            ("09:30", "10:15", "activity", "a-2"),
            ("10:30", "10:45", "break", ""),
            ("10:45", "11:05", "activity", "b-1"),
        ]
    ]
    assert notices == []  # b (20 min) does not fit in 10:15–10:30: a 15-minute buffer, not reported


def test_each_day_restarts_at_its_start_time():
    days, _ = plan([block("a", 90, 90, 120, 75), block("b", 60)], 2, NINE_TO_FIVE)
    assert rows(days)[0][-1] == ("15:45", "17:00", "activity", "a-4")
    assert rows(days)[1] == [("09:00", "10:00", "activity", "b-1")]


def test_protected_time_on_one_day_only():
    opening = Interval(minutes_of("09:00"), minutes_of("09:30"), "break", "Opening", days=(2,))
    day = Day(NINE_TO_FIVE.start, NINE_TO_FIVE.end, NINE_TO_FIVE.pauses + (opening,))
    days, _ = plan([block("a", 90), block("b", 90, 90, 90), block("c", 60)], 2, day)
    assert rows(days)[0][0] == ("09:00", "10:30", "activity", "a-1")
    assert rows(days)[1][:2] == [("09:00", "09:30", "break", ""), ("09:30", "10:30", "activity", "c-1")]
    assert days[1][0].title == "Opening"


# rule 3 --------------------------------------------------------------------------------
def test_an_activity_never_runs_through_a_break_it_starts_after_it():
    days, notices = plan([block("a", 60, 45)], 1, NINE_TO_FIVE)
    assert rows(days) == [
        [
            ("09:00", "10:00", "activity", "a-1"),
            ("10:30", "10:45", "break", ""),
            ("10:45", "11:30", "activity", "a-2"),
        ]
    ]
    assert codes(notices) == ["idle"]  # 10:00–10:30: the 45-minute activity does not fit there


# rule 4 --------------------------------------------------------------------------------
def test_a_break_falls_between_two_activities_of_a_session_which_resumes_after_it():
    days, notices = plan([block("a", 60, 30, 45)], 1, NINE_TO_FIVE)
    assert rows(days)[0] == [
        ("09:00", "10:00", "activity", "a-1"),
        ("10:00", "10:30", "activity", "a-2"),
        ("10:30", "10:45", "break", ""),
        ("10:45", "11:30", "activity", "a-3"),
    ]
    assert [s.continued for s in days[0]] == [False, False, False, True]
    assert notices == []


def test_lunch_falls_inside_a_session_rather_than_leave_a_hole():
    """The old engine moved session b whole to the afternoon, leaving 10:45–12:30 empty."""
    days, notices = plan([block("a", 90), block("b", 60, 60, 60)], 1, NINE_TO_FIVE)
    assert rows(days)[0] == [
        ("09:00", "10:30", "activity", "a-1"),
        ("10:30", "10:45", "break", ""),
        ("10:45", "11:45", "activity", "b-1"),
        ("12:30", "13:30", "lunch", ""),
        ("13:30", "14:30", "activity", "b-2"),
        ("14:30", "15:30", "activity", "b-3"),
    ]
    assert days[0][4].continued and not days[0][2].continued
    assert Notice("idle", {"day": 1, "minutes": 45, "times": "11:45–12:30"}) in notices


def test_slots_are_in_clock_order_with_breaks_between_the_pieces_they_interrupt():
    days, _ = plan([block("a", 45, 45, 45, 45, 45, 45, 45, 45)], 1, NINE_TO_FIVE)
    starts = [s.start for s in days[0]]
    assert starts == sorted(starts)
    for earlier, later in zip(days[0], days[0][1:], strict=False):
        assert earlier.end <= later.start


# rule 5 --------------------------------------------------------------------------------
def test_a_session_that_cannot_finish_moves_to_the_next_day_when_the_hole_is_short():
    days, notices = plan([block("a", 90, 90, 120, 60), block("b", 45, 45)], 2, NINE_TO_FIVE)
    # day 1 ends 16:45: 15 minutes left, session b (90) goes whole to day 2
    assert rows(days)[0][-1] == ("15:45", "16:45", "activity", "a-4")
    assert rows(days)[1] == [("09:00", "09:45", "activity", "b-1"), ("09:45", "10:30", "activity", "b-2")]
    assert not days[1][0].continued
    assert notices == []  # a day ending early for the next session is not a hole inside the day


def test_a_session_resumes_the_next_morning_rather_than_leave_a_long_hole():
    days, notices = plan([block("a", 90, 90, 60), block("b", 60, 60, 60, 60)], 2, NINE_TO_FIVE)
    assert LATE_HOLE < 90
    # day 1: a ends 14:30; b cannot finish on day 1 but waiting would leave 2 hours empty
    assert [s.activity for s in days[0] if s.session == "b"] == ["b-1", "b-2"]
    assert rows(days)[1][0] == ("09:00", "10:00", "activity", "b-3")
    assert days[1][0].continued
    assert "overflow" not in codes(notices)


def test_a_session_longer_than_a_day_starts_where_the_previous_ended():
    days, _ = plan([block("a", 60), block("long", *[60] * 8)], 2, NINE_TO_FIVE)
    assert rows(days)[0][2] == ("10:45", "11:45", "activity", "long-1")
    assert [s.activity for s in days[1] if s.kind == "activity"] == ["long-5", "long-6", "long-7", "long-8"]
    assert days[1][0].continued


# rule 6 --------------------------------------------------------------------------------
def test_an_activity_longer_than_any_gap_between_breaks_runs_through_a_break_and_says_so():
    days, notices = plan([block("a", 120, 90)], 1, NINE_TO_FIVE)
    assert rows(days)[0][:2] == [("09:00", "11:00", "activity", "a-1"), ("11:00", "12:30", "activity", "a-2")]
    assert Notice("break-skipped", {"day": 1, "time": "10:30", "activity": "a 1"}) in notices


def test_an_activity_never_runs_through_lunch_unless_longer_than_any_half_day():
    days, notices = plan([block("a", 180), block("b", 150)], 1, NINE_TO_FIVE)
    assert rows(days)[0][1] == ("12:30", "13:30", "lunch", "")
    assert rows(days)[0][2] == ("13:30", "16:00", "activity", "b-1")  # runs through the 15:30 break
    days, notices = plan([block("huge", 240)], 1, NINE_TO_FIVE)
    assert rows(days)[0] == [("09:00", "13:00", "activity", "huge-1")]
    assert {n.values["time"] for n in notices if n.code == "break-skipped"} == {"10:30", "12:30"}


# rule 7 --------------------------------------------------------------------------------
def test_idle_time_is_reported_only_when_long_enough_once_per_day():
    days, notices = plan([block("a", 80), block("b", 30), block("c", 120)], 2, NINE_TO_FIVE)
    idle = [n for n in notices if n.code == "idle"]
    assert IDLE_REPORTED == 30
    # 10:20–10:30 is 10 minutes (kept as buffer); b at 10:45–11:15, c after lunch: 11:15–12:30 idle
    assert idle == [Notice("idle", {"day": 1, "minutes": 75, "times": "11:15–12:30"})]


# rule 8 --------------------------------------------------------------------------------
def test_overflow_is_reported_on_the_day_it_happens_with_the_minutes():
    days, notices = plan([block("a", 90, 90), block("b", 90, 90), block("c", 60)], 1, NINE_TO_FIVE)
    assert rows(days)[0][-1] == ("16:30", "17:30", "activity", "c-1")
    assert [n.values for n in notices if n.code == "overflow"] == [{"day": 1, "minutes": 30}]


def test_earlier_days_never_overflow_what_does_not_fit_goes_to_the_next_day():
    sessions = [block(name, 90, 90) for name in "abcdefg"]
    days, notices = plan(sessions, 3, NINE_TO_FIVE)
    assert all(s.end <= NINE_TO_FIVE.end for day in days[:2] for s in day)
    assert [n.values["day"] for n in notices if n.code == "overflow"] == [3]


# rule 9 --------------------------------------------------------------------------------
def test_an_empty_day_is_reported():
    days, notices = plan([block("a", 60)], 3, NINE_TO_FIVE)
    assert days[1] == [] and days[2] == []
    assert [n for n in notices if n.code == "empty-day"] == [
        Notice("empty-day", {"day": 2}),
        Notice("empty-day", {"day": 3}),
    ]
    assert plan([], 2, NINE_TO_FIVE)[1] == []  # nothing to place: nothing to report


# rule 10 -------------------------------------------------------------------------------
def test_interpretation_factor_rounds_to_five_minutes():
    assert scaled(30, 1.0) == 30
    assert scaled(30, 1.25) == 40  # 37.5 -> 40
    assert scaled(20, 1.15) == 25  # 23 -> 25
    assert scaled(10, 1.1) == 10  # 11 -> 10
    assert scaled(5, 0.5) == 5


# bad input still gives a plan ------------------------------------------------------------
def test_a_day_ending_before_it_starts_or_overlapping_pauses_still_give_a_plan():
    backwards = Day(minutes_of("17:00"), minutes_of("09:00"))
    days, notices = plan([block("a", 30), block("b", 30)], 2, backwards)
    assert sum(len(d) for d in days) == 2 and "overflow" in codes(notices)
    overlapping = Day(
        NINE_TO_FIVE.start,
        NINE_TO_FIVE.end,
        (Interval(600, 660, "break"), Interval(630, 700, "break"), Interval(750, 810, "lunch")),
    )
    days, _ = plan([block("a", 60, 60, 60)], 1, overlapping)
    assert all(
        not (s.start < p.end and p.start < s.end) for s in days[0] if s.kind == "activity" for p in overlapping.pauses
    )
