"""Text shaped by HarfBuzz (through uharfbuzz, as ReportLab does): Arabic letters joined,
lam-alef and the other ligatures, marks placed, in the direction the bidi algorithm gave
the run. The result is ReportLab's own `ShapedStr`, which its text object draws glyph by
glyph; each glyph that no character maps to is remembered with the characters it came from
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
    if not text:
        return 0.0
    _, positions = _glyphs(font, text, None)
    return sum(font.pdfScale(position.x_advance) for position in positions) * size / 1000


@lru_cache(maxsize=20_000)
def shape(name: str, text: str, rtl: bool) -> str:
    """`text` (in logical order) shaped in the font `name`, its glyphs in drawing order
    (remembered: the result is only read)."""
    font = pdfmetrics.getFont(name)
    infos, positions = _glyphs(font, text, rtl)
    scale = 1000 / font.face.unitsPerEm
    clusters = sorted({info.cluster for info in infos})
    next_cluster = dict(zip(clusters, [*clusters[1:], len(text)], strict=True))
    offsets = [position.x_offset * scale for position in positions] + [0.0]
    hb_font = _hb_font(name)
    chars, data = [], []
    for i, (info, position) in enumerate(zip(infos, positions, strict=True)):
        source = text[info.cluster : next_cluster[info.cluster]]
        # how far the next glyph is pushed away from this one: kerning, offsets (READING_STEP)
        kerning = (position.x_advance - hb_font.get_glyph_h_advance(info.codepoint)) * scale
        gap = kerning + offsets[i + 1] - offsets[i]
        slack = -(-gap // READING_STEP) * READING_STEP if gap > READING_STEP / 2 else 0
        code, width = glyph_code(font, info.codepoint, source, int(slack))
        chars.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                position.x_advance * scale,
                position.y_advance * scale,
                offsets[i],
                position.y_offset * scale,
                width,
            )
        )
    if data and data[0].y_offset:  # a mark with nothing before it: not raised (see shaped_pieces)
        data[0] = data[0]._replace(y_offset=0)
    if all(plain_glyph(d) for d in data):
        return GlyphStr("".join(chars), sum(d.x_advance for d in data))  # nothing to place glyph by glyph
    return ShapedStr("".join(chars), shapeData=data)


@lru_cache(maxsize=20_000)
def shaped_pieces(name: str, text: str, rtl: bool) -> tuple[str, ...]:
    """`shape`, cut where glyphs that need placing of their own (marks, moved glyphs) start
    and end: ReportLab writes those one by one, the others as one string."""
    shaped = shape(name, text, rtl)
    if isinstance(shaped, GlyphStr):
        return (shaped,)
    data = shaped.__shapeData__
    placed = [not plain_glyph(glyph) for glyph in data]
    for i in range(1, len(placed)):
        # ReportLab's writer cannot start a string with a raised glyph (it looks back at the
        # operator before it): a raised glyph's piece starts one glyph earlier
        if data[i].y_offset and not placed[i - 1]:
            placed[i - 1] = True
    pieces, start = [], 0
    for end in range(1, len(placed) + 1):
        if end == len(placed) or placed[end] != placed[start]:
            part = shaped[start:end]
            if not placed[start]:
                part = GlyphStr(str(part), sum(data.x_advance for data in part.__shapeData__))
            pieces.append(part)
            start = end
    return tuple(pieces)


def plain_glyph(data: ShapeData) -> bool:
    return data.x_offset == data.y_offset == data.y_advance == 0 and data.width == data.x_advance


def glyph_code(font: ShapingFont, gid: int, source: str, slack: int) -> tuple[int, float]:
    """The code a glyph is written with and its width in the PDF's font widths: its own
    character when it has one and shows `source` as it is; else a private code (ReportLab's
    `hbAddPrivate`), one per glyph and slack, whose ToUnicode entry is `source`."""
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
        hb_font = _hb_font(font.fontName)
        name = hb_font.glyph_to_string(gid) + (f".read{slack}" if slack else "")  # ReportLab keys codes by name
        width = hb_font.get_glyph_h_advance(gid) * 1000 / face.unitsPerEm + slack
        code = font.private[key] = font.hbAddPrivate(name, gid, width)
        font.actual.setdefault(code, source)
    return code, face.charWidths[code]


def reversed_plain(text: str) -> str:
    """A right-to-left run of a font that is not shaped (Vera: spaces, punctuation between
    Arabic words in a French pack): its characters reversed, brackets mirrored."""
    return text[::-1].translate(MIRRORED)
