"""Cultural-context adaptation: where an override points, and whether it still fits."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Activity, Handout, Module, Session


@dataclass(frozen=True)
class Target:
    module: str
    session: str = ""
    activity: str = ""
    handout: str = ""

    @classmethod
    def parse(cls, path: str) -> Target:
        parts = path.split("/")
        if len(parts) == 2 and parts[1].startswith("handout:"):
            return cls(parts[0], handout=parts[1].removeprefix("handout:"))
        parts += [""] * (3 - len(parts))
        return cls(parts[0], parts[1], parts[2])

    def find(self, modules) -> tuple[Module | Session | Activity | Handout | None, str]:
        """The item the path names, or None and a description of the missing part."""
        module = modules.get(self.module)
        if module is None:
            return None, f"module '{self.module}'"
        if self.handout:
            handout = module.handout(self.handout)
            return handout, "" if handout else f"handout '{self.module}/{self.handout}'"
        if not self.session:
            return module, ""
        session = module.session(self.session)
        if session is None:
            return None, f"session '{self.module}/{self.session}'"
        if not self.activity:
            return session, ""
        activity = next((a for a in session.activities if a.id == self.activity), None)
        return activity, "" if activity else f"activity '{self.module}/{self.session}/{self.activity}'"


def target_state(workspace, target: str, base_revision: int) -> tuple[str, object]:
    """("current", None), ("stale", current revision) or ("orphaned", what is missing)."""
    item, missing = Target.parse(target).find(workspace.modules)
    if item is None:
        return "orphaned", missing
    module = workspace.modules[Target.parse(target).module]
    if module.revision > base_revision:
        return "stale", module.revision
    return "current", None
