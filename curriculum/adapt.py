"""Cultural-context adaptation: apply a context's overrides and additions to modules.

The module library is never forked: a context is a list of changes, each aimed at a path
(`module`, `module/session`, `module/session/activity`, `module/handout:ID`,
`module/question:ID`) and recording
the module revision it was written against. `adapt_module` returns the adapted module and
which paths changed; `target_state` says whether an adaptation is current, stale (the base
moved on) or orphaned (its target is gone). Glossary substitution is in `glossary.py`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace

from .i18n import label
from .model import EMPTY, Activity, Context, Handout, Module, Session, Text

STATES = ("current", "stale", "orphaned")


@dataclass(frozen=True)
class Target:
    module: str
    session: str = ""
    activity: str = ""
    handout: str = ""
    question: str = ""

    @classmethod
    def parse(cls, path: str) -> Target:
        parts = path.split("/")
        if len(parts) == 2 and parts[1].startswith("handout:"):
            return cls(parts[0], handout=parts[1].removeprefix("handout:"))
        if len(parts) == 2 and parts[1].startswith("question:"):
            return cls(parts[0], question=parts[1].removeprefix("question:"))
        parts += [""] * (3 - len(parts))
        return cls(parts[0], parts[1], parts[2])

    def find(self, modules) -> tuple[Module | Session | Activity | Handout | None, Text]:
        """The item the path names, or None and the missing part in words (French and English)."""
        module = modules.get(self.module)
        if module is None:
            return None, Text(fr=f"le module « {self.module} »", en=f"module '{self.module}'")
        if self.handout:
            handout = module.handout(self.handout)
            path = f"{self.module}/handout:{self.handout}"
            return handout, EMPTY if handout else Text(fr=f"le document « {path} »", en=f"handout '{path}'")
        if self.question:
            question = module.question(self.question)
            path = f"{self.module}/question:{self.question}"
            return question, EMPTY if question else Text(fr=f"la question « {path} »", en=f"question '{path}'")
        if not self.session:
            return module, EMPTY
        session = module.session(self.session)
        if session is None:
            path = f"{self.module}/{self.session}"
            return None, Text(fr=f"la séance « {path} »", en=f"session '{path}'")
        if not self.activity:
            return session, EMPTY
        activity = next((a for a in session.activities if a.id == self.activity), None)
        path = f"{self.module}/{self.session}/{self.activity}"
        return activity, EMPTY if activity else Text(fr=f"l’activité « {path} »", en=f"activity '{path}'")


def target_state(workspace, target: str, base_revision: int) -> tuple[str, object]:
    """("current", None), ("stale", current revision) or ("orphaned", what is missing)."""
    parsed = Target.parse(target)
    item, missing = parsed.find(workspace.modules)
    if item is None:
        return "orphaned", missing
    revision = workspace.modules[parsed.module].revision
    if revision > base_revision:
        return "stale", revision
    return "current", None


@dataclass(frozen=True)
class Adapted:
    """A module after a context's changes: which paths changed, and notes added at
    session or module level."""

    module: Module
    changed: frozenset[str] = frozenset()
    added: frozenset[str] = frozenset()
    notes: dict[str, tuple[Text, ...]] = field(default_factory=dict)


def adapt_module(module: Module, context: Context | None) -> Adapted:
    """Apply every override and addition of `context` aimed at `module`.

    Changes whose target is missing are skipped (validation reports them as orphaned).
    """
    if context is None:
        return Adapted(module)
    changed: set[str] = set()
    notes: dict[str, tuple[Text, ...]] = {}
    local = {h.id: h for h in context.handouts} | {("question", q.id): q for q in context.questions}
    for override in context.overrides:
        target = Target.parse(override.target)
        if target.module != module.id or target.find({module.id: module})[0] is None:
            continue
        updated = _apply(module, target, override, local, notes)
        if updated is not None:
            module = updated
            changed.add(override.target)
    added: set[str] = set()
    for addition in context.additions:
        target = Target.parse(addition.after)
        if target.module != module.id or not target.activity or target.find({module.id: module})[0] is None:
            continue
        module = _insert_after(module, target, addition.activity)
        added.add(f"{module.id}/{target.session}/{addition.activity.id}")
    return Adapted(module, frozenset(changed), frozenset(added), notes)


def _apply(module: Module, target: Target, override, local: dict, notes: dict) -> Module | None:
    kind = override.kind
    if kind == "swap":
        if target.question:
            swap = local.get(("question", override.with_))
            if swap is None:
                return None
            questions = tuple(replace(swap, id=q.id) if q.id == target.question else q for q in module.questions)
            return replace(module, questions=questions)
        swap = local.get(override.with_)
        if swap is None or not target.handout:
            return None
        handouts = tuple(replace(swap, id=h.id) if h.id == target.handout else h for h in module.handouts)
        return replace(module, handouts=handouts)
    if kind == "hide":
        return _hide(module, target)
    if kind == "minutes":
        if not target.activity or not override.minutes:
            return None
        return _change(module, target, lambda a: replace(a, minutes=override.minutes))
    if kind == "note":
        if target.activity:
            return _change(
                module, target, lambda a: replace(a, facilitator_notes=_append(a.facilitator_notes, override.note))
            )
        key = f"{target.module}/{target.session}" if target.session else target.module
        notes[key] = notes.get(key, ()) + (override.note,)
        return module
    if kind == "replace":
        return _change(module, target, lambda item: _replace_field(item, override.field_name, override.value))
    return None


def _append(base: Text, note: Text) -> Text:
    """`note` after `base`, in the languages both are written in. A language only one of them
    has is left out, so a pack in it falls back to a language holding both (and reports the
    gap) rather than showing half: Arabic notes with a French-only context note lost the note.
    With no language in common, each language takes the other part in its first language."""
    if not base or not note:
        return base or note
    both = [lang for lang in base if lang in note]
    if both:
        return Text({lang: f"{base[lang]}\n\n{note[lang]}" for lang in both})

    def part(text: Text, lang: str) -> str:
        return text[lang] if lang in text else next(iter(text.values()))

    return Text({lang: f"{part(base, lang)}\n\n{part(note, lang)}" for lang in (*base, *note)})


def _replace_field(item, name: str, value: Text):
    names = {f.name for f in dataclasses.fields(item)}
    if name not in names or not isinstance(getattr(item, name), Text):
        return None
    return replace(item, **{name: value})


def _change(module: Module, target: Target, change) -> Module | None:
    """`change` applied to the item at `target`; None when it does not apply."""
    if target.handout or target.question:
        name, wanted = ("handouts", target.handout) if target.handout else ("questions", target.question)
        items = []
        for item in getattr(module, name):
            if item.id == wanted:
                item = change(item)
                if item is None:
                    return None
            items.append(item)
        return replace(module, **{name: tuple(items)})
    if not target.session:
        return change(module)
    sessions = []
    for session in module.sessions:
        if session.id == target.session:
            session = change(session) if not target.activity else _change_activity(session, target.activity, change)
            if session is None:
                return None
        sessions.append(session)
    return replace(module, sessions=tuple(sessions))


def _change_activity(session: Session, activity_id: str, change) -> Session | None:
    activities = []
    for activity in session.activities:
        if activity.id == activity_id:
            activity = change(activity)
            if activity is None:
                return None
        activities.append(activity)
    return replace(session, activities=tuple(activities))


def _hide(module: Module, target: Target) -> Module | None:
    if target.handout:
        return replace(module, handouts=tuple(h for h in module.handouts if h.id != target.handout))
    if target.question:
        return replace(module, questions=tuple(q for q in module.questions if q.id != target.question))
    if not target.session:
        return None  # a whole module is left out by the curriculum, not hidden by a context
    if not target.activity:
        return replace(module, sessions=tuple(s for s in module.sessions if s.id != target.session))
    return _change(
        module,
        Target(target.module, target.session),
        lambda s: replace(s, activities=tuple(a for a in s.activities if a.id != target.activity)),
    )


def _insert_after(module: Module, anchor: Target, activity: Activity) -> Module:
    def insert(session: Session) -> Session:
        out = []
        for existing in session.activities:
            out.append(existing)
            if existing.id == anchor.activity:
                out.append(activity)
        return replace(session, activities=tuple(out))

    return _change(module, Target(anchor.module, anchor.session), insert) or module


def mark_reviewed(context: Context, index: int, is_addition: bool, revision: int) -> Context:
    """The context with one adaptation re-based on `revision` of its module."""
    if is_addition:
        additions = list(context.additions)
        additions[index] = replace(additions[index], base_revision=revision)
        return replace(context, additions=tuple(additions))
    overrides = list(context.overrides)
    overrides[index] = replace(overrides[index], base_revision=revision)
    return replace(context, overrides=tuple(overrides))


def remove_adaptation(context: Context, index: int, is_addition: bool) -> Context:
    if is_addition:
        return replace(context, additions=tuple(a for i, a in enumerate(context.additions) if i != index))
    return replace(context, overrides=tuple(o for i, o in enumerate(context.overrides) if i != index))


def retarget(context: Context, index: int, is_addition: bool, target: str, revision: int) -> Context:
    """Re-attach an adaptation to another item (written against `revision` of it)."""
    if is_addition:
        additions = list(context.additions)
        additions[index] = replace(additions[index], after=target, base_revision=revision)
        return replace(context, additions=tuple(additions))
    overrides = list(context.overrides)
    overrides[index] = replace(overrides[index], target=target, base_revision=revision)
    return replace(context, overrides=tuple(overrides))


_NAMED = {"method": "method", "grouping": "grouping", "theme": "theme", "kind": "handout_kind"}  # field -> choice kind
_NOT_SHOWN = ("id", "revision", "priority")  # ids, and codes that only a fit reads (optional is a bool)


def item_texts(item, lang: str) -> dict[str, str]:
    """The readable fields of a module, session, activity or handout, in one language."""
    if item is None:
        return {}
    out = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if isinstance(value, Text):
            out[f.name] = value.get(lang)
        elif isinstance(value, str) and f.name in _NAMED:
            out[f.name] = label(_NAMED[f.name], value, lang)
        elif isinstance(value, (int, str)) and not isinstance(value, bool) and f.name not in _NOT_SHOWN:
            out[f.name] = str(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], Text):
            out[f.name] = "\n".join(f"- {t.get(lang)}" for t in value)
        elif isinstance(value, tuple) and value and isinstance(value[0], Activity):
            out[f.name] = "\n".join(f"- {a.title.get(lang)} ({a.minutes} min)" for a in value)
    return out


def compare(then, now, lang: str) -> list[tuple[str, str, str]]:
    """(field, then, now) for every readable field that differs between two versions of an item."""
    before, after = item_texts(then, lang), item_texts(now, lang)
    return [
        (name, before.get(name, ""), after.get(name, ""))
        for name in dict.fromkeys([*before, *after])
        if before.get(name, "") != after.get(name, "")
    ]
