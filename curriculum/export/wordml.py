"""WordprocessingML elements written directly with lxml: runs, fields, tables and rows, each with
its children in schema order. Every string is set as element text (never parsed) after the
characters XML 1.0 forbids are dropped (`clean`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from docx.oxml.ns import qn
from lxml import etree

from .bidi import RTL_LETTER, direction_of, has_ltr_letter

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
        "firstRow firstColumn lastRow lastColumn noHBand noVBand space ind anchor "
        "bidi bidiVisual rtl lang bCs iCs sectPr"
    ).split()
}
XML_SPACE = qn("xml:space")
R_ID = qn("r:id")

# Successors of w:pBdr and w:shd inside w:pPr (schema order), to insert them in place in styles.
AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:contextualSpacing", "w:jc")
AFTER_PBDR += ("w:textDirection", "w:textAlignment", "w:outlineLvl", "w:rPr", "w:sectPr", "w:pPrChange")
# Successors of the right-to-left properties in their parents (schema order).
AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents")
AFTER_BIDI += ("w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap")
AFTER_BIDI += ("w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
AFTER_SECTION_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


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
        if bold:  # bCs, iCs: Word and LibreOffice style Arabic and Hebrew by the complex-script twins
            sub(r_pr, "b")
            sub(r_pr, "bCs")
        if italic:
            sub(r_pr, "i")
            sub(r_pr, "iCs")
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


def table(parent, rows: int, widths: list[int], style: str, fixed: bool, bidi: bool = False):
    """A w:tbl of `rows` x len(widths) empty cells (each with its paragraph); widths in twips;
    `bidi`: its first column on the right (w:bidiVisual)."""
    tbl = etree.SubElement(parent, W["tbl"]) if parent is not None else etree.Element(W["tbl"])
    tbl_pr = sub(tbl, "tblPr")
    sub(tbl_pr, "tblStyle", val=style)
    if bidi:
        sub(tbl_pr, "bidiVisual")
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


def insert_in_order(parent, tag: str, successors: tuple[str, ...], **attrs: str):
    """`parent`'s w:`tag` child, added before the first of its schema `successors` if missing."""
    found = parent.find(W[tag])
    if found is not None:
        return found
    element = etree.Element(W[tag])
    for key, value in attrs.items():
        element.set(W[key], value)
    names = {qn(name) for name in successors}
    following = next((child for child in parent if child.tag in names), None)
    if following is not None:
        following.addprevious(element)
    else:
        parent.append(element)
    return element


def _properties(element, tag: str):
    """`element`'s properties child (w:pPr, w:rPr, w:tblPr), made first child if missing."""
    found = element.find(W[tag])
    if found is None:
        found = etree.Element(W[tag])
        element.insert(0, found)
    return found


def reads_right_to_left(text: str) -> bool:
    """Whether a run of a right-to-left paragraph is itself right to left: it holds a letter of an
    RTL script, or no letter of a left-to-right one (digits and punctuation follow the paragraph).
    A French name alone in a run keeps its Latin font and its order."""
    return RTL_LETTER.search(text) is not None or not has_ltr_letter(text)


def set_directions(root, around: str, bidi_language: Callable[[str], str]) -> None:
    """Each paragraph under `root` set to the direction its text reads in (`bidi.direction_of`,
    inside a document that reads `around`), with Word's bidi properties where it is right to
    left: the paragraph w:bidi, and each run that `reads_right_to_left` w:rtl with its
    complex-script language (`bidi_language` of the paragraph's text); in a right-to-left
    document the sections too. (Tables are made
    right to left where they are made: `table`.)"""
    for p in root.iter(W["p"]):
        runs = [(r, "".join(t.text or "" for t in r.iter(W["t"]))) for r in p.iter(W["r"])]
        if direction_of("".join(text for _, text in runs), around) == "ltr":
            if around == "rtl":  # the style defaults are right to left: say this one is not
                insert_in_order(_properties(p, "pPr"), "bidi", AFTER_BIDI, val="0")
            continue
        insert_in_order(_properties(p, "pPr"), "bidi", AFTER_BIDI)
        language = bidi_language("".join(text for _, text in runs))
        for r, text in runs:
            if reads_right_to_left(text):
                r_pr = _properties(r, "rPr")
                insert_in_order(r_pr, "rtl", AFTER_RTL)
                if language:
                    insert_in_order(r_pr, "lang", AFTER_RTL[-3:], bidi=language)
    for section in root.iter(W["sectPr"]) if around == "rtl" else ():
        insert_in_order(section, "bidi", AFTER_SECTION_BIDI)
