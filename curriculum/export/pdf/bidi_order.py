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

import unicodedata
from functools import lru_cache

NEUTRAL = frozenset({"B", "S", "WS", "ON"})
# what `text` removes from every string it draws: embeddings, overrides, isolates and marks
OPENING = {"(": ")", "[": "]", "{": "}", "⁅": "⁆", "〈": "〉", "⟨": "⟩"}
CLOSING = frozenset(OPENING.values())
CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@lru_cache(maxsize=4096)
def is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL", "AN")


def needs_bidi(text: str, rtl: bool) -> bool:
    """Whether a line of `text` may be drawn other than as it is stored: anything in a
    right-to-left paragraph, right-to-left letters in a left-to-right one."""
    return bool(text) and (rtl or any(is_rtl_char(ch) for ch in text))


def _resolve_weak(types: list[str], base: str) -> list[str]:
    previous = base
    for i, kind in enumerate(types):  # W1: a combining mark takes the type before it
        if kind == "NSM":
            types[i] = previous
        else:
            previous = kind
    strong = base
    for i, kind in enumerate(types):  # W2: European digits after Arabic letters are Arabic digits
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            types[i] = "AN"
    types[:] = ["R" if kind == "AL" else kind for kind in types]  # W3
    for i in range(1, len(types) - 1):  # W4: one separator between two numbers of a kind
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if kind == "ES" and before == after == "EN":
            types[i] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    i = 0
    while i < len(types):  # W5: currency and percent signs next to European digits
        if types[i] != "ET":
            i += 1
            continue
        end = i
        while end < len(types) and types[end] == "ET":
            end += 1
        if (i > 0 and types[i - 1] == "EN") or (end < len(types) and types[end] == "EN"):
            types[i:end] = ["EN"] * (end - i)
        i = end
    types[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]  # W6
    strong = base
    for i, kind in enumerate(types):  # W7: European digits in a left-to-right stretch
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"
    return types


def _direction(kind: str) -> str:
    return "R" if kind in ("R", "EN", "AN") else "L"


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
        if types[start] != "ON" or types[end] != "ON":
            continue
        inside = {_direction(kind) for kind in types[start + 1 : end] if kind in ("L", "R", "EN", "AN")}
        if not inside:
            continue
        if base in inside:
            found = base
        else:
            before = next((_direction(k) for k in reversed(types[:start]) if k in ("L", "R", "EN", "AN")), base)
            found = before if before in inside else base
        types[start] = types[end] = found


def _resolve_neutral(types: list[str], base: str) -> list[str]:
    direction = _direction
    i = 0
    while i < len(types):
        if types[i] not in NEUTRAL:
            i += 1
            continue
        end = i
        while end < len(types) and types[end] in NEUTRAL:
            end += 1
        before = direction(types[i - 1]) if i > 0 else base
        after = direction(types[end]) if end < len(types) else base
        types[i:end] = [before if before == after else base] * (end - i)  # N1, N2
        i = end
    return types


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
    base = "R" if rtl else "L"
    letters = text.translate(_TYPE_TABLE)
    if rtl and ONLY_RIGHT_TO_LEFT.issuperset(letters):
        return [1] * len(text)  # right-to-left letters, marks and neutrals only: all at the base level
    types = [TYPES[letter] for letter in letters]
    types = _resolve_weak(types, base)
    _resolve_brackets(text, types, base)
    types = _resolve_neutral(types, base)
    base_level = 1 if rtl else 0
    out = []
    for kind in types:
        if base_level == 0:  # I1
            out.append(1 if kind == "R" else 2 if kind in ("AN", "EN") else 0)
        else:  # I2
            out.append(2 if kind in ("L", "EN", "AN") else 1)
    end = len(text)
    while end > 0 and unicodedata.bidirectional(text[end - 1]) in ("WS", "S", "B"):  # L1
        end -= 1
        out[end] = base_level
    return out


def level_runs(text: str, levels: list[int], start: int, end: int) -> list[tuple[int, str]]:
    """The pieces of text[start:end] at one level each, in logical order."""
    runs, i = [], start
    while i < end:
        j = i + 1
        while j < end and levels[j] == levels[i]:
            j += 1
        runs.append((levels[i], text[i:j]))
        i = j
    return runs


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
