"""The order in which the pieces of one laid-out line are drawn: the Unicode bidirectional
algorithm (UAX #9), its implicit rules, on text in logical order.

python-bidi, the maintained implementation on PyPI, gives back a display string but not the
levels that say which piece of a line goes where, and ReportLab's own bidi needs `rlbidi`,
which PyPI does not have; so the rules are written here: weak types (W1-W7), paired
brackets and neutrals (N0-N2), implicit levels (I1-I2), trailing white space (L1) and reordering (L2). Explicit
embeddings, overrides and isolates are not honoured: `text` drops those controls before a
line is laid out (a stray U+202E must not reverse a pack), and a French name inside an
Arabic sentence needs no isolate to keep its order under the implicit rules.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# what `text` removes from every string it draws: embeddings, overrides, isolates and marks
OPENING = {"(": ")", "[": "]", "{": "}", "⁅": "⁆", "〈": "〉", "⟨": "⟩"}
CLOSING = frozenset(OPENING.values())
_OPENING = frozenset(OPENING)
CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@lru_cache(maxsize=4096)
def is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL", "AN")


def needs_bidi(text: str, rtl: bool) -> bool:
    """Whether a line of `text` may be drawn other than as it is stored: anything in a
    right-to-left paragraph, right-to-left letters in a left-to-right one."""
    return bool(text) and (rtl or any(is_rtl_char(ch) for ch in text))


def _resolve_weak(types: str, base: str) -> str:
    """Rules W1-W7 on one letter per character (`TYPES`)."""
    if "m" in types:  # W1: a combining mark takes the type before it (marks on marks: again)
        types = base + types
        while "m" in types:
            types = _MARK.sub(r"\1\1", types)
        types = types[1:]
    if "A" in types:  # W2: European digits after Arabic letters are Arabic digits
        if "E" in types:
            types = _AFTER_ARABIC.sub(lambda m: m[0].replace("E", "N"), types)
        types = types.replace("A", "R")  # W3
    if "s" in types or "c" in types:  # W4: one separator between two numbers of a kind
        types = _NUMBER_SEPARATOR.sub("E", types)
        types = _ARABIC_NUMBER_SEPARATOR.sub("N", types)
    if "t" in types:  # W5: currency and percent signs next to European digits
        types = _TERMINATORS.sub(lambda m: _terminators(m, types), types)
    types = types.translate(_W6)  # W6
    if "E" in types:  # W7: European digits in a left-to-right stretch
        types = _AFTER_LEFT.sub(lambda m: m[0].replace("E", "L"), base + types)[1:]
    return types


_MARK = re.compile(r"([^m])m")
_AFTER_ARABIC = re.compile(r"A[^LRA]*")
_AFTER_LEFT = re.compile(r"L[^LR]*")
_NUMBER_SEPARATOR = re.compile(r"(?<=E)[sc](?=E)")
_ARABIC_NUMBER_SEPARATOR = re.compile(r"(?<=N)c(?=N)")
_TERMINATORS = re.compile(r"t+")
_W6 = str.maketrans("stc", "OOO")


def _terminators(match: re.Match, types: str) -> str:
    start, end = match.span()
    if (start and types[start - 1] == "E") or (end < len(types) and types[end] == "E"):
        return "E" * (end - start)
    return match[0]


def _direction(kind: str) -> str:
    return "R" if kind in "REN" else "L"


def bracket_pairs(text: str) -> list[tuple[int, int]]:
    """The paired brackets of `text` (BD16), by the position of the opening one."""
    pairs, stack = [], []
    for i, ch in enumerate(text):
        if ch in OPENING:
            if len(stack) == 63:
                break
            stack.append((OPENING[ch], i))
        elif ch in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_brackets(text: str, types: list[str], base: str) -> None:
    """N0: a pair of brackets takes the direction of the text inside it (or of the text
    before it, when the inside runs the other way), so "(module-2)" keeps its brackets round it."""
    for start, end in bracket_pairs(text):
        if types[start] != "O" or types[end] != "O":
            continue
        inside = {_direction(kind) for kind in types[start + 1 : end] if kind in "LREN"}
        if not inside:
            continue
        if base in inside:
            found = base
        else:
            before = next((_direction(k) for k in reversed(types[:start]) if k in "LREN"), base)
            found = before if before in inside else base
        types[start] = types[end] = found


def _resolve_neutral(types: str, base: str) -> str:
    """Rules N1-N2: a run of neutrals between two of one direction takes it, else the base."""
    if not _NEUTRALS.search(types):
        return types

    def resolved(match: re.Match) -> str:
        start, end = match.span()
        before = _direction(types[start - 1]) if start else base
        after = _direction(types[end]) if end < len(types) else base
        return (before if before == after else base) * (end - start)

    return _NEUTRALS.sub(resolved, types)


_NEUTRALS = re.compile(r"[BSWO]+")


class _Types(dict):
    """Character -> its bidi type as one letter (`str.translate` table, filled as it is used)."""

    def __missing__(self, code: int) -> str:
        letter = self[code] = LETTERS[unicodedata.bidirectional(chr(code)) or "L"]
        return letter


TYPES = {"L": "L", "R": "R", "A": "AL", "E": "EN", "s": "ES", "t": "ET", "N": "AN", "c": "CS", "m": "NSM"}
TYPES |= {"b": "BN", "B": "B", "S": "S", "W": "WS", "O": "ON"}
LETTERS = {name: letter for letter, name in TYPES.items()}
LETTERS |= dict.fromkeys(("LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"), "O")  # (dropped before)
_TYPE_TABLE = _Types()
# the types of a line that is right to left throughout in a right-to-left paragraph
ONLY_RIGHT_TO_LEFT = frozenset("RAmbBSWOcst")


def levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character of one line (0 left to right, 1 right to left,
    2 left to right inside right to left)."""
    return [int(level) for level in level_string(text, rtl)]


