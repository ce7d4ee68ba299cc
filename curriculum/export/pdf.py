"""Document -> PDF (ReportLab platypus): A4, embedded Bitstream Vera fonts, a cover page, a table
of contents with page numbers, PDF bookmarks and a "Page X of Y" footer.

No user string ever reaches ReportLab's paragraph markup as markup: Markdown goes through
`markup.parse` (rendered and sanitised) into plain-text runs, every run is escaped here and
wrapped in tags this module writes itself; headings, table headers, titles and the cover are
escaped the same way. The output is deterministic (`invariant`, no dates, no random ids).
"""

from __future__ import annotations

import functools
import io
import os
import threading

import reportlab
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    XPreformatted,
)
from reportlab.platypus import Table as RLTable
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.doctemplate import _ktAllow

from . import markup
from .document import Bullets, Contents, Document, Heading, Note, Para, Table
from .document import PageBreak as DocPageBreak


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """`&`, `<` and `>` (and any `entities`) escaped for ReportLab's paragraph markup.

    The same as xml.sax.saxutils.escape, which would import urllib and email (30 ms at start).
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char, entity in (entities or {}).items():
        text = text.replace(char, entity)
    return text


# --- page and colours --------------------------------------------------------------------
PAGE_W, PAGE_H = A4
MARGIN_L = MARGIN_R = 20 * mm
MARGIN_T = 18 * mm
MARGIN_B = 22 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5c6370")
ACCENT = colors.HexColor("#8a3b12")
LINE = colors.HexColor("#c3c8cf")
HEAD_BG = colors.HexColor("#e9ecf0")
HEAD_RULE = colors.HexColor("#8d96a1")
STRIPE = colors.HexColor("#f7f8fa")
NOTE_BG = colors.HexColor("#f7f1e6")
NOTE_EDGE = colors.HexColor("#c47a3a")
CODE_BG = colors.HexColor("#f1f2f4")
CODE_INK = colors.HexColor("#3b4b63")
LINK = colors.HexColor("#0b5cad")

AUTHOR = "curriculum builder"
SAFE_SCHEMES = ("http://", "https://", "mailto:")
BLANK_ROW_HEIGHT = 22  # points: room to write by hand
TOC_LEVELS = 2  # headings of level 1..TOC_LEVELS are listed in the contents
TOC_TEXT_MAX = 180
TOC_NUMBER_ROOM = 26  # points kept at the right of a contents line for its page number
TOC_CALLBACK = "curriculum_toc_page"
COVER_TEXT_MAX = 400

# --- fonts -------------------------------------------------------------------------------
FONT, FONT_B, FONT_I, FONT_BI = "Vera", "VeraBd", "VeraIt", "VeraBI"
_FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
# a Vera-like monospace face for code when ReportLab ships one (it usually does not): else Vera
_MONO_FILE = next((f for f in ("VeraMono.ttf", "VeraMo.ttf") if os.path.exists(os.path.join(_FONT_DIR, f))), "")
CODE_FONT = "VeraMono" if _MONO_FILE else FONT
_FONTS_LOCK = threading.Lock()
_BUILD_LOCK = threading.Lock()  # ReportLab keeps global state (font subsets, callbacks)
_FONTS_READY = False
_COVERED: frozenset[str] = frozenset()


class _Font(TTFont):
    """A TrueType font that remembers string widths: line breaking measures the same words
    again and again (a pure cache, the output does not change)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._widths: dict = {}
        # pdfmetrics.getAscentDescent reads font.ascent first and falls back to the face
        # through an AttributeError, once per word of every mixed-style line: same values, no raise
        self.ascent, self.descent = self.face.ascent, self.face.descent

    def stringWidth(self, text, size, encoding="utf8"):
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 200_000:
                self._widths.clear()
            width = self._widths[key] = TTFont.stringWidth(self, text, size, encoding)
        return width

    def splitString(self, text, doc, encoding="utf-8"):
        """As TTFont.splitString (text -> (subset, bytes) pieces), with a fast path for the
        usual case: every character already has a code in the first subset. Anything else
        (a new character, another subset, a missing glyph) takes ReportLab's own path, which
        assigns the codes; the bytes are the same either way."""
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is not None:
            assignments = state.assignments
            fast = state.__dict__.get("_first_subset")
            if fast is None or fast[0] != len(assignments):
                codes = {code: n for code, n in assignments.items() if n < 256}
                if 32 in codes:
                    codes[0xA0] = codes[32]  # ReportLab draws a no-break space as a space
                fast = state._first_subset = (len(assignments), codes)
            try:
                return [(0, bytes(map(fast[1].__getitem__, map(ord, text))))] if text else []
            except KeyError:
                pass
        return TTFont.splitString(self, text, doc, encoding)


