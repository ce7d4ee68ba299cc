"""Packs in every format: golden text, no leaks into the participant pack, hostile text, determinism."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from curriculum import typography
from curriculum.export.formats import export, file_stem
from curriculum.export.pack import build_pack, scope
from curriculum.problems import ContentError
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.test_cli import run

DAY = dt.date(2026, 11, 25)
FORMATS = ["pdf", "html", "md", "docx", "zip"]


def text_of(fmt: str, data: bytes) -> str:
    """The readable text of an exported file."""
    if fmt in ("html", "md"):
        return data.decode("utf-8")
    if fmt == "pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = "".join(
                archive.read(n).decode("utf-8")
                for n in archive.namelist()
                if n.startswith("word/") and n.endswith(".xml")
            )
        return re.sub(r"<[^>]+>", "", xml)
    if fmt == "zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(
                text_of(name.rsplit(".", 1)[-1], archive.read(name))
                for name in archive.namelist()
                if name.rsplit(".", 1)[-1] in ("pdf", "html", "md", "docx")
            )
    raise AssertionError(fmt)


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The bundled core programme with a unique marker in every facilitator note and answer key."""
    from tests.conftest import BUNDLED

    programme = resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "fr")
    modules = []
    for module in programme.modules:
        sessions = tuple(
            replace(
                s,
                activities=tuple(
                    replace(a, facilitator_notes=f"{a.facilitator_notes}\n\nNOTEMARK{a.id.replace('-', '')}")
                    for a in s.activities
                ),
                notes=("CTXNOTEMARK",),
            )
            for s in module.sessions
        )
        questions = tuple(
            replace(q, explanation=f"KEYMARK{q.id}", model_answer=f"KEYMARK{q.id}") for q in module.questions
        )
        modules.append(replace(module, sessions=sessions, questions=questions, notes=("CTXNOTEMARK",)))
    return replace(programme, modules=tuple(modules))


@pytest.mark.parametrize("fmt", FORMATS)
def test_participant_pack_never_holds_facilitator_notes_or_answer_keys(marked, fmt):
    _, participant = export(marked, "participant", fmt, "p", DAY)
    _, facilitator = export(marked, "facilitator", fmt, "f", DAY)
    participant_text, facilitator_text = text_of(fmt, participant), text_of(fmt, facilitator)
    assert (
        "NOTEMARK" not in participant_text
        and "KEYMARK" not in participant_text
        and "CTXNOTEMARK" not in participant_text
    )
    assert "NOTEMARK" in facilitator_text and "KEYMARK" in facilitator_text


@pytest.mark.parametrize("fmt", ["pdf", "html", "md", "docx"])
def test_clock_times_and_french_accents_come_out_exactly(marked, fmt):
    _, data = export(marked, "facilitator", fmt, "f", DAY)
    text = text_of(fmt, data)
    first = marked.activities[0]
    assert first.start == "08:30" and "08:30" in text
    for word in ("Déroulé de la séance", "Liste du matériel", "Feuille de présence", "25 novembre 2026"):
        assert word in text, word
    # "Ouverture : …" is printed with its non-breaking space (PDF text extraction gives it back as a space)
    title = typography.french(marked.modules[0].title)
    assert title in text.replace("\n", " ") or title[:30] in text or title.replace("\u00a0", " ")[:30] in text


def hostile_programme(small_root):
    programme = resolve(load_workspace(small_root), "short", "generic", "en")
    evil = (
        "<script>alert('x')</script> <b>bold?</b> <font size=90>big</font> </para> &amp; & < > &nbsp; [link](javascript:alert(1)) "
        + "x" * 20_000
    )
    module = programme.modules[0]
    first = module.sessions[0].activities[0]
    sessions = (
        replace(
            module.sessions[0],
            title="",
            activities=(
                replace(
                    first,
                    title=evil[:200],
                    instructions=evil,
                    facilitator_notes=evil,
                    debrief=(evil,),
                    materials=("<tape> & glue",),
                ),
            )
            + module.sessions[0].activities[1:],
        ),
    ) + module.sessions[1:]
    handouts = (replace(module.handouts[0], body=evil, title="A & B <c>"),)
    return replace(
        programme,
        modules=(replace(module, sessions=sessions, handouts=handouts, summary=""),),
        summary=evil,
        briefing="",
    )


# what each format makes of text typed in a plain field (a title, a material): shown as typed
AS_TYPED = {
    "pdf": lambda s: (s,),
    "docx": lambda s: (s,),  # Word's XML, its entities read back
    "html": lambda s: (html.escape(s, quote=False),),
    # Markdown: `<` escaped with a backslash, or the whole text as entities (table cells):
    # either way a CommonMark viewer shows what was typed
    "md": lambda s: (s.replace("<", "\\<"), html.escape(s, quote=False)),
}
EVIL_TAGS = ("<script", "<font", "</para>")