def level_string(text: str, rtl: bool) -> str:
    """`levels` as one digit per character (what `level_runs` reads)."""
    base = "R" if rtl else "L"
    letters = text.translate(_TYPE_TABLE)
    if rtl and ONLY_RIGHT_TO_LEFT.issuperset(letters):
        return "1" * len(text)  # right-to-left letters, marks and neutrals only: all at the base level
    types = _resolve_weak(letters, base)
    if not _OPENING.isdisjoint(text):
        found = list(types)
        _resolve_brackets(text, found, base)
        types = "".join(found)
    types = _resolve_neutral(types, base)
    out = types.translate(_I2 if rtl else _I1)
    end = len(letters.rstrip("WSB"))  # L1: white space at the end of the line is at the base level
    return out[:end] + ("1" if rtl else "0") * (len(out) - end)


_I1 = str.maketrans("LRENb", "01220")  # (a boundary neutral: the base level)
_I2 = str.maketrans("LRENb", "21221")


def level_runs(text: str, levels: str, start: int, end: int) -> list[tuple[int, str]]:
    """The pieces of text[start:end] at one level each (`level_string`), in logical order."""
    return [(int(levels[run.start()]), text[run.start() : run.end()]) for run in _RUNS.finditer(levels, start, end)]


_RUNS = re.compile(r"0+|1+|2+")


def visual_order(run_levels: list[int]) -> list[int]:
    """The indices of runs in the order they are drawn, left to right (rule L2)."""
    order = list(range(len(run_levels)))
    if not run_levels:
        return order
    lowest_odd = min(level for level in run_levels) | 1
    for level in range(max(run_levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if run_levels[order[i]] < level:
                i += 1
                continue
            end = i
            while end < len(order) and run_levels[order[end]] >= level:
                end += 1
            order[i:end] = order[i:end][::-1]
            i = end
    return order