def _register_fonts() -> None:
    """Register the Vera family shipped with ReportLab once per process (embedded as subsets)."""
    global _FONTS_READY, _COVERED
    if _FONTS_READY:
        return
    with _FONTS_LOCK:
        if _FONTS_READY:
            return
        files = [(FONT, "Vera.ttf"), (FONT_B, "VeraBd.ttf"), (FONT_I, "VeraIt.ttf"), (FONT_BI, "VeraBI.ttf")]
        if _MONO_FILE:
            files.append((CODE_FONT, _MONO_FILE))
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, file in files:
            if name not in registered:
                pdfmetrics.registerFont(_Font(name, os.path.join(_FONT_DIR, file)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_B, italic=FONT_I, boldItalic=FONT_BI)
        face = pdfmetrics.getFont(FONT).face
        _COVERED = frozenset(chr(code) for code in face.charToGlyph if code >= 32) | {"\n"}
        _FONTS_READY = True


# --- line breaking: ReportLab's frag comparison without raised errors ---------------------
_SAME_FRAG_KEYS = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
_ABSENT = object()


def same_frag(f, g) -> bool:
    """True when two paragraph fragments look the same (one run can take both texts).

    The rules of ReportLab's own `sameFrag` (rl_accel, C), which breaking a mixed-style line
    asks for every word: neither is a callback or a line break; each attribute is absent from
    both or equal in both. The C version probes every absent attribute through a raised and
    cleared AttributeError, about ten per call; a fragment's attributes are plain instance
    data (ABag), so reading its `__dict__` gives the same answers without them. Same breaks,
    same bytes (tested against ReportLab's function).
    """
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "cbDefn" in gd or "lineBreak" in fd or "lineBreak" in gd:
        return False
    for key in _SAME_FRAG_KEYS:
        a, b = fd.get(key, _ABSENT), gd.get(key, _ABSENT)
        if a is not b and (a is _ABSENT or b is _ABSENT or a != b):
            return False
    return True


rl_paragraph.sameFrag = same_frag  # module global read by Paragraph.breakLines and split


# --- escaping ----------------------------------------------------------------------------
# Characters Vera lacks: a close equivalent Vera has, or a glyph of the PDF standard
# Symbol / ZapfDingbats fonts (not embedded, present in every PDF reader).
_SUBSTITUTES = {
    "☐": "❑",
    "□": "❑",
    "▢": "❑",
    "☑": "✓",
    "✅": "✓",
    "↳": "→",
    "⟶": "→",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "–",
    "\u2212": "-",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": "\u00a0",
    "\u2007": "\u00a0",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\t": " ",
}


def _dropped(ch: str) -> bool:
    """Control characters and lone surrogates: nothing to draw, and they would break the PDF."""
    code = ord(ch[0])
    return code < 32 or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)


def _plain(value: str) -> str:
    """A user string drawn or stored as is (footer, outline, PDF metadata): nothing that would
    break the file, simple equivalents for the characters Vera lacks."""
    value = value or ""
    if _COVERED.issuperset(value):
        return value
    out = []
    for ch in value:
        if ch not in _COVERED:
            ch = _SUBSTITUTES.get(ch, ch)
            if not ch or _dropped(ch):
                continue
        out.append(ch)
    return "".join(out)


def _glyph(ch: str) -> str:
    """Markup for one character that Vera does not cover."""
    ch = _SUBSTITUTES.get(ch, ch)
    if not ch or ch in _COVERED:
        return escape(ch)
    if _dropped(ch):
        return ""
    font = _fallback_font(ch)
    # without a fallback, the font's missing-glyph box is drawn; the text is kept
    return f'<font name="{font}">{ch}</font>' if font else escape(ch)


def _text(value: str) -> str:
    """Plain user text as safe ReportLab paragraph markup."""
    if not value:
        return ""
    if _COVERED.issuperset(value):
        return escape(value).replace("\n", "<br/>")
    return "".join(_glyph(ch) if ch not in _COVERED else escape(ch) for ch in value).replace("\n", "<br/>")


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;", "'": "&#39;"})


def _safe_href(href: str) -> str:
    href = (href or "").strip()
    return href if href.lower().startswith(SAFE_SCHEMES) and not any(ord(c) < 32 for c in href) else ""


def _wrap(text: str, bold=False, italic=False, strike=False, code=False, href="", font="") -> str:
    """Markup around already-escaped text: only tags written here."""
    if font:
        text = f'<font name="{font}">{text}</font>'
    if code:
        text = f'<font face="{CODE_FONT}" color="{CODE_INK.hexval()}">{text}</font>'
    if strike:
        text = f"<strike>{text}</strike>"
    if italic:
        text = f"<i>{text}</i>"
    if bold:
        text = f"<b>{text}</b>"
    if href:
        text = f'<a href="{_attr(href)}" color="{LINK.hexval()}">{text}</a>'
    return text


# Paragraphs from runs skip ReportLab's markup parser: each run becomes a copy of a fragment
# parsed once for its look (style, bold, italic, link…), holding the user's text as plain
# data. Faster, and the text is never read as markup at all.
_TEMPLATES: dict[tuple, object] = {}


def _template(style: ParagraphStyle, look: tuple):
    key = (style.fontName, style.fontSize, style.textColor, look)
    frag = _TEMPLATES.get(key)
    if frag is None:
        if len(_TEMPLATES) > 4000:
            _TEMPLATES.clear()
        if look == "br":
            frags = Paragraph("x<br/>x", style).frags
            frag = next(f for f in frags if getattr(f, "lineBreak", False))
        else:
            frag = Paragraph(_wrap("x", *look), style).frags[0]
        _TEMPLATES[key] = frag
    return frag


def _segments(text: str):
    """(text, fallback font) pieces: characters Vera lacks go to Symbol / ZapfDingbats."""
    if _COVERED.issuperset(text):
        yield text, ""
        return
    piece, font = [], ""
    for ch in text:
        target = ""
        if ch not in _COVERED:
            ch = _SUBSTITUTES.get(ch, ch)
            if not ch or _dropped(ch):
                continue
            if ch not in _COVERED:
                target = _fallback_font(ch)
        if target != font and piece:
            yield "".join(piece), font
            piece = []
        font = target
        piece.append(ch)
    if piece:
        yield "".join(piece), font


