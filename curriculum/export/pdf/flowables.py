"""Our flowables: paragraphs that keep their line breaks per width, headings that leave a
bookmark, tables that never strand a row, a tick box, and keep-with-next groups that move to
the next page only when they must."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, FrameBreak, KeepTogether, ListFlowable, ListItem, Paragraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.paragraph import FragLine, ParaLines

from . import bidi_order
from .fonts import FONT, GlyphStr, ShapingFont
from .shaping import reversed_plain, shaped_pieces
from .styles import ACCENT, BODY_HEIGHT, FRAME_H, H1, INK, RIGHT_TO_LEFT, Family, directed


class BodyParagraph(Paragraph):
    """A Paragraph that remembers its line breaks for the last widths and style it was broken
    for (tables and keep-together groups wrap the same paragraph several times; breaking lines
    is the costly part)."""

    def breakLines(self, width):
        widths = tuple(width) if isinstance(width, list | tuple) else (width,)
        cached = getattr(self, "broken", None)
        if cached is not None and cached[0] == widths and cached[1] is self.style:
            return cached[2]
        lines = super().breakLines(width)
        self.broken = (widths, self.style, lines)
        return lines

    def drawPara(self, debug=0):
        """Lines are broken in logical order; each is drawn in visual order (`visual_lines`)
        when it holds right-to-left text or the paragraph runs right to left."""
        logical = self.blPara
        visual = visual_lines(logical, getattr(self.style, "bidi_rtl", False))
        if visual is logical:
            return super().drawPara(debug)
        self.blPara = visual
        try:
            return super().drawPara(debug)
        finally:
            self.blPara = logical


def visual_lines(para, rtl: bool):
    """A copy of laid-out paragraph lines with each line's pieces in the order they are drawn
    (the bidi algorithm's levels, `bidi_order`), each piece of a shaping font shaped by HarfBuzz
    in its direction; `para` itself when nothing needs it (a French or English paragraph)."""
    laid_out = para
    if getattr(para, "kind", 0) != 1:
        if not para.lines or not (rtl or isinstance(pdfmetrics.getFont(para.fontName), ShapingFont)):
            return para  # one plain run of Vera (ReportLab's fast path): drawn as it is
        para = fragment_lines(para)
    lines, changed = [], False
    for line in para.lines:
        words = [w for w in line.words if "cbDefn" not in w.__dict__]
        text = "".join(w.text for w in words)
        if len(words) != len(line.words) or not bidi_order.needs_bidi(text, rtl):
            lines.append(line)
            continue
        lines.append(line.clone(words=visual_pieces(words, text, rtl)))
        changed = True
    return para.clone(lines=lines) if changed else laid_out


def fragment_lines(para) -> ParaLines:
    """The lines of a paragraph of one run (ReportLab's fast path: each line a list of words)
    as lines of fragments, the form `visual_lines` reorders and ReportLab draws piece by piece."""
    lines = [
        FragLine(
            extraSpace=extra,
            wordCount=len(words),
            lineBreak=False,
            words=[para.clone(text=" ".join(words), lines=None)],
            fontSize=para.fontSize,
            ascent=para.ascent,
            descent=para.descent,
        )
        for extra, words in para.lines
    ]
    return ParaLines(kind=1, lines=lines, ascent=para.ascent, descent=para.descent, fontSize=para.fontSize)


def visual_pieces(words: list, text: str, rtl: bool) -> list:
    """One line's fragments split where the level or the fragment changes, in drawing order."""
    spans = tuple((frag.fontName, len(frag.text)) for frag in words)
    return [words[index].clone(text=part) for index, part in drawn_pieces(spans, text, rtl)]


@lru_cache(maxsize=20_000)
def drawn_pieces(spans: tuple[tuple[str, int], ...], text: str, rtl: bool) -> tuple[tuple[int, str], ...]:
    """The pieces of one line (`text`, made of fragments of a font and a length each) as
    (fragment's index, text to draw), from left to right: cut where the bidi level or the
    fragment changes, right-to-left runs reversed, runs of a shaping font shaped. Remembered
    (a pack built again, a heading repeated on every page): the result is only read."""
    levels = bidi_order.level_string(text, rtl)
    runs: list[tuple[int, int, str]] = []
    start = 0
    for index, (_, length) in enumerate(spans):
        end = start + length
        runs += [(index, level, piece) for level, piece in bidi_order.level_runs(text, levels, start, end)]
        start = end
    drawn: list[tuple[int, str]] = []  # left to right
    for order in bidi_order.visual_order([level for _, level, _ in runs]):
        index, level, piece = runs[order]
        odd = bool(level % 2)
        font = spans[index][0]
        if not isinstance(pdfmetrics.getFont(font), ShapingFont):
            drawn.append((index, reversed_plain(piece) if odd else piece))
            continue
        for part in shaped_pieces(font, piece, odd):
            before = drawn[-1] if drawn else None
            if before and before[0] == index and isinstance(part, GlyphStr) and isinstance(before[1], GlyphStr):
                # plain glyphs of one fragment next to each other (a right-to-left run and the
                # numbers in it): one string, one thing less for ReportLab to write
                part = GlyphStr(before[1] + part, before[1].width + part.width)
                drawn.pop()
            drawn.append((index, part))
    return tuple(drawn)


class HeadingParagraph(BodyParagraph):
    """A heading that leaves a bookmark (and an outline entry) where it is drawn and tells the
    canvas its page, for the contents."""

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
        mark = getattr(canvas, "mark_heading", None)  # our NumberedCanvas (see canvas.py)
        if getattr(self, "key", "") and mark is not None:  # (split parts carry no key)
            mark(self.key, self.title, self.outline, self.height + 4)
        if self.style is H1:
            canvas.saveState()
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(1.1)
            canvas.line(0, -5, self.width, -5)
            canvas.restoreState()


class CountedTable(RLTable):
    """A table that knows how many rows it has (its split parts are made by its class too)."""

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.row_count = len(data)


class GridTable(CountedTable):
    """A table that does not leave a single row alone on either side of a page break."""

    def split(self, availWidth, availHeight):
        parts = RLTable.split(self, availWidth, availHeight)
        if len(parts) != 2 or self.splitInRow or availHeight > FRAME_H * 0.9:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else 0
        first, rest = (part.row_count - head for part in parts)
        if first < 2:
            return []  # header and one row at a page foot: the table starts on the next page
        if rest < 2 and first >= 3:  # one row left over: take one more row along
            _, height = parts[0].wrap(availWidth, availHeight)
            again = RLTable.split(self, availWidth, height - 0.5)  # all the rows that fit but the last
            if len(again) == 2:
                return again
        return parts


class CheckBox(Flowable):
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


class KeepWithNext(KeepTogether):
    """keepWithNext without page gaps: the leading flowables (a heading, its meta line, a bold
    label) move to the next page only when they would not fit together with the start of the
    flowable that follows, which may then split across the page as usual."""

    def __init__(self, flowables, maxHeight=None):
        super().__init__(flowables, maxHeight)
        self.flowables = list(flowables)
        self.measured: tuple[float, float, float, float] | None = None  # width, height, total, last

    def wrap(self, availWidth, availHeight):
        # measured directly: ReportLab's KeepTogether copies the frame to measure its content
        total, after, last = 0.0, 0.0, 0.0
        for number, flowable in enumerate(self.flowables):
            _, last = flowable.wrapOn(self.canv, availWidth, 0xFFFFFFF)
            if number:
                total += max(flowable.getSpaceBefore(), after)
            total += last
            after = flowable.getSpaceAfter()
        self.measured = availWidth, availHeight, total, last
        return availWidth, 0xFFFFFF  # always split

    def split(self, availWidth, availHeight):
        if self.measured is None or self.measured[:2] != (availWidth, availHeight):
            self.wrap(availWidth, availHeight)
        _, _, total, last = self.measured
        content = self.flowables[:]
        if total <= availHeight or availHeight >= BODY_HEIGHT - 0.01:  # it fits, or nothing is above it
            return content
        room = availHeight - (total - last)  # what is left under the leading flowables
        return content if start_fits(content[-1], availWidth, room, last) else [FrameBreak(), *content]


def keep_with_next(story: list) -> list:
    """The story with each run of keepWithNext flowables grouped with the flowable after it
    (a KeepWithNext), as ReportLab's document template does, except that a list may follow a
    heading too (ReportLab leaves lists out of such groups). Page and frame breaks end a run."""
    out: list = []
    run: list = []
    for flowable in story:
        if getattr(flowable, "locChanger", False) or isinstance(flowable, KeepTogether):
            out += _grouped(run)
            run = []
            out.append(flowable)
        elif flowable.getKeepWithNext():
            run.append(flowable)
        else:
            out += _grouped([*run, flowable]) if run else [flowable]
            run = []
    return out + _grouped(run)


def _grouped(flowables: list) -> list:
    if not flowables:
        return []
    for flowable in flowables[:-1]:
        flowable.keepWithNext = 0
    return [KeepWithNext(flowables)]


def start_fits(flowable, availWidth: float, room: float, height: float) -> bool:
    """Whether enough of a flowable (`height` tall) fits in `room` under a heading: a table's
    header and first two rows (asked of the table itself: a split there), three lines of a
    paragraph, the first item or so of a list."""
    if height <= room:
        return True
    if isinstance(flowable, RLTable):
        parts = flowable.split(availWidth, room)  # a GridTable refuses a first part of one row
        head = flowable.repeatRows if isinstance(flowable.repeatRows, int) else 0
        rows = getattr(parts[0], "row_count", None) if len(parts) == 2 else 0
        return rows is None or rows - head >= 2
    if isinstance(flowable, Paragraph):
        return 3 * flowable.style.leading <= room
    return 48 <= room


def no_space_after(flowable) -> None:
    style = getattr(flowable, "style", None)
    if isinstance(style, ParagraphStyle) and style.spaceAfter:
        flowable.style = style.clone(style.name, spaceAfter=0)
    elif hasattr(flowable, "spaceAfter") and not isinstance(style, ParagraphStyle):
        flowable.spaceAfter = 0


BULLETS = ("•", "–", "·")


def bullet_list(items: list[list], ordered: bool, family: Family, depth: int, space_after: float):
    if RIGHT_TO_LEFT.get():
        return rtl_bullet_list(items, ordered, family, depth, space_after)
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
    bullet = BULLETS[min(depth, len(BULLETS) - 1)]
    return ListFlowable([ListItem(i, value=bullet) for i in items], bulletType="bullet", start=bullet, **kwargs)


def rtl_bullet_list(items: list[list], ordered: bool, family: Family, depth: int, space_after: float) -> RLTable:
    """A list for a right-to-left pack: ReportLab's ListFlowable only puts its bullets on the
    left, so each item is a row of a borderless table, its bullet or number on the right."""
    style = directed(family.item)
    width = max(16, pdfmetrics.stringWidth(f"{len(items)}.", style.fontName, family.size) + 6) if ordered else 13
    bullet = BULLETS[min(depth, len(BULLETS) - 1)]
    marker = BodyParagraph(bullet, style)  # (no markup characters; one paragraph for every row)
    rows = [
        [item, BodyParagraph(f"{number}.", style) if ordered else marker] for number, item in enumerate(items, start=1)
    ]
    table = CountedTable(rows, colWidths=["*", width], splitByRow=1, hAlign="RIGHT", spaceAfter=space_after)
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return table
