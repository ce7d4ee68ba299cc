"""The fonts of a PDF pack: ReportLab's own Bitstream Vera family, embedded as subsets, and the
PDF standard Symbol / ZapfDingbats faces for the few characters Vera lacks.

The family is registered with ReportLab when this module is first imported (once per process;
the import lock makes that safe across threads)."""

from __future__ import annotations

import os

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT, FONT_B, FONT_I, FONT_BI = "Vera", "VeraBd", "VeraIt", "VeraBI"
_FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
# a Vera-like monospace face for code when ReportLab ships one (it usually does not): else Vera
_MONO_FILE = next((f for f in ("VeraMono.ttf", "VeraMo.ttf") if os.path.exists(os.path.join(_FONT_DIR, f))), "")
CODE_FONT = "VeraMono" if _MONO_FILE else FONT
WIDTH_CACHE_MAX = 200_000


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


def register_fonts() -> frozenset[str]:
    """Register the Vera family with ReportLab; return the characters it can draw."""
    files = [(FONT, "Vera.ttf"), (FONT_B, "VeraBd.ttf"), (FONT_I, "VeraIt.ttf"), (FONT_BI, "VeraBI.ttf")]
    if _MONO_FILE:
        files.append((CODE_FONT, _MONO_FILE))
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file in files:
        if name not in registered:
            pdfmetrics.registerFont(Font(name, os.path.join(_FONT_DIR, file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_B, italic=FONT_I, boldItalic=FONT_BI)
    face = pdfmetrics.getFont(FONT).face
    return frozenset(chr(code) for code in face.charToGlyph if code >= 32) | {"\n"}


COVERED = register_fonts()  # characters Vera draws (and the line break)


def fallback_font(ch: str) -> str:
    """The standard PDF face that has `ch` (Symbol, ZapfDingbats), or ""."""
    for font, codec in (("Symbol", "symbol"), ("ZapfDingbats", "zapfdingbats")):
        try:
            ch.encode(codec)
        except (UnicodeError, LookupError):
            continue
        return font
    return ""