def _fallback_font(ch: str) -> str:
    for font, codec in (("Symbol", "symbol"), ("ZapfDingbats", "zapfdingbats")):
        try:
            ch.encode(codec)
        except (UnicodeError, LookupError):
            continue
        return font
    return ""


def _paragraph(runs: list[markup.Run], style: ParagraphStyle, cls=None, **kw) -> Paragraph:
    """A `cls` paragraph (default `_Para`) of `runs`, built from fragments (see `_template`)."""
    cls = cls or _Para
    frags = []
    for run in runs:
        if run.text == "\n":
            frags.append(_template(style, "br").clone(text="", link=[], us_lines=[]))
            continue
        href = _safe_href(run.href)
        for text, font in _segments(run.text):
            look = (run.bold, run.italic, run.strike, run.code, href, font)
            template = _template(style, look)
            frags.append(template.clone(text=text, link=list(template.link), us_lines=list(template.us_lines)))
    while frags and not getattr(frags[0], "lineBreak", False) and not frags[0].text.strip():
        frags.pop(0)
    if not frags:
        return cls("", style, **kw)
    if not getattr(frags[0], "lineBreak", False):
        frags[0].text = frags[0].text.lstrip()
    return cls(None, style, frags=frags, **kw)


def _plain_paragraph(text: str, style: ParagraphStyle, cls=None, **kw) -> Paragraph:
    """Plain user text (a title, a label) exactly as typed, line breaks kept."""
    runs: list[markup.Run] = []
    for number, line in enumerate((text or "").split("\n")):
        if number:
            runs.append(markup.Run("\n"))
        if line:
            runs.append(markup.Run(line))
    return _paragraph(runs, style, cls, **kw)


def _clip(value: str, limit: int) -> str:
    value = " ".join((value or "").split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


# --- styles (built once) -----------------------------------------------------------------
def _style(name: str, **kw) -> ParagraphStyle:
    base = {
        "fontName": FONT,
        "fontSize": 10.2,
        "leading": 14.2,
        "textColor": INK,
        "alignment": TA_LEFT,
        "spaceAfter": 5,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class _Family:
    """The paragraph styles used for Markdown at one size (body, note, table cell…)."""

    def __init__(self, name: str, size: float, leading: float, color=INK, italic=False, space=5.0):
        font = FONT_I if italic else FONT
        self.size, self.leading, self.color = size, leading, color
        self.p = _style(f"{name}-p", fontName=font, fontSize=size, leading=leading, textColor=color, spaceAfter=space)
        self.item = _style(f"{name}-item", fontName=font, fontSize=size, leading=leading, textColor=color, spaceAfter=2)
        self.quote = _style(
            f"{name}-quote",
            fontName=FONT_I,
            fontSize=size,
            leading=leading,
            textColor=MUTED,
            leftIndent=12,
            spaceAfter=space,
        )
        self.sub = _style(
            f"{name}-sub",
            fontName=FONT_B,
            fontSize=size + 0.8,
            leading=leading + 1,
            textColor=color,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.code = _style(
            f"{name}-code",
            fontName=CODE_FONT,
            fontSize=max(size - 1.5, 7.5),
            leading=max(size - 1.5, 7.5) * 1.35,
            textColor=CODE_INK,
            backColor=CODE_BG,
            borderPadding=(3, 4, 3, 4),
            leftIndent=4,
            rightIndent=4,
            spaceBefore=3,
            spaceAfter=space + 3,
            splitLongWords=0,
        )


BODY = _Family("body", 10.2, 14.2)
SMALL = _Family("small", 9, 12.2, color=MUTED)
META = _Family("meta", 9, 12.2, color=MUTED, italic=True, space=4)
NOTE = _Family("note", 9.6, 13.3, space=4)
CELL = _Family("cell", 9, 11.6, space=2)
FAMILIES = {"": BODY, "small": SMALL, "meta": META}

H1 = _style(
    "h1", fontName=FONT_B, fontSize=17, leading=21, textColor=ACCENT, spaceBefore=2, spaceAfter=12, keepWithNext=1
)
H2 = _style("h2", fontName=FONT_B, fontSize=13.5, leading=17, spaceBefore=14, spaceAfter=6, keepWithNext=1)
H3 = _style(
    "h3",
    fontName=FONT_B,
    fontSize=11,
    leading=14,
    textColor=colors.HexColor("#333a44"),
    spaceBefore=10,
    spaceAfter=3,
    keepWithNext=1,
)
HEADINGS = {1: H1, 2: H2, 3: H3}
HEAD_CELL = _style("head-cell", fontName=FONT_B, fontSize=9, leading=11.4, spaceAfter=0)
NOTE_TITLE = _style("note-title", fontName=FONT_B, fontSize=9.6, leading=13, textColor=ACCENT, spaceAfter=3)
COVER_TITLE = _style("cover-title", fontName=FONT_B, fontSize=26, leading=32, spaceAfter=10)
COVER_SUB = _style("cover-sub", fontSize=16, leading=21, textColor=ACCENT, spaceAfter=0)
COVER_LABEL = _style("cover-label", fontName=FONT_B, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=0)
COVER_VALUE = _style("cover-value", fontSize=10.5, leading=14, spaceAfter=0)
TOC_STYLES = [
    _style("toc-1", fontName=FONT_B, fontSize=10.5, leading=14, spaceBefore=7, spaceAfter=0, rightIndent=34),
    _style("toc-2", fontSize=9.8, leading=13, leftIndent=16, spaceBefore=1.5, spaceAfter=0, rightIndent=34),
    _style("toc-3", fontSize=9.2, leading=12, leftIndent=32, textColor=MUTED, spaceAfter=0, rightIndent=34),
]
FOOTER_SIZE = 8

CELL_PAD = 4.5
_GRID = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("GRID", (0, 0), (-1, -1), 0.5, LINE),
    # plain-string cells (short plain text) look like paragraph cells
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), CELL.size),
    ("LEADING", (0, 0), (-1, -1), CELL.leading),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
]
_HEADER = [
    ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
    ("LINEBELOW", (0, 0), (-1, 0), 0.9, HEAD_RULE),
    ("FONTNAME", (0, 0), (-1, 0), FONT_B),
]


