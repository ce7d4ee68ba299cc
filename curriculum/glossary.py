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


@functools.lru_cache(maxsize=64)
def _compiled(entries: tuple[Substitution, ...]):
    usable = sorted((e for e in entries if e.term.strip()), key=lambda e: len(e.term), reverse=True)
    if not usable:
        return None, {}
    pattern = "|".join(re.escape(e.term) for e in usable)
    regex = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
    return regex, {e.term.casefold(): e.replace for e in usable}


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

    def swap(match: re.Match) -> str:
        found = match.group(0)
        return _cased(found, table.get(found.casefold(), found))

    out, at = [], 0
    for protected in _PROTECTED.finditer(text):
        out.append(regex.sub(swap, text[at : protected.start()]))
        out.append(protected.group(0))
        at = protected.end()
    out.append(regex.sub(swap, text[at:]))
    return "".join(out)
