"""(curriculum, context, language) -> Programme: the one resolved view every face reads.

The agenda on screen, the command line and every export render a Programme; none of
them re-reads files or computes times. Text is resolved to one language with the
context's glossary applied; every item says whether the context adapted it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from . import languages
from .adapt import Adapted, adapt_module
from .glossary import substitute
from .i18n import label, long_date, notice_text, t
from .model import Context, Curriculum, Module, Text, minutes_of
from .problems import ContentError
from .schedule import Block, Day, Interval, Notice, Piece, Slot, clock, plan, scaled


@dataclass(frozen=True)
class ActivityView:
    module: str
    session: str
    id: str
    title: str
    method: str
    grouping: str
    minutes: int
    base_minutes: int
    instructions: str
    facilitator_notes: str
    materials: tuple[str, ...]
    handouts: tuple[str, ...]
    debrief: tuple[str, ...]
    adapted: bool
    added: bool
    day: int = 0
    start: str = ""
    end: str = ""

    @property
    def path(self) -> str:
        return f"{self.module}/{self.session}/{self.id}"


@dataclass(frozen=True)
class SessionView:
    module: str
    id: str
    title: str
    objectives: tuple[str, ...]
    activities: tuple[ActivityView, ...]
    adapted: bool
    notes: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.module}/{self.id}"

    @property
    def minutes(self) -> int:
        return sum(a.minutes for a in self.activities)

    @property
    def day(self) -> int:
        return self.activities[0].day if self.activities else 0

    @property
    def start(self) -> str:
        return self.activities[0].start if self.activities else ""

    @property
    def end(self) -> str:
        return self.activities[-1].end if self.activities else ""


@dataclass(frozen=True)
class HandoutView:
    module: str
    id: str
    kind: str
    title: str
    body: str
    adapted: bool


@dataclass(frozen=True)
class QuestionView:
    module: str
    id: str
    objective: str
    kind: str
    text: str
    options: tuple[str, ...]
    answer: int | None
    model_answer: str
    explanation: str


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    bloom: str
    text: str


@dataclass(frozen=True)
class ModuleView:
    id: str
    revision: int
    theme: str
    title: str
    summary: str
    objectives: tuple[ObjectiveView, ...]
    audience: tuple[str, ...]
    references: tuple[str, ...]
    sessions: tuple[SessionView, ...]
    handouts: tuple[HandoutView, ...]
    questions: tuple[QuestionView, ...]
    adapted: bool
    notes: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.sessions)


@dataclass(frozen=True)
class Programme:
    curriculum: str
    curriculum_revision: int
    title: str
    summary: str
    context: str
    context_revision: int
    context_name: str
    lang: str
    audience: tuple[str, ...]
    day_start: str
    day_end: str
    interpretation_factor: float
    modules: tuple[ModuleView, ...]
    days: tuple[tuple[Slot, ...], ...]
    notices: tuple[Notice, ...] = ()
    briefing: str = ""
    glossary: tuple[tuple[str, str], ...] = ()
    scope: str = ""  # "" whole curriculum, "day N", or "module/session"

    @property
    def sessions(self) -> tuple[SessionView, ...]:
        return tuple(s for m in self.modules for s in m.sessions)

    @property
    def activities(self) -> tuple[ActivityView, ...]:
        return tuple(a for s in self.sessions for a in s.activities)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(notice_text(n, self.lang) for n in self.notices)

    @property
    def revisions(self) -> dict:
        return {
            "curriculum": self.curriculum_revision,
            "context": self.context_revision,
            "modules": {m.id: m.revision for m in self.modules},
        }

    def agenda(self) -> dict:
        """The agenda in the command line's JSON contract."""
        return {
            "curriculum": self.curriculum,
            "context": self.context,
            "lang": self.lang,
            "days": [
                {"day": number, "slots": [_slot_json(slot) for slot in slots]}
                for number, slots in enumerate(self.days, start=1)
            ],
            "warnings": list(self.warnings),
        }


