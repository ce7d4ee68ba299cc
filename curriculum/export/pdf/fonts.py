"""The fonts of a PDF pack: ReportLab's own Bitstream Vera family, embedded as subsets, the
PDF standard Symbol / ZapfDingbats faces for the few characters Vera lacks, and the Amiri
family (Arabic and Latin, SIL Open Font License, shipped in `fonts/`) for right-to-left packs
and for Arabic inside a French or English one.

The family is registered with ReportLab when this module is first imported (once per process;
the import lock makes that safe across threads)."""

from __future__ import annotations

import os

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, ShapedStr, TTFont

FONT, FONT_B, FONT_I, FONT_BI = "Vera", "VeraBd", "VeraIt", "VeraBI"
_FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
# a Vera-like monospace face for code when ReportLab ships one (it usually does not): else Vera
_MONO_FILE = next((f for f in ("VeraMono.ttf", "VeraMo.ttf") if os.path.exists(os.path.join(_FONT_DIR, f))), "")
CODE_FONT = "VeraMono" if _MONO_FILE else FONT
WIDTH_CACHE_MAX = 200_000
ARABIC, ARABIC_B, ARABIC_I, ARABIC_BI = "Amiri", "AmiriBd", "AmiriIt", "AmiriBI"
_ARABIC_DIR = os.path.join(os.path.dirname(__file__), "fonts")


class Font(TTFont):
    """A TrueType font that remembers string widths: line breaking measures the same words
    again and again (a pure cache, the output does not change)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widths: dict[tuple[str, float], float] = {}
        # pdfmetrics.getAscentDescent reads font.ascent first and falls back to the face
        # through an AttributeError, once per word of every mixed-style line: same values, no raise
        self.ascent, self.descent = self.face.ascent, self.face.descent

    def stringWidth(self, text, size, encoding="utf8"):
        key = (text, size)
        width = self.widths.get(key)
        if width is None:
            if len(self.widths) > WIDTH_CACHE_MAX:
                self.widths.clear()
            width = self.widths[key] = TTFont.stringWidth(self, text, size, encoding)
        return width


class GlyphStr(str):
    """Shaped glyphs that need no placing of their own (each advances by its width): drawn
    as a plain string, which is much cheaper than ReportLab's glyph-by-glyph `ShapedStr`."""

    def __new__(cls, codes: str, width: float):
        self = super().__new__(cls, codes)
        self.width = width  # thousandths of an em
        return self


class ShapingFont(Font):
    """A font whose text is shaped by HarfBuzz (`shaping.shape`): its widths are the shaped
    widths, and the PDF's ToUnicode map gives each shaped glyph back the characters it was
    shaped from, so that copying and searching find the words as they were typed.

    ReportLab gives a glyph that no character maps to (an Arabic letter's joined form, a
    ligature) a code from the Private Use Area, and its ToUnicode map would give that code
    back: `actual` remembers, for each such code, the characters HarfBuzz made it from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actual: dict[int, str] = {}
        self.private: dict[tuple[int, float, str], int] = {}  # (glyph, width, characters) -> its code
        self.codes: dict[tuple[int, str, float], tuple[int, float]] = {}  # see shaping.glyph_code
        self.advances: dict[int, float] = {}  # glyph -> its advance, thousandths of an em

    def stringWidth(self, text, size, encoding="utf8"):
        if isinstance(text, ShapedStr):
            return sum(data.x_advance for data in text.__shapeData__) * size / 1000
        if isinstance(text, GlyphStr):
            return text.width * size / 1000
        key = (text, size)
        width = self.widths.get(key)
        if width is None:
            from .shaping import shaped_width  # shaping imports this module

            if len(self.widths) > WIDTH_CACHE_MAX:
                self.widths.clear()
            width = self.widths[key] = shaped_width(self, text, size)
        return width

    def addObjects(self, doc):
        subsets = [list(subset) for subset in self.state[doc].subsets]
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            if not any(code in self.actual for code in subset):
                continue
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, [self.actual.get(code, chr(code)) for code in subset])


def to_unicode_cmap(name: str, texts: list[str]) -> str:
    """A ToUnicode CMap (PDF 1.7, 9.10.3) giving each code of a subset its text, which may be
    several characters (a ligature, a letter and its marks) or none: an empty entry, for a
    glyph whose letter stands for it (a mark drawn apart, a kashida), which readers then skip
    rather than guess a character for."""
    entries = [f"<{code:02X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in enumerate(texts)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo\n<< /Registry ({name})\n/Ordering ({name})\n/Supplement 0\n>> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            f"1 begincodespacerange\n<00> <{len(texts) - 1:02X}>\nendcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register_family(family: list[tuple[str, str]], folder: str, cls: type[Font] = Font) -> frozenset[str]:
    """Register a family (normal, bold, italic, bold italic, then any other face) with
    ReportLab, once; return the characters its first face can draw (and the line break)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file in family:
        if name not in registered:
            pdfmetrics.registerFont(cls(name, os.path.join(folder, file)))
    normal, bold, italic, bold_italic = (name for name, _ in family[:4])
    pdfmetrics.registerFontFamily(normal, normal=normal, bold=bold, italic=italic, boldItalic=bold_italic)
    face = pdfmetrics.getFont(normal).face
    # (not the Private Use Area, where ReportLab puts the glyphs it shaped)
    return frozenset(chr(code) for code in face.charToGlyph if code >= 32 and not 0xE000 <= code <= 0xF8FF) | {"\n"}


_VERA = [(FONT, "Vera.ttf"), (FONT_B, "VeraBd.ttf"), (FONT_I, "VeraIt.ttf"), (FONT_BI, "VeraBI.ttf")]
COVERED = register_family(_VERA + ([(CODE_FONT, _MONO_FILE)] if _MONO_FILE else []), _FONT_DIR)
_AMIRI = [
    (ARABIC, "Amiri-Regular.ttf"),
    (ARABIC_B, "Amiri-Bold.ttf"),
    (ARABIC_I, "Amiri-Slanted.ttf"),
    (ARABIC_BI, "Amiri-BoldSlanted.ttf"),
]
ARABIC_COVERED = register_family(_AMIRI, _ARABIC_DIR, ShapingFont)  # shaped by HarfBuzz
ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def is_arabic(ch: str) -> bool:
    """A character of the Arabic script (letters, digits, marks, presentation forms)."""
    code = ord(ch[0])
    return any(low <= code <= high for low, high in ARABIC_BLOCKS)


# the Vera face and its Amiri counterpart (a right-to-left pack draws everything in Amiri)
ARABIC_OF = {FONT: ARABIC, FONT_B: ARABIC_B, FONT_I: ARABIC_I, FONT_BI: ARABIC_BI}
AMIRI_FACES = frozenset(ARABIC_OF.values())


def fallback_font(ch: str) -> str:
    """The face that has `ch`: Amiri for Arabic (and the other letters it has), else the
    standard PDF face (Symbol, ZapfDingbats), or ""."""
    if is_arabic(ch) and ch in ARABIC_COVERED:
        return ARABIC
    for font, codec in (("Symbol", "symbol"), ("ZapfDingbats", "zapfdingbats")):
        try:
            ch.encode(codec)
        except (UnicodeError, LookupError):
            continue
        return font
    return ""
