"""The Word export: real headings, tables, lists and fields that a facilitator can edit."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from curriculum.export.document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table
from curriculum.export.docx import render
from curriculum.export.pack import build_pack
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED

DAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def packs():
    """Documents and .docx bytes of the bundled core programme (French, Mali) for both packs."""
    programme = resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "fr")
    out = {}
    for pack in ("facilitator", "participant"):
        document = build_pack(programme, pack, DAY)
        out[pack] = (document, render(document))
    return out


def xml_of(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(part).decode("utf-8")


def footer_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/footer"))


def test_headings_are_real_word_headings(packs):
    document, data = packs["facilitator"]
    word = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading ")]
    top = [(p.style.name, p.text) for p in word.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Heading 3")]
    expected = [(f"Heading {b.level}", b.text) for b in document.blocks if isinstance(b, Heading)]
    assert top == expected and len(expected) > 50
    assert all(name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5") for name, _ in styled)
    title = [p.text for p in word.paragraphs if p.style.name == "Title"]
    assert title == [document.title]
    assert [p.text for p in word.paragraphs if p.style.name == "Subtitle"] == [document.subtitle]


def test_tables_are_real_with_a_repeating_header_row(packs):
    document, data = packs["facilitator"]
    word = docx.Document(io.BytesIO(data))
    tables = [b for b in document.blocks if isinstance(b, Table)]
    notes = [b for b in document.blocks if isinstance(b, Note)]
    assert len(word.tables) >= len(tables) + len(notes)  # and the Markdown tables of the handouts
    headed = iter(t for t in word.tables if t.rows[0]._tr.xpath("./w:trPr/w:tblHeader"))
    for block in tables:  # in document order, each Table block is a table with a repeating header row
        table = next(t for t in headed if [c.text for c in t.rows[0].cells] == list(block.header))
        assert table.style.name == "Table Grid"
        assert [c.text for c in table.rows[0].cells] == list(block.header)
        assert all(r.bold for c in table.rows[0].cells for p in c.paragraphs for r in p.runs)
        assert len(table.rows) == 1 + len(block.rows) + block.blank_rows
    attendance = next(t for t in word.tables if t.rows[0].cells[0].text == "Nom")
    assert len(attendance.rows) == 21
    widths = [int(col.get(qn("w:w"))) for col in attendance._tbl.tblGrid.gridCol_lst]
    assert widths[0] > widths[-1] and 9000 < sum(widths) <= 9640  # proportional, within the A4 text width


def test_notes_are_shaded_boxes_with_a_bold_title(packs):
    _, data = packs["facilitator"]
    word = docx.Document(io.BytesIO(data))
    boxes = [t for t in word.tables if len(t.rows) == 1 and len(t.columns) == 1]
    assert boxes
    box = boxes[0].cell(0, 0)
    assert box._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F3EFE6"
    assert box.paragraphs[0].style.name == "Note Title" and box.paragraphs[0].style.font.bold


def test_lists_use_built_in_list_styles_and_each_numbered_list_restarts(packs):
    _, data = packs["facilitator"]
    word = docx.Document(io.BytesIO(data))
    styles = {p.style.name for p in word.paragraphs}
    assert {"List Bullet", "List Number"} <= styles
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(num_ids) > 10  # one numbering instance per list: every list starts at 1
    numbering = word.part.numbering_part.element
    assert all(numbering.num_having_numId(n).find(qn("w:lvlOverride")) is not None for n in num_ids)


def test_french_text_toc_field_and_page_numbers(packs):
    document, data = packs["facilitator"]
    xml = xml_of(data)
    for text in ("Déroulé de la séance", "Feuille de présence", "Liste du matériel", "25 novembre 2026", "Périmètre"):
        assert text in xml, text
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml
    assert "Clic droit › Mettre à jour le champ pour afficher le sommaire." not in xml  # entries written in
    footer = footer_xml(data)
    assert document.footer in footer and "Page " in footer and " sur " in footer
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert 'w:lang w:val="fr-FR"' in xml_of(data, "word/styles.xml")
    word = docx.Document(io.BytesIO(data))
    props = word.core_properties
    assert props.title == document.title and props.author == "curriculum builder" and props.language == "fr-FR"


def test_facilitator_notes_only_in_the_facilitator_pack(packs):
    heading = "Notes pour l’animateur"
    assert heading in xml_of(packs["facilitator"][1])
    assert heading not in xml_of(packs["participant"][1])


def test_english_placeholder_and_page_label():
    document = Document(
        "Title",
        "Sub",
        "en",
        (("Context", "Generic"),),
        "Foot",
        (Contents("Contents"), PageBreak(), Heading("One", 1, "one")),
        "Page {page} of {pages}",
    )
    data = render(document)
    assert "Right-click › Update field to show the contents." not in xml_of(data)
    footer = footer_xml(data)
    assert footer.index("Page ") < footer.index(" PAGE ") < footer.index(" of ") < footer.index(" NUMPAGES ")


def test_markdown_runs_links_and_code():
    text = "Some **bold**, *italic* and `code` with a [link](https://example.org/x?a=1&b=2).\n\n```\nline <1>\n```"
    data = render(Document("T", "S", "en", (), "F", (Para(text), Para("meta", "meta"), Para("small", "small"))))
    word = docx.Document(io.BytesIO(data))
    body = word.paragraphs
    runs = {r.text: r for p in body for r in p.runs}
    assert runs["bold"].bold and runs["italic"].italic and runs["code"].font.name == "Consolas"
    assert word.part.rels[
        word.part.rels and next(iter(k for k, r in word.part.rels.items() if r.is_external))
    ].target_ref == ("https://example.org/x?a=1&b=2")
    assert "<w:hyperlink" in xml_of(data)
    assert [p.style.name for p in body if p.text in ("line <1>", "meta", "small")] == ["Code", "Meta", "Small"]


def test_hostile_input_renders_and_reopens():
    evil = "<script>x</script> & &amp; \x00\x07\x1b control chars \ufffe\ud800 </w:t><w:p>"
    document = Document(
        title=f"T {evil}",
        subtitle="\x01",
        lang="fr",
        meta=((evil, evil),),
        footer=evil,
        blocks=(
            Contents(evil),
            Heading(evil, 1, evil),
            Heading("", 2, ""),
            Heading("x", 7, "1" * 80),
            Para(evil),
            Para("x" * 20_000),
            Table((), ()),
            Table(("A",), ()),
            Table((), (), (), 3),
            Table(("x" * 20_000, "b"), (("y" * 20_000,), ("a", "b", "extra")), (0, -1, 2), blank_rows=2),
            Note("", ""),
            Note("Title only", ""),
            Note(evil, evil),
            Bullets(()),
            Bullets(("", "1. literal", evil)),
            PageBreak(),
        ),
        page_label=evil,
    )
    data = render(document)
    word = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "<script>x</script>" in text and "</w:t><w:p>" in text  # user text stays text
    assert "\x00" not in text and "\x07" not in text
    assert "x" * 20_000 in text
    assert word.tables and render(document) == data  # deterministic bytes


def test_same_document_same_bytes(packs):
    document, data = packs["participant"]
    assert render(document) == data


def test_the_contents_list_every_heading_before_any_field_update(packs):
    """LibreOffice does not update fields on opening: the TOC field carries its entries, each a
    link to its heading's bookmark (Word replaces them with numbered ones, w:updateFields)."""
    document, data = packs["participant"]
    body = docx.Document(io.BytesIO(data)).element.body
    paragraphs = list(body.iter(qn("w:p")))
    begin = next(
        i for i, p in enumerate(paragraphs) if "TOC \\o" in "".join(t.text or "" for t in p.iter(qn("w:instrText")))
    )
    end = next(
        i
        for i, p in enumerate(paragraphs[begin:], begin)
        if p.find(f".//{qn('w:fldChar')}[@{qn('w:fldCharType')}='end']") is not None
    )
    entries = [
        (h.get(qn("w:anchor")), "".join(t.text for t in h.iter(qn("w:t"))))
        for p in paragraphs[begin : end + 1]
        for h in p.iter(qn("w:hyperlink"))
    ]
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert [text for _, text in entries] == headings
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert all(anchor in bookmarks for anchor, _ in entries)
    settings = xml_of(data, "word/settings.xml")
    assert '<w:updateFields w:val="true"/>' in settings


def test_a_document_without_headings_keeps_the_update_hint():
    document = Document("T", "", "en", (), "Foot", (Contents("Contents"), Para("Text.")), "Page {page} of {pages}")
    assert "Right-click › Update field to show the contents." in xml_of(render(document))
