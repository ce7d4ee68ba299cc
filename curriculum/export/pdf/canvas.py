"""The page canvas: pages are kept until the end, when the number of pages and the page of
every heading are known; then the footer, the bookmarks and the contents' page numbers are drawn."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import FONT
from .styles import (
    ACCENT,
    FOOTER_SIZE,
    FRAME_W,
    INK,
    LINE,
    MARGIN_L,
    MARGIN_R,
    MUTED,
    PAGE_H,
    PAGE_W,
    TOC_CALLBACK,
    TOC_NUMBER_ROOM,
    TOC_STYLES,
)
from .text import fit_text


class NumberedCanvas(Canvas):
    """Defers every page to the end, when the number of pages and the page of every heading
    are known: then draws the footer ("Page X of Y") and the page numbers of the contents.
    One layout pass is enough (a TableOfContents with multiBuild needs two or three)."""

    def __init__(self, *args, footer: str = "", label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._marks: dict[int, list[tuple]] = {}  # page -> headings (key, title, outline level, x, y)
        self._toc_marks: list[tuple] = []
        self._footer, self._label = footer, label
        self.setNamedCB(TOC_CALLBACK, toc_mark)

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
        self.drawString(MARGIN_L, 10.5 * mm, fit_text(self._footer, room))
        self.restoreState()


def toc_mark(canvas, kind, label):
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


def cover_page(canvas, doc):
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_H - 14 * mm, PAGE_W, 14 * mm, stroke=0, fill=1)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN_L, 18 * mm, PAGE_W - MARGIN_R, 18 * mm)
    canvas.restoreState()
