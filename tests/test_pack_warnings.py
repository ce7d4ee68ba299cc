"""The facilitator pack says where the agenda does not fit, beside the agenda at a glance."""

from __future__ import annotations

import pytest

from curriculum.export.formats import export
from curriculum.export.pack import build_pack
from curriculum.i18n import notice_text, t
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def mali():
    ws = load_workspace(BUNDLED)
    return {lang: resolve(ws, "core-3-day", "sahel-mali", lang) for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_overflow_is_on_the_agenda_page_of_the_facilitator_pack(mali, lang):
    programme = mali[lang]
    overflow = [n for n in programme.notices if n.code == "overflow"]
    assert overflow  # the 3-day curriculum ends day 3 after the end of the day in Mali
    blocks = build_pack(programme, "facilitator").blocks
    glance = next(i for i, b in enumerate(blocks) if getattr(b, "anchor", "") == "glance")
    note = blocks[glance + 1]
    assert note.title == t("pack.warnings", lang)
    assert notice_text(overflow[0], lang) in note.text
    assert getattr(blocks[glance + 3], "rows", None), "the agenda table follows the warnings"


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_every_format_of_the_facilitator_pack_shows_the_overflow(mali, fmt):
    programme = mali["fr"]
    _, data = export(programme, "facilitator", fmt, "pack")
    sentence = notice_text(next(n for n in programme.notices if n.code == "overflow"), "fr")
    if fmt == "pdf":
        import io

        from pypdf import PdfReader

        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages[:6]).split())
    elif fmt == "docx":
        import io

        import docx

        document = docx.Document(io.BytesIO(data))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        text = "\n".join([p.text for p in document.paragraphs] + cells)
    else:
        text = data.decode("utf-8")
    assert " ".join(sentence.split()) in " ".join(text.split())  # any kind of space


def test_the_participant_pack_does_not_carry_agenda_warnings(mali):
    blocks = build_pack(mali["fr"], "participant").blocks
    assert all(getattr(b, "title", "") != t("pack.warnings", "fr") for b in blocks)