# --- flowables ---------------------------------------------------------------------------
class _Para(Paragraph):
    """A Paragraph that remembers its line breaks for a given width (tables and keep-together
    groups wrap the same paragraph several times; breaking lines is the costly part)."""

    def wrap(self, availWidth, availHeight):
        cached = self.__dict__.get("_wrapped")
        if cached is not None and cached[0] == availWidth and cached[1] is self.style:
            _, _, self.width, self.height, self.blPara, self._wrapWidths = cached
            return self.width, self.height
        width, height = Paragraph.wrap(self, availWidth, availHeight)
        self._wrapped = (availWidth, self.style, width, height, self.blPara, self._wrapWidths)
        return width, height


class _Heading(_Para):
    """A heading that leaves a bookmark (and an outline entry) where it is drawn and tells the
    canvas its page, for the table of contents."""

    def __init__(self, text, style, *args, key: str = "", title: str = "", outline: int = 0, **kw):
        super().__init__(text, style, *args, **kw)
        self.key, self.title, self.outline = key, title, outline

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if parts and self.key:  # a heading too long for one page keeps its bookmark on the first part
            parts[0].key, parts[0].title, parts[0].outline = self.key, self.title, self.outline
        return parts

    def draw(self):
        super().draw()
        canvas = self.canv
        marks = getattr(canvas, "_marks", None)
        if getattr(self, "key", "") and marks is not None:
            # bookmarks point at the page being written: made when the page is (see save)
            left, top = canvas.absolutePosition(0, self.height + 4)
            marks.setdefault(canvas.getPageNumber(), []).append((self.key, self.title, self.outline, left, top))
        if self.style is H1:
            canvas.saveState()
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(1.1)
            canvas.line(0, -5, self.width, -5)
            canvas.restoreState()


class _Table(RLTable):
    """A table that does not leave a single row alone on either side of a page break."""

    def split(self, availWidth, availHeight):
        parts = RLTable.split(self, availWidth, availHeight)
        if len(parts) != 2 or self.splitInRow or availHeight > FRAME_H * 0.9:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else 0
        first, rest = (len(part._cellvalues) - head for part in parts)
        if first < 2:
            return []  # header and one row at a page foot: the table starts on the next page
        if rest < 2 and first >= 3:  # one row left over: take one more row along
            last = self._rowHeights[head + first - 1]
            again = RLTable.split(self, availWidth, availHeight - last - 0.5)
            if len(again) == 2:
                return again
        return parts


