"""Review through Word: the review copy, comments / replies / tracked changes brought back,
refusals, suggested edits accepted, roles, files kept, the comment matrix."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from curriculum import review
from curriculum.access import Actor, NotAllowedError
from curriculum.problems import ConflictError, ContentError
from curriculum.review_report import matrix_rows
from curriculum.review_word import accept_edit, import_review, review_copy, suggestion
from curriculum.review_word.reading import read_package
from curriculum.workspace import load_workspace, save
from tests.conftest import write
from tests.test_cli import run

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
EXTENDED_TYPE = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
EXTENDED_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


@pytest.fixture
def opened(small):
    """The small workspace with round "Round 1" open on curriculum "short"."""
    review.open_round(small, load_workspace(small), "short", "Round 1", "2026-12-15")
    return small


def copy_of(root, lang="en", context=None) -> bytes:
    return review_copy(root, load_workspace(root), "short", "Round 1", lang, context)


def paragraph_at(document, mark: str):
    """The python-docx paragraph that holds bookmark `mark` (body paragraphs are in the same order)."""
    elements = document.element.body.findall(qn("w:p"))
    for index, element in enumerate(elements):
        if any(b.get(qn("w:name")) == mark for b in element.iter(qn("w:bookmarkStart"))):
            return document.paragraphs[index]
    raise AssertionError(f"no bookmark {mark}")


def element_at(document, mark: str):
    for element in document.element.body.findall(qn("w:p")):
        if any(b.get(qn("w:name")) == mark for b in element.iter(qn("w:bookmarkStart"))):
            return element
    raise AssertionError(f"no bookmark {mark}")


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_parts(data: bytes, change) -> bytes:
    """The DOCX with its parts changed by `change(dict of name -> bytes)`."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def word_reply(data: bytes, parent_index: int, reply_index: int, resolved_index: int | None = None) -> bytes:
    """Make comment `reply_index` a threaded reply to `parent_index` the way Word does
    (w14:paraId on the comments' paragraphs, w15:paraIdParent in commentsExtended.xml)."""

    def change(parts):
        comments = etree.fromstring(parts["word/comments.xml"])
        ids = []
        for number, comment in enumerate(comments.iter(qn("w:comment"))):
            paragraph = comment.findall(qn("w:p"))[-1]
            paragraph.set(f"{{{W14}}}paraId", f"0000000{number + 1}")
            ids.append(f"0000000{number + 1}")
        parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8")
        entries = []
        for number, para in enumerate(ids):
            parent = f' w15:paraIdParent="{ids[parent_index]}"' if number == reply_index else ""
            done = "1" if number == resolved_index else "0"
            entries.append(f'<w15:commentEx w15:paraId="{para}"{parent} w15:done="{done}"/>')
        parts["word/commentsExtended.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w15:commentsEx xmlns:w15="{W15}">{"".join(entries)}</w15:commentsEx>'
        ).encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdX1" Type="{EXTENDED_TYPE}" Target="commentsExtended.xml"/></Relationships>',
        )
        parts["word/_rels/document.xml.rels"] = rels.encode()
        types = parts["[Content_Types].xml"].decode()
        types = types.replace(
            "</Types>", f'<Override PartName="/word/commentsExtended.xml" ContentType="{EXTENDED_CT}"/></Types>'
        )
        parts["[Content_Types].xml"] = types.encode()

    return with_parts(data, change)


def tracked(document, mark: str, before: str, after: str, author="Nadia L.", date="2026-11-30T09:00:00Z") -> None:
    """Replace a paragraph's text with a tracked deletion and insertion, as Word writes them."""
    p = element_at(document, mark)
    for piece in p.findall(qn("w:r")):
        p.remove(piece)
    for tag, text_tag, text, number in (("w:del", "w:delText", before, "901"), ("w:ins", "w:t", after, "902")):
        change = etree.SubElement(p, qn(tag))
        change.set(qn("w:id"), number)
        change.set(qn("w:author"), author)
        change.set(qn("w:date"), date)
        piece = etree.SubElement(etree.SubElement(change, qn("w:r")), qn(text_tag))
        piece.text = text


# --- the review copy ------------------------------------------------------------------------


