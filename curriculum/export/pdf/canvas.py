"""The page canvas: pages are kept until the end, when the number of pages and the page of
every heading are known; then the footer, the bookmarks and the contents' page numbers are drawn."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from .flowables import BodyParagraph
from .fonts import ARABIC, FONT
from .styles import (
    ACCENT,
    FOOTER_SIZE,
    FOOTER_STYLE,
    FRAME_W,
    INK,
    LINE,
    MARGIN_L,
    MARGIN_R,
    MUTED,
    PAGE_H,
    PAGE_W,
    TOC_NUMBER_ROOM,
    TOC_STYLES,
    directed,
)
from .text import fit_text, plain_paragraph


class NumberedCanvas(Canvas):
    """A canvas that draws what is known only at the end: the footer ("Page X of Y") and the
    page numbers of the contents are PDF forms, used on their pages as they are written and
    defined at save time, when the number of pages and the page of every heading are known.
    One layout pass is enough (a TableOfContents with multiBuild needs two or three)."""

    def __init__(self, *args, footer: str = "", label: str = "", rtl: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.footer, self.label, self.rtl = footer, label, rtl
        self.footer_lines: dict[tuple[str, float], Paragraph] = {}
        self.pages = 0
        self.anchor_pages: dict[str, int] = {}  # bookmark key -> the page its heading is on
        self.page_numbers: list[tuple[str, str, str, float]] = []  # (form, key, font, size)

    def mark_heading(self, key: str, title: str, outline: int, top: float) -> None:
        """A heading drawn here: its bookmark `top` points above the current origin, its
        outline entry, and its page for the contents."""
        self.bookmarkHorizontal(key, 0, top)
        self.addOutlineEntry(title, key, level=outline, closed=outline >= 1)
        self.anchor_pages.setdefault(key, self.getPageNumber())

    def draw_page_number_of(self, key: str, x: float, y: float, font: str, size: float) -> None:
        """The page number of the heading `key`, right-aligned at (x, y), filled in at save time."""
        form = f"page-of-{len(self.page_numbers)}"
        self.page_numbers.append((form, key, font, size))
        self.saveState()
        self.translate(x, y)
        self.doForm(form)
        self.restoreState()

    def showPage(self):
        self.pages += 1
        if self.pages > 1:  # no footer on the cover
            self.doForm(f"footer-{self.pages}")
        super().showPage()

    def save(self):
        for page in range(2, self.pages + 1):
            self.beginForm(f"footer-{page}")
            self.draw_footer(page, self.pages)
            self.endForm()
        for form, key, font, size in self.page_numbers:
            self.beginForm(form, lowerx=-TOC_NUMBER_ROOM - 20, lowery=-size, upperx=1, uppery=2 * size)
            page = self.anchor_pages.get(key)
            if page is not None:
                self.setFillColor(INK)
                self.setFont(font, size)
                self.drawRightString(0, 0, str(page))
            self.endForm()
        super().save()

    def draw_footer(self, page: int, total: int) -> None:
        label = self.label.replace("{page}", str(page)).replace("{pages}", str(total))
        self.saveState()
        self.setStrokeColor(LINE)
        self.setLineWidth(0.5)
        self.line(MARGIN_L, 15 * mm, PAGE_W - MARGIN_R, 15 * mm)
        self.setFillColor(MUTED)
        if self.rtl:
            self.draw_footer_rtl(label)
            self.restoreState()
            return
        self.setFont(FONT, FOOTER_SIZE)
        self.drawRightString(PAGE_W - MARGIN_R, 10.5 * mm, label)
        room = FRAME_W - pdfmetrics.stringWidth(label, FONT, FOOTER_SIZE) - 8 * mm
        for line, height in zip(footer_lines(self.footer, room), (10.5 * mm, 7 * mm), strict=False):
            self.drawString(MARGIN_L, height, fit_text(line, room))
        self.restoreState()

    def draw_footer_rtl(self, label: str) -> None:
        """The footer mirrored: "page X of Y" on the left, the title and pack on the right,
        each shaped and ordered as a one-line paragraph."""
        label_width = pdfmetrics.stringWidth(label, ARABIC, FOOTER_SIZE) + 2
        self.draw_line(label, MARGIN_L, 10.5 * mm, label_width)
        room = FRAME_W - label_width - 8 * mm
        lines = footer_lines(self.footer, room, ARABIC)
        for line, height in zip(lines, (10.5 * mm, 7 * mm), strict=False):
            self.draw_line(fit_text(line, room, ARABIC), PAGE_W - MARGIN_R - room, height, room)

    def draw_line(self, text: str, x: float, baseline: float, width: float) -> None:
        key = (text, width)
        line = self.footer_lines.get(key)  # the title line is the same on every page
        if line is None:
            line = self.footer_lines[key] = plain_paragraph(text, FOOTER_STYLE)
        _, height = line.wrap(width, FOOTER_SIZE * 4)
        lines = getattr(line.blPara, "lines", [])
        ascent = getattr(lines[0], "ascent", FOOTER_SIZE) if lines else FOOTER_SIZE
        line.drawOn(self, x, baseline - (height - ascent))


def footer_lines(footer: str, room: float, font: str = FONT) -> list[str]:
    """The footer on one line, or on two when it is too long (the title, then the pack, context
    and version), so the context's name is never the part cut off."""
    if pdfmetrics.stringWidth(footer, font, FOOTER_SIZE) <= room or " — " not in footer:
        return [footer]
    return footer.split(" — ", 1)


