"""Glossary substitution: whole words, case-aware, never inside code or link targets."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .model import Substitution

# Parts of Markdown that must stay as written: fenced and inline code, link targets,
# autolinks and bare addresses.
_PROTECTED = re.compile(
    r"```.*?```|`[^`\n]*`|\]\([^)\n]*\)|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>|https?://\S+",
    re.DOTALL,
)


@dataclass(frozen=True)
class _Terms:
    """A glossary ready to apply: the case-blind pattern of all terms (longest first), each
    term's own pattern with its replacement in that order, and the position of each term by
    lower case."""

    pattern: re.Pattern
    each: tuple[tuple[re.Pattern, str], ...]
    by_lower: dict[str, int]

    def replacement(self, found: str) -> str:
        """The replacement of the term the pattern matched as `found`: the first term, in the
        pattern's order, that matches the whole of `found` as the pattern did (so a word
        written with İ, ı or ſ gets its term's replacement); the lower-case guess is checked
        first, since it is nearly always right."""
        guess = self.by_lower.get(found.lower())
        if guess is not None and self.each[guess][0].fullmatch(found):
            return self.each[guess][1]
        return next((replace for term, replace in self.each if term.fullmatch(found)), found)


@functools.lru_cache(maxsize=64)
def _compiled(entries: tuple[Substitution, ...]) -> _Terms | None:
    usable = sorted((e for e in entries if e.term.strip()), key=lambda e: len(e.term), reverse=True)
    if not usable:
        return None
    pattern = "|".join(re.escape(e.term) for e in usable)
    by_lower: dict[str, int] = {}
    for at, entry in enumerate(usable):
        by_lower.setdefault(entry.term.lower(), at)
    return _Terms(
        re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE),
        tuple((re.compile(re.escape(e.term), re.IGNORECASE), e.replace) for e in usable),
        by_lower,
    )


def _cased(found: str, replacement: str) -> str:
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def substitute(text: str, entries: tuple[Substitution, ...]) -> str:
    """`text` with each glossary term replaced by its local word, outside protected parts."""
    if not text or not entries:
        return text
    terms = _compiled(entries)
    if terms is None:
        return text

    def swap(match: re.Match) -> str:
        found = match.group(0)
        return _cased(found, terms.replacement(found))

    out, at = [], 0
    for protected in _PROTECTED.finditer(text):
        out.append(terms.pattern.sub(swap, text[at : protected.start()]))
        out.append(protected.group(0))
        at = protected.end()
    out.append(terms.pattern.sub(swap, text[at:]))
    return "".join(out)
