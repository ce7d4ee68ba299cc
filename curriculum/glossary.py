"""Glossary substitution: whole words, case-aware, never inside code or link targets."""

from __future__ import annotations

import functools
import re

from .model import Substitution

# Parts of Markdown that must stay as written: fenced and inline code, link targets,
# autolinks and bare addresses.
_PROTECTED = re.compile(
    r"```.*?```|`[^`\n]*`|\]\([^)\n]*\)|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>|https?://\S+",
    re.DOTALL,
)


def _fold_table() -> dict[int, int | None] | None:
    """A str.translate table that, after str.lower(), writes alike every pair of characters
    the `re` module's IGNORECASE holds equal beyond their lower case (ı ~ i, ſ ~ s, ς ~ σ…,
    read from `re`'s own table), and drops the dot that str.lower() adds to İ (`re` lowers
    it to a plain i). None where this Python has no such table: then there is no shortcut."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:
        return None
    table: dict[int, int | None] = {0x0307: None}
    for code in _EXTRA_CASES:
        group, todo = {code}, [code]
        while todo:
            for other in _EXTRA_CASES.get(todo.pop(), ()):
                if other not in group:
                    group.add(other)
                    todo.append(other)
        table.update({member: min(group) for member in group if member != min(group)})
    return table


_FOLD = _fold_table()
_FOLDED_APART = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]") if _FOLD else None


def _fold(text: str) -> str:
    """`text` in one case, as the glossary's case-blind pattern sees it: wherever the pattern
    matches a term in `text`, the folded term stands in the folded text, and a matched word
    folds to the folded term it matched (İSTANBUL, ıstanbul → istanbul)."""
    if _FOLD is None:
        return text.casefold()
    low = text.lower()
    return low.translate(_FOLD) if _FOLDED_APART.search(low) else low


@functools.lru_cache(maxsize=64)
def _compiled(entries: tuple[Substitution, ...]):
    """The case-blind pattern of the terms (longest first) and their replacements by folded term."""
    usable = sorted((e for e in entries if e.term.strip()), key=lambda e: len(e.term), reverse=True)
    if not usable:
        return None, {}
    pattern = "|".join(re.escape(e.term) for e in usable)
    regex = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
    return regex, {_fold(e.term): e.replace for e in usable}


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
    regex, table = _compiled(entries)
    if regex is None:
        return text
    if _FOLD is not None:  # most texts hold no term: substring tests rule them out faster than the pattern
        folded = _fold(text)
        if not any(term in folded for term in table):
            return text
    return _apply(text, regex, table)


def _apply(text: str, regex: re.Pattern, table: dict[str, str]) -> str:
    def swap(match: re.Match) -> str:
        found = match.group(0)
        return _cased(found, table.get(_fold(found), found))

    out, at = [], 0
    for protected in _PROTECTED.finditer(text):
        out.append(regex.sub(swap, text[at : protected.start()]))
        out.append(protected.group(0))
        at = protected.end()
    out.append(regex.sub(swap, text[at:]))
    return "".join(out)
