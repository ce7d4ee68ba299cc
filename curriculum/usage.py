"""Where a module is used: which curricula include it and which contexts adapt it."""

from __future__ import annotations

from dataclasses import dataclass

from .adapt import target_state


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
