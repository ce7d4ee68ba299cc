"""Checks beyond types: references inside a record and between records.

`check_record` looks inside one record (an activity naming a handout the module lacks, a
question's answer out of range…) and adds findings with key paths. `check_workspace`
looks across files (a curriculum naming a missing module, an override whose target is
gone) and returns Problems. Both report; neither raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Context, Curriculum, Module
from .problems import Problem
from .records import Findings, suggest

if TYPE_CHECKING:
    from .workspace import Workspace


def minutes_of(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def check_record(record, found: Findings) -> None:
    if isinstance(record, Module):
        _check_module(record, found)
    elif isinstance(record, Context):
        _check_context(record, found)
    elif isinstance(record, Curriculum):
        _check_curriculum(record, found)


def _unknown(found, path, what, ref, known, fix):
    hint = suggest(ref, known)
    found.error(path, f"unknown {what} '{ref}'", hint or fix)


def _check_module(module: Module, found: Findings) -> None:
    objectives = {o.id for o in module.objectives}
    handouts = {h.id for h in module.handouts}
    for s, session in enumerate(module.sessions):
        if not session.activities:
            found.error(("sessions", s, "activities"), "a session needs at least one activity", "add an activity")
        for i, ref in enumerate(session.objectives):
            if ref not in objectives:
                _unknown(
                    found,
                    ("sessions", s, "objectives", i),
                    "objective",
                    ref,
                    objectives,
                    "use an id from the module's objectives",
                )
        for a, activity in enumerate(session.activities):
            for i, ref in enumerate(activity.handouts):
                if ref not in handouts:
                    path = ("sessions", s, "activities", a, "handouts", i)
                    _unknown(found, path, "handout", ref, handouts, "use an id from the module's handouts")
    if module.id in module.prerequisites:
        found.error(("prerequisites",), "a module cannot be its own prerequisite", "remove its own id")
    for q, question in enumerate(module.questions):
        _check_question(question, objectives, found, ("questions", q))


def _check_question(question, objectives, found, path) -> None:
    if question.objective not in objectives:
        _unknown(
            found,
            path + ("objective",),
            "objective",
            question.objective,
            objectives,
            "use an id from the module's objectives",
        )
    if question.kind == "choice":
        if len(question.options) < 2:
            found.error(
                path + ("options",), "a choice question needs at least two options", "add `options:` with 2–5 entries"
            )
        elif question.answer is None or not 0 <= question.answer < len(question.options):
            found.error(
                path + ("answer",),
                f"answer must be the position of the correct option (0 to {len(question.options) - 1})",
                "set `answer:` to the 0-based index of the correct option",
            )
    elif not question.model_answer:
        found.error(
            path + ("model_answer",), "an open question needs a model answer", "add `model_answer: {fr: …, en: …}`"
        )


_OVERRIDE_NEEDS = {"replace": ("field_name", "value"), "minutes": ("minutes",), "note": ("note",), "swap": ("with_",)}
_KEYS = {"field_name": "field", "value": "value", "minutes": "minutes", "note": "note", "with_": "with"}


def _check_context(context: Context, found: Findings) -> None:
    if context.default_language not in context.languages:
        found.error(
            ("default_language",),
            f"'{context.default_language}' is not one of the context's languages",
            "add it to `languages:` or pick one of them",
        )
    local = {h.id for h in context.handouts}
    for o, override in enumerate(context.overrides):
        for name in _OVERRIDE_NEEDS.get(override.kind, ()):
            if not getattr(override, name):
                found.error(
                    ("overrides", o, _KEYS[name]),
                    f"a '{override.kind}' override needs `{_KEYS[name]}:`",
                    f"add `{_KEYS[name]}:`",
                )
        if override.kind == "swap":
            if "/handout:" not in override.target:
                found.error(("overrides", o, "target"), "a swap replaces a handout", "target `module/handout:ID`")
            if override.with_ and override.with_ not in local:
                _unknown(
                    found,
                    ("overrides", o, "with"),
                    "local handout",
                    override.with_,
                    local,
                    "add it under the context's `handouts:`",
                )
    timing = context.timing
    if timing.day_start and timing.day_end and minutes_of(timing.day_start) >= minutes_of(timing.day_end):
        found.error(("timing", "day_end"), "the day ends before it starts", "set day_end later than day_start")
    for p, protected in enumerate(timing.protected_times):
        if minutes_of(protected.start) >= minutes_of(protected.end):
            found.error(("timing", "protected_times", p, "end"), "ends before it starts", "set end later than start")


def _check_curriculum(curriculum: Curriculum, found: Findings) -> None:
    schedule = curriculum.schedule
    start, end = minutes_of(schedule.day_start), minutes_of(schedule.day_end)
    if start >= end:
        found.error(("schedule", "day_end"), "the day ends before it starts", "set day_end later than day_start")
        return
    pauses = [("breaks", i, p) for i, p in enumerate(schedule.breaks)]
    if schedule.lunch:
        pauses.append(("lunch", None, schedule.lunch))
    for key, index, pause in pauses:
        path = ("schedule", key) + ((index,) if index is not None else ())
        at = minutes_of(pause.start)
        if not start <= at < end or at + pause.minutes > end:
            found.error(
                path,
                f"the pause at {pause.start} is outside the day ({schedule.day_start}–{schedule.day_end})",
                "move it inside the day",
            )


def check_workspace(workspace: Workspace) -> list[Problem]:
    """Problems between files: dangling references, orphaned and stale adaptations."""
    problems: list[Problem] = []
    for module in workspace.modules.values():
        for i, ref in enumerate(module.prerequisites):
            if ref not in workspace.modules:
                problems.append(
                    _problem(
                        workspace,
                        "modules",
                        module.id,
                        ("prerequisites", i),
                        f"unknown module '{ref}'",
                        suggest(ref, workspace.modules) or "use the id of an existing module",
                    )
                )
    for curriculum in workspace.curricula.values():
        problems.extend(_curriculum_references(workspace, curriculum))
    for context in workspace.contexts.values():
        problems.extend(_context_references(workspace, context))
    return problems


def _problem(workspace, kind, record_id, path, what, fix, severity="error") -> Problem:
    from . import yamlfile
    from .records import describe

    file = workspace.path(kind, record_id)
    try:
        line = yamlfile.locate(file.read_text(encoding="utf-8"), path)
    except OSError:
        line = None
    return Problem(f"{kind}/{file.name}", line, describe(path), what, fix, severity)


def _curriculum_references(workspace, curriculum: Curriculum) -> list[Problem]:
    problems = []
    if curriculum.default_context and curriculum.default_context not in workspace.contexts:
        problems.append(
            _problem(
                workspace,
                "curricula",
                curriculum.id,
                ("default_context",),
                f"unknown context '{curriculum.default_context}'",
                suggest(curriculum.default_context, workspace.contexts) or "use the id of an existing context",
            )
        )
    for i, item in enumerate(curriculum.items):
        module = workspace.modules.get(item.module)
        if module is None:
            problems.append(
                _problem(
                    workspace,
                    "curricula",
                    curriculum.id,
                    ("items", i, "module"),
                    f"unknown module '{item.module}'",
                    suggest(item.module, workspace.modules) or "use the id of an existing module, or remove the item",
                )
            )
            continue
        known = [s.id for s in module.sessions]
        for j, ref in enumerate(item.sessions):
            if ref not in known:
                problems.append(
                    _problem(
                        workspace,
                        "curricula",
                        curriculum.id,
                        ("items", i, "sessions", j),
                        f"module '{module.id}' has no session '{ref}'",
                        suggest(ref, known) or f"use one of: {', '.join(known)}",
                    )
                )
    return problems


def _context_references(workspace, context: Context) -> list[Problem]:
    from .adapt import target_state

    problems = []
    entries = [("overrides", i, o.target, o.base_revision) for i, o in enumerate(context.overrides)]
    entries += [("additions", i, a.after, a.base_revision) for i, a in enumerate(context.additions)]
    for key, i, target, base_revision in entries:
        state, detail = target_state(workspace, target, base_revision)
        if state == "orphaned":
            problems.append(
                _problem(
                    workspace,
                    "contexts",
                    context.id,
                    (key, i, "target" if key == "overrides" else "after"),
                    f"orphaned: {detail} no longer exists",
                    "re-attach the adaptation to an existing item or delete it",
                    "warning",
                )
            )
        elif state == "stale":
            module_id = target.split("/")[0]
            problems.append(
                _problem(
                    workspace,
                    "contexts",
                    context.id,
                    (key, i, "base_revision"),
                    f"stale adaptation in context '{context.id}': module '{module_id}' target '{target}' was written against revision {base_revision}, the module is now at revision {detail}",
                    "review the adaptation against the current module and mark it reviewed (set base_revision to the current revision)",
                    "warning",
                )
            )
    return problems
