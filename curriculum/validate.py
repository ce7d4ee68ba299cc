"""Checks beyond types: references inside a record and between records.

`check_record` looks inside one record (an activity naming a handout the module lacks, a
question's answer out of range…) and adds findings with key paths. `check_workspace`
looks across files (a curriculum naming a missing module, an override whose target is
gone) and returns Problems. Both report; neither raises.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from . import items
from .messages import size
from .model import Context, Curriculum, LanguageName, Module, clock, minutes_of
from .problems import Problem
from .records import Findings, texts

if TYPE_CHECKING:
    from .workspace import Workspace


def check_record(record, found: Findings) -> None:
    if isinstance(record, Module):
        _check_module(record, found)
    elif isinstance(record, Context):
        _check_context(record, found)
    elif isinstance(record, Curriculum):
        _check_curriculum(record, found)


def _unknown(found, path, code, ref, known):
    found.error(path, code, ref=ref, suggestion=found.suggest(ref, known))


def _check_module(module: Module, found: Findings) -> None:
    objectives = {o.id for o in module.objectives}
    handouts = {h.id for h in module.handouts}
    for s, session in enumerate(module.sessions):
        if not session.activities:
            found.error(("sessions", s, "activities"), "no_activity")
        for i, ref in enumerate(session.objectives):
            if ref not in objectives:
                _unknown(found, ("sessions", s, "objectives", i), "unknown_objective", ref, objectives)
        for a, activity in enumerate(session.activities):
            _check_flexible(activity, found, ("sessions", s, "activities", a))
            for i, ref in enumerate(activity.handouts):
                if ref not in handouts:
                    path = ("sessions", s, "activities", a, "handouts", i)
                    _unknown(found, path, "unknown_handout", ref, handouts)
    if module.id in module.prerequisites:
        found.error(("prerequisites",), "own_prerequisite")
    _check_references(module, found)
    for q, question in enumerate(module.questions):
        _check_question(question, objectives, found, ("questions", q))
    items.check_bank(module, found)


def today() -> datetime.date:
    """The day re-check dates are compared with."""
    return datetime.date.today()


def _check_references(module: Module, found: Findings) -> None:
    now = today().isoformat()
    for r, reference in enumerate(module.references):
        path = ("references", r)
        if reference.law and not (reference.checked and reference.recheck):
            found.warn(path, "law_undated")
        if reference.checked and reference.recheck and reference.recheck <= reference.checked:
            found.error(path + ("recheck",), "recheck_order", checked=reference.checked, recheck=reference.recheck)
        elif reference.recheck and reference.recheck < now:
            found.warn(path + ("recheck",), "recheck_due", recheck=reference.recheck)


def _check_flexible(activity, found, path) -> None:
    if activity.min_minutes and activity.min_minutes > activity.minutes:
        found.error(
            path + ("min_minutes",), "min_above_minutes", min_minutes=activity.min_minutes, minutes=activity.minutes
        )


def _check_question(question, objectives, found, path) -> None:
    if objectives is not None and question.objective not in objectives:
        _unknown(found, path + ("objective",), "unknown_objective", question.objective, objectives)
    if question.kind == "choice":
        if len(question.options) < 2:
            found.error(path + ("options",), "choice_options")
        elif question.answer is None or not 0 <= question.answer < len(question.options):
            found.error(path + ("answer",), "answer_range", last=len(question.options) - 1)
    elif not question.model_answer:
        found.error(path + ("model_answer",), "model_answer")


_OVERRIDE_NEEDS = {"replace": ("field_name", "value"), "minutes": ("minutes",), "note": ("note",), "swap": ("with_",)}
_KEYS = {"field_name": "field", "value": "value", "minutes": "minutes", "note": "note", "with_": "with"}


def _check_context(context: Context, found: Findings) -> None:
    if context.default_language and context.default_language not in context.languages:
        found.error(("default_language",), "default_language", lang=context.default_language)
    local = {h.id for h in context.handouts}
    local_questions = {q.id for q in context.questions}
    for q, question in enumerate(context.questions):
        _check_question(question, None, found, ("questions", q))
        items.check_question(question, found, ("questions", q))
    for o, override in enumerate(context.overrides):
        for name in _OVERRIDE_NEEDS.get(override.kind, ()):
            if not getattr(override, name):
                found.error(("overrides", o, _KEYS[name]), "override_needs", kind=override.kind, key=_KEYS[name])
        if override.kind == "swap":
            if "/question:" in override.target:
                if override.with_ and override.with_ not in local_questions:
                    _unknown(found, ("overrides", o, "with"), "unknown_local_question", override.with_, local_questions)
            elif "/handout:" not in override.target:
                found.error(("overrides", o, "target"), "swap_handout")
            elif override.with_ and override.with_ not in local:
                _unknown(found, ("overrides", o, "with"), "unknown_local_handout", override.with_, local)
    for a, addition in enumerate(context.additions):
        _check_flexible(addition.activity, found, ("additions", a, "activity"))
    timing = context.timing
    ordered = timing.day_start and timing.day_end and minutes_of(timing.day_start) < minutes_of(timing.day_end)
    if timing.day_start and timing.day_end and not ordered:
        found.error(("timing", "day_end"), "day_order")
    for p, protected in enumerate(timing.protected_times):
        start, end = minutes_of(protected.start), minutes_of(protected.end)
        if start >= end:
            found.error(("timing", "protected_times", p, "end"), "ends_before_start")
        elif ordered and (start < minutes_of(timing.day_start) or end > minutes_of(timing.day_end)):
            found.error(
                ("timing", "protected_times", p),
                "protected_outside",
                start=protected.start,
                end=protected.end,
                day_start=timing.day_start,
                day_end=timing.day_end,
            )


def _check_curriculum(curriculum: Curriculum, found: Findings) -> None:
    schedule = curriculum.schedule
    start, end = minutes_of(schedule.day_start), minutes_of(schedule.day_end)
    if start >= end:
        found.error(("schedule", "day_end"), "day_order")
        return
    pauses = [("breaks", i, p) for i, p in enumerate(schedule.breaks)]
    if schedule.lunch:
        pauses.append(("lunch", None, schedule.lunch))
    previous = None
    for key, index, pause in sorted(pauses, key=lambda p: minutes_of(p[2].start)):
        path = ("schedule", key) + ((index,) if index is not None else ())
        at = minutes_of(pause.start)
        if not start <= at < end or at + pause.minutes > end:
            found.error(
                path, "pause_outside", start=pause.start, day_start=schedule.day_start, day_end=schedule.day_end
            )
        if previous is not None and at < minutes_of(previous.start) + previous.minutes:
            other_end = clock(minutes_of(previous.start) + previous.minutes)
            found.error(path, "pauses_overlap", start=pause.start, other=previous.start, other_end=other_end)
        previous = pause


def half_days(schedule) -> int:
    """Minutes of the longest half-day (between the day's start, lunch and end) free of breaks."""
    start, end = minutes_of(schedule.day_start), minutes_of(schedule.day_end)
    lunch = schedule.lunch
    edges = [(start, end)]
    if lunch:
        at = minutes_of(lunch.start)
        edges = [(start, at), (at + lunch.minutes, end)]
    longest = 0
    for a, b in edges:
        taken = sum(
            max(0, min(b, minutes_of(p.start) + p.minutes) - max(a, minutes_of(p.start))) for p in schedule.breaks
        )
        longest = max(longest, b - a - taken)
    return longest


def check_workspace(workspace: Workspace, memo: dict | None = None) -> list[Problem]:
    """Problems between files: dangling references, circles of prerequisites, orphaned and
    stale adaptations. Collected per record as findings, then reported as a file's own
    problems are (one composition of the file, at most MAX_PROBLEMS and "N more"). `memo` (the
    Store's, shared by its loads) keeps each record's translation gaps until the record object
    or the languages it is used in change."""
    found: dict[tuple[str, str], Findings] = {}

    def of(kind: str, record_id: str) -> Findings:
        return found.setdefault((kind, record_id), Findings())

    for module in workspace.modules.values():
        for i, ref in enumerate(module.prerequisites):
            if ref not in workspace.modules:
                into = of("modules", module.id)
                into.error(
                    ("prerequisites", i), "unknown_module", ref=ref, suggestion=into.suggest(ref, workspace.modules)
                )
    _prerequisite_cycles(workspace, of)
    for curriculum in workspace.curricula.values():
        _curriculum_references(workspace, curriculum, of("curricula", curriculum.id))
    for context in workspace.contexts.values():
        _context_references(workspace, context, of("contexts", context.id))
        _adapted_banks(workspace, context, of("contexts", context.id))
    _translation_gaps(workspace, of, {} if memo is None else memo)
    problems: list[Problem] = []
    for (kind, record_id), findings in found.items():
        if findings:
            file = workspace.path(kind, record_id)
            problems += reported(f"{kind}/{file.name}", _text(file), findings, parsed=False)
    return problems


def _translation_gaps(workspace, of, memo: dict) -> None:
    """A warning per text and language it lacks, for the languages a record is used in: a
    curriculum's and its default context's languages for the curriculum and its modules, a
    context's for the context and the modules it adapts. A language no context or
    curriculum uses raises no gap (a workspace adding Arabic is not drowned in warnings)."""
    from .adapt import Target

    wanted: dict[tuple[str, str], dict[str, None]] = {}

    def want(kind: str, record_id: str, languages) -> None:
        wanted.setdefault((kind, record_id), {}).update(dict.fromkeys(languages))

    for context in workspace.contexts.values():
        want("contexts", context.id, context.languages)
        for change in (*context.overrides, *context.additions):
            want(
                "modules",
                Target.parse(getattr(change, "target", None) or getattr(change, "after", "")).module,
                context.languages,
            )
    for curriculum in workspace.curricula.values():
        context = workspace.contexts.get(curriculum.default_context)
        languages = (*curriculum.languages, *(context.languages if context else ()))
        want("curricula", curriculum.id, languages)
        for item in curriculum.items:
            want("modules", item.module, languages)
    for key, languages in wanted.items():
        record = workspace.records(key[0]).get(key[1])
        if record is None or not languages:
            continue
        languages = tuple(languages)
        known = memo.get(key)
        if known is None or known[0] is not record or known[1] != languages:
            gaps = tuple((path, lang) for path, text in texts(record) for lang in text.missing(languages))
            known = memo[key] = (record, languages, gaps)
        if known[2]:
            into = of(*key)
            for path, lang in known[2]:
                into.warn(path, "translation_gap", lang=lang, language=LanguageName(lang))


def _adapted_banks(workspace, context: Context, found: Findings) -> None:
    """Item-writing warnings that a context's question overrides bring into a module's bank
    (a swapped-in question whose right option is the longest, or that piles answers up)."""
    from .adapt import Target, adapt_module

    seen = set()
    for o, override in enumerate(context.overrides):
        target = Target.parse(override.target)
        module = workspace.modules.get(target.module)
        if not target.question or module is None or module.id in seen:
            continue
        seen.add(module.id)
        before, after_bank = Findings(), Findings()
        items.check_bank(module, before)
        items.check_bank(adapt_module(module, context).module, after_bank)
        known = {(f.code, f.path) for f in before}
        for finding in after_bank:
            if (finding.code, finding.path) not in known and finding.path == ("questions",):
                found.warn(("overrides", o, "target"), finding.code, **dict(finding.values))


MAX_PROBLEMS = 20  # per file: a file with 1,500 problems is listed as 20 and "1,480 more"


def reported(name: str, text: str, found: Findings, parsed: bool = True) -> tuple[Problem, ...]:
    """The problems of one file with their lines (one composition of the file), errors first,
    at most MAX_PROBLEMS and a last one counting the rest. `parsed`: `text` passed `yamlfile.parse`."""
    from . import yamlfile

    ordered = sorted(found, key=lambda f: not f.is_error)
    shown, rest = ordered[:MAX_PROBLEMS], ordered[MAX_PROBLEMS:]
    lines = yamlfile.Lines(text, parsed=parsed)
    problems = [f.problem(name, lines(f.path)) for f in shown]
    if rest:
        severity = "error" if any(f.is_error for f in rest) else "warning"
        problems.append(Problem.coded(name, None, "more_problems", {"count": size(len(rest))}, severity=severity))
    return tuple(problems)


def _text(file) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _prerequisite_cycles(workspace, of) -> None:
    """One problem per circle of prerequisites (a → b → a), on the module where it is first met."""
    done = set()
    for start in sorted(workspace.modules):
        path, on_path = [start], {start: 0}
        stack = [(start, iter(_prerequisites(workspace, start)))]
        while stack:
            module_id, following = stack[-1]
            ref = next(following, None)
            if ref is None:
                stack.pop()
                done.add(path.pop())
                del on_path[module_id]
            elif ref in on_path:
                cycle = " → ".join(path[on_path[ref] :] + [ref])
                index = workspace.modules[module_id].prerequisites.index(ref)
                of("modules", module_id).error(("prerequisites", index), "prerequisite_cycle", cycle=cycle)
            elif ref not in done:
                path.append(ref)
                on_path[ref] = len(path) - 1
                stack.append((ref, iter(_prerequisites(workspace, ref))))


def _prerequisites(workspace, module_id: str) -> list[str]:
    return [ref for ref in workspace.modules[module_id].prerequisites if ref in workspace.modules and ref != module_id]


def _curriculum_references(workspace, curriculum: Curriculum, found: Findings) -> None:
    if curriculum.default_context and curriculum.default_context not in workspace.contexts:
        ref = curriculum.default_context
        found.error(("default_context",), "unknown_context", ref=ref, suggestion=found.suggest(ref, workspace.contexts))
    longest = 0 if _badly_timed(curriculum.schedule) else half_days(curriculum.schedule)
    for i, item in enumerate(curriculum.items):
        module = workspace.modules.get(item.module)
        if module is None:
            ref = item.module
            suggestion = found.suggest(ref, workspace.modules)
            found.error(("items", i, "module"), "unknown_item_module", ref=ref, suggestion=suggestion)
            continue
        for session in item.chosen(module):
            for activity in session.activities:
                if longest and activity.minutes > longest:
                    found.error(
                        ("items", i, "module"),
                        "activity_too_long",
                        activity=f"{module.id}/{session.id}/{activity.id}",
                        minutes=activity.minutes,
                        longest=longest,
                        module=module.id,
                    )
        known = [s.id for s in module.sessions]
        for j, ref in enumerate(item.sessions):
            if ref not in known:
                found.error(
                    ("items", i, "sessions", j),
                    "unknown_session",
                    module=module.id,
                    ref=ref,
                    choices=", ".join(known),
                    suggestion=found.suggest(ref, known),
                )


def _badly_timed(schedule) -> bool:
    return minutes_of(schedule.day_start) >= minutes_of(schedule.day_end)


def _context_references(workspace, context: Context, found: Findings) -> None:
    from .adapt import target_state

    entries = [("overrides", i, o.target, o.base_revision) for i, o in enumerate(context.overrides)]
    entries += [("additions", i, a.after, a.base_revision) for i, a in enumerate(context.additions)]
    for key, i, target, base_revision in entries:
        state, detail = target_state(workspace, target, base_revision)
        if state == "orphaned":
            found.warn((key, i, "target" if key == "overrides" else "after"), "orphaned", detail=detail)
        elif state == "stale":
            found.warn(
                (key, i, "base_revision"),
                "stale",
                context=context.id,
                module=target.split("/")[0],
                target=target,
                base=base_revision,
                current=detail,
            )
