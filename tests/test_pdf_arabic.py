"""Arabic PDF packs: shaped, ordered by the bidi algorithm, right-aligned, mirrored tables,
contents, bookmarks and footer in Arabic, searchable text; Arabic inside a French pack;
hostile bidi controls. Text is read back with poppler's pdftotext, as a reader's search does."""

from __future__ import annotations

import io
import pathlib
import random
import re
import shutil
import subprocess
import tempfile
import unicodedata

import pytest
from bidi import get_display
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr

from curriculum.export import pdf
from curriculum.export.document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table, bounded
from curriculum.export.pdf import bidi_order
from curriculum.export.pdf.flowables import visual_lines
from curriculum.export.pdf.fonts import ARABIC, ARABIC_B
from curriculum.export.pdf.shaping import READING_STEP, _hb_font, _shaped, glyph_code, shaped_pieces
from curriculum.export.pdf.styles import BODY, FRAME_W, MARGIN_L, MARGIN_R, PAGE_W
from curriculum.export.pdf.text import plain_paragraph
from curriculum.i18n import t

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("qpdf")),
    reason="poppler-utils and qpdf are needed (make browser-deps installs them)",
)

RIGHT_EDGE = PAGE_W - MARGIN_R
SENTENCE = "تبدأ الجلسة على الساعة 08:30 مع السيد Jean-Pierre Dupont من وزارة العدل"
HEADINGS = ("مقدمة عن آلية الإحالة", "الجلسة الأولى", "النيابة العمومية وقاضي تنفيذ العقوبات")
LONG = "يتعاون **النيابة العمومية** و*قاضي تنفيذ العقوبات* في إطار السرّ المهني والإدماج، " * 6


def arabic_document(*extra, lang: str = "ar") -> Document:
    return Document(
        title="آلية الإحالة متعددة الفاعلين",
        subtitle="دليل الميسر",
        lang=lang,
        meta=(("السياق", "تونس"), ("النسخة", "1.2")),
        footer="آلية الإحالة — دليل الميسر — تونس",
        page_label=t("pack.page", "ar", page="{page}", pages="{pages}"),
        blocks=(
            Contents("المحتويات"),
            PageBreak(),
            Heading(HEADINGS[0], 1, "intro"),
            Para(SENTENCE + " (module-2)."),
            Para(LONG),
            Heading(HEADINGS[1], 2, "s1"),
            Note("ملاحظات للميسر", "اطلب من المشاركين قراءة دراسة الحالة (شخصية خيالية) ثم ناقش الأسئلة."),
            Bullets(("النقطة الأولى", "النقطة الثانية مع Ministère de la Justice")),
            Table(
                ("الوقت", "النشاط", "المدة"),
                (
                    ("08:30–08:45", "الترحيب والتعارف", "15 دقيقة"),
                    ("08:45–09:30", "عرض آلية الإحالة", "45 دقيقة"),
                    ("09:30–09:40", "السرّ المهني", "10 دقائق"),  # a mark placed glyph by glyph, in a cell
                ),
            ),
            PageBreak(),
            Heading(HEADINGS[2], 1, "roles"),
            Para("يحيل الأخصائي الاجتماعي الملف إلى الفريق متعدد الاختصاصات."),
            *extra,
        ),
    )


