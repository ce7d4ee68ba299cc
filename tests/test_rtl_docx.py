"""Arabic Word packs read right to left (issue 20): paragraphs, runs, tables, sections and styles
carry Word's bidi properties; French packs carry none; LibreOffice lays the Arabic pack out from
the right."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from curriculum.export.document import Document, Heading, Para
from curriculum.export.docx import language_tag, render
from tests.rtl_document import HEADINGS, REFERRAL, SENTENCE, arabic_document, french_document_quoting_arabic

IN_CI = os.environ.get("CI", "").lower() == "true"


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def footers(data: bytes) -> list:
    word = docx.Document(io.BytesIO(data))
    return [p._p for section in word.sections for p in section.footer.paragraphs]


@pytest.fixture(scope="module")
def arabic():
    return render(arabic_document())


@pytest.fixture(scope="module")
def french():
    return render(french_document_quoting_arabic())


def text_of_run(r) -> str:
    return "".join(t.text or "" for t in r.iter(qn("w:t")))


def paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def is_bidi(p) -> bool:
    """Whether the paragraph says it is right to left (it says so either way in an Arabic pack,
    whose style defaults are right to left)."""
    p_pr = p.find(qn("w:pPr"))
    bidi = p_pr.find(qn("w:bidi")) if p_pr is not None else None
    return bidi is not None and bidi.get(qn("w:val"), "1") not in ("0", "false")


def says_left_to_right(p) -> bool:
    bidi = p.find(qn("w:pPr")).find(qn("w:bidi"))
    return bidi is not None and bidi.get(qn("w:val")) == "0"


def test_every_paragraph_of_an_arabic_pack_is_right_to_left_even_in_cells_and_footers(arabic):
    body = docx.Document(io.BytesIO(arabic)).element.body
    paragraphs = list(body.iter(qn("w:p"))) + footers(arabic)
    latin = [paragraph_text(p) for p in paragraphs if says_left_to_right(p)]
    assert all(is_bidi(p) or says_left_to_right(p) for p in paragraphs)
    assert len(paragraphs) > 30 and latin == ["Ministère de la Justice", "CNLCT"]  # wholly Latin: left to right
    # every other one, Arabic, mixed (SENTENCE), times, numbers, empty cells, the footer, is right to left
    assert body.find(qn("w:sectPr")).find(qn("w:bidi")) is not None


def test_a_paragraph_wholly_in_french_inside_an_arabic_pack_reads_left_to_right():
    """A text shown in French while its Arabic is missing: right to left, its final full stop
    and question marks would stand on the wrong side."""
    data = render(Document("عنوان", "", "ar", (), "F", (Para("Le référent police est consulté. Que sait-on ?"),)))
    body = docx.Document(io.BytesIO(data)).element.body
    french = next(p for p in body.iter(qn("w:p")) if paragraph_text(p).startswith("Le référent"))
    assert says_left_to_right(french) and "<w:rtl/>" not in etree_text(french)


def etree_text(element) -> str:
    from lxml import etree

    return etree.tostring(element, encoding="unicode")


def test_arabic_runs_are_rtl_with_an_arabic_language_tag_and_a_french_name_alone_is_not(arabic):
    runs = list(docx.Document(io.BytesIO(arabic)).element.body.iter(qn("w:r")))
    by_text = {text_of_run(r): r for r in runs if text_of_run(r)}
    sentence = by_text[SENTENCE]  # Arabic with a French place, an acronym, a time and a number: one rtl run
    assert sentence.find(qn("w:rPr")).find(qn("w:rtl")) is not None
    assert sentence.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:bidi")) == "ar-EG"
    latin = by_text["Ministère de la Justice"]
    assert latin.find(qn("w:rPr")) is None or latin.find(qn("w:rPr")).find(qn("w:rtl")) is None
    bold = by_text[REFERRAL]  # bold Arabic is bold in Word: the complex-script twin
    r_pr = bold.find(qn("w:rPr"))
    assert [child.tag for child in r_pr] == [qn("w:b"), qn("w:bCs"), qn("w:rtl"), qn("w:lang")]  # schema order


def test_every_table_of_an_arabic_pack_starts_on_the_right(arabic):
    word = docx.Document(io.BytesIO(arabic))
    tables = list(word.element.body.iter(qn("w:tbl")))
    assert len(tables) == 4  # the note, the agenda, the Markdown table, the attendance sheet
    assert all(t.find(qn("w:tblPr")).find(qn("w:bidiVisual")) is not None for t in tables)
    first_cells = [t.rows[0].cells[0].text for t in word.tables]
    assert "الوقت" in first_cells and "الاسم" in first_cells  # logical order kept: the first column is the first cell


def test_the_styles_of_an_arabic_pack_default_to_right_to_left_arabic(arabic):
    styles = part(arabic, "word/styles.xml")
    defaults = re.search(r"<w:docDefaults>.*</w:docDefaults>", styles).group(0)
    assert "<w:bidi/>" in defaults and 'w:bidi="ar-EG"' in defaults and 'w:cs="Arial"' in defaults
    assert "cstheme" not in styles  # one Arabic face for headings and text
    heading = re.search(r'w:styleId="Heading1".*?</w:style>', styles, re.S).group(0)
    assert re.search(r'<w:sz w:val="34"/><w:szCs w:val="34"/>', heading)  # Arabic headings as big as Latin ones
    assert 'w:bidi="ar-EG"' in part(arabic, "word/settings.xml")
    assert docx.Document(io.BytesIO(arabic)).core_properties.language == "ar-EG"


def test_an_arabic_pack_keeps_its_contents_and_page_fields(arabic):
    body = part(arabic, "word/document.xml")
    assert 'TOC \\o "1-3"' in body and all(heading in body for heading in HEADINGS)
    footer = "".join(part(arabic, n) for n in ("word/footer1.xml",) if n)
    assert " PAGE " in footer and " NUMPAGES " in footer and "صفحة" in footer


def test_an_arabic_pack_without_headings_says_how_to_fill_its_contents_in_arabic():
    from curriculum.export.document import Contents

    data = render(Document("عنوان", "", "ar", (), "تذييل", (Contents("المحتويات"), Para("نص."))))
    assert "تحديث الحقل" in part(data, "word/document.xml")


def test_a_french_pack_is_left_to_right_but_for_a_paragraph_wholly_in_arabic(french):
    for name in ("word/styles.xml", "word/footer1.xml", "word/settings.xml"):
        assert "<w:bidi/>" not in part(french, name) and "<w:rtl/>" not in part(french, name), name
    body = docx.Document(io.BytesIO(french)).element.body
    rtl = [paragraph_text(p) for p in body.iter(qn("w:p")) if is_bidi(p)]
    assert rtl == [REFERRAL]  # the glossary table's Arabic cell; the French sentence quoting it stays LTR
    assert body.find(qn("w:sectPr")).find(qn("w:bidi")) is None and "bidiVisual" not in part(
        french, "word/document.xml"
    )
    assert f'<w:rtl/><w:lang w:bidi="ar-EG"/></w:rPr><w:t>{REFERRAL}</w:t>' in part(french, "word/document.xml")
    assert 'w:lang w:val="fr-FR"' in part(french, "word/styles.xml")


def test_a_french_pack_without_arabic_gets_no_direction_pass(monkeypatch):
    from curriculum.export import wordml

    called = []
    monkeypatch.setattr(wordml, "set_directions", lambda *args: called.append(args))
    render(Document("T", "", "fr", (), "F", (Para("Texte (français)."),)))
    assert called == []


def test_the_french_colon_rule_is_the_language_s_typography():
    data = render(Document("T", "", "fr", (("Contexte", "Mali"),), "F", ()))
    assert "Contexte\u00a0:" in part(data, "word/document.xml")
    data = render(Document("T", "", "ar", (("السياق", "تونس"),), "F", ()))
    assert "السياق:" in part(data, "word/document.xml")


@pytest.mark.parametrize(
    ("code", "tag"),
    [("fr", "fr-FR"), ("en", "en-GB"), ("ar", "ar-EG"), ("ar-TN", "ar-TN"), ("fa", "fa-IR"), ("xx", ""), ("", "")],
)
def test_word_language_tags_come_from_the_code_and_cldr(code, tag):
    assert language_tag(code) == tag


def test_override_characters_never_reverse_an_arabic_word_pack():
    hostile = f"\u202e{REFERRAL} CNLCT"
    document = Document(
        hostile, "\u202bدليل", "ar", (("\u2067السياق", "تونس\u202c\u202c"),), "F", (Heading(hostile, 1, "h"),)
    )
    xml = part(render(document), "word/document.xml")
    assert "\u202e" not in xml and f"{REFERRAL} CNLCT" in xml
    assert "\u202bدليل\u202c" in xml and "\u2067السياق\u2069" in xml and "تونس<" in xml  # balanced, strays dropped


def test_a_very_long_arabic_word_builds_and_reopens():
    from tests.rtl_document import LONG_WORD

    data = render(Document("عنوان", "", "ar", (), "F", (Para(LONG_WORD),)))
    assert LONG_WORD in [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


@pytest.mark.skipif(shutil.which("soffice") is None and not IN_CI, reason="LibreOffice is not installed")
def test_libreoffice_lays_an_arabic_pack_out_from_the_right(arabic, tmp_path):
    """The pack converted by LibreOffice: headings end at the right margin, and pdftotext gives
    the words back in logical order. (Its word boxes hold the letters as laid out, right to left.)"""
    (tmp_path / "pack.docx").write_bytes(arabic)
    command = ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    subprocess.run([*command, "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "pack.docx")],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    bbox = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "pack.pdf"), "-"], capture_output=True, text=True)
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox.stdout)
    width = float(re.search(r'<page width="([\d.]+)"', bbox.stdout).group(1))
    for first in ("اليوم", "الجلسة"):  # the first words of two headings
        ends = [float(x1) for _, x1, word in words if word in (first, first[::-1])]
        assert ends and max(ends) > width - 60, (first, ends, width)  # the right margin is 20 mm (57 pt)
    text = subprocess.run(["pdftotext", str(tmp_path / "pack.pdf"), "-"], capture_output=True, text=True).stdout
    assert "اليوم" in text and "آلية" in text and "Ministère de la Justice" in text
