"""Layout arithmetic: table column widths, rough cell heights, bookmark keys and outline levels."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from .. import richtext
from ..document import Heading
from .fonts import FONT, FONT_B
from .styles import CELL, CELL_PAD, FRAME_W


def relative_widths(relative: tuple[float, ...], columns: int, total: float) -> list[float]:
    weights = [float(w) for w in relative] if len(relative) == columns else []
    if not weights or any(not (w > 0) or w == float("inf") for w in weights):
        weights = [1.0] * columns
    scale = total / sum(weights)
    return [w * scale for w in weights]


MARKS = str.maketrans("", "", "*_`~[]")


def min_widths(header: list[str], rows: list[list[str]], columns: int) -> list[float]:
    """Per column, the width of its longest word (so that "08:30–08:45" or "Minutes" is not cut)."""
    mins = []
    for column in range(columns):
        best = 0.0
        cells = [(header[column], FONT_B)] if header else []
        cells += [(row[column], FONT) for row in rows]
        for text, font in cells:
            words = (text or "").translate(MARKS).split()
            if words:
                word = max(words, key=len)
                if len(word) * CELL.size * 0.68 > best:  # only measure what may be wider
                    best = max(best, pdfmetrics.stringWidth(word, font, CELL.size))
        mins.append(best + 2 * CELL_PAD + 1.5 if best else 0)
    return mins


def auto_widths(rows: list[list[list[richtext.Run]]], head: int, columns: int) -> list[str]:
    """Column widths of a Markdown table, as percentages of the room it gets: every column
    at least as wide as its longest word, the rest shared by how much text each one holds."""
    total = FRAME_W
    low, high = [0.0] * columns, [0.0] * columns
    for number, row in enumerate(rows):
        font = FONT_B if number < head else FONT
        for column, runs in enumerate(row[:columns]):
            text = " ".join(richtext.plain(runs).split())[:600]
            if not text:
                continue
            word = max(text.split(), key=len)
            low[column] = max(low[column], pdfmetrics.stringWidth(word, font, CELL.size) + 2 * CELL_PAD + 1.5)
            high[column] = max(high[column], pdfmetrics.stringWidth(text, font, CELL.size) + 2 * CELL_PAD + 1.5)
    low = [min(max(w, 24.0), total * 0.4) for w in low]
    high = [max(h, w) for h, w in zip(high, low, strict=True)]
    if sum(high) <= total:
        widths = [h * total / sum(high) for h in high]
    elif sum(low) >= total:
        widths = [w * total / sum(low) for w in low]
    else:
        spare, wish = total - sum(low), sum(h - w for h, w in zip(high, low, strict=True))
        widths = [w + spare * (h - w) / wish for h, w in zip(high, low, strict=True)]
    return [f"{100 * w / total:.3f}%" for w in widths]


def fit_widths(widths: list[float], mins: list[float], total: float) -> list[float]:
    """Widen the columns narrower than their longest word, taking room from the others."""
    mins = [min(m, total * 0.4) for m in mins]
    deficit = sum(max(0.0, m - w) for w, m in zip(widths, mins, strict=True))
    slack = [max(0.0, w - m) for w, m in zip(widths, mins, strict=True)]
    room = sum(slack)
    if deficit <= 0 or room <= 0:
        return widths
    take = min(deficit, room)
    return [
        w + (m - w) * take / deficit if m > w else w - s * take / room
        for w, m, s in zip(widths, mins, slack, strict=True)
    ]


def estimate_height(text: str, width: float) -> float:
    """A rough height of a table cell: long cells let the table split inside a row."""
    if len(text) < 400:
        return 0
    per_line = max((width - 10) / (CELL.size * 0.55), 1)
    return (len(text) / per_line + text.count("\n")) * CELL.leading


def heading_level(heading: Heading) -> int:
    return min(max(int(heading.level), 1), 3)


def bookmark_keys(headings: list[Heading]) -> list[str]:
    """Unique bookmark names from the headings' anchors."""
    seen = {"contents"} | {f"contents-{n}" for n in range(2, 10)}
    keys = []
    for number, heading in enumerate(headings, start=1):
        base = "".join(c if (c.isascii() and c.isalnum()) or c in "-_" else "-" for c in heading.anchor or "")
        base = base[:80] or f"h{number}"
        key, count = base, 1
        while key in seen:
            count += 1
            key = f"{base}-{count}"
        seen.add(key)
        keys.append(key)
    return keys


def outline_levels(headings: list[Heading]) -> list[int]:
    """Outline levels that never jump by more than one (PDF outlines need a parent)."""
    levels, previous = [], -1
    for heading in headings:
        level = min(heading_level(heading) - 1, previous + 1)
        levels.append(level)
        previous = level
    return levels