def _slot_json(slot: Slot) -> dict:
    return {
        "start": clock(slot.start),
        "end": clock(slot.end),
        "kind": slot.kind,
        "module": slot.module,
        "session": slot.session,
        "activity": slot.activity,
        "title": slot.title,
        "method": slot.method,
        "minutes": slot.minutes,
        "continued": slot.continued,
    }


@dataclass
class Texts:
    """Resolves localised text to one language with the context's glossary applied.

    A text without `lang` falls back along `fallback` (the context's order, then the
    workspace's languages) and, failing those, to the first language it has; every text so
    borrowed is counted as a translation gap for `lang` (see `gap_notices`)."""

    lang: str
    context: Context | None
    fallback: tuple[str, ...] = ()
    entries: dict = field(init=False)
    gaps: dict = field(init=False)  # language used instead -> {text: None}, in order met

    def __post_init__(self):
        self.entries = {}
        self.gaps = {}

    def __call__(self, text: Text) -> str:
        used, value = text.source(self.lang, self.fallback)
        if used != self.lang and value:
            self.gaps.setdefault(used, {}).setdefault(value, None)
        if not self.context:
            return value
        entries = self.entries.get(used)
        if entries is None:
            entries = self.entries[used] = self.context.glossary.get(used)
        return substitute(value, entries, used) if entries else value

    def all(self, texts) -> tuple[str, ...]:
        return tuple(self(t) for t in texts)

    def gap_notices(self) -> list[Notice]:
        """One notice per language texts were borrowed from: how many, and the first few."""
        out = []
        for used, found in self.gaps.items():
            examples = ", ".join(f"“{_short(value)}”" for value in list(found)[:GAP_EXAMPLES])
            values = {
                "language": languages.name(self.lang, self.lang),
                "used": languages.name(used, self.lang),
                "count": len(found),
                "examples": examples + (", …" if len(found) > GAP_EXAMPLES else ""),
                "lang": self.lang,
                "from": used,
            }
            out.append(Notice("translation-gap", values))
        return out


GAP_EXAMPLES = 3


def _short(value: str) -> str:
    line = " ".join(value.split())
    return line if len(line) <= 40 else line[:39] + "…"


def fallback_for(lang: str, context: Context | None, workspace_languages=()) -> tuple[str, ...]:
    """Where a text missing in `lang` is looked for: the context's fallback order, then the
    workspace's languages."""
    return languages.fallback_order(lang, context.fallback_order if context else (), workspace_languages)[1:]


def _reference(reference, texts) -> str:
    """A reference as packs print it: a legal text with the date of the law it states, any
    other with the day it was checked."""
    text = texts(reference.text)
    if not reference.checked:
        return text
    day = long_date(datetime.date.fromisoformat(reference.checked), texts.lang)
    key = "pack.law_as_of" if reference.law else "pack.checked_on"
    return f"{text} ({t(key, texts.lang, date=day)})"


def resolve(workspace, curriculum_id: str, context_id: str | None, lang: str) -> Programme:
    """The Programme for a curriculum in a context and a language (any of the workspace's)."""
    if lang not in workspace.languages:
        raise ContentError.coded("unknown_lang_option", lang=lang, declared=", ".join(workspace.languages))
    curriculum: Curriculum = workspace.get("curricula", curriculum_id)
    context_id = context_id or curriculum.default_context
    context: Context | None = workspace.get("contexts", context_id) if context_id else None
    return resolve_records(curriculum, context, workspace.modules, lang, workspace.languages)


