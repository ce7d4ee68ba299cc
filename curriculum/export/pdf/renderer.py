"""Document -> PDF: the story of flowables for each block of a Document, and `render`."""

from __future__ import annotations

import functools
import io
import threading

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    XPreformatted,
)
from reportlab.platypus import Table as RLTable

from ... import languages
from .. import richtext
from ..document import Bullets, Contents, Document, Heading, Note, Para, Table
from ..document import PageBreak as DocPageBreak
from . import rl_compat  # noqa: F401
from .canvas import ContentsLine, NumberedCanvas, cover_page
from .flowables import (
    BodyParagraph,
    CheckBox,
    CountedTable,
    GridTable,
    HeadingParagraph,
    KeepWithNext,
    bullet_list,
    keep_with_next,
    no_space_after,
)
from .fonts import COVERED, FONT, FONT_B
from .layout import (
    auto_widths,
    bookmark_keys,
    estimate_height,
    fit_widths,
    heading_level,
    min_widths,
    outline_levels,
    relative_widths,
)
from .styles import (
    ACCENT,
    AUTHOR,
    BLANK_ROW_HEIGHT,
    BODY,
    CELL,
    CELL_PAD,
    COVER_LABEL,
    COVER_SUB,
    COVER_TEXT_MAX,
    COVER_TITLE,
    COVER_VALUE,
    FAMILIES,
    FRAME_H,
    FRAME_PAD,
    FRAME_W,
    GRID,
    H1,
    HEAD_BG,
    HEAD_CELL,
    HEAD_RULE,
    HEADER_ROW,
    HEADINGS,
    LINE,
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    NOTE,
    NOTE_BG,
    NOTE_EDGE,
    NOTE_TITLE,
    RIGHT_TO_LEFT,
    STRIPE,
    TOC_LEVELS,
    TOC_TEXT_MAX,
    Family,
)
from .text import clip, code_markup, markup_text, paragraph, plain_paragraph, plain_text

_BUILD_LOCK = threading.Lock()  # ReportLab keeps global state (font subsets, callbacks)


class DocTemplate(BaseDocTemplate):
    keepTogetherClass = KeepWithNext  # for keepWithNext flowables made while laying out (split parts)


