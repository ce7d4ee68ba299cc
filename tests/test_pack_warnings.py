"""The facilitator pack says where the agenda does not fit, beside the agenda at a glance, in every
format and in the pack's language; the participant pack does not."""

from __future__ import annotations

import html
from dataclasses import replace

import pytest

from curriculum.export.formats import export
from curriculum.export.pack import build_pack
from curriculum.i18n import notice_text, t
from curriculum.resolve import resolve_records
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED


def _plain(text: str) -> str:
    """Text with every kind of space as one plain space (packs use French non-breaking spaces)."""
    return " ".join(html.unescape(text).split())


@pytest.fixture(scope="module")
def mali():
    """The 3-day curriculum squeezed into two days in Mali: day 2 overflows."""
    ws = load_workspace(BUNDLED)
    record = ws.curricula["core-3-day"]
    two_days = replace(record, schedule=replace(record.schedule, days=2))
    return {lang: resolve_records(two_days, ws.contexts["sahel-mali"], ws.modules, lang) for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_overflow_is_on_the_agenda_page_of_the_facilitator_pack(mali, lang):
    programme = mali[lang]
    overflow = [n for n in programme.notices if n.code == "overflow"]
    assert overflow
    blocks = build_pack(programme, "facilitator").blocks
    glance = next(i for i, b in enumerate(blocks) if getattr(b, "anchor", "") == "glance")
    note = blocks[glance + 1]
    assert note.title == t("pack.schedule_warnings", lang)
    assert _plain(notice_text(overflow[0], lang)) in _plain(note.text)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_every_format_of_the_facilitator_pack_shows_the_overflow(mali, fmt):
    programme = mali["fr"]
    _, data = export(programme, "facilitator", fmt, "pack")
    sentence = notice_text(next(n for n in programme.notices if n.code == "overflow"), "fr")
    if fmt == "pdf":
        import io

        from pypdf import PdfReader

        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages[:15]).split())
    elif fmt == "docx":
        import io

        import docx

        document = docx.Document(io.BytesIO(data))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        text = "\n".join([p.text for p in document.paragraphs] + cells)
    else:
        text = data.decode("utf-8")
    assert _plain(sentence) in _plain(text)


def test_the_participant_pack_does_not_carry_agenda_warnings(mali):
    blocks = build_pack(mali["fr"], "participant").blocks
    assert all(getattr(b, "title", "") != t("pack.schedule_warnings", "fr") for b in blocks)
