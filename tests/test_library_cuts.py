"""What a fit may cut, edited in the Library: shortest length, optional, priority, optional session."""

from __future__ import annotations

import pytest

from curriculum import edit
from curriculum.problems import ContentError
from curriculum.workspace import load_workspace
from tests.conftest import app_test


def test_cut_rows_round_trip_through_the_core(small):
    module = load_workspace(small).modules["sharing"]
    session = module.sessions[0]
    rows = edit.cut_rows(session, "fr")
    assert [r["id"] for r in rows] == [a.id for a in session.activities]
    rows[1].update(min_minutes=10, optional=True, priority="low")
    changed = edit.apply_cut_rows(module, session.id, rows).sessions[0].activities[1]
    assert (changed.min_minutes, changed.optional, changed.priority) == (10, True, "low")
    rows[1]["min_minutes"] = 0  # 0 or blank: cannot be shortened
    assert edit.apply_cut_rows(module, session.id, rows).sessions[0].activities[1].min_minutes is None


@pytest.mark.parametrize("value", [-5, 1000, 7.5, "abc"])
def test_a_shortest_length_outside_the_activity_is_refused_in_both_languages(small, value):
    module = load_workspace(small).modules["sharing"]
    rows = edit.cut_rows(module.sessions[0], "en")
    rows[0]["min_minutes"] = value
    with pytest.raises(ContentError) as refused:
        edit.apply_cut_rows(module, module.sessions[0].id, rows)
    assert "shortest length" in str(refused.value)
    assert "durée minimale" in " ".join(refused.value.lines("fr"))


def test_the_library_saves_what_a_fit_may_cut(small, monkeypatch):
    at = app_test(small, monkeypatch, "fr").run()
    key = next(d.key for d in at.data_editor if d.key.endswith(".basics.cuts"))
    at.session_state[key] = {
        "edited_rows": {1: {"min_minutes": 10, "optional": True, "priority": "low"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.checkbox(key=key.replace(".cuts", ".optional")).check()
    at.run()
    at.button(key="library.save").click().run()
    assert not at.exception and not at.error
    session = load_workspace(small).modules["sharing"].sessions[0]
    activity = session.activities[1]
    assert session.optional and (activity.min_minutes, activity.optional, activity.priority) == (10, True, "low")
    text = (small / "modules/sharing.yaml").read_text(encoding="utf-8")
    assert "min_minutes: 10" in text and "priority: low" in text


def test_a_shortest_length_above_the_minutes_is_said_at_once_in_french(small, monkeypatch):
    at = app_test(small, monkeypatch, "fr").run()
    key = next(d.key for d in at.data_editor if d.key.endswith(".basics.cuts"))
    at.session_state[key] = {"edited_rows": {0: {"min_minutes": 999}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert any("durée minimale" in e.value for e in at.error)
    assert load_workspace(small).modules["sharing"].revision == 1
