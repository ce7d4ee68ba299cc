"""The PDF exporter: deterministic bytes, exact French text, contents and footer, hostile text."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from curriculum.export import pdf
from curriculum.export.document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table
from curriculum.export.pack import build_pack
from curriculum.export.pdf import rl_compat
from curriculum.resolve import resolve
from curriculum.typography import french
from curriculum.workspace import load_workspace

DAY = dt.date(2026, 11, 25)
NOTES_FR = "Notes pour l’animateur"


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def programme_fr():
    from tests.conftest import BUNDLED

    return resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "fr")


@pytest.fixture(scope="module")
def facilitator_fr(programme_fr) -> bytes:
    return pdf.render(build_pack(programme_fr, "facilitator", DAY))


@pytest.fixture(scope="module")
def participant_fr(programme_fr) -> bytes:
    return pdf.render(build_pack(programme_fr, "participant", DAY))


def test_same_document_gives_the_same_bytes(programme_fr, participant_fr):
    data = pdf.render(build_pack(programme_fr, "participant", DAY))
    assert data == participant_fr
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.author == "curriculum builder"
    assert reader.metadata.title.startswith(french(programme_fr.title))  # French spaces in properties too


def test_french_accents_and_clock_times_come_out_exactly(facilitator_fr):
    text = "\n".join(pages_of(facilitator_fr))
    assert "08:30" in text and "08:30–08:45" in text
    for word in ("Déroulé de la séance", "Étape", "coup d’œil", "« ", " »", "Sommaire", "25 novembre 2026", NOTES_FR):
        assert word in text, word


def test_fonts_are_embedded(facilitator_fr):
    assert facilitator_fr.count(b"/FontFile2") >= 3  # Vera, Vera Bold, Vera Oblique
    assert b"BitstreamVeraSans-Roman" in facilitator_fr


def test_cover_contents_and_footer(facilitator_fr, programme_fr):
    pages = pages_of(facilitator_fr)
    total = len(pages)
    assert programme_fr.title in pages[0].replace("\n", " ") and "Dossier de l’animateur" in pages[0]
    assert "Page" not in pages[0]  # no footer on the cover
    assert f"Page 2 sur {total}" in pages[1] and f"Page {total} sur {total}" in pages[-1]
    labels = [re.findall(r"Page (\d+) sur (\d+)", page) for page in pages[1:]]
    assert all(found == [(str(n), str(total))] for n, found in enumerate(labels, start=2))
    # the contents give the page each part starts on; the bookmarks agree
    reader = PdfReader(io.BytesIO(facilitator_fr))
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert (
        titles[0] == "Sommaire"
        and titles[1].startswith("Briefing du contexte — Mali")
        and titles[2] == "Vue d’ensemble"
    )
    assert reader.get_destination_page_number(top[1]) == 2  # the country briefing comes first, on page 3
    contents = pages[1]
    for item in top[1:]:
        page = reader.get_destination_page_number(item) + 1
        assert pages[page - 1].lstrip().startswith(item.title[:20]), item.title
        assert re.search(rf"(^|\n)\s*{page}\s*(\n|$)", contents), (item.title, page)
    # each contents line is followed by its own page number (filled in when the pages are known)
    listed = dict(re.findall(r"(?m)^([^\n]+)\n[ .]+\n(\d+)$", contents))
    heads = [item for item in top[1:] if len(item.title) < 60]  # one-line titles
    assert heads and all(listed[item.title] == str(reader.get_destination_page_number(item) + 1) for item in heads)


def test_english_footer_label():
    from tests.conftest import BUNDLED

    programme = resolve(load_workspace(BUNDLED), "awareness-1-day", "generic", "en")
    pages = pages_of(pdf.render(build_pack(programme, "participant", DAY)))
    assert f"Page 2 of {len(pages)}" in pages[1]


def test_participant_pack_has_no_facilitator_notes(programme_fr, facilitator_fr, participant_fr):
    assert NOTES_FR in "\n".join(pages_of(facilitator_fr))
    assert NOTES_FR not in "\n".join(pages_of(participant_fr))
    module = programme_fr.modules[0]
    session = module.sessions[0]
    activity = replace(session.activities[0], facilitator_notes="PDFNOTEMARK only for facilitators")
    session = replace(session, activities=(activity, *session.activities[1:]))
    marked = replace(
        programme_fr, modules=(replace(module, sessions=(session, *module.sessions[1:])), *programme_fr.modules[1:])
    )
    assert "PDFNOTEMARK" in "\n".join(pages_of(pdf.render(build_pack(marked, "facilitator", DAY))))
    assert "PDFNOTEMARK" not in "\n".join(pages_of(pdf.render(build_pack(marked, "participant", DAY))))


HOSTILE = "<script>alert(1)</script> <b>x</b> & &amp; <font size=100> </para> &nbsp; [js](javascript:alert(1)) `a<b>`"


def hostile_document() -> Document:
    long_word = "w" * 20_000
    return Document(
        title="<b>Titre</b> & <font color=red>",
        subtitle="</para>",
        lang="fr",
        meta=(("Contexte <", "A & B"), ("", "")),
        footer="<i>pied</i> & " + "z" * 400,
        page_label="Page {page} sur {pages} {unknown} {",
        blocks=(
            Contents("<Sommaire>"),
            PageBreak(),
            Heading("", 2, ""),
            Heading("Même ancre", 1, "same"),
            Heading("Même ancre", 1, "same"),
            Para(HOSTILE),
            Para(long_word),
            Para("avant " + long_word + " après", "small"),
            Para("", "meta"),
            Para("```\n<code> & " + "q" * 500 + "\n```\n\n| a | b |\n|---|---|\n| < | & |\n\n1. un\n   - deux <\n"),
            Note("", ""),
            Note("Note vide", ""),
            Note("Longue note", "- a\n- b\n\n" + "mot " * 4000),
            Bullets(()),
            Bullets(("<i>", "&", ""), ordered=True),
            Table((), ()),
            Table(("<", "&"), (("x < y", "A & B"), ("court",), ("a", "b", "c")), (0, -1)),
            Table(("Réponse",), (), (1,), blank_rows=3),
            Table((), (("sans en-tête", "x"),)),
            Table(("a", "b"), ((long_word, "court"),)),
            Table(("Prêt",), (("☐",),)),
            PageBreak(),
        ),
    )


def test_hostile_text_renders_literally():
    data = pdf.render(hostile_document())
    assert data == pdf.render(hostile_document())
    text = " ".join(" ".join(pages_of(data)).split())
    for literal in ("<b>Titre</b> & <font color=red>", "</para>", "<Sommaire>", "x < y", "A & B", "a<b>", "<code> &"):
        assert literal in text, literal
    assert "alert" not in text and "x" in text and "&" in text
    assert "Page 2 sur" in text and "{unknown}" in text


@pytest.mark.parametrize(
    "blocks, pages, outline",
    [
        ((), [""], []),  # the cover alone
        ((Contents("Sommaire"),), ["", "Sommaire\nPage 2 of 2\n"], ["Sommaire"]),
        ((PageBreak(), PageBreak()), [""], []),  # page breaks with nothing between make no blank pages
        ((Heading("Seul", 3, "a"), Note("", "")), ["", "Seul\nPage 2 of 2\n"], ["Seul"]),  # an empty note draws nothing
    ],
)
def test_empty_and_nearly_empty_documents(blocks, pages, outline):
    reader = PdfReader(io.BytesIO(pdf.render(Document("", "", "", (), "", blocks))))
    assert [page.extract_text() for page in reader.pages] == pages
    assert [item.title for item in reader.outline] == outline


def test_frag_comparison_agrees_with_reportlabs_own(programme_fr, facilitator_fr, monkeypatch):
    """`rl_compat.same_frag` replaces rl_accel's `sameFrag` (same rules, no raised errors): it must
    answer as ReportLab's does on every pair a real pack asks about and on the edge cases,
    and the pack laid out with ReportLab's own function must be the same bytes."""
    from reportlab.lib.colors import Color
    from reportlab.lib.rl_accel import sameFrag as theirs
    from reportlab.platypus import paragraph as rl_paragraph
    from reportlab.platypus.paraparser import ParaFrag

    assert rl_compat.ACTIVE and rl_paragraph.sameFrag is rl_compat.same_frag  # on ReportLab 5.1.0
    asked = []

    def recording(f, g):
        asked.append((f, g))
        return rl_compat.same_frag(f, g)

    monkeypatch.setattr(rl_paragraph, "sameFrag", recording)
    pdf.render(build_pack(programme_fr, "facilitator", DAY))
    assert len(asked) > 1000
    assert any(rl_compat.same_frag(f, g) for f, g in asked) and not all(rl_compat.same_frag(f, g) for f, g in asked)
    for f, g in asked:
        assert rl_compat.same_frag(f, g) == bool(theirs(f, g))

    base = dict(fontName="Vera", fontSize=10, textColor=Color(0, 0, 0), rise=0, us_lines=[], link=[])
    variants = [
        {},
        {"fontName": "VeraBd"},
        {"fontSize": 10.0},
        {"fontSize": 11},
        {"textColor": Color(0, 0, 0)},
        {"textColor": Color(1, 0, 0)},
        {"link": ["x"]},
        {"backColor": Color(1, 1, 1)},
        {"backColor": None},
        {"nobr": True},
        {"cbDefn": object()},
        {"lineBreak": False},
    ]
    frags = [ParaFrag(**{**base, **extra}) for extra in variants]
    frags.append(ParaFrag(fontName="Vera", fontSize=10))  # attributes absent altogether
    for f in frags:
        for g in frags:
            assert rl_compat.same_frag(f, g) == bool(theirs(f, g)), (f, g)

    monkeypatch.setattr(rl_paragraph, "sameFrag", theirs)
    assert pdf.render(build_pack(programme_fr, "facilitator", DAY)) == facilitator_fr


