"""Text shaped by HarfBuzz (through uharfbuzz, as ReportLab does): Arabic letters joined,
lam-alef and the other ligatures, marks placed, in the direction the bidi algorithm gave
the run. Glyphs are written as plain strings (`GlyphStr`), each with the width that brings
the next glyph where HarfBuzz put it, and as ReportLab's own `ShapedStr` (which its text
object writes glyph by glyph, much more slowly) only where a width cannot place them. Each
glyph that no character maps to is remembered with the characters it came from
(`ShapingFont.actual`), for the PDF's ToUnicode map."""

from __future__ import annotations

from functools import lru_cache

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


def _glyphs(font: ShapingFont, text: str, rtl: bool | None):
    """HarfBuzz's glyphs and positions for `text`, in direction `rtl` (None: the direction of
    its script, as a word is measured)."""
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(str(text))  # (a plain str: ReportLab splits words into str subclasses)
    buffer.guess_segment_properties()
    if rtl is not None:
        buffer.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(_hb_font(font.fontName), buffer, FEATURES)
    return buffer.glyph_infos, buffer.glyph_positions


def shaped_width(font: ShapingFont, text: str, size: float) -> float:
    """The width of `text` once shaped in the direction of its script (line breaking measures
    words one by one)."""
    return _em_width(font.fontName, str(text)) * size / 1000 if text else 0.0


@lru_cache(maxsize=50_000)
def _em_width(name: str, text: str) -> float:
    font = pdfmetrics.getFont(name)
    _, positions = _glyphs(font, text, None)
    return sum(position.x_advance for position in positions) * 1000 / font.face.unitsPerEm


@lru_cache(maxsize=20_000)
def shaped_pieces(name: str, text: str, rtl: bool) -> tuple[str, ...]:
    """`text` (in logical order) shaped in the font `name`, its glyphs in drawing order.

    Where HarfBuzz moved a glyph (kerning, a mark over its letter, a cursive join), the glyph
    before it is written with the width that brings the next one where HarfBuzz put it (its
    own code when that is its usual width, else a code of its own per width: `glyph_code`),
    so that most text is plain strings of glyphs (`GlyphStr`, one string for ReportLab to
    write). Only what plain widths cannot place (a raised glyph, a width that would be
    negative) is cut out as ReportLab's `ShapedStr`, written glyph by glyph (`_placed`).
    Remembered: the result is only read."""
    font = pdfmetrics.getFont(name)
    infos, positions = _glyphs(font, text, rtl)
    count = len(infos)
    if not count:
        return ()
    scale = 1000 / font.face.unitsPerEm
    clusters = [info.cluster for info in infos]
    sources = _sources(font, text, clusters, [info.codepoint for info in infos])
    advances = [position.x_advance * scale for position in positions]
    x_offsets = [position.x_offset * scale for position in positions] + [0.0]
    y_offsets = [position.y_offset * scale for position in positions]
    y_advances = [position.y_advance * scale for position in positions]
    y_offsets[0] = 0.0  # a mark with nothing before it is not raised (ReportLab's writer looks back)
    pens = [0.0]
    for advance in advances:
        pens.append(pens[-1] + advance)
    drawn_at = [pens[i] + x_offsets[i] for i in range(count)]
    placed = _placed(pens, drawn_at, y_offsets, y_advances)
    pieces, start = [], 0
    for end in range(1, count + 1):
        if end < count and placed[end] == placed[start]:
            continue
        codes = []
        if placed[start]:
            data = []
            for i in range(start, end):
                gid = infos[i].codepoint
                # how far the next glyph is pushed away from this one, for text extraction (READING_STEP)
                nominal = nominal_advance(font, gid)
                gap = advances[i] - nominal + x_offsets[i + 1] - x_offsets[i]
                slack = -(-gap // READING_STEP) * READING_STEP if gap > READING_STEP / 2 else 0
                code, width = glyph_code(font, gid, sources[i], nominal + slack)
                codes.append(chr(code))
                data.append(ShapeData(clusters[i], advances[i], y_advances[i], x_offsets[i], y_offsets[i], width))
            pieces.append(ShapedStr("".join(codes), shapeData=data))
        else:
            for i in range(start, end):  # each glyph as wide as the way to where the next is drawn
                after = drawn_at[i + 1] if i + 1 < end else pens[end]
                code, _ = glyph_code(font, infos[i].codepoint, sources[i], round(after - drawn_at[i], 3))
                codes.append(chr(code))
            pieces.append(GlyphStr("".join(codes), pens[end] - pens[start]))
        start = end
    return tuple(pieces)


def _sources(font: ShapingFont, text: str, clusters: list[int], gids: list[int]) -> list[str]:
    """The characters each glyph shows, for the ToUnicode map: its cluster's. Where a cluster
    has several glyphs (a shadda and a kasra on one letter, a letter drawn in two parts), each
    glyph drawn for one of its characters gets that one, and the first other glyph the rest
    (the others none), so that text extraction gives each character once."""
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
        for number, i in enumerate(rest):
            sources[i] = left if number == 0 else ""
        if left and not rest:
            sources[glyphs[0]] += left
    return sources


def _placed(pens: list[float], drawn_at: list[float], y_offsets: list[float], y_advances: list[float]) -> list[bool]:
    """For each glyph, whether it is placed by a `ShapedStr` rather than by the width of the
    glyph before it in a plain string: a raised glyph, one that would need a negative width
    (a mark drawn right of the letter after it), a moved glyph that would start a plain
    string (a `ShapedStr` before or after a plain string places its own glyphs)."""
    count = len(drawn_at)
    placed = [bool(y_offsets[i] or y_advances[i]) for i in range(count)]
    changed = True
    while changed:  # each pass only turns plain glyphs into placed ones: it ends
        changed = False
        for i in range(count):
            if placed[i]:
                continue
            if i + 1 < count and placed[i + 1] and y_offsets[i + 1]:
                placed[i] = True  # ReportLab's writer cannot start a string with a raised glyph
            elif (i == 0 or placed[i - 1]) and drawn_at[i] != pens[i]:
                placed[i] = True
            else:
                after = drawn_at[i + 1] if i + 1 < count and not placed[i + 1] else pens[i + 1]
                placed[i] = after < drawn_at[i]
            changed |= placed[i]
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
    if drawn == source and abs(face.charWidths[mapped[0]] - width) < SAME_WIDTH:
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
