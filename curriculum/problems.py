"""Problems found in content, and the error types the core raises for people to read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One finding: `file:line: field: what is wrong — how to fix it`."""

    file: str
    line: int | None
    field: str
    what: str
    fix: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where, self.field, self.what] if self.field else [where, self.what]
        text = ": ".join(parts)
        return f"{text} — {self.fix}" if self.fix else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ContentError(Exception):
    """A user error: invalid content, an unknown id, a refused save. Never a bug."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()):
        super().__init__(message)
        self.problems = tuple(problems)

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems] or [str(self)]


class ConflictError(ContentError):
    """The file changed on disk since it was loaded; the save was refused."""


class UnknownIdError(ContentError):
    """A curriculum, module, session, context or comment id that does not exist."""
