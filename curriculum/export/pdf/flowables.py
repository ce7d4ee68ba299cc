"""Our flowables: paragraphs that keep their line breaks per width, headings that leave a
bookmark, tables that never strand a row, a tick box, and keep-with-next groups that move to
the next page only when they must."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, FrameBreak, KeepTogether, ListFlowable, ListItem, Paragraph
from reportlab.platypus import Table as RLTable

from .fonts import FONT
from .styles import ACCENT, BODY_HEIGHT, FRAME_H, H1, INK, Family


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


def bullet_list(items: list[list], ordered: bool, family: Family, depth: int, space_after: float) -> ListFlowable:
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
