"""Problems found in content, and the error types the core raises for people to read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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
    code: str = ""  # a `messages` code: the same problem can then be told in French
    values: tuple = ()  # the message's (name, value) pairs

    @classmethod
    def coded(
        cls, file: str, line: int | None, code: str, values: dict, field: str = "", severity: str = "error"
    ) -> Problem:
        """The problem `code` of `messages`, filled with `values`; `what` and `fix` in English."""
        from .messages import text

        what, fix = text(code, values, "en")
        return cls(file, line, field, what, fix, severity, code, tuple(values.items()))

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """`file:line: field: what — fix`, what and fix in `lang` when the message has a code."""
        what, fix = self.what, self.fix
        if self.code:
            from .messages import text

            what, fix = text(self.code, dict(self.values), lang)
        where = f"{self.file}:{self.line}" if self.line else self.file
        return ": ".join([where, self.field, _joined(what, fix)] if self.field else [where, _joined(what, fix)])

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ContentError(Exception):
    """A user error: invalid content, an unknown id, a refused save. Never a bug.

    Raised with `coded(code, **values)`, it carries a `messages` code: `str(exc)` is the
    English sentence (the command line), `exc.lines("fr")` the same refusal in French.
    """

    def __init__(self, message: str, problems: Iterable[Problem] = (), *, code: str = "", values: tuple = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)
        self.code = code  # a `messages` code, or "" for a message in English only
        self.values = tuple(values)  # the message's (name, value) pairs

    @classmethod
    def coded(cls, code: str, /, *, problems: Iterable[Problem] = (), **values):
        """The refusal `code` of `messages`, filled with `values`; its English sentence is the message."""
        pairs = tuple(values.items())
        return cls(_sentence(code, pairs, "en"), problems, code=code, values=pairs)

    def lines(self, lang: str = "en") -> list[str]:
        """Every problem in `lang`; without problems, the refusal itself in `lang` (English if it has no code)."""
        if self.problems:
            return [p.text(lang) for p in self.problems]
        if self.code:
            return [_sentence(self.code, self.values, lang)]
        return [str(self)]


def _sentence(code: str, values: tuple, lang: str) -> str:
    """`what — fix` of a message (just `what` when it has no fix)."""
    from .messages import text

    return _joined(*text(code, dict(values), lang))


def _joined(what: str, fix: str) -> str:
    return f"{what} — {fix}" if fix else what


class ConflictError(ContentError):
    """The file changed on disk since it was loaded; the save was refused."""


class UnknownIdError(ContentError):
    """A curriculum, module, session, context or comment id that does not exist."""


class WriteError(ContentError):
    """A file could not be written (read-only folder, full disk…); nothing was half-written."""


@contextmanager
def writing(path) -> Iterator[None]:
    """Turn an OSError met while writing `path` into one WriteError line: what, where, what to do."""
    try:
        yield
    except OSError as exc:  # named by `path`, not by the temporary or lock file the error may name
        raise WriteError.coded("cannot_write", path=path, reason=exc.strerror or str(exc)) from None
