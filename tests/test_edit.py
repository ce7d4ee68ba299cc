"""Pure edits of modules and curricula."""

from __future__ import annotations

import pytest

from curriculum import compose, edit
from curriculum.model import Text
from curriculum.problems import ContentError
from curriculum.workspace import load_workspace


def test_activity_structure_verbs(small):
    module = load_workspace(small).modules["sharing"]
    module = edit.duplicate_activity(module, "basics", "intro")
    assert [a.id for a in module.sessions[0].activities] == ["intro", "intro-copy", "case"]
    module = edit.move_activity(module, "basics", "case", -1)
    assert [a.id for a in module.sessions[0].activities] == ["intro", "case", "intro-copy"]
    assert edit.move_activity(module, "basics", "intro", -1) == module  # already first
    module = edit.delete_activity(module, "basics", "intro-copy")
    with pytest.raises(ContentError, match="already exists"):
        edit.add_activity(module, "basics", "case")
    with pytest.raises(ContentError, match="at least one activity"):
        edit.delete_activity(module, "practice", "role-play")


def test_session_structure_verbs(small):
    module = load_workspace(small).modules["sharing"]
    module = edit.add_session(module, "extra")
    assert [s.id for s in module.sessions] == ["basics", "practice", "extra"]
    module = edit.duplicate_session(module, "basics")
    assert [s.id for s in module.sessions] == ["basics", "basics-copy", "practice", "extra"]
    module = edit.delete_session(module, "extra")
    assert "extra" not in [s.id for s in module.sessions]
    with pytest.raises(ContentError, match="not a valid session id"):
        edit.add_session(module, "Bad Id")


def test_new_and_duplicated_modules(small):
    module = edit.new_module("local", Text(fr="Local", en="Local"), taken={"sharing"})
    assert module.sessions[0].activities[0].minutes == 15
    with pytest.raises(ContentError, match="already exists"):
        edit.new_module("sharing", Text(fr="x", en="x"), taken={"sharing"})
    copy = edit.duplicate_module(load_workspace(small).modules["sharing"], "sharing-2")
    assert (copy.id, copy.revision, copy.title["fr"]) == ("sharing-2", 1, "Partager l’information (copie)")


def test_curriculum_verbs(small):
    curriculum = load_workspace(small).curricula["short"]
    curriculum = compose.add_item(curriculum, "other")
    curriculum = compose.move_item(curriculum, 1, -1)
    assert [i.module for i in curriculum.items] == ["other", "sharing"]
    curriculum = compose.set_sessions(curriculum, 1, ["practice"], ["basics", "practice"])
    assert curriculum.items[1].sessions == ("practice",)
    curriculum = compose.set_sessions(curriculum, 1, ["practice", "basics"], ["basics", "practice"])
    assert curriculum.items[1].sessions == ()  # every session: stored as "all"
    curriculum = compose.remove_item(curriculum, 0)
    assert [i.module for i in curriculum.items] == ["sharing"]
    with pytest.raises(ContentError, match="not a valid id"):
        compose.duplicate(curriculum, "a/b")


def test_breaks_typed_in_a_table():
    breaks, bad = edit.breaks_from_rows(
        [
            {"start": "15:30", "minutes": 15},
            {"start": "10:30", "minutes": 20.0},
            {"start": "9h", "minutes": 10},
            {"start": "9 heures", "minutes": 10},
            {"start": "", "minutes": float("nan")},
        ]
    )
    assert [(b.start, b.minutes) for b in breaks] == [("09:00", 10), ("10:30", 20), ("15:30", 15)]
    assert bad == [(4, "9 heures")]


@pytest.mark.parametrize(
    ("typed", "clock"),
    [("8h30", "08:30"), ("8:30", "08:30"), ("08.30", "08:30"), ("8h", "08:00"), ("14H05", "14:05"), (" ", "")],
)
def test_times_are_accepted_as_people_type_them(typed, clock):
    assert edit.typed_clock(typed) == clock


@pytest.mark.parametrize("typed", ["24:00", "8:60", "8h3", "huit heures", "830"])
def test_a_time_that_is_not_one_is_refused_with_advice_for_a_form(typed):
    with pytest.raises(ContentError) as refused:
        edit.typed_clock(typed)
    assert refused.value.lines("fr") == [
        f"« {typed} » n’est pas une heure — tapez l’heure et les minutes, par exemple 08:30 ou 8h30"
    ]
    assert "quote" not in str(refused.value)


def test_protected_times_typed_in_a_table():
    times, bad = edit.protected_from_rows(
        [
            {"start": "12:30", "end": "14:00", "days": "1; 3", "label_fr": "Pause prolongée", "label_en": "Long break"},
            {"start": "", "end": ""},
            {"start": "13:00", "end": "25:00"},
        ]
    )
    assert [(p.start, p.end, p.days, p.label["en"]) for p in times] == [("12:30", "14:00", (1, 3), "Long break")]
    assert bad == [(3, "25:00")]


def test_an_item_takes_its_sessions_in_its_own_order(small):
    from curriculum.model import Item

    module = load_workspace(small).modules["sharing"]
    assert [s.id for s in Item("sharing").chosen(module)] == ["basics", "practice"]
    assert [s.id for s in Item("sharing", ("practice", "basics", "gone")).chosen(module)] == ["practice", "basics"]