class _CheckBox(Flowable):
    """An empty square to tick by hand (a table cell holding only ☐)."""

    SIZE = 8.5

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.SIZE + 2

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        canvas.rect((self.width - self.SIZE) / 2, 1.5, self.SIZE, self.SIZE)
        canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Defers every page to the end, when the number of pages and the page of every heading
    are known: then draws the footer ("Page X of Y") and the page numbers of the contents.
    One layout pass is enough (a TableOfContents with multiBuild needs two or three)."""

    def __init__(self, *args, footer: str = "", label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._marks: dict[int, list[tuple]] = {}  # page -> headings (key, title, outline level, x, y)
        self._toc_marks: list[tuple] = []
        self._footer, self._label = footer, label
        self.setNamedCB(TOC_CALLBACK, _toc_mark)

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        anchor_pages: dict[str, int] = {}
        for page in sorted(self._marks):
            for mark in self._marks[page]:
                anchor_pages.setdefault(mark[0], page)
        numbers: dict[int, list[tuple]] = {}
        for mark in self._toc_marks:
            numbers.setdefault(mark[0], []).append(mark)
        missing = sorted({m[3] for m in self._toc_marks} - set(anchor_pages))
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber == 1:
                for key in missing:  # never drawn: keep every link pointing somewhere
                    self.bookmarkPage(key)
            for key, title, level, left, top in self._marks.get(self._pageNumber, ()):
                self.bookmarkHorizontalAbsolute(key, top, left=left)
                self.addOutlineEntry(title, key, level=level, closed=level >= 1)
            for _, x, y, key, font, size in numbers.get(self._pageNumber, ()):
                page = anchor_pages.get(key)
                if page is not None:
                    self.setFillColor(INK)
                    self.setFont(font, size)
                    self.drawRightString(x, y, str(page))
            if self._pageNumber > 1:  # no footer on the cover
                self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        label = self._label.replace("{page}", str(self._pageNumber)).replace("{pages}", str(total))
        self.saveState()
        self.setStrokeColor(LINE)
        self.setLineWidth(0.5)
        self.line(MARGIN_L, 15 * mm, PAGE_W - MARGIN_R, 15 * mm)
        self.setFillColor(MUTED)
        self.setFont(FONT, FOOTER_SIZE)
        self.drawRightString(PAGE_W - MARGIN_R, 10.5 * mm, label)
        room = FRAME_W - pdfmetrics.stringWidth(label, FONT, FOOTER_SIZE) - 8 * mm
        self.drawString(MARGIN_L, 10.5 * mm, _fit(self._footer, room))
        self.restoreState()


def _toc_mark(canvas, kind, label):
    """Called where a contents line's text ends: dot leaders now, the page number at save time."""
    key, _, level = (label or "").rpartition(",")
    style = TOC_STYLES[min(max(int(level or 0), 0), len(TOC_STYLES) - 1)]
    info = canvas._curr_tx_info
    x, y = info["cur_x"], info["cur_y"]
    end = FRAME_W - TOC_NUMBER_ROOM
    dot_width = pdfmetrics.stringWidth(" .", FONT, style.fontSize)
    dots = int((end - x - 3) / dot_width)
    canvas.saveState()
    if dots > 0:
        canvas.setFillColor(LINE if level == "0" else MUTED)
        canvas.setFont(FONT, style.fontSize)
        canvas.drawRightString(end, y, " ." * dots)
    canvas.linkRect("", key, (max(x, end - dots * dot_width), y - 2, FRAME_W, y + style.fontSize), relative=1)
    canvas.restoreState()
    absolute_x, absolute_y = canvas.absolutePosition(FRAME_W, y)
    pages = getattr(canvas, "_toc_marks", None)
    if pages is not None:
        pages.append((canvas.getPageNumber(), absolute_x, absolute_y, key, style.fontName, style.fontSize))


def _fit(text: str, width: float) -> str:
    """`text` shortened with an ellipsis to fit `width` points in the footer font."""
    text = " ".join((text or "").split())
    if pdfmetrics.stringWidth(text, FONT, FOOTER_SIZE) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle].rstrip() + "…", FONT, FOOTER_SIZE) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class _KeepWithNext(KeepTogether):
    """keepWithNext without page gaps: the leading flowables (a heading, its meta line, a bold
    label) move to the next page only when they would not fit together with the start of the
    flowable that follows, which may then split across the page as usual."""

    def wrap(self, availWidth, availHeight):
        # ReportLab's _listWrapOn deep-copies the frame on every call: measured directly here
        total, after, last = 0.0, 0.0, 0.0
        for number, flowable in enumerate(self._content):
            _, last = flowable.wrapOn(self.canv, availWidth, 0xFFFFFFF)
            if number:
                total += max(flowable.getSpaceBefore(), after)
            total += last
            after = flowable.getSpaceAfter()
        self._H, self._last = total, last
        self._H0 = self._content[0].height if self._content else 0
        self._wrapInfo = availWidth, availHeight
        return availWidth, 0xFFFFFF  # always split

    def split(self, availWidth, availHeight):
        if getattr(self, "_wrapInfo", None) != (availWidth, availHeight):
            self.wrap(availWidth, availHeight)
        content = self._content[:]
        frame = getattr(self, "_frame", None)
        if self._H <= availHeight or (frame is not None and getattr(frame, "_atTop", False)):
            return content
        need = self._H - self._last + _start_height(content[-1], self._last)
        return content if need <= availHeight else [FrameBreak(), *content]


def _start_height(flowable, height: float) -> float:
    """How much of a flowable must sit under a heading: a table's header and first two rows
    (see _Table), three lines of a paragraph, the first item or so of a list."""
    if isinstance(flowable, RLTable):
        rows = getattr(flowable, "_rowHeights", None) or []
        count = (flowable.repeatRows if isinstance(flowable.repeatRows, int) else 0) + 2
        return min(height, sum(rows[:count]) + 2) if rows else height
    if isinstance(flowable, Paragraph):
        return min(height, 3 * flowable.style.leading)
    return min(height, 48)


class _DocTemplate(BaseDocTemplate):
    keepTogetherClass = _KeepWithNext

    def handle_keepWithNext(self, flowables):
        """As ReportLab's, but a list may follow a heading too (ReportLab leaves lists out)."""
        count, total = 0, len(flowables)
        while count < total and flowables[count].getKeepWithNext() and _ktAllow(flowables[count]):
            count += 1
        if count:
            if count < total and (_ktAllow(flowables[count]) or isinstance(flowables[count], ListFlowable)):
                count += 1
            group = _KeepWithNext(flowables[:count])
            for flowable in group._content[:-1]:
                flowable.__dict__["keepWithNext"] = 0
            del flowables[:count]
            flowables.insert(0, group)


def _cover_page(canvas, doc):
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_H - 14 * mm, PAGE_W, 14 * mm, stroke=0, fill=1)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN_L, 18 * mm, PAGE_W - MARGIN_R, 18 * mm)
    canvas.restoreState()