def test_review_copy_marks_every_item_and_says_which_round_it_is(opened):
    data = copy_of(opened, lang="fr", context="generic")
    package, facts = read_package("copy.docx", data)
    frozen = review.round_snapshot(opened, "short", "Round 1")
    assert (facts.curriculum, facts.round, facts.lang) == ("short", "Round 1", "fr")
    assert len(facts.fingerprint) == 20
    assert sorted(facts.items.values()) == sorted(frozen["items"])
    document = docx.Document(io.BytesIO(data))
    names = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    assert set(facts.items) <= names and max(len(n) for n in names) <= 40
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Copie de relecture — Court"
    assert "Cycle de relecture : Round 1" in texts
    assert "Merci de renvoyer vos commentaires avant le 15 décembre 2026." in texts
    assert any(t.startswith("Sélectionnez les mots") for t in texts)
    key = {path: key for key, path in facts.items.items()}
    assert paragraph_at(document, key["sharing/basics/case"]).text == "Étude de cas"
    assert paragraph_at(document, key["sharing/basics/case"] + "i").text == "1. Lire le cas"
    assert paragraph_at(document, key["sharing/handout:case-one"] + "b").text == "Cas fictif."
    assert document.core_properties.keywords == facts.fingerprint


def test_an_arabic_review_copy_reads_right_to_left_and_comes_back(opened):
    write(opened, "settings.yaml", "languages: [fr, en, ar]\n")
    module = (opened / "modules/sharing.yaml").read_text()
    write(
        opened,
        "modules/sharing.yaml",
        module.replace("en: Sharing information}", "en: Sharing information, ar: تبادل المعلومات}"),
    )
    review.open_round(opened, load_workspace(opened), "short", "Round 2", "2026-12-15")
    data = review_copy(opened, load_workspace(opened), "short", "Round 2", "ar")
    body = docx.Document(io.BytesIO(data)).element.body
    paragraphs = body.findall(qn("w:p"))
    rtl = [
        p
        for p in paragraphs
        if p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
        and p.find(f"{qn('w:pPr')}/{qn('w:bidi')}").get(qn("w:val")) != "0"
    ]
    arabic = [p for p in paragraphs if "تبادل المعلومات" in "".join(t.text or "" for t in p.iter(qn("w:t")))]
    assert arabic and all(p in rtl for p in arabic)  # the Arabic title reads right to left
    assert any(r.get(qn("w:bidi")) == "ar-EG" for r in body.iter(qn("w:lang")))
    english = review_copy(opened, load_workspace(opened), "short", "Round 2", "en")
    assert docx.Document(io.BytesIO(english)).element.body.find(f".//{qn('w:bidi')}") is None  # no Arabic: unchanged
    report = import_review(opened, load_workspace(opened), "short", "back.docx", data)
    assert report.new == [] and report.outside == []  # the marks survive: an unchanged copy adds nothing


def test_review_copy_of_an_unknown_round_is_refused(opened):
    with pytest.raises(ContentError, match="no round 'Lisbon'|Lisbon"):
        review_copy(opened, load_workspace(opened), "short", "Lisbon", "en")


# --- comments, replies, idempotence ---------------------------------------------------------


def returned_with_comments(root) -> bytes:
    """A copy commented through python-docx's own comment API: one on an activity's instructions,
    one on a session's title, one on the first page, and a Word reply to the first (resolved)."""
    document = docx.Document(io.BytesIO(copy_of(root)))
    case = paragraph_at(document, "rv4i")
    document.add_comment(case.runs, text="Add the legal basis.", author="Aminata K.", initials="AK")
    practice = paragraph_at(document, "rv5t")
    document.add_comment(practice.runs, text="Too long after lunch.", author="Jonas B.", initials="JB")
    document.add_comment(document.paragraphs[1].runs, text="Who else reviews?", author="Jonas B.", initials="JB")
    document.add_comment(case.runs, text="Agreed: article 6.", author="Claire D.", initials="CD")
    return word_reply(saved(document), parent_index=0, reply_index=3, resolved_index=0)


