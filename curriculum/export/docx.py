"""Document -> an editable Word file (.docx).

Made to be edited by facilitators in Word or LibreOffice: real "Title" and "Heading 1-3"
paragraphs (so the navigation pane and a Word table of contents work), real tables with a
repeating header row, real "List Bullet" / "List Number" paragraphs, a TOC field and
PAGE / NUMPAGES fields in the footer.

A pack in a right-to-left language (Arabic) is right to left throughout, as Word writes one
typed in Arabic: every paragraph w:bidi, tables w:bidiVisual, the section w:bidi, its runs
w:rtl with an Arabic language tag (`wordml.right_to_left`), and the style defaults say so.

python-docx gives the package, the built-in styles and the page set-up; the body is
written as WordprocessingML elements directly (`wordml`: python-docx's per-run API is too slow for
a 100-page pack). User Markdown goes through `richtext.parse` into plain-text runs, and every
string is set as element text (never parsed) after the characters XML 1.0 forbids are
dropped, so no user text is ever read as Word markup.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
from babel.core import get_global
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from .. import languages
from ..i18n import t
from ..typography import for_language
from . import wordml as ml
from .bidi import RTL_LETTER, contained, has_rtl_text, script_language
from .document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table
from .pack import generation_date
from .richtext import MCode, MList, MParagraph, MTable, Run, parse

ACCENT = "8A3B12"
INK = "1F2328"
MUTED = "5C6370"
LINK = "0563C1"
NOTE_FILL = "F3EFE6"
NOTE_LINE = "D9CDB4"
HEADER_FILL = "E8EAEE"
GRID_LINE = "8C939D"
CODE_FILL = "F3F4F6"
BODY_FONT = "Calibri"
# Arabic (and any complex-script) text: Arial, the face Word's own Office theme gives Arabic
# body text, on every Windows and Mac that has Word; LibreOffice takes a face of the system
# with the glyphs where it lacks it. One face for headings and text alike (the theme would
# give headings Times New Roman).
COMPLEX_SCRIPT_FONT = "Arial"
AUTHOR = "curriculum builder"

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(210), Mm(297), Mm(20)
TEXT_WIDTH = (PAGE_WIDTH - 2 * MARGIN) // 635  # twips (twentieths of a point)
CELL_PADDING = 2 * 108  # Table Grid's left and right cell margins, twips
NOTE_PADDING = 2 * 170
TWIPS_PER_CHAR = 106  # a generous average width of a character of 10 pt Calibri
BLANK_ROW_HEIGHT = 510  # twips (9 mm): room to write by hand

# The region a language's Word tag names when the pack's language has none, where it is not
# CLDR's likely one: the bundled English content is written in British spelling ("programme").
PREFERRED_REGION = {"en": "GB"}
TOC_FIELD = r'TOC \o "1-3" \h \z \u'
TOC_INDENT = 360  # twips per level of the contents' entries

_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def render(document: Document) -> bytes:
    writer = _Writer(contained(document))
    writer.cover()
    for block in writer.document.blocks:
        writer.block(block)
    return writer.save()


def language_tag(code: str) -> str:
    """The tag Word names a language by ("fr-FR", "en-GB", "ar-EG", "ar-TN" for ar-TN): the
    code's own region, else the house's preference, else CLDR's likely region (Babel); "" for
    a code that is not a language."""
    found = languages.locale(code)
    if found is None:
        return ""
    region = found.territory or PREFERRED_REGION.get(found.language)
    if not region:
        likely = get_global("likely_subtags").get(found.language, "")
        region = next((part for part in likely.split("_")[1:] if part.isupper() or part.isdigit()), "")
    return "-".join(part for part in (found.language, found.script, region) if part)


class _Sink:
    """Where blocks go: the document body (before its w:sectPr) or one table cell.

    A cell starts with an empty paragraph, and one is added after a nested table because
    Word wants a cell to end with a paragraph: the next paragraph fills it instead.
    """

    def __init__(self, writer: _Writer, element, width: int, style: str = "", first=None):
        self.writer = writer
        self.element = element  # w:body or w:tc
        self.body = element.tag != ml.W["tc"]
        self.end = element.find(qn("w:sectPr")) if self.body else None
        self.width = width  # twips available to a table
        self.style = style  # default paragraph style id
        self.first = first
        self.last = ""  # "table" or "para": what was added last

    def _place(self, element):
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.element.append(element)
        return element

    def paragraph(self, style: str = "", num_id: int = 0, tight: bool = False):
        if self.first is not None:
            p, self.first = self.first, None
        else:
            p = self._place(etree.Element(ml.W["p"]))
        style = style or self.style
        page_break = self.body and self.writer.break_pending
        space_before = self.last == "table" and style not in self.writer.spaced
        self.last = "para"
        if not (style or page_break or num_id or tight or space_before):
            return p
        p_pr = etree.Element(ml.W["pPr"])
        p.insert(0, p_pr)
        if style:
            ml.sub(p_pr, "pStyle", val=style)
        if page_break:
            ml.sub(p_pr, "pageBreakBefore")
            self.writer.break_pending = False
        if num_id:
            num_pr = ml.sub(p_pr, "numPr")
            ml.sub(num_pr, "ilvl", val="0")
            ml.sub(num_pr, "numId", val=str(num_id))
        if tight:
            ml.sub(p_pr, "spacing", before="0", after="0")
        elif space_before and not page_break:
            ml.sub(p_pr, "spacing", before="160")
        return p

    def table(self, rows: int, widths: list[int], fixed: bool = True):
        if (self.body and self.writer.break_pending) or self.last == "table":
            self.paragraph(tight=True)  # Word joins two tables that touch; also carries a pending page break
        if self.first is not None:  # a cell may start with a table: drop its empty first paragraph
            self.element.remove(self.first)
            self.first = None
        tbl = self._place(ml.table(None, rows, widths, self.writer.grid, fixed, self.writer.rtl))
        if not self.body:
            self.first = ml.sub(self.element, "p")
        self.last = "table"
        return tbl


class _Writer:
    def __init__(self, document: Document):
        self.document = document
        self.lang = (document.lang or "").split("-")[0].lower()
        self.rtl = languages.is_rtl(document.lang or "")
        self.doc = docx.Document()
        self.part = self.doc.part
        self.numbering = self.part.numbering_part.element
        self.break_pending = False
        self.bookmarks: dict[str, int] = {}
        self._abstract: dict[str, int] = {}
        # every heading's bookmark, named before the contents are written (they list them all)
        self.toc = [
            (min(max(b.level, 1), 3), _one_line(b.text), self._bookmark_name(b.anchor))
            for b in document.blocks
            if isinstance(b, Heading) and _one_line(b.text)
        ]
        self._names = iter([name for _, _, name in self.toc])
        self._setup_package()
        self._setup_page()
        self._setup_styles()
        self.body = _Sink(self, self.doc.element.body, TEXT_WIDTH)

    # --- set-up ------------------------------------------------------------------------
    @property
    def language_tag(self) -> str:
        return language_tag(self.document.lang or "")

    def _setup_package(self) -> None:
        package = self.part.package
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:  # python-docx's template thumbnail: not this document
                del package.rels[rel_id]
        for rel_id, rel in list(self.part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):  # a stale copy of styles.xml for Word 2010
                del self.part.rels[rel_id]
        props = self.doc.core_properties
        props.title = _one_line(self.document.title)
        props.subject = _one_line(self.document.subtitle)
        props.author = props.last_modified_by = AUTHOR
        props.comments = props.keywords = ""
        props.revision = 1
        props.language = self.language_tag
        props.created = props.modified = dt.datetime.combine(generation_date(), dt.time(), tzinfo=dt.UTC)
        settings = self.doc.settings.element
        for proof in settings.findall(qn("w:proofState")):  # "clean" would hide spelling mistakes
            settings.remove(proof)
        update = etree.Element(qn("w:updateFields"))
        update.set(qn("w:val"), "true")  # Word offers to fill the TOC and NUMPAGES when opening
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(update)
        else:
            settings.append(update)
        for theme_lang in settings.findall(qn("w:themeFontLang")) if self.language_tag else ():
            theme_lang.set(qn("w:bidi" if self.rtl else "w:val"), self.language_tag)

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = section.top_margin = MARGIN
        section.bottom_margin = Mm(22)
        section.header_distance = section.footer_distance = Mm(10)
        footer = section.footer
        footer.is_linked_to_previous = False
        text = footer.paragraphs[0]
        text.style = self.doc.styles["Footer"]
        text.alignment = WD_ALIGN_PARAGRAPH.CENTER
        border = etree.Element(qn("w:pBdr"))
        ml.sub(border, "top", val="single", sz="4", space="4", color="D0D4DA")
        page = footer.add_paragraph(style=self.doc.styles["Footer"])
        page.alignment = WD_ALIGN_PARAGRAPH.CENTER
        text_p, page_p = footer.part.element.findall(qn("w:p"))  # the two paragraphs, as elements
        text_p.get_or_add_pPr().insert_element_before(border, *ml.AFTER_PBDR)
        ml.run(text_p, _one_line(self.document.footer), size=8, color=MUTED)
        label = _one_line(self.document.page_label) or "{page} / {pages}"
        for index, piece in enumerate(_PLACEHOLDER.split(label)):  # text, name, text, name, text…
            if index % 2:
                ml.field(page_p, "PAGE" if piece == "page" else "NUMPAGES", "1", size=8, color=MUTED)
            elif piece:
                ml.run(page_p, piece, size=8, color=MUTED)

    def _setup_styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = r_pr.find(qn("w:rFonts"))  # Calibri for text and headings alike (the theme has Cambria)
        for key in ("asciiTheme", "hAnsiTheme"):
            fonts.attrib.pop(qn(f"w:{key}"), None)
        fonts.set(qn("w:ascii"), BODY_FONT)
        fonts.set(qn("w:hAnsi"), BODY_FONT)
        for size in r_pr.findall(qn("w:sz")) + r_pr.findall(qn("w:szCs")):
            size.set(qn("w:val"), "21")
        if self.language_tag:  # Latin text's language, or for a right-to-left pack its complex-script one
            for lang in r_pr.findall(qn("w:lang")):
                lang.set(qn("w:bidi" if self.rtl else "w:val"), self.language_tag)
        p_pr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        if self.rtl:
            ml.insert_in_order(p_pr, "bidi", ml.AFTER_BIDI)
        spacing = p_pr.find(qn("w:spacing"))
        spacing.set(qn("w:after"), "120")
        spacing.set(qn("w:line"), "264")

        def tune(style, size=None, color=None, before=None, after=None, bold=None, italic=None):
            style = styles[style] if isinstance(style, str) else style
            if size is not None:
                style.font.size = Pt(size)
            if color is not None:
                style.font.color.rgb = RGBColor.from_string(color)
            if bold is not None:
                style.font.bold = bold
            if italic is not None:
                style.font.italic = italic
            if before is not None:
                style.paragraph_format.space_before = Pt(before)
            if after is not None:
                style.paragraph_format.space_after = Pt(after)
            return style

        title = tune("Title", size=26, color=INK, before=120, after=12)
        for bottom in title.element.iter(qn("w:bottom")):
            bottom.attrib.pop(qn("w:themeColor"), None)
            bottom.set(qn("w:color"), ACCENT)
            bottom.set(qn("w:sz"), "12")
        subtitle = tune("Subtitle", size=15, color=ACCENT, italic=False, after=30)
        for num_pr in list(subtitle.element.iter(qn("w:numPr"))):  # the template's stray list level
            num_pr.getparent().remove(num_pr)
        tune("Heading 1", size=17, color=ACCENT, before=18, after=8)
        tune("Heading 2", size=13.5, color=INK, before=16, after=5)
        tune("Heading 3", size=11.5, color=ACCENT, before=12, after=4)
        tune("Heading 4", size=10.5, color=INK, before=8, after=3, italic=False)
        tune("Heading 5", size=10.5, color=MUTED, before=6, after=2)
        tune("TOC Heading", size=17, color=ACCENT, before=0, after=12)
        tune("Quote", color=MUTED)
        grid = styles["Table Grid"]
        for line in grid.element.find(qn("w:tblPr")).find(qn("w:tblBorders")):
            line.set(qn("w:color"), GRID_LINE)

        def add(name, kind=WD_STYLE_TYPE.PARAGRAPH, base="Normal", **font):
            style = styles.add_style(name, kind)
            style.base_style = styles[base]
            style.quick_style = True
            return tune(style, **font)

        meta = add("Meta", size=9, italic=True, color=MUTED, after=4)
        small = add("Small", size=9, color=MUTED)
        cell = add("Table Text", size=10, before=1, after=1)
        cell.paragraph_format.line_spacing = 1.0
        note_title = add("Note Title", bold=True, color=ACCENT, after=3)
        note_title.paragraph_format.keep_with_next = True
        code = add("Code", size=9)
        code.font.name = ml.MONO
        code.paragraph_format.line_spacing = 1.0
        code_pr = code.element.get_or_add_pPr()
        shading = etree.Element(qn("w:shd"))
        for key, value in (("val", "clear"), ("color", "auto"), ("fill", CODE_FILL)):
            shading.set(qn(f"w:{key}"), value)
        code_pr.insert_element_before(shading, *ml.AFTER_PBDR[1:])
        details = add("Cover Details", size=11, after=3)
        details.paragraph_format.tab_stops.add_tab_stop(Mm(42))
        link = add("Hyperlink", WD_STYLE_TYPE.CHARACTER, base="Default Paragraph Font", color=LINK)
        link.font.underline = True

        ids = {name: styles[name].style_id for name in ("Title", "Subtitle", "Quote", "TOC Heading", "Table Grid")}
        self.title, self.subtitle, self.quote = ids["Title"], ids["Subtitle"], ids["Quote"]
        self.toc_heading, self.grid = ids["TOC Heading"], ids["Table Grid"]
        self.meta, self.small, self.cell_text = meta.style_id, small.style_id, cell.style_id
        self.note_title, self.code, self.details = note_title.style_id, code.style_id, details.style_id
        self.link = link.style_id
        self.heading = [styles[f"Heading {level}"].style_id for level in (1, 2, 3, 4, 5)]
        self.bullet = [styles[f"List Bullet{n}"] for n in ("", " 2", " 3")]
        self.number = [styles[f"List Number{n}"] for n in ("", " 2", " 3")]
        self.cont = [styles[f"List Continue{n}"].style_id for n in ("", " 2", " 3")]
        self.spaced = set(self.heading) | {self.toc_heading, self.note_title, self.title}
        _complex_script_twins(styles.element)

    def _bidi_language(self, text: str) -> str:
        """The language tag of a right-to-left paragraph: the pack's own, or in a left-to-right
        pack the language CLDR finds likeliest for the script of its first RTL letter."""
        if self.rtl:
            return self.language_tag
        letter = RTL_LETTER.search(text)
        return language_tag(script_language(letter.group())) if letter else ""

    def save(self) -> bytes:
        if self.rtl or has_rtl_text(self.document):  # a French pack quoting Arabic may hold an Arabic paragraph
            parts = [self.doc.element.body] + [
                rel.target_part.element for rel in self.part.rels.values() if rel.reltype in (RT.HEADER, RT.FOOTER)
            ]
            for root in parts:
                ml.set_directions(root, "rtl" if self.rtl else "ltr", self._bidi_language)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _stable_zip(buffer.getvalue())

    # --- document blocks ---------------------------------------------------------------
    def cover(self) -> None:
        document = self.document
        ml.run(self.body.paragraph(self.title), _one_line(document.title))
        if document.subtitle:
            ml.run(self.body.paragraph(self.subtitle), _one_line(document.subtitle))
        typeset = for_language(self.lang) or str
        for label, value in document.meta:
            p = self.body.paragraph(self.details)
            ml.run(p, typeset(f"{_one_line(label)}:"), bold=True)
            ml.run(p, f"\t{_one_line(value)}")
        self.break_pending = True

    def block(self, block) -> None:
        if isinstance(block, Heading):
            self.heading_block(block)
        elif isinstance(block, Para):
            tone = {"meta": self.meta, "small": self.small}.get(block.style, "")
            self.mblocks(self.body, parse(ml.clean(block.text)), tone)
        elif isinstance(block, Note):
            self.note(self.body, block)
        elif isinstance(block, Bullets):
            self.bullets(self.body, block)
        elif isinstance(block, Table):
            self.table(self.body, block)
        elif isinstance(block, PageBreak):
            self.break_pending = True
        elif isinstance(block, Contents):
            ml.run(self.body.paragraph(self.toc_heading), _one_line(block.title))
            self.contents()

    def contents(self) -> None:
        """The TOC field with its entries already written in (each a link to its heading): Word
        adds page numbers when it updates the fields on opening (w:updateFields); LibreOffice,
        which does not update them, shows these entries instead of an empty contents page."""
        if not self.toc:
            placeholder = t("docx.toc_placeholder", self.lang)
            ml.field(self.body.paragraph(), TOC_FIELD, placeholder, color=MUTED, italic=True)
            return
        p = self.body.paragraph()
        ml.sub(ml.run(p, ""), "fldChar", fldCharType="begin")
        instr = ml.sub(ml.run(p, ""), "instrText")
        instr.set(ml.XML_SPACE, "preserve")
        instr.text = f" {TOC_FIELD} "
        ml.sub(ml.run(p, ""), "fldChar", fldCharType="separate")
        for number, (level, text, name) in enumerate(self.toc):
            if number:
                p = self.body.paragraph()
            if level > 1:
                p_pr = p.find(ml.W["pPr"])
                if p_pr is None:
                    p_pr = etree.Element(ml.W["pPr"])
                    p.insert(0, p_pr)
                ml.sub(p_pr, "ind", left=str(TOC_INDENT * (level - 1)))
            ml.run(ml.sub(p, "hyperlink", anchor=name, history="1") if name else p, text, bold=level == 1)
        ml.sub(ml.run(p, ""), "fldChar", fldCharType="end")

    def heading_block(self, heading: Heading) -> None:
        text = _one_line(heading.text)
        if not text:
            return
        p = self.body.paragraph(self.heading[min(max(heading.level, 1), 3) - 1])
        name = next(self._names)
        if name:
            ident = str(self.bookmarks[name])
            ml.sub(p, "bookmarkStart", id=ident, name=name)
            ml.run(p, text)
            ml.sub(p, "bookmarkEnd", id=ident)
        else:
            ml.run(p, text)

    def _bookmark_name(self, anchor: str) -> str:
        """A unique Word bookmark name: letters, digits and _, at most 40, starting with a letter."""
        base = re.sub(r"[^A-Za-z0-9_]", "_", anchor or "")
        if not base:
            return ""
        if not base[0].isalpha():
            base = "h_" + base
        name, number = base[:40], 1
        while name in self.bookmarks:
            number += 1
            name = base[: 39 - len(str(number))] + f"_{number}"
        self.bookmarks[name] = len(self.bookmarks)
        return name

    def note(self, sink: _Sink, note: Note) -> None:
        title, blocks = _one_line(note.title), parse(ml.clean(note.text))
        if not (title or blocks):
            return
        tbl = sink.table(1, [sink.width], fixed=True)
        tc = tbl.find(ml.W["tr"]).find(ml.W["tc"])
        tc_pr = tc.find(ml.W["tcPr"])
        borders = ml.sub(tc_pr, "tcBorders")
        for side in ("top", "left", "bottom", "right"):  # w:left is the leading edge: right in a bidiVisual table
            wide = side == "left"
            ml.sub(
                borders, side, val="single", sz="24" if wide else "4", space="0", color=ACCENT if wide else NOTE_LINE
            )
        ml.sub(tc_pr, "shd", val="clear", color="auto", fill=NOTE_FILL)
        margins = ml.sub(tc_pr, "tcMar")
        for side, width in (("top", "100"), ("left", "170"), ("bottom", "80"), ("right", "170")):
            ml.sub(margins, side, w=width, type="dxa")
        inner = _Sink(self, tc, sink.width - NOTE_PADDING, first=tc.find(ml.W["p"]))
        if title:
            ml.run(inner.paragraph(self.note_title), title)
        self.mblocks(inner, blocks, "")

    def bullets(self, sink: _Sink, bullets: Bullets) -> None:
        items = []
        for item in bullets.items:
            blocks = parse(ml.clean(item))
            if blocks and not isinstance(blocks[0], MParagraph):  # "1. x" as a bullet: keep the text as typed
                blocks = [MParagraph([Run(_one_line(item))])]
            if blocks:
                items.append(blocks)
        if items:
            self.mlist(sink, MList(bullets.ordered, items), "", 1)

    def table(self, sink: _Sink, block: Table) -> None:
        header = [ml.clean(cell) for cell in block.header]
        rows = [[ml.clean(cell) for cell in row] for row in block.rows]
        cols = max([len(header)] + [len(row) for row in rows])
        blank = max(block.blank_rows, 0)
        if not cols or not (header or rows or blank):
            return
        weights = [w if isinstance(w, int | float) and w > 0 else 0 for w in block.widths[:cols]]
        weights += [sum(weights) / len(weights) if any(weights) else 1] * (cols - len(weights))
        weights = [w or 1 for w in weights]
        data = ([header] if header else []) + rows
        widths = _fit(sink.width, weights, data, bold_rows=1 if header else 0)
        tbl = sink.table(len(data) + blank, widths, fixed=True)  # fixed: the widths hold in Word and LibreOffice
        for index, tr in enumerate(tbl.findall(ml.W["tr"])):
            values = data[index] if index < len(data) else []
            short = sum(len(v) for v in values) < 600  # a long row may break across pages, and is no header to repeat
            is_header = bool(header) and index == 0
            height = 0 if index < len(data) else BLANK_ROW_HEIGHT
            ml.row_props(tr, header=is_header and short, height=height, keep=short)
            for col, tc in enumerate(ml.cells(tr)):
                if is_header:
                    ml.sub(tc.find(ml.W["tcPr"]), "shd", val="clear", color="auto", fill=HEADER_FILL)
                text = values[col] if col < len(values) else ""
                self.cell(tc, widths[col], parse(text) if text else [], bold=is_header)

    def cell(self, tc, width: int, blocks: list, bold: bool = False) -> None:
        sink = _Sink(self, tc, width - CELL_PADDING, style=self.cell_text, first=tc.find(ml.W["p"]))
        if not blocks:
            sink.paragraph()
        for block in blocks:
            if isinstance(block, MParagraph) and block.kind == "p":
                self.runs(sink.paragraph(), block.runs, bold=bold)
            else:
                self.mblocks(sink, [block], "")

    # --- Markdown ----------------------------------------------------------------------
    def mblocks(self, sink: _Sink, blocks: list, tone: str) -> None:
        for block in blocks:
            if isinstance(block, MParagraph):
                if block.kind == "quote":
                    style = self.quote
                elif block.kind in ("h1", "h2", "h3"):
                    style = self.heading[3]  # below the levels the table of contents shows
                elif block.kind.startswith("h"):
                    style = self.heading[4]
                else:
                    style = tone
                self.runs(sink.paragraph(style), block.runs)
            elif isinstance(block, MList):
                self.mlist(sink, block, tone, 1)
            elif isinstance(block, MTable):
                self.mtable(sink, block)
            elif isinstance(block, MCode):
                ml.run(sink.paragraph(self.code), ml.clean(block.text))

    def mlist(self, sink: _Sink, block: MList, tone: str, depth: int) -> None:
        level = min(depth, 3) - 1
        style = (self.number if block.ordered else self.bullet)[level]
        num_id = self._restart(style) if block.ordered else 0
        small = bool(tone)
        for item in block.items:
            started = False
            for child in item:
                if isinstance(child, MParagraph) and not started:
                    self.runs(sink.paragraph(style.style_id, num_id=num_id), child.runs, small=small)
                    started = True
                elif isinstance(child, MParagraph):
                    self.runs(sink.paragraph(self.cont[level]), child.runs, small=small)
                elif isinstance(child, MList):
                    self.mlist(sink, child, tone, depth + 1)
                    started = True
                else:
                    self.mblocks(sink, [child], tone)
                    started = True

    def _restart(self, style) -> int:
        """A new numbering instance for an ordered list, so that each list starts at 1."""
        abstract = self._abstract.get(style.style_id)
        if abstract is None:
            num_id = style.element.pPr.numPr.numId.val
            abstract = self.numbering.num_having_numId(num_id).abstractNumId.val
            self._abstract[style.style_id] = abstract
        num = self.numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def mtable(self, sink: _Sink, block: MTable) -> None:
        cols = max((len(row) for row in block.rows), default=0)
        if not cols:
            return
        widths = [sink.width // cols] * cols
        tbl = sink.table(len(block.rows), widths, fixed=False)
        for index, (tr, row) in enumerate(zip(tbl.findall(ml.W["tr"]), block.rows, strict=True)):
            header = index < block.header_rows
            ml.row_props(tr, header=header and index == 0)
            for col, tc in enumerate(ml.cells(tr)):
                if header:
                    ml.sub(tc.find(ml.W["tcPr"]), "shd", val="clear", color="auto", fill=HEADER_FILL)
                runs = row[col] if col < len(row) else []
                self.cell(tc, widths[col], [MParagraph(runs)] if runs else [])

    def runs(self, p, runs: list[Run], bold: bool = False, small: bool = False) -> None:
        for run in runs:
            text = ml.clean(run.text)
            if not text:
                continue
            parent = p
            if run.href:
                parent = ml.sub(p, "hyperlink", history="1")
                parent.set(ml.R_ID, self.part.relate_to(ml.clean(run.href), RT.HYPERLINK, is_external=True))
            ml.run(
                parent,
                text,
                bold=run.bold or bold,
                italic=run.italic,
                strike=run.strike,
                mono=run.code,
                size=(8.5 if small else 9.5) if run.code else (9 if small else 0),
                style=self.link if run.href else "",
            )


def _complex_script_twins(styles) -> None:
    """Each style's size, bold and italic given to Arabic text too (w:szCs, w:bCs, w:iCs, which
    python-docx leaves as the template had them), and one complex-script face for every style."""
    for r_pr in styles.iter(qn("w:rPr")):
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is not None and (fonts.get(qn("w:cstheme")) or r_pr.getparent().tag == qn("w:rPrDefault")):
            fonts.attrib.pop(qn("w:cstheme"), None)
            fonts.set(qn("w:cs"), COMPLEX_SCRIPT_FONT)
        for latin in ("b", "i", "sz"):  # each twin comes right after its Latin mark in the schema
            mark, twin = r_pr.find(qn(f"w:{latin}")), r_pr.find(qn(f"w:{latin}Cs"))
            if mark is not None:
                if twin is not None:
                    r_pr.remove(twin)
                mark.addnext(etree.Element(qn(f"w:{latin}Cs"), dict(mark.attrib)))


def _fit(total: int, weights: list[float], data: list[list[str]], bold_rows: int = 0) -> list[int]:
    """Column widths (twips) in proportion to `weights`, widened where needed so that short
    unbreakable words (a header like "Minutes", a time like "08:30–08:45") stay on one line;
    the twips come from the columns that have room to spare."""
    widths = [total * w / sum(weights) for w in weights]
    needs = [0.0] * len(widths)
    for index, row in enumerate(data):
        per_char = TWIPS_PER_CHAR * (1.08 if index < bold_rows else 1)
        for col, text in enumerate(row[: len(widths)]):
            longest = max((len(word) for word in text.split() if len(word) <= 16), default=0)
            needs[col] = max(needs[col], longest * per_char + CELL_PADDING)
    if sum(needs) <= total:
        short = sum(max(need - width, 0) for width, need in zip(widths, needs, strict=True))
        spare = sum(max(width - need, 0) for width, need in zip(widths, needs, strict=True))
        if short and spare:
            widths = [
                need if width < need else width - (width - need) * short / spare
                for width, need in zip(widths, needs, strict=True)
            ]
    return [int(width) for width in widths]


_SPACES = re.compile(r"[^\S\u00a0]+")  # white space but the non-breaking space, which must stay


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", ml.clean(text)).strip(" ")


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed member dates, so that equal documents give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