# --- blocks ------------------------------------------------------------------------------
class _Renderer:
    def __init__(self, document: Document):
        self.document = document
        headings = [b for b in document.blocks if isinstance(b, Heading)]
        self.keys = _keys(headings)
        self.outline = _outline_levels(headings)
        self.toc_entries = [
            (_level(h) - 1, _text(_clip(h.text, TOC_TEXT_MAX) or "—"), key)
            for h, key in zip(headings, self.keys, strict=True)
            if _level(h) <= TOC_LEVELS
        ]
        self._contents = 0
        self._heading_index = 0

    def parse(self, text: str) -> list:
        return _parse(text)

    # story -----------------------------------------------------------------------------
    def story(self) -> list:
        story = self.cover() + [NextPageTemplate("body"), PageBreak()]
        previous_break = True
        for block in self.document.blocks:
            if isinstance(block, DocPageBreak):
                if not previous_break:
                    story.append(PageBreak())
                previous_break = True
                continue
            flowables = self.block(block)
            if flowables:
                story += flowables
                previous_break = False
        return story

    def cover(self) -> list:
        doc = self.document
        story: list = [
            Spacer(1, 48 * mm),
            _plain_paragraph(_clip(doc.title, COVER_TEXT_MAX), COVER_TITLE),
        ]
        if doc.subtitle:
            story.append(_plain_paragraph(_clip(doc.subtitle, COVER_TEXT_MAX), COVER_SUB))
        if doc.meta:
            rows = [
                [_plain_paragraph(_clip(k, 80), COVER_LABEL), _plain_paragraph(_clip(v, COVER_TEXT_MAX), COVER_VALUE)]
                for k, v in doc.meta
            ]
            table = RLTable(rows, colWidths=[42 * mm, FRAME_W - 42 * mm], hAlign="LEFT")
            table.setStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, LINE),
                    ("TOPPADDING", (0, 0), (-1, 0), 10),
                ]
            )
            story += [Spacer(1, 16 * mm), table]
        return story

    def block(self, block) -> list:
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Para):
            return self.para(block)
        if isinstance(block, Note):
            return self.note(block)
        if isinstance(block, Bullets):
            return self.bullets(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Contents):
            return self.contents(block)
        return []

    def heading(self, block: Heading) -> list:
        index = self._heading_index
        self._heading_index += 1
        level = _level(block)
        title = _plain(_clip(block.text, 250)) or "—"
        room = {1: 140, 2: 100, 3: 0}[level]  # a new part or section does not start at a page foot
        heading = _plain_paragraph(
            block.text, HEADINGS[level], _Heading, key=self.keys[index], title=title, outline=self.outline[index]
        )
        return [CondPageBreak(room), heading] if room else [heading]

    def contents(self, block: Contents) -> list:
        """The contents: one line per heading of level 1-2, its page number drawn at save time."""
        self._contents += 1
        key = "contents" if self._contents == 1 else f"contents-{self._contents}"
        title = _plain(_clip(block.title, 250)) or "—"
        story: list = [_plain_paragraph(block.title, H1, _Heading, key=key, title=title, outline=0), Spacer(1, 2)]
        for level, text, target in self.toc_entries:
            line = f'<a href="#{target}">{text}</a><onDraw name="{TOC_CALLBACK}" label="{target},{level}"/>'
            story.append(_Para(line, TOC_STYLES[level]))
        return story

    def para(self, block: Para) -> list:
        family = FAMILIES.get(block.style, BODY)
        blocks = self.parse(block.text)
        flowables = self.mblocks(blocks, family)
        if len(blocks) == 1 and isinstance(blocks[0], markup.MParagraph) and flowables:
            runs = blocks[0].runs
            if all(r.bold for r in runs if r.text.strip()) and len(markup.plain(runs)) < 160:
                flowables[0].keepWithNext = 1  # a bold label ("Session plan") stays with what follows
            elif block.style == "meta":
                flowables[0].keepWithNext = 1
        return flowables

    def note(self, block: Note) -> list:
        title = _plain_paragraph(block.title, NOTE_TITLE) if block.title else None
        body = [[f] for f in self.mblocks(self.parse(block.text), NOTE, width_hint=FRAME_W - 20)]
        for cell in body:  # the last flowable of a row needs no space under it
            _no_space_after(cell[-1])
        if title is not None:
            rows = [[[title, *body[0]]]] + body[1:] if body else [[title]]
        else:
            rows = body
        if not rows:
            return []
        table = RLTable(rows, colWidths=["100%"], splitByRow=1, splitInRow=1, spaceBefore=5, spaceAfter=9)
        table.setStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), NOTE_BG),
                ("LINEBEFORE", (0, 0), (0, -1), 3, NOTE_EDGE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 11),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
        return [CondPageBreak(66), table]  # never a lone title at a page foot

    def bullets(self, block: Bullets) -> list:
        items = []
        for item in block.items:
            flowables = self.mblocks(self.parse(item), BODY, in_list=True)
            items.append(flowables or [_Para("", BODY.item)])
        if not items:
            return []
        return [_list(items, block.ordered, BODY, depth=0, space_after=6)]

    def table(self, block: Table) -> list:
        columns = max([len(block.header), *(len(r) for r in block.rows)], default=0)
        if columns == 0:
            return []
        header = list(block.header[:columns]) + [""] * (columns - len(block.header)) if block.header else []
        rows = [list(row[:columns]) + [""] * (columns - len(row)) for row in block.rows]
        widths = _widths(block.widths, columns, FRAME_W)
        widths = _fit_widths(widths, _min_widths(header, rows, columns), FRAME_W)
        data, heights, style = [], [], list(_GRID)
        if header:
            data.append([self.cell(cell, width, head=True) for cell, width in zip(header, widths, strict=True)])
            heights.append(0)
            style += _HEADER
        tall = False
        for row in rows:
            data.append([self.cell(cell, width) for cell, width in zip(row, widths, strict=True)])
            heights.append(0)
            tall = tall or any(_estimate(c, w) > FRAME_H * 0.5 for c, w in zip(row, widths, strict=True))
        content_rows = len(data)
        for _ in range(max(block.blank_rows, 0)):
            data.append([""] * columns)
            heights.append(BLANK_ROW_HEIGHT)
        table = _Table(
            data,
            colWidths=widths,
            repeatRows=1 if header and len(data) > 1 else 0,
            minRowHeights=heights,
            splitByRow=1,
            splitInRow=1 if tall else 0,
            hAlign="LEFT",
            spaceBefore=3,
            spaceAfter=10,
        )
        first = 1 if header else 0
        if content_rows - first > 2:
            style.append(("ROWBACKGROUNDS", (0, first), (-1, content_rows - 1), [colors.white, STRIPE]))
        table.setStyle(style)
        return [table]

    def cell(self, text: str, width: float = 0, head: bool = False):
        """A table cell: a plain string when it is short plain text (cheap), else paragraphs."""
        if not text or not text.strip():
            return ""
        if head:
            if width and _COVERED.issuperset(text) and "\n" not in text:
                if pdfmetrics.stringWidth(text, FONT_B, CELL.size) <= width - 2 * CELL_PAD - 1:
                    return text.strip()
            return _plain_paragraph(text, HEAD_CELL)
        if text.strip() == "☐":
            return _CheckBox()
        blocks = self.parse(text)
        if len(blocks) == 1 and isinstance(blocks[0], markup.MParagraph) and blocks[0].kind == "p":
            runs = blocks[0].runs
            if width and len(runs) == 1 and _plain_run(runs[0]):
                value = runs[0].text.strip()
                if pdfmetrics.stringWidth(value, FONT, CELL.size) <= width - 2 * CELL_PAD - 1:
                    return value
            return _paragraph(runs, CELL.item)
        flowables = self.mblocks(blocks, CELL, width_hint=width or 80)
        if flowables:
            _no_space_after(flowables[-1])
        return flowables or ""

    # Markdown blocks ---------------------------------------------------------------------
    def mblocks(self, blocks: list, family: _Family, in_list=False, depth=0, width_hint=FRAME_W) -> list:
        out: list = []
        for block in blocks:
            if isinstance(block, markup.MParagraph):
                if block.kind == "quote":
                    style = family.quote
                elif block.kind.startswith("h"):
                    style = family.sub
                else:
                    style = family.item if in_list else family.p
                out.append(_paragraph(block.runs, style))
            elif isinstance(block, markup.MList):
                items = [
                    self.mblocks(item, family, in_list=True, depth=depth + 1, width_hint=width_hint)
                    or [_Para("", family.item)]
                    for item in block.items
                ]
                if items:
                    out.append(_list(items, block.ordered, family, depth, space_after=2 if in_list else 6))
            elif isinstance(block, markup.MTable):
                table = self.mtable(block)
                if table is not None:
                    out.append(table)
            elif isinstance(block, markup.MCode):
                out.append(XPreformatted(_code(block.text, width_hint, family.code.fontSize), family.code))
        return out

    def mtable(self, block: markup.MTable):
        columns = max((len(r) for r in block.rows), default=0)
        if columns == 0:
            return None
        head = min(block.header_rows, len(block.rows))
        data = []
        for number, row in enumerate(block.rows):
            style = HEAD_CELL if number < head else CELL.item
            cells = [_paragraph(cell, style) for cell in row[:columns]]
            data.append(cells + [""] * (columns - len(cells)))
        tall = sum(len(markup.plain(c)) for row in block.rows for c in row) > 1500
        table = RLTable(
            data,
            colWidths=_auto_widths(block.rows, head, columns),
            repeatRows=head if head < len(data) else 0,
            splitInRow=1 if tall else 0,
            hAlign="LEFT",
            spaceBefore=3,
            spaceAfter=8,
        )
        style = list(_GRID)
        if head:
            style += [
                ("BACKGROUND", (0, 0), (-1, head - 1), HEAD_BG),
                ("LINEBELOW", (0, head - 1), (-1, head - 1), 0.9, HEAD_RULE),
            ]
        table.setStyle(style)
        return table


