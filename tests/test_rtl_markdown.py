"""Arabic Markdown packs (issue 20): readable as text, laid out from the right where a viewer
renders HTML, tables whole."""

from __future__ import annotations

from markdown_it import MarkdownIt

from curriculum.export.document import Document, Para, Table
from curriculum.export.markdown import render
from tests.rtl_document import REFERRAL, SENTENCE, arabic_document, french_document_quoting_arabic

HEAD = """<div dir="rtl" lang="ar">

# التدريب الأساسي على آلية الإحالة

**دليل الميسّر**

- **السياق**: تونس (Tunisie)
- **اللغة**: العربية
- **الإصدار**: 3

## المحتويات

- اليوم الأول
  - الجلسة 1: أدوار الفاعلين
  - السرّ المهني
"""

AGENDA = """| الوقت | النشاط | الدقائق |
| --- | --- | --- |
| 08:30–09:15 | عرض: آلية الإحالة | 45 |
| 09:15–10:00 | دراسة حالة: Adama | 45 |
"""

TAIL = """---

*التدريب الأساسي على آلية الإحالة — الإصدار 3*

</div>
"""


def tokens(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def test_an_arabic_markdown_pack_is_wrapped_right_to_left_and_reads_as_written():
    text = render(arabic_document()).decode("utf-8")
    assert text.startswith(HEAD) and text.endswith(TAIL)
    assert AGENDA in text and f"\n{SENTENCE}\n" in text


def test_an_arabic_markdown_pack_keeps_its_tables_and_structure_inside_the_wrapper():
    found = tokens(render(arabic_document()).decode("utf-8"))
    assert found[0].type == "html_block" and found[0].content.startswith('<div dir="rtl"')
    assert found[-1].type == "html_block" and found[-1].content.strip() == "</div>"
    assert sum(t.type == "table_open" for t in found) == 3
    headers = [found[i + 1].content for i, t in enumerate(found) if t.type == "th_open"]
    assert headers[:3] == ["الوقت", "النشاط", "الدقائق"]
    assert [t.tag for t in found if t.type == "heading_open"][:3] == ["h1", "h2", "h2"]


def test_a_french_markdown_pack_quoting_arabic_is_not_wrapped():
    text = render(french_document_quoting_arabic()).decode("utf-8")
    assert text.startswith("# Formation de base") and "dir=" not in text
    assert f"({REFERRAL})" in text and "- **Contexte** : Tunisie" in text


def test_controls_in_a_cell_never_break_or_reverse_an_arabic_table():
    cell = "\u202eاسم | CNLCT\u202c\u2067"
    text = render(Document("ع", "", "ar", (), "F", (Table(("أ", "ب"), ((cell, "٢"),)), Para("\u202bنص")))).decode()
    assert "\u202e" not in text and "| اسم \\| CNLCT\u2067\u2069 | ٢ |" in text and "\u202bنص\u202c" in text
    table = [t for t in tokens(text) if t.type == "td_open"]
    assert len(table) == 2
