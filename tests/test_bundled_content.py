"""The bundled curriculum is complete, bilingual and fits its days."""

from __future__ import annotations

import dataclasses

import pytest

from curriculum import model
from curriculum.model import Text
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED

THEMES = set(model.THEMES)


@pytest.fixture(scope="module")
def ws():
    return load_workspace(BUNDLED)


def texts(record, path=""):
    """Every localised text in a record, with where it is."""
    if isinstance(record, Text):
        yield path, record
    elif isinstance(record, tuple):
        for i, item in enumerate(record):
            yield from texts(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(record):
        for f in dataclasses.fields(record):
            yield from texts(getattr(record, f.name), f"{path}.{f.name}")


def test_bundled_workspace_validates_without_errors_or_warnings(ws):
    assert [str(p) for p in ws.problems] == []


def test_one_module_per_theme(ws):
    assert {m.theme for m in ws.modules.values()} >= THEMES


def test_every_bundled_text_has_both_languages(ws):
    for kind in ("modules", "contexts", "curricula"):
        for record in ws.records(kind).values():
            languages = getattr(record, "languages", ("fr", "en"))
            for path, text in texts(record):
                if text and (len(languages) == 2 or kind != "contexts"):
                    assert text.fr and text.en, f"{kind}/{record.id}{path} lacks a language"


@pytest.mark.parametrize("module_id", sorted(THEMES))
def test_module_shape(ws, module_id):
    module = ws.modules[module_id]
    assert 4 <= len(module.objectives) <= 6
    assert len(module.sessions) >= 3
    assert sum(len(s.activities) for s in module.sessions) >= 9
    assert len(module.handouts) >= 2
    assert len(module.questions) >= 6
    assert module.references
    for session in module.sessions:
        assert 60 <= session.minutes <= 120, session.id
        assert len(session.activities) >= 3
        talk = sum(a.minutes for a in session.activities if a.method == "presentation")
        assert talk * 2 <= session.minutes, f"{session.id}: more than half presentation"
        assert len({a.method for a in session.activities}) >= 3
        for activity in session.activities:
            assert activity.instructions.fr and activity.instructions.en, f"{activity.id} lacks instructions"
            assert activity.facilitator_notes, f"{activity.id} lacks facilitator notes"
    covered = {o for s in module.sessions for o in s.objectives}
    tested = {q.objective for q in module.questions}
    assert {o.id for o in module.objectives} <= covered & tested


def test_fictional_cases_say_so(ws):
    for module in ws.modules.values():
        for handout in module.handouts:
            if handout.kind == "case-study":
                assert "fictif" in handout.body.fr.lower()[:300], f"{module.id}/{handout.id}"
                assert "fictional" in handout.body.en.lower()[:300], f"{module.id}/{handout.id}"


def test_at_least_five_contexts_with_a_generic_one_and_three_adaptations_each(ws):
    assert "generic" in ws.contexts and len(ws.contexts) >= 5
    for context in ws.contexts.values():
        assert len(context.overrides) + len(context.additions) >= 3, context.id
        assert context.briefing


@pytest.mark.parametrize("curriculum_id", ["core-3-day", "core-4-day", "awareness-1-day"])
def test_bundled_curricula_fit_their_days(ws, curriculum_id):
    curriculum = ws.curricula[curriculum_id]
    programme = resolve(ws, curriculum_id, curriculum.default_context, "en")
    assert len(programme.days) == curriculum.schedule.days
    assert not [n for n in programme.notices if n.code in ("overflow", "break-skipped")], programme.warnings
    assert programme.warnings == ()


def test_core_curriculum_covers_all_five_modules(ws):
    assert {item.module for item in ws.curricula["core-3-day"].items} == THEMES