def _no_space_after(flowable) -> None:
    style = getattr(flowable, "style", None)
    if isinstance(style, ParagraphStyle) and style.spaceAfter:
        flowable.style = style.clone(style.name, spaceAfter=0)
    elif hasattr(flowable, "spaceAfter") and not isinstance(style, ParagraphStyle):
        flowable.spaceAfter = 0


_BULLETS = ("•", "–", "·")


def _list(items: list[list], ordered: bool, family: _Family, depth: int, space_after: float) -> ListFlowable:
    number_width = pdfmetrics.stringWidth(f"{len(items)}.", FONT, family.size) + 5
    kwargs = dict(
        leftIndent=max(16, number_width) if ordered else 13,
        bulletFontName=FONT,
        bulletFontSize=family.size,
        bulletColor=family.color if not ordered else INK,
        spaceBefore=0,
        spaceAfter=space_after,
    )
    if ordered:
        return ListFlowable([ListItem(i) for i in items], bulletType="1", bulletFormat="%s.", **kwargs)
    bullet = _BULLETS[min(depth, len(_BULLETS) - 1)]
    return ListFlowable([ListItem(i, value=bullet) for i in items], bulletType="bullet", start=bullet, **kwargs)


def _code(text: str, width: float, size: float) -> str:
    """Code as XPreformatted markup: escaped, long lines folded to the available width."""
    room = max(width - 20, 60)
    lines = []
    for line in (text or "").expandtabs(4).split("\n"):
        while line and pdfmetrics.stringWidth(line, CODE_FONT, size) > room:
            low, high = 1, len(line)  # the longest head that fits
            while low < high:
                middle = (low + high + 1) // 2
                if pdfmetrics.stringWidth(line[:middle], CODE_FONT, size) <= room:
                    low = middle
                else:
                    high = middle - 1
            lines.append(line[:low])
            line = line[low:]
        lines.append(line)
    return _text("\n".join(lines)).replace("<br/>", "\n")