def resolve_records(
    curriculum: Curriculum, context: Context | None, modules: dict, lang: str, workspace_languages=()
) -> Programme:
    texts = Texts(lang, context, fallback_for(lang, context, workspace_languages))
    factor = context.timing.interpretation_factor if context else 1.0
    notices: list[Notice] = []
    chosen = chosen_sessions(curriculum, context, modules, notices)
    blocks = [
        Block(
            adapted.module.id,
            session.id,
            tuple(_piece(adapted.module, session, a, factor, texts) for a in session.activities),
        )
        for adapted, sessions in chosen
        for session in sessions
    ]
    day = day_shape(curriculum, context, texts)
    days, plan_notices = plan([b for b in blocks if b.pieces], curriculum.schedule.days, day)
    notices += plan_notices
    times = {(s.module, s.session, s.activity): s for slots in days for s in slots if s.kind == "activity"}
    views = tuple(_module_view(adapted, sessions, texts, factor, times) for adapted, sessions in chosen)
    notices += _content_notices(curriculum, chosen, days, modules, texts)
    context_name = texts(context.name) if context else ""
    briefing = texts(context.briefing) if context else ""
    notices += texts.gap_notices()
    return Programme(
        curriculum=curriculum.id,
        curriculum_revision=curriculum.revision,
        title=texts(curriculum.title),
        summary=texts(curriculum.summary),
        context=context.id if context else "",
        context_revision=context.revision if context else 0,
        context_name=context_name,
        lang=lang,
        audience=curriculum.audience,
        day_start=clock(day.start),
        day_end=clock(day.end),
        interpretation_factor=factor,
        modules=views,
        days=tuple(tuple(d) for d in days),
        notices=tuple(notices),
        briefing=briefing,
        glossary=tuple((e.term, e.replace) for e in context.glossary.get(lang)) if context else (),
    )


def chosen_sessions(curriculum, context, modules, notices) -> list[tuple[Adapted, tuple]]:
    out = []
    for item in curriculum.items:
        module = modules.get(item.module)
        if module is None:
            notices.append(Notice("missing-module", {"module": item.module}))
            continue
        adapted = adapt_module(module, context)
        for session_id in item.sessions:
            if module.session(session_id) is None:
                notices.append(Notice("missing-session", {"module": module.id, "session": session_id}))
        out.append((adapted, item.chosen(adapted.module)))
    return out


def _piece(module: Module, session, activity, factor: float, texts) -> Piece:
    return Piece(
        module.id, session.id, activity.id, texts(activity.title), activity.method, scaled(activity.minutes, factor)
    )


def day_shape(curriculum: Curriculum, context: Context | None, texts) -> Day:
    schedule = curriculum.schedule
    timing = context.timing if context else None
    start = minutes_of(timing.day_start if timing and timing.day_start else schedule.day_start)
    end = minutes_of(timing.day_end if timing and timing.day_end else schedule.day_end)
    pauses = [Interval(minutes_of(b.start), minutes_of(b.start) + b.minutes, "break") for b in schedule.breaks]
    if schedule.lunch:
        lunch = schedule.lunch
        pauses.append(Interval(minutes_of(lunch.start), minutes_of(lunch.start) + lunch.minutes, "lunch"))
    for protected in timing.protected_times if timing else ():
        pauses.append(
            Interval(
                minutes_of(protected.start),
                minutes_of(protected.end),
                "break",
                texts(protected.label),
                protected.days,
                protected=True,
            )
        )
    return Day(start, end, merge_pauses(pauses))


def merge_pauses(pauses: list[Interval]) -> tuple[Interval, ...]:
    """Pauses that overlap on the same days become one (a protected time over lunch is one
    long lunch, titled by the protected time)."""
    merged: list[Interval] = []
    for pause in sorted(pauses, key=lambda p: (p.start, p.end)):
        previous = merged[-1] if merged else None
        if previous and pause.start < previous.end and set(pause.days) == set(previous.days):
            kind = "lunch" if "lunch" in (pause.kind, previous.kind) else "break"
            title = pause.title or previous.title
            protected = pause.protected or previous.protected
            merged[-1] = Interval(previous.start, max(previous.end, pause.end), kind, title, previous.days, protected)
        else:
            merged.append(pause)
    return tuple(merged)


