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

from .fonts import ShapingFont

FEATURES = {"kern": True, "liga": True}
# Extra width (thousandths of an em) given to each glyph of a right-to-left run in the PDF's
# font widths. Where the glyph is drawn does not change (each one is placed by its shaped
# advance), but a text extractor measuring the gap between glyphs no longer takes a glyph
# moved by its offset (Amiri's waw after yeh: 0.12 em) for the start of a new word; the
# space between words stays a break, as the space character itself is there.
READING_SLACK = 150
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
    buffer.add_str(text)
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


def shape(name: str, text: str, rtl: bool) -> ShapedStr:
    """`text` (in logical order) shaped in the font `name`, its glyphs in drawing order."""
    font = pdfmetrics.getFont(name)
    infos, positions = _glyphs(font, text, rtl)
    face = font.face
    hb_font = _hb_font(name)
    ends = sorted({info.cluster for info in infos} | {len(text)})
    chars, data = [], []
    for info, position in zip(infos, positions, strict=True):
        gid, cluster = info.codepoint, info.cluster
        source = text[cluster : ends[ends.index(cluster) + 1]]
        mapped = face.glyphToChar.get(gid)
        drawn = chr(mapped[0]) if mapped else ""
        if drawn and drawn != source and drawn == source.translate(MIRRORED):
            source = drawn  # a bracket HarfBuzz mirrored reads as the bracket it shows, as in other PDFs
        if drawn == source and not (rtl and not source.isspace()):
            code = mapped[0]
        else:
            font.hbFont()  # (re)binds ReportLab's hbAddPrivate, which gives the glyph a private code
            name = hb_font.glyph_to_string(gid)
            code = font.hbAddPrivate(name, gid, position.x_advance + READING_SLACK)
            font.actual.setdefault(code, source)
        chars.append(chr(code))
        data.append(
            ShapeData(
                cluster,
                font.pdfScale(position.x_advance),
                font.pdfScale(position.y_advance),
                font.pdfScale(position.x_offset),
                font.pdfScale(position.y_offset),
                face.charWidths[code],
            )
        )
    return ShapedStr("".join(chars), shapeData=data)


def reversed_plain(text: str) -> str:
    """A right-to-left run of a font that is not shaped (Vera: spaces, punctuation between
    Arabic words in a French pack): its characters reversed, brackets mirrored."""
    return text[::-1].translate(MIRRORED)
