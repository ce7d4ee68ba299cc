"""Fitting a curriculum to its days: the smallest set of changes, as a context's adaptations;
the command line's contract; the bundled content fits its contexts."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from curriculum.adapt import target_state
from curriculum.fit import apply, fit, summary
from curriculum.model import Override, Timing
from curriculum.resolve import resolve_records
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED
from tests.test_cli import run


def _records(small, day_end="10:30", **marks):
    """The small workspace's records, the day cut to 09:00–`day_end` with no pause, and
    activities marked: marks = {"intro": {"min_minutes": 10}, …}."""
    ws = load_workspace(small)
    module = ws.modules["sharing"]
    sessions = tuple(
        replace(s, activities=tuple(replace(a, **marks.get(a.id, {})) for a in s.activities)) for s in module.sessions
    )
    modules = {"sharing": replace(module, sessions=sessions)}
    schedule = replace(ws.curricula["short"].schedule, day_end=day_end, breaks=(), lunch=None)
    curriculum = replace(ws.curricula["short"], schedule=schedule)
    return curriculum, ws.contexts["generic"], modules


def overflow(programme):
    return sum(n.values["minutes"] for n in programme.notices if n.code == "overflow")


def test_a_curriculum_that_fits_needs_no_change(small):
    curriculum, context, modules = _records(small, day_end="17:00")
    result = fit(curriculum, context, modules, "en")
    assert result.fits and result.changes == ()
    assert summary(result, "en") == "The programme already fits 1 day for Generic: nothing to change."


def test_flexible_activities_are_shortened_only_as_far_as_needed(small):
    # 20 + 40 + 45 = 105 minutes in a 90-minute day
    curriculum, context, modules = _records(small, intro={"min_minutes": 10}, case={"min_minutes": 30})
    result = fit(curriculum, context, modules, "en")
    assert result.fits
    assert [(c.kind, c.target, c.minutes_before, c.minutes_after) for c in result.changes] == [
        ("shorten", "sharing/basics/intro", 20, 15),
        ("shorten", "sharing/basics/case", 40, 30),
    ]
    assert overflow(result.programme) == 0
    assert result.programme.days[0][-1].end == 9 * 60 + 90
    in_french = fit(curriculum, context, modules, "fr")
    assert summary(in_french, "fr") == "Ajuster à 1 jour pour « Générique » : raccourcir 2 activités."


def test_shortening_comes_before_dropping_and_a_drop_is_kept_only_when_needed(small):
    marks = {"intro": {"min_minutes": 15}, "role-play": {"optional": True}}
    curriculum, context, modules = _records(small, **marks)
    result = fit(curriculum, context, modules, "en")
    assert result.fits
    # shortening intro by 5 is not enough (100 > 90): role-play goes, and then intro keeps its 20
    assert [(c.kind, c.target, c.minutes_before, c.minutes_after) for c in result.changes] == [
        ("drop", "sharing/practice/role-play", 45, 0)
    ]


def test_lowest_priority_is_dropped_first(small):
    marks = {"intro": {"optional": True, "priority": "low"}, "role-play": {"optional": True, "priority": "high"}}
    curriculum, context, modules = _records(small, day_end="10:35", **marks)
    result = fit(curriculum, context, modules, "en")
    assert [c.target for c in result.changes if c.kind == "drop"] == ["sharing/basics/intro"]


def test_an_optional_session_can_be_dropped_whole(small):
    curriculum, context, modules = _records(small)
    module = modules["sharing"]
    modules = {"sharing": replace(module, sessions=(module.sessions[0], replace(module.sessions[1], optional=True)))}
    result = fit(curriculum, context, modules, "en")
    assert [(c.kind, c.target, c.minutes_before) for c in result.changes] == [("drop", "sharing/practice", 45)]
    assert [s.session for s in result.programme.days[0]] == ["basics", "basics"]


def test_when_nothing_can_be_cut_it_says_what_is_missing_and_how_many_days(small):
    curriculum, context, modules = _records(small)
    result = fit(curriculum, context, modules, "en")
    assert not result.fits
    (missing,) = result.changes
    assert (missing.kind, missing.target, missing.minutes_before, missing.minutes_after) == ("missing", "short", 15, 15)
    assert missing.days_needed == 2
    assert summary(result, "en").endswith("15 min still missing (2 days would be enough).")


def test_sessions_that_change_day_are_reported_as_moves(small):
    curriculum, context, modules = _records(small, day_end="10:40")  # 100 minutes a day
    module = modules["sharing"]
    session, activity = module.sessions[0], module.sessions[0].activities[0]

    def one(name, minutes, **marks):
        return replace(session, id=name, activities=(replace(activity, id=f"{name}-a", minutes=minutes, **marks),))

    modules = {"sharing": replace(module, sessions=(one("s1", 60, min_minutes=55), one("s2", 45), one("s3", 90)))}
    curriculum = replace(curriculum, schedule=replace(curriculum.schedule, days=2))
    # before: s1 on day 1, s2 cannot finish there and goes to day 2, s3 after it overflows by 35
    result = fit(curriculum, context, modules, "en")
    assert result.fits
    assert [
        (c.kind, c.target, c.minutes_before, c.minutes_after, c.day_before, c.day_after) for c in result.changes
    ] == [
        ("shorten", "sharing/s1/s1-a", 60, 55, 0, 0),
        ("move", "sharing/s2", 45, 45, 2, 1),
    ]
    assert result.changes[1].as_json() == {
        "kind": "move",
        "target": "sharing/s2",
        "minutes_before": 45,
        "minutes_after": 45,
        "day_before": 2,
        "day_after": 1,
    }
    assert summary(result, "en") == "Fit to 2 days for Generic: shorten 1 activity, 1 session moves to another day."


def test_interpretation_scales_what_is_shown_and_the_override_records_the_module_minutes(small):
    curriculum, context, modules = _records(small, day_end="11:00", case={"min_minutes": 20})
    context = replace(context, timing=Timing(interpretation_factor=1.25))
    # 25 + 50 + 55 = 130 minutes in 120
    result = fit(curriculum, context, modules, "en")
    (change,) = result.changes
    assert (change.target, change.minutes_before, change.minutes_after, change.base_minutes) == (
        "sharing/basics/case",
        50,
        40,
        32 // 5 * 5,
    )


def test_apply_records_minutes_and_hide_overrides_with_the_base_revision(small):
    marks = {"intro": {"min_minutes": 10}, "role-play": {"optional": True}}
    curriculum, context, modules = _records(small, day_end="10:00", **marks)
    context = replace(context, overrides=(Override("sharing/basics/intro", 1, "minutes", minutes=25),))
    result = fit(curriculum, context, modules, "en")
    assert result.fits
    adapted = apply(context, result.changes, modules)
    by_target = {o.target: o for o in adapted.overrides}
    assert len(adapted.overrides) == 2  # the existing minutes override is updated, not doubled
    assert by_target["sharing/practice/role-play"].kind == "hide"
    assert by_target["sharing/basics/intro"].kind == "minutes"
    assert all(o.base_revision == modules["sharing"].revision for o in adapted.overrides)
    programme = resolve_records(curriculum, adapted, modules, "en")
    assert overflow(programme) == 0
    assert programme.agenda() == result.programme.agenda()


def test_fit_json_and_exit_codes(small):
    result = run("fit", "short", "--context", "generic", "--workspace", str(small), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["fits"] is True and data["changes"] == []
    agenda = run("agenda", "short", "--context", "generic", "--lang", "en", "--json", "--workspace", str(small))
    assert data["agenda"] == json.loads(agenda.stdout)
    text = (small / "curricula/short.yaml").read_text(encoding="utf-8")
    text = text.replace('day_end: "17:00"', 'day_end: "10:00"').replace('"10:30", minutes: 15', '"09:30", minutes: 10')
    (small / "curricula/short.yaml").write_text(
        text.replace('lunch: {start: "12:30", minutes: 60}', ""), encoding="utf-8"
    )
    result = run("fit", "short", "--context", "generic", "--workspace", str(small), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["fits"] is False
    assert data["changes"][-1]["kind"] == "missing" and set(data["changes"][-1]) >= {
        "kind",
        "target",
        "minutes_before",
        "minutes_after",
    }
    assert "min still missing" in result.stderr and "Traceback" not in result.stderr
    assert run("fit", "short", "--context", "generic", "--days", "2", "--workspace", str(small)).returncode == 0
    for bad in (["--days", "0"], ["--days", "two"], []):
        args = ["fit", "short", *bad, "--workspace", str(small)] + (["--context", "generic"] if bad else [])
        assert run(*args).returncode == 2
    unknown = run("fit", "short", "--context", "nowhere", "--workspace", str(small))
    assert unknown.returncode == 1 and "nowhere" in unknown.stderr


# --- the bundled content -------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled():
    return load_workspace(BUNDLED)


def _schedule_problems(programme):
    return [n for n in programme.notices if n.code in ("overflow", "empty-day")]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_bundled_context_has_a_multi_day_curriculum_that_fits_with_no_empty_day(bundled, lang):
    for context in bundled.contexts.values():
        fitting = [
            c.id
            for c in bundled.curricula.values()
            if c.schedule.days > 1 and not _schedule_problems(resolve_records(c, context, bundled.modules, lang))
        ]
        assert fitting, f"no multi-day curriculum fits {context.id}"


# Which bundled curriculum a workshop in each bundled context runs: the 3 days without
# interpretation, the 4 days with it (Tunisia through the fit kept as its adaptations), the
# full 5 days where the days are long enough (Mali).
WORKSHOPS = [
    ("generic", "core-3-day"),
    ("france", "core-3-day"),
    ("nordic-denmark", "core-3-day"),
    ("east-africa-kenya", "core-3-day"),
    ("sahel-chad", "core-4-day"),
    ("sahel-mali", "core-4-day"),
    ("maghreb-tunisia", "core-4-day"),
    ("sahel-mali", "core-5-day"),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("context_id", "curriculum_id"), WORKSHOPS)
def test_each_context_runs_its_curriculum_as_planned_with_no_break_run_through(
    bundled, context_id, curriculum_id, lang
):
    curriculum, context = bundled.curricula[curriculum_id], bundled.contexts[context_id]
    programme = resolve_records(curriculum, context, bundled.modules, lang)
    assert [n for n in programme.notices if n.code in ("overflow", "empty-day", "break-skipped")] == []
    assert len(programme.days) == curriculum.schedule.days
    assert fit(curriculum, context, bundled.modules, lang).changes == ()


def test_the_fit_kept_as_tunisia_s_adaptations_is_current_and_within_the_marks(bundled):
    context = bundled.contexts["maghreb-tunisia"]
    minutes = [o for o in context.overrides if o.kind == "minutes" and "/theory-of-change/" not in o.target]
    assert len(minutes) >= 5
    activities = {
        f"{m.id}/{s.id}/{a.id}": a for m in bundled.modules.values() for s in m.sessions for a in s.activities
    }
    for override in minutes:
        activity = activities[override.target]
        assert activity.min_minutes <= override.minutes < activity.minutes, override.target
        assert target_state(bundled, override.target, override.base_revision) == ("current", None)
    without = replace(context, overrides=tuple(o for o in context.overrides if o not in minutes))
    programme = resolve_records(bundled.curricula["core-4-day"], without, bundled.modules, "fr")
    assert [n.code for n in programme.notices if n.code == "overflow"]  # the overrides are what makes it fit


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_one_day_curriculum_fits_every_context_once_its_fit_is_applied(bundled, lang):
    curriculum = bundled.curricula["awareness-1-day"]
    cut = 0
    for context in bundled.contexts.values():
        result = fit(curriculum, context, bundled.modules, lang)
        assert result.fits, (context.id, summary(result, lang))
        adapted = apply(context, result.changes, bundled.modules)
        assert not _schedule_problems(resolve_records(curriculum, adapted, bundled.modules, lang)), context.id
        cut += len(result.changes)
        for override in adapted.overrides[len(context.overrides) :]:
            assert target_state(bundled, override.target, override.base_revision) == ("current", None)
    assert cut, "the 1-day curriculum should need a fit somewhere (Tunisia, Chad, Mali)"


def test_bundled_modules_mark_what_may_be_cut(bundled):
    activities = [a for m in bundled.modules.values() for s in m.sessions for a in s.activities]
    assert sum(a.optional for a in activities) >= 5
    assert sum(bool(a.min_minutes) for a in activities) >= 20
    assert all(a.min_minutes < a.minutes for a in activities if a.min_minutes)
    assert not any(a.optional or a.min_minutes for a in activities if a.method == "assessment")
    assert any(s.optional for m in bundled.modules.values() for s in m.sessions)


def test_fit_speed_on_the_four_day_curriculum(bundled):
    import time

    curriculum = bundled.curricula["core-4-day"]
    slowest = 0.0
    for context in bundled.contexts.values():
        start = time.perf_counter()
        fit(curriculum, context, bundled.modules, "fr", days=3)
        slowest = max(slowest, time.perf_counter() - start)
    assert slowest < 0.5  # the goal (100 ms) is measured by `make bench`; this guards against a blow-up


def test_the_contexts_page_comparison_shows_min_minutes_but_no_raw_flags(bundled):
    from curriculum.adapt import item_texts

    activity = next(
        a
        for m in bundled.modules.values()
        for s in m.sessions
        for a in s.activities
        if a.optional and a.priority == "low"
    )
    shown = item_texts(activity, "fr")
    assert "optional" not in shown and "priority" not in shown and shown["minutes"] == str(activity.minutes)
    flexible = next(a for m in bundled.modules.values() for s in m.sessions for a in s.activities if a.min_minutes)
    assert item_texts(flexible, "fr")["min_minutes"] == str(flexible.min_minutes)
