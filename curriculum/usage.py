"""Where a module is used: which curricula include it and which contexts adapt it."""

from __future__ import annotations

from dataclasses import dataclass

from .adapt import target_state
from .i18n import label
from .typography import NBSP, colon


@dataclass(frozen=True)
class Adaptation:
    context: str
    kind: str  # override kind, or "addition"
    target: str
    base_revision: int
    state: str  # current, stale or orphaned
    index: int  # position in the context's overrides or additions
    is_addition: bool = False


def adaptations(workspace, module_id: str | None = None) -> list[Adaptation]:
    """Every override and addition in the workspace (of one module when given), with its state."""
    out = []
    for context in workspace.contexts.values():
        entries = [(i, o.kind, o.target, o.base_revision, False) for i, o in enumerate(context.overrides)]
        entries += [(i, "addition", a.after, a.base_revision, True) for i, a in enumerate(context.additions)]
        for index, kind, target, base_revision, is_addition in entries:
            if module_id and target.split("/")[0] != module_id:
                continue
            state, _ = target_state(workspace, target, base_revision)
            out.append(Adaptation(context.id, kind, target, base_revision, state, index, is_addition))
    return out


def curricula_using(workspace, module_id: str) -> list[str]:
    return sorted(c.id for c in workspace.curricula.values() if any(item.module == module_id for item in c.items))


def describe_adaptation(context, adaptation: Adaptation, lang: str) -> str:
    """What an adaptation does, in one line of the given language."""
    if adaptation.is_addition:
        added = context.additions[adaptation.index].activity
        return f"+ {added.title.get(lang)} ({added.minutes} min)"
    override = context.overrides[adaptation.index]
    kind = label("adaptation", override.kind, lang).capitalize()
    if override.kind == "minutes":
        return f"{kind}{colon(lang).replace(NBSP, ' ')} {override.minutes} min"
    if override.kind == "note":
        return f"✎ {override.note.get(lang)}"
    if override.kind == "replace":
        return f"{label('field', override.field_name, lang).capitalize()} → {override.value.get(lang)}"
    if override.kind == "swap":
        local = next((h for h in context.handouts if h.id == override.with_), None)
        return f"⇄ {local.title.get(lang) if local else override.with_}"
    return kind