def typed_fields(pack: str) -> dict[str, str]:
    """Plain-text fields of `hostile_programme` that each pack shows, and their text."""
    shown = {"handout title": "A & B <c>"}
    if pack == "facilitator":
        shown |= {"activity title": "<b>bold?</b>", "material": "<tape> & glue"}
    return shown


@pytest.mark.parametrize("pack", ["facilitator", "participant"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_comes_out_escaped_or_as_typed_in_every_format(small, fmt, pack):
    """Markup typed into the content is shown as text, never obeyed: plain fields come out as
    typed (escaped for HTML and Markdown), Markdown fields lose their script, font and link
    tricks, and a 20,000-character word is kept whole in every field that holds it."""
    name, data = export(hostile_programme(small), pack, fmt, "h", DAY)
    assert name == f"h.{fmt}"
    formats = ["pdf", "html", "md", "docx"] if fmt == "zip" else [fmt]
    texts = split_zip(data) if fmt == "zip" else {fmt: data}
    assert sorted(texts) == sorted(formats)
    for member, raw in texts.items():
        text = text_of(member, raw)
        if member == "docx":
            text = html.unescape(text)
        long_fields = 5 if pack == "facilitator" else 2  # the long word is in them whole (none cut)
        assert text.count("x") >= 20_000 * long_fields, member
        for field_name, typed in typed_fields(pack).items():
            assert any(form in text for form in AS_TYPED[member](typed)), (member, field_name)
        if member == "html":
            assert not any(tag in text for tag in EVIL_TAGS) and 'href="javascript' not in text
        elif member == "md":
            assert not any(re.search("(?<!\\\\)" + re.escape(tag), text) for tag in EVIL_TAGS)
        else:  # PDF and Word: the script's text is seen only where the activity title shows it as typed
            assert text.count("alert('x')") == text.count("<script>alert('x')</script>")
            assert (text.count("alert('x')") > 0) == (pack == "facilitator")
        if member == "pdf" and pack == "participant":
            assert b"javascript" not in raw  # no link action anywhere in the file
        if member == "docx":
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                links = archive.read("word/_rels/document.xml.rels").decode("utf-8")
            assert "javascript" not in links


def split_zip(data: bytes) -> dict[str, bytes]:
    """The pack files of a ZIP export, by format."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name.rsplit(".", 1)[-1]: archive.read(name)
            for name in archive.namelist()
            if name.rsplit(".", 1)[-1] in ("pdf", "html", "md", "docx")
        }


GOLDEN = Path(__file__).parent / "golden" / "core-3-day-generic-en-facilitator-words-that-open-doors.txt"


def test_pdf_text_of_a_small_facilitator_pack_matches_the_golden_file(monkeypatch):
    """The text of one session's facilitator pack (pypdf's extraction) is the committed one.
    After a deliberate change to packs, regenerate it with
    `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export.py -k golden` and read the diff."""
    from tests.conftest import BUNDLED

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795564800")  # 25 November 2026
    programme = scope(
        resolve(load_workspace(BUNDLED), "core-3-day", "generic", "en"),
        session="trust-building/words-that-open-doors",
    )
    _, data = export(programme, "facilitator", "pdf", "g")
    text = text_of("pdf", data) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert "25 November 2026" in text
    assert text == GOLDEN.read_text(encoding="utf-8"), f"PDF text differs from {GOLDEN.name} (see docstring)"


def test_pdf_is_deterministic(marked):
    assert export(marked, "facilitator", "pdf", "f", DAY)[1] == export(marked, "facilitator", "pdf", "f", DAY)[1]


def test_zip_holds_every_format_agenda_and_manifest(marked):
    _, data = export(marked, "facilitator", "zip", "core", DAY)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == ["core.pdf", "core.html", "core.md", "core.docx", "agenda.csv", "manifest.json"]
        manifest = json.loads(archive.read("manifest.json"))
        agenda = archive.read("agenda.csv").decode("utf-8-sig").splitlines()
    assert (
        manifest["curriculum"] == "core-3-day" and manifest["context"] == "sahel-mali" and manifest["language"] == "fr"
    )
    assert manifest["revisions"]["modules"]["information-sharing"] >= 1 and manifest["generated"] == "2026-11-25"
    assert agenda[0] == "day,start,end,kind,module,session,activity,title,method,minutes,continued"
    assert agenda[1].startswith("1,08:30,")


def test_scope_to_one_day_and_one_session(marked):
    day2 = scope(marked, day=2)
    assert {s.day for s in day2.sessions} == {2} and not day2.days[0] and day2.days[1]
    one = scope(marked, session="information-sharing/case-conference")
    assert [s.path for s in one.sessions] == ["information-sharing/case-conference"]
    text = text_of("md", export(one, "facilitator", "md", "x", DAY)[1])
    assert (
        "Conduire une réunion" in text and "Repères juridiques" not in text.split("Documents pour les participants")[0]
    )
    with pytest.raises(ContentError, match="day 9 does not exist"):
        scope(marked, day=9)
    with pytest.raises(ContentError, match="unknown session"):
        scope(marked, session="nope/x")


def test_participant_pack_sections(marked):
    blocks = build_pack(marked, "participant", DAY).blocks
    headings = [b.text for b in blocks if type(b).__name__ == "Heading" and b.level == 1]
    assert headings == ["Agenda", "Documents pour les participants", "Test avant / après", "Fiche d’évaluation"]


def test_cli_export_writes_the_pack(bundled, tmp_path):
    result = run(
        "export",
        "core-3-day",
        "--context",
        "generic",
        "--lang",
        "en",
        "--pack",
        "participant",
        "--format",
        "md",
        "--out",
        str(tmp_path),
        "--day",
        "1",
        "--workspace",
        str(bundled),
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / "core-3-day-generic-en-participant-day1.md"
    assert result.stdout.strip() == str(path) and path.read_text(encoding="utf-8").startswith(
        "# Multi-actor referral mechanisms"
    )
    bad = run(
        "export",
        "core-3-day",
        "--context",
        "generic",
        "--lang",
        "en",
        "--pack",
        "participant",
        "--format",
        "md",
        "--out",
        str(tmp_path),
        "--session",
        "x/y",
        "--workspace",
        str(bundled),
    )
    assert bad.returncode == 1 and bad.stderr.startswith("error: unknown session 'x/y'")


def test_file_names_say_what_the_pack_is(marked):
    assert file_stem(marked, "facilitator") == "core-3-day-sahel-mali-fr-facilitator"
    assert file_stem(marked, "participant", session="a/b") == "core-3-day-sahel-mali-fr-participant-a-b"


def test_facilitator_pack_can_append_the_comment_matrix(small, tmp_path):
    from curriculum import review

    ws = load_workspace(small)
    review.add_comment(
        small, ws, "short", "sharing/basics", "Aminata", "prosecutor", "COMMENTMARK please date it", "R1"
    )
    result = run(
        "export",
        "short",
        "--context",
        "generic",
        "--lang",
        "en",
        "--pack",
        "facilitator",
        "--format",
        "pdf",
        "--out",
        str(tmp_path),
        "--comments",
        "R1",
        "--workspace",
        str(small),
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(text_of("pdf", (tmp_path / "short-generic-en-facilitator.pdf").read_bytes()).split())
    assert "Comment matrix — R1" in text and "COMMENTMARK" in text and "Aminata (prosecutor)" in text
    missing = run(
        "export",
        "short",
        "--context",
        "generic",
        "--lang",
        "en",
        "--pack",
        "facilitator",
        "--format",
        "pdf",
        "--out",
        str(tmp_path),
        "--comments",
        "R9",
        "--workspace",
        str(small),
    )
    assert missing.returncode == 1 and "no review round 'R9'" in missing.stderr


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_plain_titles_and_materials_show_as_typed_in_tables(small, fmt):
    programme = resolve(load_workspace(small), "short", "generic", "en")
    module = programme.modules[0]
    first = module.sessions[0].activities[0]
    odd = replace(first, title="R&D <b>x</b> *y*", materials=("tape & [glue]",))
    sessions = (replace(module.sessions[0], activities=(odd,) + module.sessions[0].activities[1:]),) + module.sessions[
        1:
    ]
    programme = replace(programme, modules=(replace(module, sessions=sessions),))
    text = text_of(fmt, export(programme, "facilitator", fmt, "t", DAY)[1])
    if fmt == "html":
        text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    if fmt == "docx":
        import html as html_lib

        text = html_lib.unescape(text)
    assert text.count("R&D <b>x</b> *y*") >= 2  # the plan table and the activity heading
    assert "tape & [glue]" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_a_comment_with_angle_brackets_loses_nothing_in_the_matrix(small, fmt):
    """Reviewers type plain sentences: `<le délai>` or `R&D` must reach the pack as typed,
    as the Review page shows them (their Markdown emphasis still works)."""
    from curriculum import review
    from curriculum.review_report import matrix_rows

    ws = load_workspace(small)
    added = review.add_comment(
        small, ws, "short", "sharing/basics", "Aïcha", "juge", "Préciser *vite* <le délai> & la base R&D", "R1"
    )
    review.set_status(small, added.id, "accepted", "Ajouté : <72 h> maximum")
    programme = resolve(ws, "short", "generic", "fr")
    _, data = export(programme, "facilitator", fmt, "x", generated=DAY, comments=matrix_rows(small, ws, "short", "R1"))
    text = " ".join(text_of(fmt, data).split())
    if fmt != "pdf":  # HTML, Markdown and Word's XML carry `<` and `&` as entities
        text = html.unescape(text)
    assert "<le délai> & la base R&D" in text and "<72 h> maximum" in text
    assert "*vite*" not in text or fmt == "md"  # emphasis rendered, not shown as stars