class Renderer:
    def __init__(self, document: Document):
        self.document = document
        self.rtl = RIGHT_TO_LEFT.get()
        self.align = "RIGHT" if self.rtl else "LEFT"
        headings = [b for b in document.blocks if isinstance(b, Heading)]
        self.keys = bookmark_keys(headings)
        self.outline = outline_levels(headings)
        self.toc_entries = [
            (heading_level(h) - 1, markup_text(clip(h.text, TOC_TEXT_MAX) or "—"), key)
            for h, key in zip(headings, self.keys, strict=True)
            if heading_level(h) <= TOC_LEVELS
        ]
        self._contents = 0
        self._heading_index = 0

    def parse(self, text: str) -> list:
        return parsed(text)

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
            plain_paragraph(clip(doc.title, COVER_TEXT_MAX), COVER_TITLE),
        ]
        if doc.subtitle:
            story.append(plain_paragraph(clip(doc.subtitle, COVER_TEXT_MAX), COVER_SUB))
        if doc.meta:
            rows = [
                self.columns(
                    [plain_paragraph(clip(k, 80), COVER_LABEL), plain_paragraph(clip(v, COVER_TEXT_MAX), COVER_VALUE)]
                )
                for k, v in doc.meta
            ]
            widths = self.columns([42 * mm, FRAME_W - 42 * mm])
            table = RLTable(rows, colWidths=widths, hAlign=self.align)
            table.setStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("RIGHTPADDING" if self.rtl else "LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING" if self.rtl else "RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, LINE),
                    ("TOPPADDING", (0, 0), (-1, 0), 10),
                ]
            )
            story += [Spacer(1, 16 * mm), table]
        return story

    def columns(self, cells: list) -> list:
        """A row's cells (or the columns' widths) in the order they are laid out: the first
        column on the right in a right-to-left pack."""
        return cells[::-1] if self.rtl else cells

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
        level = heading_level(block)
        title = plain_text(clip(block.text, 250)) or "—"
        room = {1: 140, 2: 100, 3: 0}[level]  # a new part or section does not start at a page foot
        heading = plain_paragraph(
            block.text,
            HEADINGS[level],
            HeadingParagraph,
            key=self.keys[index],
            title=title,
            outline=self.outline[index],
        )
        return [CondPageBreak(room), heading] if room else [heading]

    def contents(self, block: Contents) -> list:
        """The contents: one line per heading of level 1-2, its page number drawn at save time."""
        self._contents += 1
        key = "contents" if self._contents == 1 else f"contents-{self._contents}"
        title = plain_text(clip(block.title, 250)) or "—"
        story: list = [
            plain_paragraph(block.title, H1, HeadingParagraph, key=key, title=title, outline=0),
            Spacer(1, 2),
        ]
        story += [ContentsLine(text, target, level) for level, text, target in self.toc_entries]
        return story

    def para(self, block: Para) -> list:
        family = FAMILIES.get(block.style, BODY)
        blocks = self.parse(block.text)
        flowables = self.mblocks(blocks, family)
        if len(blocks) == 1 and isinstance(blocks[0], richtext.MParagraph) and flowables:
            runs = blocks[0].runs
            if all(r.bold for r in runs if r.text.strip()) and len(richtext.plain(runs)) < 160:
                flowables[0].keepWithNext = 1  # a bold label ("Session plan") stays with what follows
            elif block.style == "meta":
                flowables[0].keepWithNext = 1
        return flowables

    def note(self, block: Note) -> list:
        title = plain_paragraph(block.title, NOTE_TITLE) if block.title else None
        body = [[f] for f in self.mblocks(self.parse(block.text), NOTE, width_hint=FRAME_W - 20)]
        for cell in body:  # the last flowable of a row needs no space under it
            no_space_after(cell[-1])
        if title is not None:
            rows = [[[title, *body[0]]]] + body[1:] if body else [[title]]
        else:
            rows = body
        if not rows:
            return []
        table = CountedTable(rows, colWidths=["100%"], splitByRow=1, splitInRow=1, spaceBefore=5, spaceAfter=9)
        table.setStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), NOTE_BG),
                ("LINEAFTER" if self.rtl else "LINEBEFORE", (0, 0), (0, -1), 3, NOTE_EDGE),
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
            items.append(flowables or [BodyParagraph("", BODY.item)])
        if not items:
            return []
        return [bullet_list(items, block.ordered, BODY, depth=0, space_after=6)]

    def table(self, block: Table) -> list:
        columns = max([len(block.header), *(len(r) for r in block.rows)], default=0)
        if columns == 0:
            return []
        header = list(block.header[:columns]) + [""] * (columns - len(block.header)) if block.header else []
        rows = [list(row[:columns]) + [""] * (columns - len(row)) for row in block.rows]
        widths = relative_widths(block.widths, columns, FRAME_W)
        widths = fit_widths(widths, min_widths(header, rows, columns), FRAME_W)
        header, rows, widths = self.columns(header), [self.columns(row) for row in rows], self.columns(widths)
        data, heights, style = [], [], list(GRID)
        if header:
            data.append([self.cell(cell, width, head=True) for cell, width in zip(header, widths, strict=True)])
            heights.append(0)
            style += HEADER_ROW
        tall = False
        for row in rows:
            data.append([self.cell(cell, width) for cell, width in zip(row, widths, strict=True)])
            heights.append(0)
            tall = tall or any(estimate_height(c, w) > FRAME_H * 0.5 for c, w in zip(row, widths, strict=True))
        content_rows = len(data)
        for _ in range(max(block.blank_rows, 0)):
            data.append([""] * columns)
            heights.append(BLANK_ROW_HEIGHT)
        table = GridTable(
            data,
            colWidths=widths,
            repeatRows=1 if header and len(data) > 1 else 0,
            minRowHeights=heights,
            splitByRow=1,
            splitInRow=1 if tall else 0,
            hAlign=self.align,
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
            return self.short_cell(text.strip(), width, FONT_B) or plain_paragraph(text, HEAD_CELL)
        if text.strip() == "☐":
            return CheckBox()
        blocks = self.parse(text)
        if len(blocks) == 1 and isinstance(blocks[0], richtext.MParagraph) and blocks[0].kind == "p":
            runs = blocks[0].runs
            if len(runs) == 1 and plain_run(runs[0]):
                value = self.short_cell(runs[0].text.strip(), width, FONT)
                if value:
                    return value
            return paragraph(runs, CELL.item)
        flowables = self.mblocks(blocks, CELL, width_hint=width or 80)
        if flowables:
            no_space_after(flowables[-1])
        return flowables or ""

    def short_cell(self, text: str, width: float, font: str) -> str:
        """`text` as a table cell's plain string when it fits on one line of `width` (a string
        is much cheaper than a paragraph); else "". Never right to left: ReportLab's table
        splits a cell's string into plain strings, which would lose the shaped glyphs' places."""
        if self.rtl or not width or "\n" in text or not COVERED.issuperset(text):
            return ""
        return text if pdfmetrics.stringWidth(text, font, CELL.size) <= width - 2 * CELL_PAD - 1 else ""

    # Markdown blocks ---------------------------------------------------------------------
    def mblocks(self, blocks: list, family: Family, in_list=False, depth=0, width_hint=FRAME_W) -> list:
        out: list = []
        for block in blocks:
            if isinstance(block, richtext.MParagraph):
                if block.kind == "quote":
                    style = family.quote
                elif block.kind.startswith("h"):
                    style = family.sub
                else:
                    style = family.item if in_list else family.p
                out.append(paragraph(block.runs, style))
            elif isinstance(block, richtext.MList):
                items = [
                    self.mblocks(item, family, in_list=True, depth=depth + 1, width_hint=width_hint)
                    or [BodyParagraph("", family.item)]
                    for item in block.items
                ]
                if items:
                    out.append(bullet_list(items, block.ordered, family, depth, space_after=2 if in_list else 6))
            elif isinstance(block, richtext.MTable):
                table = self.mtable(block)
                if table is not None:
                    out.append(table)
            elif isinstance(block, richtext.MCode):
                out.append(XPreformatted(code_markup(block.text, width_hint, family.code.fontSize), family.code))
        return out

    def mtable(self, block: richtext.MTable):
        columns = max((len(r) for r in block.rows), default=0)
        if columns == 0:
            return None
        head = min(block.header_rows, len(block.rows))
        data = []
        for number, row in enumerate(block.rows):
            style = HEAD_CELL if number < head else CELL.item
            cells = [paragraph(cell, style) for cell in row[:columns]]
            data.append(self.columns(cells + [""] * (columns - len(cells))))
        tall = sum(len(richtext.plain(c)) for row in block.rows for c in row) > 1500
        table = CountedTable(
            data,
            colWidths=self.columns(auto_widths(block.rows, head, columns)),
            repeatRows=head if head < len(data) else 0,
            splitInRow=1 if tall else 0,
            hAlign=self.align,
            spaceBefore=3,
            spaceAfter=8,
        )
        style = list(GRID)
        if head:
            style += [
                ("BACKGROUND", (0, 0), (-1, head - 1), HEAD_BG),
                ("LINEBELOW", (0, head - 1), (-1, head - 1), 0.9, HEAD_RULE),
            ]
        table.setStyle(style)
        return table


@functools.lru_cache(maxsize=8192)
def parsed(text: str) -> list:
    """`richtext.parse`, remembered (the result is only read, never changed)."""
    return richtext.parse(text)


def plain_run(run: richtext.Run) -> bool:
    return not (run.bold or run.italic or run.code or run.href or run.strike)


def render(document: Document) -> bytes:
    """The document as a complete PDF (same document, same bytes); right to left, in the
    Amiri family, when its language is written so (`languages.is_rtl`)."""
    with _BUILD_LOCK:
        token = RIGHT_TO_LEFT.set(languages.is_rtl(document.lang or ""))
        try:
            return _build(document)
        finally:
            RIGHT_TO_LEFT.reset(token)


def _build(document: Document) -> bytes:
    renderer = Renderer(document)
    story = keep_with_next(renderer.story())
    buffer = io.BytesIO()
    title = plain_text(" — ".join(x for x in (document.title, document.subtitle) if x))
    doc = DocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_L,
        rightMargin=MARGIN_R,
        topMargin=MARGIN_T,
        bottomMargin=MARGIN_B,
        title=title,
        author=AUTHOR,
        subject=plain_text(document.subtitle),
        creator=AUTHOR,
        producer=AUTHOR,
        keywords="",
        invariant=1,
        lang=plain_text(document.lang) or None,
        initialFontName=FONT,
        initialFontSize=10,
    )
    frame = Frame(
        MARGIN_L,
        MARGIN_B,
        FRAME_W,
        FRAME_H,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=FRAME_PAD,
        bottomPadding=FRAME_PAD,
    )
    cover = Frame(
        MARGIN_L,
        MARGIN_B,
        FRAME_W,
        FRAME_H,
        id="cover",
        leftPadding=0,
        rightPadding=0,
        topPadding=FRAME_PAD,
        bottomPadding=FRAME_PAD,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[cover], onPage=cover_page, autoNextPageTemplate="body"),
            PageTemplate(id="body", frames=[frame]),
        ]
    )
    maker = functools.partial(
        NumberedCanvas,
        footer=plain_text(document.footer),
        label=plain_text(document.page_label),
        rtl=renderer.rtl,
    )
    doc.build(story, canvasmaker=maker)
    return buffer.getvalue()