def pdftotext(data: bytes, *args: str) -> str:
    done = subprocess.run(["pdftotext", *args, "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def readable(text: str) -> str:
    """What a reader's search compares: NFKC, without the direction marks pdftotext adds, one
    space between words."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if ch not in bidi_order.CONTROLS and ch not in "\u202a\u202b\u202c\u202d\u202e")
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """Words, an Arabic run and a Latin or digit run being two words even with no space
    between them (pdftotext drops the space where the direction changes)."""
    return re.findall(r"[\u0600-\u06ff]+|[^\s\u0600-\u06ff]+", text)


def has_words(text: str, phrase: str) -> bool:
    wanted, found = words(phrase), words(text)
    return any(found[i : i + len(wanted)] == wanted for i in range(len(found) - len(wanted) + 1))


def pages(data: bytes) -> list[str]:
    return [readable(page) for page in pdftotext(data).split("\f")[:-1]]


def line_boxes(data: bytes, page: int) -> list[tuple[float, float, str]]:
    """(left, right, text) of each line pdftotext finds on `page` (1-based)."""
    xml = pdftotext(data, "-f", str(page), "-l", str(page), "-bbox-layout")
    lines = []
    for attrs, body in re.findall(r"<line ([^>]*)>(.*?)</line>", xml, re.S):
        left, right = (float(re.search(rf'{name}="([\d.]+)"', attrs).group(1)) for name in ("xMin", "xMax"))
        lines.append((left, right, readable(" ".join(re.findall(r">([^<]*)</word>", body)))))
    return lines


def word_boxes(data: bytes, page: int, edge: str = "xMin") -> list[tuple[float, str]]:
    """(left or right edge, word) of each word on `page`, the word's letters as drawn."""
    xml = pdftotext(data, "-f", str(page), "-l", str(page), "-bbox")
    pattern = rf'<word [^>]*{edge}="([\d.]+)"[^>]*>([^<]*)</word>'
    return [(float(x), readable(text)) for x, text in re.findall(pattern, xml)]


def word_box(data: bytes, page: int, word: str) -> float:
    """Where `word` starts on the left (an Arabic word is listed as drawn: its letters reversed)."""
    for left, text in word_boxes(data, page):
        if text in (word, word[::-1]):
            return left
    raise AssertionError(f"{word!r} not on page {page}")


def ink_within_margins(data: bytes, page: int, dpi: int = 100) -> bool:
    """Whether nothing is drawn left of the left margin or right of the right one (a glyph may
    reach 1 pt past it by its side bearing), looking at the page rendered by poppler."""
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder, "pack.pdf")
        source.write_bytes(data)
        root = pathlib.Path(folder, "page")
        subprocess.run(
            ["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", "-singlefile", source, root],
            check=True,
        )
        image = Image.open(root.with_suffix(".pgm"))
        image.load()
    scale = dpi / 72
    left, right = int((MARGIN_L - 1) * scale), int((RIGHT_EDGE + 1) * scale) + 1
    width, height = image.size
    outside = [image.crop((0, 0, left, height)), image.crop((right, 0, width, height))]
    return all(part.getextrema()[0] > 200 for part in outside)


def slack(size: float) -> float:
    """How far past its last glyph a line's box may reach: the extra width a glyph may be given
    for text extraction (`shaping.READING_STEP`), never drawn."""
    return READING_STEP / 1000 * size + 0.3


@pytest.fixture(scope="module")
def arabic_pack() -> bytes:
    return pdf.render(arabic_document())


def test_arabic_words_come_back_in_logical_order(arabic_pack):
    text = "\n".join(pages(arabic_pack))
    for heading in (*HEADINGS, "آلية الإحالة متعددة الفاعلين", "ملاحظات للميسر", "المحتويات"):
        assert heading in text, heading  # every word, its letters in the order they were typed
    assert has_words(text, SENTENCE)  # French names, ids and clock times inside Arabic, in reading order
    assert "قاضي تنفيذ العقوبات في إطار السرّ المهني والإدماج" in text  # bold and italic runs joined in order
    assert "\ue000" not in text and not any("\ue000" <= ch <= "\uf8ff" for ch in text)  # no private codes


def test_letters_are_shaped_and_the_shaped_glyphs_map_back():
    word = "الإحالة"
    shaped = "".join(shaped_pieces(ARABIC, word, rtl=True))
    assert len(shaped) == len(word) and shaped != word[::-1]  # joined forms, not the isolated letters
    font = pdfmetrics.getFont(ARABIC)
    assert "".join(font.actual.get(ord(ch), ch) for ch in reversed(shaped)) == word
    assert shaped_pieces(ARABIC, "Dupont", rtl=False) == ("Dupont",)  # Latin is drawn as it is


# words where HarfBuzz moves glyphs: marks (a shadda alone, with a kasra, with a fatha; before
# and after the letter in drawing order), tanwin, lam-alef, cursive joins Amiri kerns, digits
MOVED = ("السرّ", "للميسِّر", "المنظَّم", "ولأيّ", "عادةً", "تضمّ المجموعة", "لا", "الإحالة 08:30", "مَن", "الحدّ", "لكم")


def drawn_at(name: str, pieces: tuple[str, ...]) -> tuple[list[tuple[int, float, float]], float]:
    """Where ReportLab draws each glyph of `pieces` ((glyph, x, rise), thousandths of an em,
    sorted) and where the pen ends: a plain string glyph after glyph, each by its width in
    the PDF's font; a `ShapedStr` glyph by glyph at its offset, the pen moving by its advance."""
    font = pdfmetrics.getFont(name)
    pen, glyphs = 0.0, []
    for piece in pieces:
        if isinstance(piece, ShapedStr):
            for code, data in zip(piece, piece.__shapeData__, strict=True):
                glyphs.append((font.face.charToGlyph[ord(code)], round(pen + data.x_offset, 2), data.y_offset))
                pen += data.x_advance
            continue
        start = pen
        for code in piece:
            glyphs.append((font.face.charToGlyph[ord(code)], round(pen, 2), 0))
            pen += font.face.charWidths[ord(code)]
        assert pen - start == pytest.approx(piece.width)  # what ReportLab measures is what it draws
    return sorted(glyphs), round(pen, 2)


def harfbuzz_at(name: str, text: str) -> tuple[list[tuple[int, float, float]], float]:
    """Where HarfBuzz puts each glyph of `text` shaped right to left, as `drawn_at` says."""
    buffer = _shaped(pdfmetrics.getFont(name), text, True)
    infos, positions, scale = (
        buffer.glyph_infos,
        buffer.glyph_positions,
        1000 / pdfmetrics.getFont(name).face.unitsPerEm,
    )
    pen, glyphs = 0.0, []
    for number, (info, position) in enumerate(zip(infos, positions, strict=True)):
        glyphs.append((info.codepoint, round(pen + position.x_offset * scale, 2), position.y_offset if number else 0))
        pen += position.x_advance * scale
    return sorted(glyphs), round(pen, 2)


@pytest.mark.parametrize("name", [ARABIC, ARABIC_B])
def test_every_glyph_is_drawn_where_harfbuzz_puts_it(name):
    """Moved glyphs are placed by the width of the glyph before them (a code per width) in
    plain strings, and by ReportLab's glyph-by-glyph `ShapedStr` only where a width cannot
    place them: a raised glyph, a mark drawn right of the letter after it."""
    plain = placed = 0
    for text in (*MOVED, LONG, SENTENCE):
        pieces = shaped_pieces(name, text, rtl=True)
        assert drawn_at(name, pieces) == harfbuzz_at(name, text), text
        plain += sum(len(piece) for piece in pieces if not isinstance(piece, ShapedStr))
        placed += sum(len(piece) for piece in pieces if isinstance(piece, ShapedStr))
    assert placed < plain / 20, (placed, plain)  # (the speed of Arabic packs: see benchmarks/run.py)


def test_glyphs_drawn_for_one_letter_and_a_glyph_that_stands_for_nothing():
    """Amiri draws «لكم» with a kashida after the lam: two glyphs for one letter, neither of
    them the letter's own character; they are placed where HarfBuzz puts them and the letter
    reads back once. A glyph that stands for no character and has no code yet (the first pack
    a process builds) gets one with no text."""
    font = pdfmetrics.getFont(ARABIC)
    unused = next(g for g in range(_hb_font(ARABIC).face.glyph_count - 1, 0, -1) if g not in font.face.glyphToChar)
    code, width = glyph_code(font, unused, "", 100)  # (it used to fail on such a glyph)
    assert font.actual[code] == "" and width == 100 and font.face.charToGlyph[code] == unused
    for word in ("لكم", "الجيران", "المملكة"):
        pieces = shaped_pieces(ARABIC, word, rtl=True)
        assert drawn_at(ARABIC, pieces) == harfbuzz_at(ARABIC, word), word
        read = "".join(font.actual.get(ord(code), code) for piece in reversed(pieces) for code in reversed(piece))
        assert read == word


def test_each_letter_and_mark_is_read_back_once():
    """Marks and a kashida are drawn after their run with no text of their own, their letter
    standing for them: every word reads back whole, its letters and marks in order, each once
    (a mark starting close to its letter used to cut the word; a shadda and a kasra on one
    letter read as two of each)."""
    heading = "ملاحظات للميسِّر"
    data = pdf.render(arabic_document(Heading(heading, 2, "notes"), Para(" ".join(MOVED))))
    text = readable(pdftotext(data).split("\f")[-2])
    for word in re.findall(ARABIC_WORD, " ".join((heading, *MOVED))):
        assert word in arabic_words(text), (word, text)
    source = unicodedata.normalize("NFKC", heading + " ".join(MOVED))
    for mark in "\u0651\u0650\u064e\u064b":  # shadda, kasra, fatha, tanwin
        assert text.count(mark) == source.count(mark), mark


def test_every_arabic_word_of_the_headings_of_a_bundled_pack_reads_back():
    """The issue's reader test on real content: the 1-day facilitator pack for Tunisia, every
    Arabic word of every heading found by pdftotext, letters and marks in logical order."""
    from curriculum.export.pack import build_pack
    from curriculum.resolve import resolve
    from curriculum.workspace import load_workspace

    repo = pathlib.Path(__file__).resolve().parent.parent
    document = build_pack(resolve(load_workspace(repo), "awareness-1-day", "maghreb-tunisia", "ar"), "facilitator")
    found = arabic_words(readable(pdftotext(pdf.render(document))))
    headings = [block.text for block in document.blocks if isinstance(block, Heading)]
    wanted = [word for heading in headings for word in re.findall(ARABIC_WORD, readable(heading))]
    assert len(wanted) > 200
    assert [word for word in wanted if word not in found] == []


ARABIC_WORD = r"[\u0621-\u065f\u0670-\u06d3]+"  # letters and marks (not the Arabic comma)


def arabic_words(text: str) -> set[str]:
    return set(re.findall(ARABIC_WORD, text))


def test_paragraphs_end_at_the_right_margin(arabic_pack):
    lines = [line for line in line_boxes(arabic_pack, 3) if len(line[2]) > 25]
    assert len(lines) >= 5
    assert all(RIGHT_EDGE - 0.3 < right < RIGHT_EDGE + slack(BODY.size) for _, right, _ in lines[:4]), lines[:4]
    assert all(right < RIGHT_EDGE + slack(17) for _, right, _ in lines)
    assert min(left for left, _, _ in lines) > MARGIN_L - 0.3  # and nothing runs off the left
    assert max(left for left, _, _ in lines) > MARGIN_L + 100  # short lines are not left-aligned
    assert all(ink_within_margins(arabic_pack, page) for page in (2, 3, 4))  # (the cover has a full-width band)


def test_table_columns_run_right_to_left(arabic_pack):
    first, second, third = (word_box(arabic_pack, 3, word) for word in ("الوقت", "النشاط", "المدة"))
    assert first > second > third
    assert word_box(arabic_pack, 3, "الترحيب") > word_box(arabic_pack, 3, "15")
    assert has_words(pages(arabic_pack)[2], "السرّ المهني 10 دقائق")
    # the cells of a column end at the same place on the right (their padding)
    rights = {text: x for x, text in word_boxes(arabic_pack, 3, "xMax")}
    ends = [rights[word[::-1]] for word in ("الترحيب", "عرض", "السرّ")]
    assert max(ends) - min(ends) < slack(9), ends


def test_bookmarks_contents_and_footer_in_arabic(arabic_pack):
    reader = PdfReader(io.BytesIO(arabic_pack))
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == ["المحتويات", HEADINGS[0], HEADINGS[2]]
    nested = next(item for item in reader.outline if isinstance(item, list))
    assert nested[0].title == HEADINGS[1]
    texts = pages(arabic_pack)
    total = len(texts)
    assert t("pack.page", "ar", page=1, pages=total).split()[0] not in texts[0]  # no footer on the cover
    for number, text in enumerate(texts[1:], start=2):
        assert has_words(text, t("pack.page", "ar", page=number, pages=total)), text  # "الصفحة 2 من 4"
    contents = texts[1]
    for item in top[1:]:
        page = reader.get_destination_page_number(item) + 1
        assert item.title in contents and item.title in texts[page - 1]
    # the page numbers of the contents are on the left, the headings on the right
    numbers = [left for left, text in word_boxes(arabic_pack, 2) if text.isdigit()]
    assert len(numbers) == 3 + 2 and all(left < MARGIN_L + 30 for left in numbers[:3])  # (then the footer's)
    assert word_box(arabic_pack, 2, HEADINGS[0].split()[0]) > PAGE_W / 2


def test_the_pack_is_a_valid_pdf_and_deterministic(arabic_pack, tmp_path):
    assert pdf.render(arabic_document()) == arabic_pack
    path = tmp_path / "pack.pdf"
    path.write_bytes(arabic_pack)
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert b"Amiri" in arabic_pack and b"BitstreamVera" not in arabic_pack


def test_an_arabic_term_inside_a_french_pack_reads_in_order():
    document = Document(
        "Guide",
        "",
        "fr",
        (),
        "Guide",
        (Heading("Glossaire", 1, "g"), Para("Le terme « آلية الإحالة » désigne le mécanisme d’orientation.")),
        "Page {page} sur {pages}",
    )
    data = pdf.render(document)
    text = pages(data)[1]
    assert "آلية الإحالة" in text and "désigne le mécanisme d’orientation." in text
    assert b"Amiri" in data and b"BitstreamVera" in data
    # drawn in reading order: the French words left to right, the Arabic term right to left
    term, mechanism = word_box(data, 2, "آلية"), word_box(data, 2, "الإحالة")
    assert word_box(data, 2, "«") < mechanism < term < word_box(data, 2, "»") < word_box(data, 2, "désigne")
    lines = [line for line in line_boxes(data, 2) if "Le terme" in line[2]]
    assert lines and abs(lines[0][0] - MARGIN_L) < 0.8  # still a left-aligned French paragraph


def test_a_french_paragraph_is_drawn_as_before():
    """Lines without right-to-left text are not rebuilt: a French pack's drawing is unchanged."""
    paragraph = plain_paragraph("Déroulé de la séance : 08:30–08:45, « accueil » " * 5, BODY.p)
    paragraph.wrap(FRAME_W, 1000)
    assert visual_lines(paragraph.blPara, rtl=False) is paragraph.blPara
    french = Document(
        "Guide", "Dossier", "fr", (("Contexte", "Mali"),), "Guide", (Heading("Été", 1, "e"), Para("Séance"))
    )
    assert b"Amiri" not in pdf.render(french)  # no Arabic font in a pack without Arabic
    mixed = plain_paragraph("Le terme « آلية الإحالة » " * 5, BODY.p)
    mixed.wrap(FRAME_W, 1000)
    assert visual_lines(mixed.blPara, rtl=False) is not mixed.blPara


def test_bidi_controls_cannot_reverse_a_pack():
    hostile = "\u202eهذا نص معكوس\u202c و\u2066Jean Dupont\u2069 \u200fهنا\u061c"
    clean = "هذا نص معكوس و Jean Dupont هنا"
    document = arabic_document(Para(hostile), Para("\u202d" + clean + "\u202c"))
    text = pages(pdf.render(document))[-1]
    found = words(text)
    wanted = words(clean)
    assert sum(found[i : i + len(wanted)] == wanted for i in range(len(found))) == 2, text


def test_a_very_long_arabic_word_is_broken_and_kept():
    word = "الإحالة" * 400  # 2,800 letters, no space
    data = pdf.render(bounded(arabic_document(Para(word), Heading(word, 2, "long"))))
    text = "".join(pages(data))
    assert text.count("الإحالة") >= 400  # split across lines and pages, every letter kept, in order
    for page in range(3, len(PdfReader(io.BytesIO(data)).pages) + 1):
        assert ink_within_margins(data, page), page


def test_the_hostile_document_renders_right_to_left():
    from tests.test_pdf import hostile_document

    document = hostile_document()
    data = pdf.render(Document(**{**document.__dict__, "lang": "ar"}))
    assert data == pdf.render(Document(**{**document.__dict__, "lang": "ar"}))
    text = "".join(" ".join(pages(data)).split())  # (pdftotext drops spaces in Latin text of RTL pages)
    for literal in ("<b>Titre</b>&<fontcolor=red>", "x<y", "A&B", "<Sommaire>"):
        assert literal in text, literal


def test_bidi_levels_agree_with_the_reference_implementation():
    """Our implicit rules give the same display order as python-bidi (the unicode-bidi crate)
    on random mixes of Arabic, Latin, digits, separators and brackets, both directions."""
    pieces = ["كلمة", "الإحالة", "السرّ", "abc", "Dupont", "é", "08:30", "12", "3.5", "1,5", "٣٫٥", "١٢"]
    pieces += ["%", "-", "–", ".", ",", ":", " ", " ", "+", "$", "/", "#", "(", ")", "[", "]", "«", "»", "ـ"]
    chooser = random.Random(20)
    for _ in range(4000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12))).strip()
        for rtl in (True, False):
            levels = bidi_order.levels(text, rtl)
            ours = "".join(text[i] for i in bidi_order.visual_order(levels))
            assert ours == get_display(text, base_dir="R" if rtl else "L"), (text, rtl)


