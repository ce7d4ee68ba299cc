"""The look of a PDF pack: page geometry, colours and the paragraph and table styles
(built once, at import)."""

from __future__ import annotations

from contextvars import ContextVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .fonts import ARABIC_OF, CODE_FONT, FONT, FONT_B, FONT_I

PAGE_W, PAGE_H = A4
MARGIN_L = MARGIN_R = 20 * mm
MARGIN_T = 18 * mm
MARGIN_B = 22 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B
FRAME_PAD = 6  # a frame's top and bottom padding (ReportLab's default)
BODY_HEIGHT = FRAME_H - 2 * FRAME_PAD  # the height a flowable gets at the top of a page

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
BLANK_ROW_HEIGHT = 22  # points: room to write by hand
TOC_LEVELS = 2  # headings of level 1..TOC_LEVELS are listed in the contents
TOC_TEXT_MAX = 180
TOC_NUMBER_ROOM = 26  # points kept at the right of a contents line for its page number
COVER_TEXT_MAX = 400


def make_style(name: str, **kw) -> ParagraphStyle:
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


class Family:
    """The paragraph styles used for Markdown at one size (body, note, table cell…)."""

    def __init__(self, name: str, size: float, leading: float, color=INK, italic=False, space=5.0):
        font = FONT_I if italic else FONT
        self.size, self.leading, self.color = size, leading, color
        self.p = make_style(
            f"{name}-p", fontName=font, fontSize=size, leading=leading, textColor=color, spaceAfter=space
        )
        self.item = make_style(
            f"{name}-item", fontName=font, fontSize=size, leading=leading, textColor=color, spaceAfter=2
        )
        self.quote = make_style(
            f"{name}-quote",
            fontName=FONT_I,
            fontSize=size,
            leading=leading,
            textColor=MUTED,
            leftIndent=12,
            spaceAfter=space,
        )
        self.sub = make_style(
            f"{name}-sub",
            fontName=FONT_B,
            fontSize=size + 0.8,
            leading=leading + 1,
            textColor=color,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.code = make_style(
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


BODY = Family("body", 10.2, 14.2)
SMALL = Family("small", 9, 12.2, color=MUTED)
META = Family("meta", 9, 12.2, color=MUTED, italic=True, space=4)
NOTE = Family("note", 9.6, 13.3, space=4)
CELL = Family("cell", 9, 11.6, space=2)
FAMILIES = {"": BODY, "small": SMALL, "meta": META}

H1 = make_style(
    "h1", fontName=FONT_B, fontSize=17, leading=21, textColor=ACCENT, spaceBefore=2, spaceAfter=12, keepWithNext=1
)
H2 = make_style("h2", fontName=FONT_B, fontSize=13.5, leading=17, spaceBefore=14, spaceAfter=6, keepWithNext=1)
H3 = make_style(
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
HEAD_CELL = make_style("head-cell", fontName=FONT_B, fontSize=9, leading=11.4, spaceAfter=0)
NOTE_TITLE = make_style("note-title", fontName=FONT_B, fontSize=9.6, leading=13, textColor=ACCENT, spaceAfter=3)
COVER_TITLE = make_style("cover-title", fontName=FONT_B, fontSize=26, leading=32, spaceAfter=10)
COVER_SUB = make_style("cover-sub", fontSize=16, leading=21, textColor=ACCENT, spaceAfter=0)
COVER_LABEL = make_style("cover-label", fontName=FONT_B, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=0)
COVER_VALUE = make_style("cover-value", fontSize=10.5, leading=14, spaceAfter=0)
TOC_STYLES = [
    make_style("toc-1", fontName=FONT_B, fontSize=10.5, leading=14, spaceBefore=7, spaceAfter=0, rightIndent=34),
    make_style("toc-2", fontSize=9.8, leading=13, leftIndent=16, spaceBefore=1.5, spaceAfter=0, rightIndent=34),
    make_style("toc-3", fontSize=9.2, leading=12, leftIndent=32, textColor=MUTED, spaceAfter=0, rightIndent=34),
]
FOOTER_SIZE = 8
FOOTER_STYLE = make_style("footer", fontSize=FOOTER_SIZE, leading=FOOTER_SIZE * 1.25, textColor=MUTED, spaceAfter=0)

CELL_PAD = 4.5
GRID = [
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
HEADER_ROW = [
    ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
    ("LINEBELOW", (0, 0), (-1, 0), 0.9, HEAD_RULE),
    ("FONTNAME", (0, 0), (-1, 0), FONT_B),
]


# Whether the pack being built runs right to left (set by `render` for one build): the
# paragraph styles above are then drawn through their right-to-left twins (`directed`).
RIGHT_TO_LEFT: ContextVar[bool] = ContextVar("right_to_left", default=False)
_TWINS: dict[tuple[int, bool, bool], tuple[ParagraphStyle, ParagraphStyle]] = {}


def directed(style: ParagraphStyle, rtl: bool | None = None) -> ParagraphStyle:
    """`style` for a paragraph that reads right to left (`rtl`; by default as the pack does):
    in the Amiri family in a right-to-left pack or for right-to-left text; right to left,
    aligned right with its indents mirrored, its lines laid out from the right by the bidi
    algorithm (`flowables.visual_lines`). A left-to-right pack's own paragraphs keep `style`."""
    pack = RIGHT_TO_LEFT.get()
    rtl = pack if rtl is None else rtl
    style = getattr(style, "base", style)
    if not (pack or rtl):
        return style
    key = (id(style), pack, rtl)
    twin = _TWINS.get(key)
    if twin is None or twin[0] is not style:
        twin = _TWINS[key] = (style, rtl_twin(style) if rtl else amiri_twin(style))
    return twin[1]


def amiri_twin(style: ParagraphStyle) -> ParagraphStyle:
    """`style` in the Amiri family, still left to right (French text in an Arabic pack)."""
    fonts = {
        "fontName": ARABIC_OF.get(style.fontName, style.fontName),
        "bulletFontName": ARABIC_OF.get(style.bulletFontName, style.bulletFontName),
    }
    return style.clone(f"{style.name}-amiri", base=style, **fonts)


def rtl_twin(style: ParagraphStyle) -> ParagraphStyle:
    return amiri_twin(style).clone(
        f"{style.name}-rtl",
        alignment=TA_RIGHT if style.alignment == TA_LEFT else style.alignment,
        leftIndent=style.rightIndent,
        rightIndent=style.leftIndent,
        bidi_rtl=True,
    )
