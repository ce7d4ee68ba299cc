"""Text shaped by HarfBuzz (through uharfbuzz, as ReportLab does): Arabic letters joined,
lam-alef and the other ligatures, marks placed, in the direction the bidi algorithm gave
the run, as ReportLab's own `ShapedStr` (which its text object draws glyph by glyph) where
glyphs need placing, else as plain strings of glyphs; each glyph that no character maps to is remembered with the characters it came from
(`ShapingFont.actual`), for the PDF's ToUnicode map."""

from __future__ import annotations

from functools import lru_cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from .fonts import GlyphStr, ShapingFont

FEATURES = {"kern": True, "liga": True}
# A glyph followed by one that shaping moved away from it (Amiri's waw after yeh: 0.12 em,
# a mark over the letter before) is written with a wider width in the PDF's font widths, in
# steps of READING_STEP thousandths of an em. Where glyphs are drawn does not change (each is
# placed by its shaped advance), but a text extractor measuring the gap between glyphs no
# longer takes the moved one for the start of a new word; the space between words stays a
# break, the space character itself being there.
READING_STEP = 50
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
    """`text` (in logical order) shaped in the font `name`, its glyphs in drawing order, cut
    where glyphs that need placing of their own (marks, moved glyphs: ReportLab's `ShapedStr`,
    written glyph by glyph) start and end; the others are one plain string each (`GlyphStr`,
    much cheaper to write). Remembered: the result is only read."""
    font = pdfmetrics.getFont(name)
    infos, positions = _glyphs(font, text, rtl)
    count = len(infos)
    if not count:
        return ()
    scale = 1000 / font.face.unitsPerEm
    clusters = [info.cluster for info in infos]
    starts = sorted(set(clusters))
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    advances = [position.x_advance * scale for position in positions]
    x_offsets = [position.x_offset * scale for position in positions] + [0.0]
    y_offsets = [position.y_offset * scale for position in positions]
    y_advances = [position.y_advance * scale for position in positions]
    y_offsets[0] = 0.0  # a mark with nothing before it is not raised (ReportLab's writer looks back)
    codes, widths = [], []
    known_advances, known_codes = font.advances, font.codes
    for i, info in enumerate(infos):
        gid, cluster = info.codepoint, clusters[i]
        # how far the next glyph is pushed away from this one: kerning, offsets (READING_STEP)
        nominal = known_advances.get(gid)
        if nominal is None:
            nominal = nominal_advance(font, gid)
        gap = advances[i] - nominal + x_offsets[i + 1] - x_offsets[i]
        slack = int(-(-gap // READING_STEP) * READING_STEP) if gap > READING_STEP / 2 else 0
        source = text[cluster : ends[cluster]]
        found = known_codes.get((gid, source, slack))
        code, width = found if found is not None else glyph_code(font, gid, source, slack)
        codes.append(chr(code))
        widths.append(width)
    placed = [bool(x_offsets[i] or y_offsets[i] or y_advances[i] or widths[i] != advances[i]) for i in range(count)]
    for i in range(1, count):  # ReportLab's writer cannot start a string with a raised glyph
        if y_offsets[i] and not placed[i - 1]:
            placed[i - 1] = True
    pieces, start = [], 0
    for end in range(1, count + 1):
        if end < count and placed[end] == placed[start]:
            continue
        glyphs = "".join(codes[start:end])
        if placed[start]:
            data = [
                ShapeData(clusters[i], advances[i], y_advances[i], x_offsets[i], y_offsets[i], widths[i])
                for i in range(start, end)
            ]
            pieces.append(ShapedStr(glyphs, shapeData=data))
        else:
            pieces.append(GlyphStr(glyphs, sum(advances[start:end])))
        start = end
    return tuple(pieces)


def nominal_advance(font: ShapingFont, gid: int) -> float:
    advance = font.advances.get(gid)
    if advance is None:
        advance = font.advances[gid] = _hb_font(font.fontName).get_glyph_h_advance(gid) * 1000 / font.face.unitsPerEm
    return advance


def glyph_code(font: ShapingFont, gid: int, source: str, slack: int) -> tuple[int, float]:
    """The code a glyph is written with and its width in the PDF's font widths: its own
    character when it has one and shows `source` as it is; else a private code (ReportLab's
    `hbAddPrivate`), one per glyph and slack, whose ToUnicode entry is `source`."""
    key = (gid, source, slack)
    found = font.codes.get(key)
    if found is None:
        found = font.codes[key] = _glyph_code(font, gid, source, slack)
    return found


def _glyph_code(font: ShapingFont, gid: int, source: str, slack: int) -> tuple[int, float]:
    face = font.face
    mapped = face.glyphToChar.get(gid)
    drawn = chr(mapped[0]) if mapped else ""
    if drawn and drawn != source and drawn == source.translate(MIRRORED):
        source = drawn  # a bracket HarfBuzz mirrored reads as the bracket it shows, as in other PDFs
    if drawn == source and not slack:
        return mapped[0], face.charWidths[mapped[0]]
    key = (gid, slack)
    code = font.private.get(key)
    if code is None:
        if not hasattr(font, "hbAddPrivate"):
            font.hbFont()  # binds ReportLab's hbAddPrivate
        name = _hb_font(font.fontName).glyph_to_string(gid) + (f".read{slack}" if slack else "")  # (its key)
        code = font.private[key] = font.hbAddPrivate(name, gid, nominal_advance(font, gid) + slack)
        font.actual.setdefault(code, source)
    return code, face.charWidths[code]


def reversed_plain(text: str) -> str:
    """A right-to-left run of a font that is not shaped (Vera: spaces, punctuation between
    Arabic words in a French pack): its characters reversed, brackets mirrored."""
    return text[::-1].translate(MIRRORED)