def test_bracket_pairs_and_visual_order():
    assert bidi_order.bracket_pairs("a(b[c)d]e)") == [(1, 5)]
    assert bidi_order.bracket_pairs("(x)(y)") == [(0, 2), (3, 5)]
    assert bidi_order.visual_order([1, 2, 2, 1]) == [3, 1, 2, 0]
    assert bidi_order.visual_order([0, 1, 1, 0]) == [0, 2, 1, 3]


def test_a_paragraph_wholly_in_the_other_direction_reads_its_own_way():
    """As in every format (`export.bidi.direction_of`): a French text shown in an Arabic pack
    while its translation is missing reads left to right from the left margin, its full stop
    at its end; an Arabic paragraph in a French pack reads from the right."""
    french = "Texte en français, faute de traduction : voir le module 2."
    data = pdf.render(arabic_document(Para(french)))
    last = len(PdfReader(io.BytesIO(data)).pages)
    line = next(line for line in line_boxes(data, last) if "Texte" in line[2])
    assert abs(line[0] - MARGIN_L) < 0.3 and line[2] == french, line
    arabic = "يحيل الأخصائي الاجتماعي الملف إلى الفريق."
    data = pdf.render(Document("Guide", "", "fr", (), "Guide", (Heading("Glossaire", 1, "g"), Para(arabic))))
    line = next(line for line in line_boxes(data, 2) if line[1] > PAGE_W / 2 and len(line[2]) > 20)
    assert RIGHT_EDGE - 0.3 < line[1] < RIGHT_EDGE + slack(BODY.size), line
    assert has_words(pages(data)[1], arabic)
