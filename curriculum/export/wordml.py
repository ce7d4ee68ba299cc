"""WordprocessingML elements written directly with lxml: runs, fields, tables and rows, each with
its children in schema order. Every string is set as element text (never parsed) after the
characters XML 1.0 forbids are dropped (`clean`)."""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from lxml import etree

MONO = "Consolas"

# Characters XML 1.0 does not allow (control characters other than tab and newlines,
# lone surrogates, U+FFFE/U+FFFF): dropped from every string before it reaches lxml.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# WordprocessingML names, resolved once.
W = {
    name: qn(f"w:{name}")
    for name in (
        "p pPr pStyle pageBreakBefore numPr ilvl numId spacing r rPr rStyle rFonts b i strike color sz "
        "szCs t tab br hyperlink fldChar instrText bookmarkStart bookmarkEnd tbl tblPr tblStyle tblW tblLayout "
        "tblLook tblGrid gridCol tr trPr cantSplit trHeight tblHeader tc tcPr tcW tcBorders top left bottom right "
        "shd tcMar val type w ascii hAnsi cs before after line lineRule hRule fill id name history fldCharType "
        "firstRow firstColumn lastRow lastColumn noHBand noVBand space ind anchor"
    ).split()
}
XML_SPACE = qn("xml:space")
R_ID = qn("r:id")

# Successors of w:pBdr and w:shd inside w:pPr (schema order), to insert them in place in styles.
AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:contextualSpacing", "w:jc")
AFTER_PBDR += ("w:textDirection", "w:textAlignment", "w:outlineLvl", "w:rPr", "w:sectPr", "w:pPrChange")


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return NOT_XML.sub("", text or "")


def sub(parent, tag: str, **attrs: str):
    """A new w:`tag` child of `parent`; attribute names without their `w:` prefix."""
    element = etree.SubElement(parent, W[tag])
    for key, value in attrs.items():
        element.set(W[key], value)
    return element


def add_text(r, text: str) -> None:
    """Text into a run: tabs and line breaks as w:tab and w:br, the rest as w:t."""
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if number:
            sub(r, "br")
        for index, piece in enumerate(line.split("\t")):
            if index:
                sub(r, "tab")
            if piece:
                t = sub(r, "t")
                t.text = piece
                if piece[0] == " " or piece[-1] == " ":
                    t.set(XML_SPACE, "preserve")


def run(parent, text: str, bold=False, italic=False, strike=False, mono=False, size=0.0, color="", style=""):
    """A w:r with its properties in schema order (rStyle, rFonts, b, i, strike, color, sz)."""
    r = sub(parent, "r")
    if style or mono or bold or italic or strike or color or size:
        r_pr = sub(r, "rPr")
        if style:
            sub(r_pr, "rStyle", val=style)
        if mono:
            sub(r_pr, "rFonts", ascii=MONO, hAnsi=MONO, cs=MONO)
        if bold:
            sub(r_pr, "b")
        if italic:
            sub(r_pr, "i")
        if strike:
            sub(r_pr, "strike")
        if color:
            sub(r_pr, "color", val=color)
        if size:
            half_points = str(round(size * 2))
            sub(r_pr, "sz", val=half_points)
            sub(r_pr, "szCs", val=half_points)
    if text:
        add_text(r, text)
    return r


def field(p, instruction: str, result: str, size=0.0, color="", italic=False) -> None:
    """A complex field (begin, instruction, separate, cached result, end) at the end of `p`."""
    sub(run(p, "", size=size, color=color), "fldChar", fldCharType="begin")
    instr = sub(run(p, "", size=size, color=color), "instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    sub(run(p, "", size=size, color=color), "fldChar", fldCharType="separate")
    run(p, result, size=size, color=color, italic=italic)
    sub(run(p, "", size=size, color=color), "fldChar", fldCharType="end")


def table(parent, rows: int, widths: list[int], style: str, fixed: bool):
    """A w:tbl of `rows` x len(widths) empty cells (each with its paragraph); widths in twips."""
    tbl = etree.SubElement(parent, W["tbl"]) if parent is not None else etree.Element(W["tbl"])
    tbl_pr = sub(tbl, "tblPr")
    sub(tbl_pr, "tblStyle", val=style)
    sub(tbl_pr, "tblW", w=str(sum(widths)), type="dxa")
    if fixed:
        sub(tbl_pr, "tblLayout", type="fixed")
    look = {"firstRow": "1", "firstColumn": "0", "lastRow": "0", "lastColumn": "0", "noHBand": "1", "noVBand": "1"}
    sub(tbl_pr, "tblLook", val="0620", **look)
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    for _ in range(rows):
        tr = sub(tbl, "tr")
        for width in widths:
            tc = sub(tr, "tc")
            sub(sub(tc, "tcPr"), "tcW", w=str(width), type="dxa")
            sub(tc, "p")
    return tbl


def row_props(tr, header: bool = False, height: int = 0, keep: bool = True) -> None:
    """w:trPr, first in the row, children in schema order: cantSplit, trHeight, tblHeader."""
    if not (header or height or keep):
        return
    tr_pr = etree.Element(W["trPr"])
    tr.insert(0, tr_pr)
    if keep:
        sub(tr_pr, "cantSplit")
    if height:
        sub(tr_pr, "trHeight", val=str(height), hRule="atLeast")
    if header:
        sub(tr_pr, "tblHeader")


def cells(tr):
    return tr.findall(W["tc"])