def _widths(relative: tuple[float, ...], columns: int, total: float) -> list[float]:
    weights = [float(w) for w in relative] if len(relative) == columns else []
    if not weights or any(not (w > 0) or w == float("inf") for w in weights):
        weights = [1.0] * columns
    scale = total / sum(weights)
    return [w * scale for w in weights]


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> list:
    """`markup.parse`, remembered (the result is only read, never changed)."""
    return markup.parse(text)


def _plain_run(run: markup.Run) -> bool:
    return not (run.bold or run.italic or run.code or run.href or run.strike) and _COVERED.issuperset(run.text)


_MARKS = str.maketrans("", "", "*_`~[]")


def _min_widths(header: list[str], rows: list[list[str]], columns: int) -> list[float]:
    """Per column, the width of its longest word (so that "08:30–08:45" or "Minutes" is not cut)."""
    mins = []
    for column in range(columns):
        best = 0.0
        cells = [(header[column], FONT_B)] if header else []
        cells += [(row[column], FONT) for row in rows]
        for text, font in cells:
            words = (text or "").translate(_MARKS).split()
            if words:
                word = max(words, key=len)
                if len(word) * CELL.size * 0.68 > best:  # only measure what may be wider
                    best = max(best, pdfmetrics.stringWidth(word, font, CELL.size))
        mins.append(best + 2 * CELL_PAD + 1.5 if best else 0)
    return mins


def _auto_widths(rows: list[list[list[markup.Run]]], head: int, columns: int) -> list[str]:
    """Column widths of a Markdown table, as percentages of the room it gets: every column
    at least as wide as its longest word, the rest shared by how much text each one holds."""
    total = FRAME_W
    low, high = [0.0] * columns, [0.0] * columns
    for number, row in enumerate(rows):
        font = FONT_B if number < head else FONT
        for column, runs in enumerate(row[:columns]):
            text = " ".join(markup.plain(runs).split())[:600]
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


def _fit_widths(widths: list[float], mins: list[float], total: float) -> list[float]:
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


def _estimate(text: str, width: float) -> float:
    """A rough height of a table cell: long cells let the table split inside a row."""
    if len(text) < 400:
        return 0
    per_line = max((width - 10) / (CELL.size * 0.55), 1)
    return (len(text) / per_line + text.count("\n")) * CELL.leading


def _level(heading: Heading) -> int:
    return min(max(int(heading.level), 1), 3)


def _keys(headings: list[Heading]) -> list[str]:
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


def _outline_levels(headings: list[Heading]) -> list[int]:
    """Outline levels that never jump by more than one (PDF outlines need a parent)."""
    levels, previous = [], -1
    for heading in headings:
        level = min(_level(heading) - 1, previous + 1)
        levels.append(level)
        previous = level
    return levels


# --- entry point -------------------------------------------------------------------------
def render(document: Document) -> bytes:
    """The document as a complete PDF (same document, same bytes)."""
    _register_fonts()
    with _BUILD_LOCK:
        renderer = _Renderer(document)
        story = renderer.story()
        buffer = io.BytesIO()
        title = _plain(" — ".join(x for x in (document.title, document.subtitle) if x))
        doc = _DocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_L,
            rightMargin=MARGIN_R,
            topMargin=MARGIN_T,
            bottomMargin=MARGIN_B,
            title=title,
            author=AUTHOR,
            subject=_plain(document.subtitle),
            creator=AUTHOR,
            producer=AUTHOR,
            keywords="",
            invariant=1,
            lang=_plain(document.lang) or None,
            initialFontName=FONT,
            initialFontSize=10,
        )
        frame = Frame(MARGIN_L, MARGIN_B, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0)
        cover = Frame(MARGIN_L, MARGIN_B, FRAME_W, FRAME_H, id="cover", leftPadding=0, rightPadding=0)
        doc.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover], onPage=_cover_page, autoNextPageTemplate="body"),
                PageTemplate(id="body", frames=[frame]),
            ]
        )
        maker = functools.partial(_NumberedCanvas, footer=_plain(document.footer), label=_plain(document.page_label))
        a85 = rl_config.useA85
        rl_config.useA85 = 0  # plain deflated streams: smaller and faster than ASCII85 on top
        try:
            doc.build(story, canvasmaker=maker)
        finally:
            rl_config.useA85 = a85
        return buffer.getvalue()
