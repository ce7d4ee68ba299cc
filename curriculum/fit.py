"""Fit a curriculum to its days in a context: the smallest set of changes that ends the
overflow, as a context's adaptations.

Changes are tried in this order, and only as far as needed:

1. shorten flexible activities (those with `min_minutes`) towards their minimum, lowest
   priority first, the most flexible first;
2. drop optional activities, then optional sessions, lowest priority first, the longest
   first;
3. sessions then land on another day: each is reported as a `move`;
4. when even that is not enough: a `missing` change says how many minutes are still
   missing and how many days would hold the curriculum with those cuts.

Once the plan fits, every change is undone again if the plan still fits without it, and
each shortening is given back as many minutes as the days allow: what is left is needed.
The changes become the context's `minutes` and `hide` overrides (`apply`), recorded with
the module revision they were written against, so modules are never forked and staleness
still works. Fitting plans the days again and again: it works on the schedule's blocks,
not on whole Programmes (one `resolve_records` at the end).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .i18n import t
from .model import EMPTY, Context, Curriculum, Override
from .resolve import Programme, Texts, chosen_sessions, day_shape, fallback_for, resolve_records
from .schedule import Block, Piece, plan, scaled

RANK = {"low": 0, "normal": 1, "high": 2}
KINDS = ("shorten", "drop", "move", "missing")


@dataclass(frozen=True)
class Change:
    kind: str  # one of KINDS
    target: str  # module/session[/activity], or the curriculum id for "missing"
    minutes_before: int  # as the activity or session runs in the context (interpretation included)
    minutes_after: int
    day_before: int = 0  # move
    day_after: int = 0
    days_needed: int = 0  # missing: the fewest days that hold the curriculum with these cuts
    base_minutes: int = 0  # shorten: the minutes the context's override records (before interpretation)

    def as_json(self) -> dict:
        out = {
            "kind": self.kind,
            "target": self.target,
            "minutes_before": self.minutes_before,
            "minutes_after": self.minutes_after,
        }
        if self.kind == "move":
            out.update(day_before=self.day_before, day_after=self.day_after)
        if self.kind == "missing":
            out["days_needed"] = self.days_needed
        return out


@dataclass(frozen=True)
class Fit:
    curriculum: str
    context: str
    days: int
    fits: bool
    changes: tuple[Change, ...]
    programme: Programme  # the agenda with the changes applied

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    def as_json(self) -> dict:
        return {
            "fits": self.fits,
            "changes": [c.as_json() for c in self.changes],
            "agenda": self.programme.agenda(),
        }


@dataclass
class _Activity:
    path: str
    module: str
    session: str
    id: str
    title: str
    method: str
    minutes: int  # base minutes, after the context's own adaptations
    shortest: int
    optional: bool
    rank: tuple
    order: int


@dataclass
class _Session:
    path: str
    module: str
    id: str
    activities: list[_Activity]
    optional: bool
    rank: tuple
    order: int


class _Planner:
    """Plans the days for a state: the minutes of each activity and the paths dropped."""

    def __init__(self, sessions: list[_Session], days: int, day, factor: float):
        self.sessions, self.days, self.day, self.factor = sessions, days, day, factor

    def blocks(self, minutes: dict, dropped: set) -> list[Block]:
        out = []
        for session in self.sessions:
            if session.path in dropped:
                continue
            pieces = tuple(
                Piece(a.module, a.session, a.id, a.title, a.method, scaled(minutes[a.path], self.factor))
                for a in session.activities
                if a.path not in dropped
            )
            if pieces:
                out.append(Block(session.module, session.id, pieces))
        return out

    def run(self, minutes: dict, dropped: set, days: int | None = None):
        return plan(self.blocks(minutes, dropped), days or self.days, self.day)

    def overflow(self, minutes: dict, dropped: set, days: int | None = None) -> int:
        _, notices = self.run(minutes, dropped, days)
        return sum(n.values["minutes"] for n in notices if n.code == "overflow")


def fit(
    curriculum: Curriculum,
    context: Context | None,
    modules: dict,
    lang: str,
    days: int | None = None,
    workspace_languages=(),
) -> Fit:
    """The smallest set of changes that makes `curriculum` fit `days` (default: its own) in `context`."""
    if days is not None:
        curriculum = replace(curriculum, schedule=replace(curriculum.schedule, days=days))
    days = curriculum.schedule.days
    texts = Texts(lang, context, fallback_for(lang, context, workspace_languages))
    factor = context.timing.interpretation_factor if context else 1.0
    sessions = _sessions(curriculum, context, modules, texts)
    planner = _Planner(sessions, days, day_shape(curriculum, context, texts), factor)
    activities = [a for s in sessions for a in s.activities]
    original = {a.path: a.minutes for a in activities}
    minutes, dropped = dict(original), set()
    before = planner.overflow(minutes, dropped)
    applied: list[tuple[str, object]] = []
    if before:
        for step in _candidates(sessions, activities):
            _do(step, minutes, dropped)
            applied.append(step)
            if not planner.overflow(minutes, dropped):
                break
    left = planner.overflow(minutes, dropped) if before else 0
    if before and not left:
        applied = _prune(planner, applied, minutes, dropped, original)
    changes = _changes(planner, sessions, activities, applied, original, minutes, dropped, factor)
    if left:
        needed = next((d for d in range(days + 1, days + 31) if not planner.overflow(minutes, dropped, d)), 0)
        changes.append(Change("missing", curriculum.id, before, left, days_needed=needed))
    # without a context, a nameless one holds the changes so that the agenda shows them
    adapted = apply(context or Context(id="", revision=1, name=EMPTY), tuple(changes), modules)
    programme = resolve_records(curriculum, adapted, modules, lang, workspace_languages)
    return Fit(curriculum.id, context.id if context else "", days, not left, tuple(changes), programme)


def _sessions(curriculum, context, modules, texts) -> list[_Session]:
    out, order = [], 0
    for adapted, sessions in chosen_sessions(curriculum, context, modules, []):
        module = adapted.module
        for session in sessions:
            path = f"{module.id}/{session.id}"
            rank = (RANK.get(session.priority, 1),)
            activities = []
            for activity in session.activities:
                order += 1
                activity_path = f"{path}/{activity.id}"
                added = activity_path in adapted.added
                activities.append(
                    _Activity(
                        activity_path,
                        module.id,
                        session.id,
                        activity.id,
                        texts(activity.title),
                        activity.method,
                        activity.minutes,
                        activity.minutes if added else activity.shortest,
                        activity.optional and not added,
                        (RANK.get(activity.priority, 1),) + rank,
                        order,
                    )
                )
            out.append(_Session(path, module.id, session.id, activities, session.optional, rank, order))
    return out


def _candidates(sessions: list[_Session], activities: list[_Activity]) -> list[tuple[str, object]]:
    shorten = sorted(
        (a for a in activities if a.shortest < a.minutes),
        key=lambda a: (a.rank, a.shortest - a.minutes, a.order),
    )
    drop_activities = sorted((a for a in activities if a.optional), key=lambda a: (a.rank, -a.minutes, -a.order))
    drop_sessions = sorted(
        (s for s in sessions if s.optional),
        key=lambda s: (s.rank, -sum(a.minutes for a in s.activities), -s.order),
    )
    return (
        [("shorten", a) for a in shorten]
        + [("drop", a) for a in drop_activities]
        + [("drop", s) for s in drop_sessions]
    )


def _do(step, minutes: dict, dropped: set) -> None:
    kind, item = step
    if kind == "shorten":
        minutes[item.path] = item.shortest
    else:
        dropped.add(item.path)


def _undo(step, minutes: dict, dropped: set, original: dict) -> None:
    kind, item = step
    if kind == "shorten":
        minutes[item.path] = original[item.path]
    else:
        dropped.discard(item.path)


def _prune(planner: _Planner, applied: list, minutes: dict, dropped: set, original: dict) -> list:
    """Undo every change the plan fits without (drops first), then give shortened
    activities back the most minutes (in steps of 5) with which the plan still fits."""
    kept = []
    for step in reversed(applied):
        _undo(step, minutes, dropped, original)
        if planner.overflow(minutes, dropped):
            _do(step, minutes, dropped)
            kept.append(step)
    kept.reverse()
    for kind, item in kept:
        if kind != "shorten":
            continue
        low, high = 0, (original[item.path] - item.shortest) // 5  # steps of 5 given back
        while low < high:
            middle = (low + high + 1) // 2
            minutes[item.path] = item.shortest + 5 * middle
            if planner.overflow(minutes, dropped):
                high = middle - 1
            else:
                low = middle
        minutes[item.path] = item.shortest + 5 * low
    return [(kind, item) for kind, item in kept if kind != "shorten" or minutes[item.path] < original[item.path]]


def _changes(planner, sessions, activities, applied, original, minutes, dropped, factor) -> list[Change]:
    changes = []
    for kind, item in applied:
        if kind == "shorten":
            before, after = scaled(original[item.path], factor), scaled(minutes[item.path], factor)
            changes.append(Change("shorten", item.path, before, after, base_minutes=minutes[item.path]))
        elif isinstance(item, _Session):
            total = sum(scaled(original[a.path], factor) for a in item.activities)
            changes.append(Change("drop", item.path, total, 0))
        else:
            changes.append(Change("drop", item.path, scaled(original[item.path], factor), 0))
    if applied:
        first_before = _session_days(planner.run(original, set())[0])
        first_after = _session_days(planner.run(minutes, dropped)[0])
        for session in sessions:
            was, now = first_before.get(session.path, 0), first_after.get(session.path, 0)
            if was and now and was != now:
                total_before = sum(scaled(original[a.path], factor) for a in session.activities)
                total_after = sum(scaled(minutes[a.path], factor) for a in session.activities if a.path not in dropped)
                changes.append(Change("move", session.path, total_before, total_after, was, now))
    return changes


def _session_days(days) -> dict[str, int]:
    out: dict[str, int] = {}
    for number, slots in enumerate(days, start=1):
        for slot in slots:
            if slot.kind == "activity":
                out.setdefault(f"{slot.module}/{slot.session}", number)
    return out


def apply(context: Context, changes: tuple[Change, ...], modules: dict) -> Context:
    """`context` with the fit's shortenings and drops recorded as its `minutes` and `hide`
    overrides (an existing override on the same target is updated in place)."""
    overrides = list(context.overrides)
    for change in changes:
        if change.kind not in ("shorten", "drop"):
            continue
        module = modules.get(change.target.split("/")[0])
        if module is None:
            continue
        kind = "minutes" if change.kind == "shorten" else "hide"
        minutes = change.base_minutes if kind == "minutes" else None
        new = Override(change.target, module.revision, kind, minutes=minutes)
        index = next(
            (i for i, o in enumerate(overrides) if o.target == change.target and o.kind in ("minutes", "hide")), None
        )
        if index is None:
            overrides.append(new)
        else:
            overrides[index] = new
    return replace(context, overrides=tuple(overrides))


def target_title(target: str, modules: dict, lang: str) -> str:
    """A change's target by its titles ("Module › Session › Activity"), for people; the id path
    when the module is unknown (a `missing` change names the curriculum instead)."""
    parts = target.split("/")
    module = modules.get(parts[0])
    if module is None:
        return target
    names = [module.title.get(lang)]
    session = module.session(parts[1]) if len(parts) > 1 else None
    if session is not None:
        names.append(session.title.get(lang))
        activity = next((a for a in session.activities if len(parts) > 2 and a.id == parts[2]), None)
        if activity is not None:
            names.append(activity.title.get(lang))
    return " › ".join(names)


def summary(result: Fit, lang: str) -> str:
    """One sentence: "Fit to 3 days for the Chad context: shorten 6 activities, drop 2 optional ones"."""
    context = result.programme.context_name or t("composer.none", lang)
    parts = [_counted(kind, result.count(kind), lang) for kind in ("shorten", "drop", "move") if result.count(kind)]
    missing = next((c for c in result.changes if c.kind == "missing"), None)
    if missing:
        parts.append(t("fit.missing", lang, minutes=missing.minutes_after, days=missing.days_needed))
    days = _counted("days", result.days, lang)
    if not parts:
        return t("fit.nothing", lang, days=days, context=context)
    return t("fit.summary", lang, days=days, context=context, changes=", ".join(parts))


def _counted(key: str, count: int, lang: str) -> str:
    return t(f"fit.{key}", lang, count=count)  # a plural entry: the catalog chooses the form