@pytest.fixture
def restore_same_frag():
    """ReportLab's `sameFrag` global as it was before the test, whatever the test installs."""
    from reportlab.platypus import paragraph as rl_paragraph

    before = rl_paragraph.sameFrag
    yield rl_paragraph
    rl_paragraph.sameFrag = before


def test_compat_module_uses_reportlabs_own_on_any_other_version(restore_same_frag, programme_fr, facilitator_fr):
    """On a ReportLab it was not checked against, line breaking keeps ReportLab's own function
    (and the pack comes out the same); on the checked version it takes `same_frag`."""
    from reportlab.lib import rl_accel

    rl_paragraph = restore_same_frag
    assert rl_compat.install("5.2.0") is False and rl_paragraph.sameFrag is rl_accel.sameFrag
    assert pdf.render(build_pack(programme_fr, "facilitator", DAY)) == facilitator_fr
    assert rl_compat.install(rl_compat.CHECKED_VERSION) is True and rl_paragraph.sameFrag is rl_compat.same_frag
    assert rl_compat.install("4.4.4") is False and rl_paragraph.sameFrag is rl_accel.sameFrag


def test_compat_module_leaves_a_changed_reportlab_alone(restore_same_frag):
    """Where `sameFrag` is no longer rl_accel's (ReportLab changed it, or another library did),
    the module does not put its own in, even on the checked version."""

    def someone_elses(f, g):
        return False

    rl_paragraph = restore_same_frag
    rl_paragraph.sameFrag = someone_elses
    assert rl_compat.install(rl_compat.CHECKED_VERSION) is False and rl_paragraph.sameFrag is someone_elses


def test_compat_module_leaves_reportlabs_python_fallback_alone(restore_same_frag, monkeypatch):
    """Without rl_accel's C extension, ReportLab compares fragments with a Python function of
    slightly different rules (absent and None alike): the module keeps ReportLab's own."""
    from reportlab.lib import rl_accel

    def python_fallback(f, g):
        return True

    rl_paragraph = restore_same_frag
    monkeypatch.setattr(rl_accel, "sameFrag", python_fallback)
    rl_paragraph.sameFrag = python_fallback
    assert rl_compat.install(rl_compat.CHECKED_VERSION) is False and rl_paragraph.sameFrag is python_fallback


def test_a_long_footer_goes_on_two_lines_and_keeps_the_context_name(facilitator_fr, programme_fr):
    pages = pages_of(facilitator_fr)
    context = programme_fr.context_name
    assert all(context in page for page in pages[1:]), "the footer of every page names the context"
    assert not any("…" in line for page in pages[1:] for line in page.splitlines()[-3:])