class ContentsLine(Flowable):
    """One line of the contents: the heading's text (a link to it), dot leaders after its last
    line, and its page number, which the canvas fills in at save time."""

    def __init__(self, text: str, key: str, level: int):
        super().__init__()
        # the pack's direction, whatever the heading's: the page numbers stay in one column
        self.style = directed(TOC_STYLES[min(max(level, 0), len(TOC_STYLES) - 1)])
        self.paragraph = BodyParagraph(f'<a href="#{key}">{text}</a>', self.style)
        self.key, self.level = key, level

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.paragraph.wrap(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        canvas, style = self.canv, self.style
        self.paragraph.drawOn(canvas, 0, 0)
        # where the text ends: its last line's width and baseline (as Paragraph draws them)
        lines = self.paragraph.blPara.lines
        y = self.height - getattr(lines[0], "ascent", style.fontSize) - (len(lines) - 1) * style.leading
        if getattr(style, "bidi_rtl", False):
            self.draw_rtl(y)
            return
        x = self.paragraph.getActualLineWidths0()[-1] - style.rightIndent
        end = FRAME_W - TOC_NUMBER_ROOM
        dot_width = pdfmetrics.stringWidth(" .", FONT, style.fontSize)
        dots = int((end - x - 3) / dot_width)
        canvas.saveState()
        if dots > 0:
            canvas.setFillColor(LINE if self.level == 0 else MUTED)
            canvas.setFont(FONT, style.fontSize)
            canvas.drawRightString(end, y, " ." * dots)
        canvas.linkRect("", self.key, (max(x, end - dots * dot_width), y - 2, FRAME_W, y + style.fontSize), relative=1)
        canvas.restoreState()
        if isinstance(canvas, NumberedCanvas):
            if self.key not in canvas.anchor_pages:  # until its heading is drawn (and rebinds it)
                canvas.bookmarkPage(self.key)
            canvas.draw_page_number_of(self.key, FRAME_W, y, style.fontName, style.fontSize)

    def draw_rtl(self, y: float) -> None:
        """The line mirrored: text from the right, then the dot leaders, then the page number
        on the left."""
        canvas, style = self.canv, self.style
        # where the text ends on the left (a line's "actual width" counts both indents)
        end = FRAME_W - self.paragraph.getActualLineWidths0()[-1] + style.leftIndent
        # drawn as a plain string: measured by the font's own widths, not as shaped text
        dot_width = TTFont.stringWidth(pdfmetrics.getFont(style.fontName), ". ", style.fontSize)
        dots = int((end - TOC_NUMBER_ROOM - 3) / dot_width)
        canvas.saveState()
        if dots > 0:
            canvas.setFillColor(LINE if self.level == 0 else MUTED)
            canvas.setFont(style.fontName, style.fontSize)
            canvas.drawString(TOC_NUMBER_ROOM, y, ". " * dots)
        canvas.linkRect(
            "", self.key, (0, y - 2, min(end, TOC_NUMBER_ROOM + dots * dot_width), y + style.fontSize), relative=1
        )
        canvas.restoreState()
        if isinstance(canvas, NumberedCanvas):
            if self.key not in canvas.anchor_pages:
                canvas.bookmarkPage(self.key)
            canvas.draw_page_number_of(self.key, TOC_NUMBER_ROOM - 6, y, style.fontName, style.fontSize)


def cover_page(canvas, doc):
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_H - 14 * mm, PAGE_W, 14 * mm, stroke=0, fill=1)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN_L, 18 * mm, PAGE_W - MARGIN_R, 18 * mm)
    canvas.restoreState()
