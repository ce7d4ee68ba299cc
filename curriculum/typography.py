"""A language's typographic conventions, applied to the text of a pack when it is rendered.

French puts a non-breaking space before `; : ! ?` and inside `« »`, and uses one apostrophe
(’). Authors type ordinary spaces, no space at all, or both apostrophes; without this a line
of a pack can begin with "?" or "»". Rules are data by language: a language without rules
is left untouched. Code, link targets, addresses and HTML entities keep what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"  # the fonts we embed have it; the narrow one (U+202F) is missing from some

# Parts of Markdown that must stay as typed: fenced and inline code, link targets,
# autolinks, bare addresses and character references (`&amp;`, `&#39;`).
PROTECTED = re.compile(
    r"```.*?```|`[^`\n]*`|\]\([^)\n]*\)|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>|https?://\S+|&#?[a-zA-Z0-9]+;",
    re.DOTALL,
)

# What may close a word before its punctuation: letters, digits, closing marks, emphasis.
_WORD_END = r"[^\W_]|[)\]*_»\"’%…]"
# After the punctuation: optional closing emphasis or brackets, then a space or the end.
_THEN_SPACE = r"(?=[*_)\]\"]*(?:\s|$))"

_FRENCH_RULES: tuple[tuple[re.Pattern, str], ...] = (
    # ordinary spaces typed before ; : ! ? » become one non-breaking space ("![" is an image)
    (re.compile(r"(?<=\S)[ \t]+(?=[;:?»]|!(?!\[))"), NBSP),
    # none typed before ; ! ? (or : ending a clause): add one
    (re.compile(rf"(?<={_WORD_END})(?=[;:!?]+{_THEN_SPACE})"), NBSP),
    # inside guillemets
    (re.compile(r"«[ \t]*(?=[^\s\u00a0])"), "«" + NBSP),
    (re.compile(r"(?<=[^\s\u00a0«])[ \t]*»"), NBSP + "»"),
    # one apostrophe: the typographic one between letters
    (re.compile(r"(?<=[^\W\d_])'(?=[*_]*[^\W\d_])"), "’"),
)


def _apply(rules, text: str) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def french(text: str) -> str:
    """French typography outside the protected parts of `text`."""
    if not text:
        return text
    pieces, last = [], 0
    for match in PROTECTED.finditer(text):
        pieces += [_apply(_FRENCH_RULES, text[last : match.start()]), match.group()]
        last = match.end()
    pieces.append(_apply(_FRENCH_RULES, text[last:]))
    return "".join(pieces)


RULES: dict[str, Callable[[str], str]] = {"fr": french}

# What a label's colon looks like ("Lieu : Tunis" in French, "Venue: Tunis" elsewhere).
COLONS: dict[str, str] = {"fr": NBSP + ":"}


def colon(lang: str) -> str:
    """The colon after a label in `lang`, with the space a language puts before it."""
    return COLONS.get(lang, ":")


def for_language(lang: str) -> Callable[[str], str] | None:
    """The typographic rules of a language, or None when it has none."""
    return RULES.get(lang)
