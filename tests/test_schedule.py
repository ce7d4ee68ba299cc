"""The schedule engine, with exact clock times."""

from __future__ import annotations

from curriculum.schedule import Block, Day, Notice, Pause, Piece, clock, minutes_of, plan, scaled

NINE_TO_FIVE = Day(
    start=minutes_of("09:00"),
    end=minutes_of("17:00"),
    pauses=(
        Pause(minutes_of("10:30"), minutes_of("10:45"), "break"),
        Pause(minutes_of("12:30"), minutes_of("13:30"), "lunch"),
        Pause(minutes_of("15:30"), minutes_of("15:45"), "break"),
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


def test_activities_follow_each_other_from_the_day_start():
    days, notices = plan([block("a", 30, 45)], 1, NINE_TO_FIVE)
    assert rows(days) == [[("09:00", "09:30", "activity", "a-1"), ("09:30", "10:15", "activity", "a-2")]]
    assert notices == []


def test_an_activity_never_runs_through_a_break_it_starts_after_it():
    days, _ = plan([block("a", 60, 45)], 1, NINE_TO_FIVE)
    assert rows(days) == [
        [
            ("09:00", "10:00", "activity", "a-1"),
            ("10:30", "10:45", "break", ""),
            ("10:45", "11:30", "activity", "a-2"),
        ]
    ]


def test_a_session_is_not_split_across_lunch_it_moves_to_the_afternoon():
    days, _ = plan([block("a", 60, 30), block("b", 45, 45)], 1, NINE_TO_FIVE)
    assert rows(days)[0] == [
        ("09:00", "10:00", "activity", "a-1"),
        ("10:00", "10:30", "activity", "a-2"),
        ("10:30", "10:45", "break", ""),
        ("10:45", "11:30", "activity", "b-1"),
        ("11:30", "12:15", "activity", "b-2"),
    ]
    days, _ = plan([block("a", 60, 30), block("b", 45, 45), block("c", 30, 30)], 1, NINE_TO_FIVE)
    assert rows(days)[0][5:] == [
        ("12:30", "13:30", "lunch", ""),
        ("13:30", "14:00", "activity", "c-1"),
        ("14:00", "14:30", "activity", "c-2"),
    ]


def test_each_day_restarts_at_its_start_time_and_a_session_never_crosses_days():
    sessions = [block("a", 90), block("b", 90), block("c", 120), block("d", 60), block("e", 60)]
    days, notices = plan(sessions, 2, NINE_TO_FIVE)
    assert rows(days)[0] == [
        ("09:00", "10:30", "activity", "a-1"),
        ("10:30", "10:45", "break", ""),
        ("10:45", "12:15", "activity", "b-1"),
        ("12:30", "13:30", "lunch", ""),
        ("13:30", "15:30", "activity", "c-1"),
        ("15:30", "15:45", "break", ""),
        ("15:45", "16:45", "activity", "d-1"),
    ]
    assert rows(days)[1] == [("09:00", "10:00", "activity", "e-1")]
    assert notices == []


def test_the_same_break_times_every_day_a_session_moves_rather_than_skip_a_break():
    days, notices = plan([block("a", 90, 90), block("b", 90, 90)], 2, NINE_TO_FIVE)
    assert rows(days)[1] == [
        ("09:00", "10:30", "activity", "b-1"),
        ("10:30", "10:45", "break", ""),
        ("10:45", "12:15", "activity", "b-2"),
    ]
    assert [clock(s.start) for s in days[0] if s.kind != "activity"] == ["10:30"]
    assert notices == []


def test_a_session_longer_than_a_half_day_spans_lunch_between_activities():
    days, notices = plan([block("long", 60, 60, 60, 60)], 1, NINE_TO_FIVE)
    assert rows(days)[0] == [
        ("09:00", "10:00", "activity", "long-1"),
        ("10:30", "10:45", "break", ""),
        ("10:45", "11:45", "activity", "long-2"),
        ("12:30", "13:30", "lunch", ""),
        ("13:30", "14:30", "activity", "long-3"),
        ("14:30", "15:30", "activity", "long-4"),
    ]
    assert notices == []


def test_an_activity_longer_than_any_gap_between_breaks_runs_through_a_break_and_says_so():
    days, notices = plan([block("a", 120, 90)], 1, NINE_TO_FIVE)
    assert rows(days)[0][:2] == [("09:00", "11:00", "activity", "a-1"), ("11:00", "12:30", "activity", "a-2")]
    assert Notice("break-skipped", {"day": 1, "time": "10:30", "activity": "a 1"}) in notices


def test_overflow_is_reported_with_the_minutes():
    days, notices = plan([block("a", 90, 90), block("b", 90, 90), block("c", 60)], 1, NINE_TO_FIVE)
    assert rows(days)[0][-1] == ("16:30", "17:30", "activity", "c-1")
    assert [n.values for n in notices if n.code == "overflow"] == [{"day": 1, "minutes": 30}]


def test_protected_time_on_one_day_only():
    opening = Pause(minutes_of("09:00"), minutes_of("09:30"), "break", "Opening", days=(2,))
    day = Day(NINE_TO_FIVE.start, NINE_TO_FIVE.end, NINE_TO_FIVE.pauses + (opening,))
    days, _ = plan([block("a", 90, 90), block("b", 90, 75), block("c", 60)], 2, day)
    assert rows(days)[0][0] == ("09:00", "10:30", "activity", "a-1")
    assert rows(days)[0][-1] == ("15:45", "17:00", "activity", "b-2")
    assert rows(days)[1] == [("09:00", "09:30", "break", ""), ("09:30", "10:30", "activity", "c-1")]


def test_interpretation_factor_rounds_to_five_minutes():
    assert scaled(30, 1.0) == 30
    assert scaled(30, 1.25) == 40  # 37.5 -> 40
    assert scaled(20, 1.15) == 25  # 23 -> 25
    assert scaled(10, 1.1) == 10  # 11 -> 10
    assert scaled(5, 0.5) == 5