def test_comments_land_on_their_items_with_author_and_quote(opened):
    ws = load_workspace(opened)
    report = import_review(opened, ws, "short", "aminata.docx", returned_with_comments(opened))
    assert report.summary() == "new comments: 3; replies: 1; suggested edits: 0; already imported: 0"
    by_text = {c.text: c for c in report.new}
    first = by_text["Add the legal basis."]
    assert (first.target, first.author, first.role, first.excerpt) == (
        "sharing/basics/case",
        "Aminata K.",
        "reviewer",
        "1. Read the case",
    )
    assert first.status == "open"  # resolved in Word, open here: the designers decide
    assert by_text["Too long after lunch."].target == "sharing/practice"
    reply = by_text["Agreed: article 6."]
    assert (reply.parent, reply.target, reply.author) == (first.id, "sharing/basics/case", "Claire D.")
    outside = by_text["Who else reviews?"]
    assert outside.target == "" and report.outside == ["Who else reviews?"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", first.created)


def test_importing_the_same_file_again_adds_nothing(opened):
    ws = load_workspace(opened)
    data = returned_with_comments(opened)
    import_review(opened, ws, "short", "aminata.docx", data)
    again = import_review(opened, ws, "short", "aminata (2).docx", data)
    assert again.summary() == "new comments: 0; replies: 0; suggested edits: 0; already imported: 4"
    assert len(review.comments(opened, "short")) == 4
    assert len(review.imported_files(opened, "short", "Round 1")) == 1


def test_imported_comments_are_in_the_matrix_like_typed_ones(opened):
    ws = load_workspace(opened)
    review.add_comment(opened, ws, "short", "sharing/basics", "Claire D.", "designer", "Typed here.", "Round 1")
    import_review(opened, ws, "short", "aminata.docx", returned_with_comments(opened))
    rows = matrix_rows(opened, ws, "short", "Round 1")
    assert [r["comment"] for r in rows] == [  # typed first, then the file's in the document's order
        "Typed here.",
        "Who else reviews?",
        "Add the legal basis.\n↳ Claire D. (reviewer): Agreed: article 6.",
        "Too long after lunch.",
    ]
    assert rows[2]["location"] == "Sharing information › The basics › Case study"
    assert rows[2]["excerpt"] == "1. Read the case" and rows[2]["reviewer"] == "Aminata K."


def test_a_copy_whose_marks_were_deleted_is_matched_by_headings(opened):
    document = docx.Document(io.BytesIO(copy_of(opened)))
    document.add_comment(paragraph_at(document, "rv4i").runs, text="On the case.", author="A")
    document.add_comment(paragraph_at(document, "rv6").runs, text="On the role play.", author="B")
    for mark in list(document.element.body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
        mark.getparent().remove(mark)
    report = import_review(opened, load_workspace(opened), "short", "b.docx", saved(document))
    assert report.by_headings
    assert {c.text: c.target for c in report.new} == {
        "On the case.": "sharing/basics/case",
        "On the role play.": "sharing/practice/role-play",
    }


# --- suggested edits --------------------------------------------------------------------------


def returned_with_change(root) -> bytes:
    document = docx.Document(io.BytesIO(copy_of(root)))
    tracked(document, "rv3i", "1. Present", "1. Present the legal frame")
    return saved(document)


def test_tracked_change_becomes_a_suggested_edit_and_accepting_saves_the_module(opened):
    ws = load_workspace(opened)
    report = import_review(opened, ws, "short", "nadia.docx", returned_with_change(opened))
    assert report.summary() == "new comments: 0; replies: 0; suggested edits: 1; already imported: 0"
    edit = report.new[0]
    assert (edit.kind, edit.target, edit.author, edit.created) == (
        "suggested-edit",
        "sharing/basics/intro",
        "Nadia L.",
        "2026-11-30T09:00:00+00:00",
    )
    assert "«1. Present»" in edit.text and "«1. Present the legal frame»" in edit.text
    assert suggestion(edit) == {
        "field": "instructions",
        "lang": "en",
        "current": "1. Present",
        "suggested": "1. Present the legal frame",
    }
    module = accept_edit(opened, ws, edit.id)
    assert module.revision == 2
    reloaded = load_workspace(opened).modules["sharing"]
    intro = reloaded.session("basics").activities[0]
    assert (intro.instructions["en"], intro.instructions["fr"]) == ("1. Present the legal frame", "1. Présenter")
    assert review.get_comment(opened, edit.id).status == "accepted"
    with pytest.raises(ContentError, match="has changed since the review copy"):
        accept_edit(opened, load_workspace(opened), edit.id)


def test_accepting_on_a_stale_screen_is_a_conflict_and_saves_nothing(opened):
    stale = load_workspace(opened)
    edit = import_review(opened, stale, "short", "nadia.docx", returned_with_change(opened)).new[0]
    from curriculum.edit import replace_activity

    module = replace_activity(load_workspace(opened).modules["sharing"], "practice", "role-play", minutes=50)
    save(opened, "modules", module, loaded_revision=1)  # a colleague saved a change meanwhile
    with pytest.raises(ConflictError):
        accept_edit(opened, stale, edit.id)
    assert review.get_comment(opened, edit.id).status == "open"
    assert load_workspace(opened).modules["sharing"].revision == 2


def test_a_plain_comment_cannot_be_accepted_as_an_edit(opened):
    ws = load_workspace(opened)
    comment = review.add_comment(opened, ws, "short", "sharing", "A", "judge", "x", "Round 1")
    with pytest.raises(ContentError, match="is not a suggested edit"):
        accept_edit(opened, ws, comment.id)


# --- refusals: nothing imported, nothing kept -------------------------------------------------


def macro(data):
    return with_parts(data, lambda parts: parts.update({"word/vbaProject.bin": b"\x00" * 64}))


def external(data):
    def change(parts):
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'attachedTemplate" Target="http://example.org/t.dotm" TargetMode="External"/></Relationships>',
        ).encode()

    return with_parts(data, change)


def bomb(data):
    return with_parts(data, lambda parts: parts.update({"word/media/filler.xml": b"A" * 5_000_000}))


def damaged(data):
    """The comments part's bytes changed inside the ZIP: its CRC no longer matches."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/comments.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    spoiled = bytearray(data)
    spoiled[start + 5] ^= 0xFF
    return bytes(spoiled)


def other_fingerprint(data):
    def change(parts):
        parts["docProps/custom.xml"] = re.sub(
            rb"(name=\"Review fingerprint\"><vt:lpwstr>)[0-9a-f]+",
            rb"\g<1>00000000000000000000",
            parts["docProps/custom.xml"],
        )

    return with_parts(data, change)


def other_curriculum(data):
    def change(parts):
        parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(
            b"<vt:lpwstr>short</vt:lpwstr>", b"<vt:lpwstr>core-3-day</vt:lpwstr>"
        )

    return with_parts(data, change)


def no_properties(data):
    return with_parts(data, lambda parts: parts.update({"docProps/custom.xml": b"<Properties/>"}))


@pytest.mark.parametrize(
    ("name", "spoil", "round_name", "expected"),
    [
        ("notes.txt", lambda d: b"plain text", None, "notes.txt: not a Word document (.docx)"),
        ("fake.docx", lambda d: b"plain text", None, "fake.docx: not a Word document (.docx)"),
        ("r.docm", lambda d: d, None, "r.docm: the document contains macros"),
        ("r.docx", macro, None, "r.docx: the document contains macros"),
        (
            "r.docx",
            external,
            None,
            "r.docx: the document refers to an outside file or address (http://example.org/t.dotm)",
        ),
        ("r.docx", bomb, None, "r.docx: word/media/filler.xml is compressed suspiciously well (a ZIP bomb?)"),
        ("r.docx", lambda d: d + b"\0" * (21 * 1024 * 1024), None, "r.docx: the file is too large"),
        (
            "r.docx",
            other_fingerprint,
            None,
            "r.docx: this review copy was made from another version of round 'Round 1'",
        ),
        ("r.docx", other_curriculum, None, "r.docx: this review copy is of curriculum 'core-3-day', not 'short'"),
        ("r.docx", lambda d: d, "Round 2", "r.docx: this review copy is of round 'Round 1', not 'Round 2'"),
        ("r.docx", no_properties, None, "r.docx: not a review copy made by this application"),
        ("r.docx", damaged, None, "r.docx: the Word document cannot be read (word/comments.xml is damaged)"),
    ],
)
def test_refused_files_import_nothing(opened, name, spoil, round_name, expected):
    data = spoil(returned_with_comments(opened))
    with pytest.raises(ContentError) as refused:
        import_review(opened, load_workspace(opened), "short", name, data, round_name)
    assert str(refused.value).startswith(expected)
    assert review.comments(opened, "short") == []
    assert not (opened / "review").exists()


def test_refusal_is_told_in_french(opened):
    with pytest.raises(ContentError) as refused:
        import_review(opened, load_workspace(opened), "short", "r.docx", macro(copy_of(opened)))
    assert refused.value.lines("fr") == [
        "r.docx : le document contient des macros — refusé ; demandez au relecteur de l’enregistrer comme "
        "document Word simple (.docx, pas .docm)"
    ]


# --- roles and the files kept -----------------------------------------------------------------


def test_on_a_server_only_designers_import_and_the_file_is_kept_with_who_and_when(opened, monkeypatch):
    monkeypatch.setenv("CURRICULUM_MODE", "server")
    from curriculum import access

    for name, role in (("aminata", "reviewer"), ("claire", "designer")):  # every write checks the account
        access.add_user(opened, name, role, "a long passphrase")
    ws = load_workspace(opened)
    data = returned_with_comments(opened)
    with pytest.raises(NotAllowedError, match="may not import"):
        import_review(opened, ws, "short", "a.docx", data, actor=Actor("aminata", "reviewer"))
    assert review.comments(opened, "short") == []
    report = import_review(opened, ws, "short", "From Aminata.docx", data, actor=Actor("claire", "designer"))
    kept = opened / report.kept
    assert kept.read_bytes() == data
    assert kept.parent == opened / "review" / "imported" / "short"
    note = json.loads(kept.with_suffix(".json").read_text(encoding="utf-8"))
    assert (note["file"], note["imported_by"], note["role"], note["round"]) == (
        "From Aminata.docx",
        "claire",
        "designer",
        "Round 1",
    )
    [row] = review.imported_files(opened, "short", "Round 1")
    assert (row["who"], row["name"], row["stored"]) == ("claire", "From Aminata.docx", report.kept)
    edit = import_review(opened, ws, "short", "n.docx", returned_with_change(opened), actor=Actor("claire", "designer"))
    with pytest.raises(NotAllowedError):
        accept_edit(opened, ws, edit.new[0].id, actor=Actor("aminata", "reviewer"))


def test_an_older_review_database_is_migrated(opened):
    db = sqlite3.connect(opened / "review.sqlite")
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(review.MIGRATIONS)
    columns = {row[1] for row in db.execute("PRAGMA table_info(comments)")}
    assert {"kind", "suggestion", "source"} <= columns
    db.close()
    typed = review.add_comment(opened, load_workspace(opened), "short", "sharing", "A", "judge", "x", "Round 1")
    assert (typed.kind, typed.suggestion, typed.source) == ("comment", "", "")


# --- command line -----------------------------------------------------------------------------


def test_command_line_writes_the_copy_and_imports_it_back(opened, tmp_path):
    out = tmp_path / "copy.docx"
    result = run(
        "review", "docx", "short", "--workspace", str(opened), "--round", "Round 1", "--lang", "en", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert read_package("copy.docx", out.read_bytes())[1].round == "Round 1"
    returned = tmp_path / "back.docx"
    returned.write_bytes(returned_with_comments(opened))
    args = ("review", "import", "short", str(returned), "--workspace", str(opened))
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "new comments: 3; replies: 1; suggested edits: 0; already imported: 0\n"
    assert "anchored outside every item" in result.stderr
    result = run(*args, "--json")
    found = json.loads(result.stdout)
    assert (found["new"], found["replies"], found["suggested_edits"], found["skipped"], found["comments"]) == (
        0,
        0,
        0,
        4,
        [],
    )
    refused = run(*args, "--round", "Round 2")
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: back.docx: this review copy is of round 'Round 1', not 'Round 2'")


# --- the Review page ------------------------------------------------------------------------------


def review_page(root, monkeypatch, lang="en", actor=None):
    from tests.conftest import REPO, app_test

    at = app_test(root, monkeypatch, lang, actor).run()
    return at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()


def test_review_page_prepares_the_review_copy(opened, monkeypatch):
    at = review_page(opened, monkeypatch)
    assert not at.exception, at.exception
    at.selectbox(key="word.lang").set_value("fr")
    at.button(key="word.prepare").click().run()
    assert not at.exception, at.exception
    source, data = at.session_state["word.copy"]
    assert source == ("short", "Round 1", "fr", "")
    assert read_package("copy.docx", data)[1].lang == "fr"


def test_review_page_accepts_a_suggested_edit_in_one_click(opened, monkeypatch):
    edit = import_review(opened, load_workspace(opened), "short", "n.docx", returned_with_change(opened)).new[0]
    at = review_page(opened, monkeypatch, lang="fr")
    assert [c.value for c in at.code][:2] == ["1. Present", "1. Present the legal frame"]
    at.button(key=f"word.accept.{edit.id}").click().run()
    assert not at.exception, at.exception
    assert load_workspace(opened).modules["sharing"].revision == 2
    assert review.get_comment(opened, edit.id).status == "accepted"
    assert "Modification appliquée : sharing, révision 2." in [s.value for s in at.success]
    assert f"word.accept.{edit.id}" not in [b.key for b in at.button]  # accepted: no second click


def test_review_page_refuses_the_edit_to_a_reviewer_on_a_server(opened, monkeypatch):
    monkeypatch.setenv("CURRICULUM_MODE", "server")
    from curriculum import access

    for name, role in (("aminata", "reviewer"), ("c", "designer")):  # every write checks the account
        access.add_user(opened, name, role, "a long passphrase")
    edit = import_review(
        opened, load_workspace(opened), "short", "n.docx", returned_with_change(opened), actor=Actor("c", "designer")
    ).new[0]
    at = review_page(opened, monkeypatch, actor=Actor("aminata", "reviewer"))
    at.button(key=f"word.accept.{edit.id}").click().run()
    assert any("aminata (reviewer) may not" in e.value for e in at.error)
    assert load_workspace(opened).modules["sharing"].revision == 1


def test_a_new_line_and_a_title_edit_are_suggested_as_whole_fields(opened):
    document = docx.Document(io.BytesIO(copy_of(opened, lang="fr")))
    case = element_at(document, "rv4i")
    properties = case.find(qn("w:pPr"))
    if properties is None:
        properties = etree.Element(qn("w:pPr"))
        case.insert(0, properties)
    # a new paragraph after the first line: the first paragraph's mark is the inserted one
    mark = etree.SubElement(etree.SubElement(properties, qn("w:rPr")), qn("w:ins"))
    mark.set(qn("w:id"), "903")
    mark.set(qn("w:author"), "Nadia L.")
    mark.set(qn("w:date"), "2026-11-30T09:05:00Z")
    added = etree.Element(qn("w:p"))
    inserted = etree.SubElement(added, qn("w:ins"))
    inserted.set(qn("w:id"), "904")
    inserted.set(qn("w:author"), "Nadia L.")
    etree.SubElement(etree.SubElement(inserted, qn("w:r")), qn("w:t")).text = "2. Discuter"
    case.addnext(added)
    tracked(document, "rv5t", "Pratique", "Mise en pratique", author="Jonas B.")
    report = import_review(opened, load_workspace(opened), "short", "fr.docx", saved(document))
    edits = {c.target: suggestion(c) for c in report.new}
    assert edits["sharing/basics/case"] == {
        "field": "instructions",
        "lang": "fr",
        "current": "1. Lire le cas",
        "suggested": "1. Lire le cas\n2. Discuter",
    }
    assert edits["sharing/practice"]["field"] == "title"
    for comment in report.new:
        accept_edit(opened, load_workspace(opened), comment.id)
    module = load_workspace(opened).modules["sharing"]
    assert module.session("practice").title["fr"] == "Mise en pratique"
    assert module.session("basics").activities[1].instructions["fr"] == "1. Lire le cas\n2. Discuter"
    assert module.session("basics").activities[1].instructions["en"] == "1. Read the case"


def test_a_suggested_edit_of_a_handout_is_applied_to_the_handout(opened):
    document = docx.Document(io.BytesIO(copy_of(opened)))
    tracked(document, "rv7b", "Fictional case.", "A fictional case (invented for training).")
    edit = import_review(opened, load_workspace(opened), "short", "h.docx", saved(document)).new[0]
    assert (edit.target, suggestion(edit)["field"]) == ("sharing/handout:case-one", "body")
    accept_edit(opened, load_workspace(opened), edit.id)
    handout = load_workspace(opened).modules["sharing"].handout("case-one")
    assert handout.body["en"] == "A fictional case (invented for training)."