def _module_view(adapted: Adapted, sessions, texts, factor, times) -> ModuleView:
    module = adapted.module
    objectives = {o.id: o for o in module.objectives}
    session_views = tuple(_session_view(adapted, s, objectives, texts, factor, times) for s in sessions)
    handouts = tuple(
        HandoutView(
            module.id, h.id, h.kind, texts(h.title), texts(h.body), f"{module.id}/handout:{h.id}" in adapted.changed
        )
        for h in module.handouts
    )
    questions = tuple(
        QuestionView(
            module.id,
            q.id,
            texts(objectives[q.objective].text) if q.objective in objectives else q.objective,
            q.kind,
            texts(q.text),
            texts.all(q.options),
            q.answer,
            texts(q.model_answer),
            texts(q.explanation),
        )
        for q in module.questions
    )
    return ModuleView(
        id=module.id,
        revision=module.revision,
        theme=module.theme,
        title=texts(module.title),
        summary=texts(module.summary),
        objectives=tuple(ObjectiveView(o.id, o.bloom, texts(o.text)) for o in module.objectives),
        audience=module.audience,
        references=tuple(_reference(r, texts) for r in module.references),
        sessions=session_views,
        handouts=handouts,
        questions=questions,
        adapted=bool(adapted.changed or adapted.added or adapted.notes),
        notes=texts.all(adapted.notes.get(module.id, ())),
    )


def _session_view(adapted: Adapted, session, objectives, texts, factor, times) -> SessionView:
    module_id = adapted.module.id
    activities = []
    for activity in session.activities:
        path = f"{module_id}/{session.id}/{activity.id}"
        slot = times.get((module_id, session.id, activity.id))
        activities.append(
            ActivityView(
                module=module_id,
                session=session.id,
                id=activity.id,
                title=texts(activity.title),
                method=activity.method,
                grouping=activity.grouping,
                minutes=slot.minutes if slot else scaled(activity.minutes, factor),
                base_minutes=activity.minutes,
                instructions=texts(activity.instructions),
                facilitator_notes=texts(activity.facilitator_notes),
                materials=texts.all(activity.materials),
                handouts=activity.handouts,
                debrief=texts.all(activity.debrief),
                adapted=path in adapted.changed,
                added=path in adapted.added,
                day=slot.day if slot else 0,
                start=clock(slot.start) if slot else "",
                end=clock(slot.end) if slot else "",
            )
        )
    path = f"{module_id}/{session.id}"
    adapted_session = path in adapted.changed or any(a.adapted or a.added for a in activities)
    return SessionView(
        module=module_id,
        id=session.id,
        title=texts(session.title),
        objectives=tuple(texts(objectives[o].text) for o in session.objectives if o in objectives),
        activities=tuple(activities),
        adapted=adapted_session,
        notes=texts.all(adapted.notes.get(path, ())),
    )


def _content_notices(curriculum, chosen, days, modules, texts) -> list[Notice]:
    notices = []
    order = [adapted.module.id for adapted, _ in chosen]
    targeted = set(curriculum.audience)

    def name(module_id: str) -> str:  # people read titles; an id stays only where there is no module
        return texts(modules[module_id].title) if module_id in modules else module_id

    for position, (adapted, sessions) in enumerate(chosen):
        module = adapted.module
        title = texts(module.title)
        for required in module.prerequisites:
            if required not in order:
                notices.append(Notice("prerequisite-missing", {"module": title, "prerequisite": name(required)}))
            elif order.index(required) > position:
                notices.append(Notice("prerequisite-order", {"module": title, "prerequisite": name(required)}))
        covered = {o for s in module.sessions for o in s.objectives}
        tested = {q.objective for q in module.questions}
        for objective in module.objectives:
            if objective.id not in covered:
                notices.append(Notice("objective-uncovered", {"module": title, "objective": texts(objective.text)}))
            if objective.id not in tested:
                notices.append(Notice("objective-untested", {"module": title, "objective": texts(objective.text)}))
        for session in sessions:
            aimed = set(session.audience or module.audience)
            if targeted and aimed and not aimed & targeted:
                profiles = ", ".join(sorted(label("profile", p, texts.lang) for p in aimed))
                notices.append(
                    Notice("audience", {"module": title, "session": texts(session.title), "profiles": profiles})
                )
    for number, slots in enumerate(days, start=1):
        total = sum(s.minutes for s in slots if s.kind == "activity")
        talk = sum(s.minutes for s in slots if s.kind == "activity" and s.method == "presentation")
        if total and talk * 2 > total:
            notices.append(Notice("presentation-share", {"day": number, "percent": round(100 * talk / total)}))
    return notices
