"""Text shaped by HarfBuzz (through uharfbuzz, as ReportLab does): Arabic letters joined,
lam-alef and the other ligatures, marks placed, in the direction the bidi algorithm gave
the run. Glyphs are written as plain strings (`GlyphStr`), each with the width that brings
the next glyph where HarfBuzz put it, and as ReportLab's own `ShapedStr` (which its text
object writes glyph by glyph, much more slowly) only where a width cannot place them; marks
are drawn after their run, their letter standing for them, so that text extractors read
whole words. Each code ReportLab gives a glyph in the Private Use Area is remembered with the
characters it stands for (`ShapingFont.actual`), for the PDF's ToUnicode map."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from .fonts import GlyphStr, ShapingFont

FEATURES = {"kern": True, "liga": True}
# In a `ShapedStr`, a glyph followed by one that shaping moved away from it (a mark over the
# letter before) is written with a wider width in the PDF's font widths, in steps of
# READING_STEP thousandths of an em. Where glyphs are drawn does not change (each is placed by
# its shaped advance), but a text extractor measuring the gap between glyphs no longer takes
# the moved one for the start of a new word; the space between words stays a break, the space
# character itself being there. (In a plain string each width reaches the next glyph exactly.)
READING_STEP = 50
SAME_WIDTH = 0.01  # thousandths of an em: widths closer than this are one width
MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


@lru_cache(maxsize=64)
def _hb_font(name: str) -> uharfbuzz.Font:
    font = pdfmetrics.getFont(name)
    return uharfbuzz.Font(font.hbFace)


def _shaped(font: ShapingFont, text: str, rtl: bool | None) -> uharfbuzz.Buffer:
    """HarfBuzz's buffer of glyphs and positions (font units) for `text`, in direction `rtl`
    (None: the direction of its script, as a word is measured)."""
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(str(text))  # (a plain str: ReportLab splits words into str subclasses)
    buffer.guess_segment_properties()
    if rtl is not None:
        buffer.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(_hb_font(font.fontName), buffer, FEATURES)
    return buffer


def shaped_width(font: ShapingFont, text: str, size: float) -> float:
    """The width of `text` once shaped in the direction of its script (line breaking measures
    words one by one)."""
    return _em_width(font.fontName, str(text)) * size / 1000 if text else 0.0


@lru_cache(maxsize=50_000)
def _em_width(name: str, text: str) -> float:
    font = pdfmetrics.getFont(name)
    positions = _shaped(font, text, None).glyph_positions
    return sum(position.x_advance for position in positions) * 1000 / font.face.unitsPerEm


@lru_cache(maxsize=20_000)
def shaped_pieces(name: str, text: str, rtl: bool) -> tuple[str, ...]:
    """`text` (in logical order) shaped in the font `name`, its glyphs in drawing order.

    Where HarfBuzz moved a glyph (kerning, a mark over its letter, a cursive join), the glyph
    before it is written with the width that brings the next one where HarfBuzz put it (its
    own code when that is its usual width, else a code of its own per width: `glyph_code`),
    so that most text is plain strings of glyphs (`GlyphStr`, one string for ReportLab to
    write). Only what plain widths cannot place (a raised glyph, a width that would be
    negative) is cut out as ReportLab's `ShapedStr`, written glyph by glyph (`_placed`). Marks
    and glyphs that stand for no character come last, placed back from the run's end (`_tail`).
    Remembered: the result is only read."""
    font = pdfmetrics.getFont(name)
    buffer = _shaped(font, text, rtl)
    infos = buffer.glyph_infos
    count = len(infos)
    if not count:
        return ()
    # (font units; the PDF's widths are thousandths of an em)
    x_offsets, y_offsets, advances, y_advances = map(
        list, zip(*(p.position for p in buffer.glyph_positions), strict=True)
    )
    scale = 1000 / font.face.unitsPerEm
    gids = [info.codepoint for info in infos]
    clusters = [info.cluster for info in infos]
    sources = _sources(font, text, clusters, gids, rtl)
    pens = [0, *accumulate(advances)]
    later = _tail(advances, y_offsets, y_advances, sources, clusters, rtl)
    tail = []  # (code, how it is placed) of the glyphs drawn after the run, from its end (`_tail`)
    if later:
        for i in sorted(later, key=lambda i: (bool(y_offsets[i]), i)):
            code, width = glyph_code(font, gids[i], "", 0)
            x_offset = (pens[i] + x_offsets[i] - pens[count]) * scale
            tail.append((chr(code), ShapeData(clusters[i], 0, 0, x_offset, y_offsets[i] * scale, width)))
        kept = [i for i in range(count) if i not in later]
        # a glyph left out gives its advance to the glyph before it (a mark has none)
        advances = [pens[end] - pens[start] for start, end in zip(kept, [*kept[1:], count], strict=True)]
        gids, clusters, sources, x_offsets, y_offsets, y_advances = (
            [values[i] for i in kept] for values in (gids, clusters, sources, x_offsets, y_offsets, y_advances)
        )
        count = len(kept)
    y_offsets[0] = 0  # a mark with nothing before it is not raised (ReportLab's writer looks back)
    placed = _placed(advances, x_offsets, y_offsets, y_advances)
    # each glyph of a plain string as wide as the way to where the next one is drawn
    widths = [a + after - x for a, after, x in zip(advances, [*x_offsets[1:], 0], x_offsets, strict=True)]
    known = font.codes
    pieces, start = [], 0
    for end in range(1, count + 1):
        if end < count and placed[end] == placed[start]:
            continue
        codes = []
        if placed[start]:
            data = []
            for i in range(start, end):
                gid = gids[i]
                # how far the next glyph is pushed away from this one, for text extraction (READING_STEP)
                nominal = nominal_advance(font, gid)
                gap = widths[i] * scale - nominal
                slack = -(-gap // READING_STEP) * READING_STEP if gap > READING_STEP / 2 else 0
                code, width = glyph_code(font, gid, sources[i], nominal + slack)
                codes.append(chr(code))
                x_offset, y_offset = x_offsets[i] * scale, y_offsets[i] * scale
                data.append(
                    ShapeData(clusters[i], advances[i] * scale, y_advances[i] * scale, x_offset, y_offset, width)
                )
            pieces.append(ShapedStr("".join(codes), shapeData=data))
        else:
            if end < count:  # the next glyph places itself
                widths[end - 1] = advances[end - 1] - x_offsets[end - 1]
            for i in range(start, end):
                key = (gids[i], sources[i], widths[i] * scale)
                found = known.get(key)
                if found is None:
                    found = glyph_code(font, *key)
                codes.append(chr(found[0]))
            pieces.append(GlyphStr("".join(codes), sum(advances[start:end]) * scale))
        start = end
    if tail:
        pieces.append(ShapedStr("".join(code for code, _ in tail), shapeData=[data for _, data in tail]))
    return tuple(pieces)


def _tail(
    advances: list[int], y_offsets: list[int], y_advances: list[int], sources: list[str], clusters: list[int], rtl: bool
) -> set[int]:
    """The glyphs of a run drawn after it, from its end, with no text of their own: its marks
    (a shadda, a kasra: no advance, on a letter of the run), their characters given to their
    letter in `sources`, and glyphs that stand for no character (the kashida Amiri draws after
    a lam), their advance left to the glyph before them.

    A text extractor such as poppler's (`pdftotext`) cuts a word where a glyph starts within
    0.1 em of the one before it or 0.2 em before its end, as a mark over the end of its letter
    does, and where a glyph without text leaves a gap. Drawn after the run, these leave each
    word's letters one after the other, and a letter reads back with its marks ("دّ").

    In a right-to-left run the letter's text lists its marks first: poppler reverses the
    characters of a right-to-left word, and those a glyph stands for with them unless all are
    right-to-left letters (`TextPage::addChar`), which a mark is not; so "ّد" reads back "دّ".
    (A reader that takes glyphs in the order they are written, as pypdf does, gets the mark
    first. Poppler could count marks as right-to-left there: see docs/ARCHITECTURE.md.)"""
    count = len(advances)
    marks: dict[int, int] = {}
    for i, advance in enumerate(advances):
        if advance or y_advances[i] or not _is_mark(sources[i]):
            continue
        step = 1 if rtl else -1  # (a mark comes before its letter in a right-to-left run's drawing order)
        base = i + step
        while 0 <= base < count and not advances[base]:
            base += step
        if 0 <= base < count and sources[base]:
            marks[i] = base
    if marks and all(y_offsets[i] for i in marks):
        marks = {}  # (ReportLab's writer cannot start a string with a raised glyph)
    textless = {i for i in range(1, count) if not sources[i] and not y_offsets[i] and not y_advances[i]}
    first_kept = next((i for i in range(count) if i not in textless and i not in marks), count)
    if textless and min(textless) < first_kept:
        textless = set()  # (a glyph with an advance goes only after a glyph that keeps it)
    for base in set(marks.values()):
        on = sorted((i for i, b in marks.items() if b == base), key=lambda i: (clusters[i], _order(sources[i])))
        if rtl:  # (see above: the marks first, as poppler then reads them after the letter)
            sources[base] = "".join(sources[i] for i in reversed(on)) + sources[base]
        else:
            sources[base] += "".join(sources[i] for i in on)
    return set(marks) | textless


def _is_mark(source: str) -> bool:
    return bool(source) and all(unicodedata.category(ch) == "Mn" for ch in source)


def _order(source: str) -> int:
    return unicodedata.combining(source[0]) if source else 0


def _sources(font: ShapingFont, text: str, clusters: list[int], gids: list[int], rtl: bool) -> list[str]:
    """The characters each glyph shows, for the ToUnicode map: its cluster's. Where a cluster
    has several glyphs (a shadda and a kasra on one letter, a kashida Amiri draws after a
    lam), each glyph drawn for one of its characters gets that one, and the glyph that comes
    first in reading order among the others the rest (the others none), so that text
    extraction gives each character once."""
    starts = sorted(set(clusters))
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    sources = [text[cluster : ends[cluster]] for cluster in clusters]
    if len(starts) == len(clusters):
        return sources
    members: dict[int, list[int]] = {}
    for i, cluster in enumerate(clusters):
        members.setdefault(cluster, []).append(i)
    to_char = font.face.glyphToChar
    for glyphs in members.values():
        if len(glyphs) < 2:
            continue
        left, rest = sources[glyphs[0]], []
        for i in glyphs:
            mapped = to_char.get(gids[i])
            own = chr(mapped[0]) if mapped else ""
            if own and own in left:
                sources[i], left = own, left.replace(own, "", 1)
            else:
                rest.append(i)
        for number, i in enumerate(reversed(rest) if rtl else rest):
            sources[i] = left if number == 0 else ""
        if left and not rest:
            sources[glyphs[0]] += left
    return sources


def _placed(advances: list[int], x_offsets: list[int], y_offsets: list[int], y_advances: list[int]) -> list[bool]:
    """For each glyph, whether it is placed by a `ShapedStr` rather than by the width of the
    glyph before it in a plain string: a raised glyph, one that would need a negative width
    (a mark drawn right of the letter after it), a moved glyph that would start a plain
    string (a `ShapedStr` before or after a plain string places its own glyphs)."""
    count = len(advances)
    placed = [bool(y or v) for y, v in zip(y_offsets, y_advances, strict=True)]
    todo: Iterable[int] = range(count)
    while todo:  # glyphs only ever turn from plain to placed: it ends
        again = set()
        for i in todo:
            if placed[i]:
                continue
            last = i + 1 == count
            if not last and placed[i + 1] and y_offsets[i + 1]:
                placed[i] = True  # ReportLab's writer cannot start a string with a raised glyph
            elif (i == 0 or placed[i - 1]) and x_offsets[i]:
                placed[i] = True  # a moved glyph would start a plain string
            else:
                after = 0 if last or placed[i + 1] else x_offsets[i + 1]
                placed[i] = advances[i] + after - x_offsets[i] < 0
            if placed[i]:
                again.update((i - 1, i + 1))  # the glyphs on either side may follow
        todo = sorted(j for j in again if 0 <= j < count and not placed[j])
    return placed


def nominal_advance(font: ShapingFont, gid: int) -> float:
    advance = font.advances.get(gid)
    if advance is None:
        advance = font.advances[gid] = _hb_font(font.fontName).get_glyph_h_advance(gid) * 1000 / font.face.unitsPerEm
    return advance


def glyph_code(font: ShapingFont, gid: int, source: str, width: float) -> tuple[int, float]:
    """The code a glyph is written with and its width in the PDF's font widths (`width`,
    thousandths of an em): its own character when it has one, shows `source` as it is and
    has that width; else a private code (ReportLab's `hbAddPrivate`), one per glyph, width
    and characters, whose ToUnicode entry is `source` (none when `source` is empty)."""
    key = (gid, source, width)
    found = font.codes.get(key)
    if found is None:
        found = font.codes[key] = _glyph_code(font, gid, source, width)
    return found


def _glyph_code(font: ShapingFont, gid: int, source: str, width: float) -> tuple[int, float]:
    face = font.face
    mapped = face.glyphToChar.get(gid)
    drawn = chr(mapped[0]) if mapped else ""
    if drawn and drawn != source and drawn == source.translate(MIRRORED):
        source = drawn  # a bracket HarfBuzz mirrored reads as the bracket it shows, as in other PDFs
    if drawn and drawn == source and abs(face.charWidths[mapped[0]] - width) < SAME_WIDTH:
        return mapped[0], face.charWidths[mapped[0]]
    nominal = nominal_advance(font, gid)
    if abs(width - nominal) < SAME_WIDTH:
        width = nominal
    key = (gid, width, source)
    code = font.private.get(key)
    if code is None:
        if not hasattr(font, "hbAddPrivate"):
            font.hbFont()  # binds ReportLab's hbAddPrivate
        name = _hb_font(font.fontName).glyph_to_string(gid)  # (its key: glyph, width, characters)
        name += f".w{width:g}.s{'-'.join(f'{ord(ch):04X}' for ch in source)}"
        code = font.private[key] = font.hbAddPrivate(name, gid, width)
        font.actual[code] = source
    return code, face.charWidths[code]


def reversed_plain(text: str) -> str:
    """A right-to-left run of a font that is not shaped (Vera: spaces, punctuation between
    Arabic words in a French pack): its characters reversed, brackets mirrored."""
    return text[::-1].translate(MIRRORED)
