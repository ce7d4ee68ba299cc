"""Expert review: rounds, threads, decisions, matrix, what changed, concurrency, removed items."""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from openpyxl import load_workbook

from curriculum import edit, review
from curriculum.problems import ContentError, UnknownIdError
from curriculum.review_report import MATRIX_COLUMNS, changes_since, matrix_csv, matrix_rows, matrix_xlsx
from curriculum.workspace import STORE, load_workspace, save
from tests.test_cli import run


def test_comment_thread_and_decision(small):
    ws = load_workspace(small)
    first = review.add_comment(
        small, ws, "short", "sharing/basics/case", "Aminata", "prosecutor", "Add the legal basis.", "Round 1"
    )
    assert (first.round, first.revision, first.status) == ("Round 1", 1, "open")
    assert first.excerpt == "1. Read the case"
    answer = review.reply(small, first.id, "Claire", "designer", "Done in revision 2.")
    assert answer.parent == first.id and answer.target == first.target
    decided = review.set_status(small, first.id, "accepted", "Added a paragraph on consent.")
    assert (decided.status, decided.response) == ("accepted", "Added a paragraph on consent.")
    with pytest.raises(ContentError, match="unknown status"):
        review.set_status(small, first.id, "maybe")
    assert [c.id for c in review.comments(small, "short", status="accepted")] == [first.id]
    assert [c.author for c in review.comments(small, "short", author="Claire")] == ["Claire"]
    assert len(review.comments(small, "short", module="sharing")) == 2


def test_unknown_target_and_empty_comment_are_refused(small):
    ws = load_workspace(small)
    with pytest.raises(UnknownIdError, match="unknown target 'sharing/nope'"):
        review.add_comment(small, ws, "short", "sharing/nope", "A", "r", "text")
    with pytest.raises(ContentError, match="empty"):
        review.add_comment(small, ws, "short", "sharing", "A", "r", "  ")
    with pytest.raises(UnknownIdError):
        review.add_comment(small, ws, "nope", "sharing", "A", "r", "x")


def test_round_is_opened_when_named_and_reviewers_mark_done(small):
    ws = load_workspace(small)
    review.add_comment(small, ws, "short", "sharing", "A", "judge", "x", "Brussels")
    assert [r.name for r in review.rounds(small, "short")] == ["Brussels"]
    review.mark_done(small, "short", "Brussels", "A")
    review.mark_done(small, "short", "Brussels", "A")
    assert review.finished(small, "short", "Brussels") == ["A"]


def test_matrix_columns_and_order(small, tmp_path):
    ws = load_workspace(small)
    one = review.add_comment(small, ws, "short", "sharing/basics", "Aminata", "prosecutor", "First", "R1")
    review.add_comment(small, ws, "short", "sharing/practice/role-play", "Jens", "social worker", "Second", "R1")
    review.reply(small, one.id, "Claire", "designer", "Thanks")
    review.set_status(small, one.id, "partly-accepted", "Kept the structure.")
    rows = matrix_rows(small, ws, "short", "R1")
    assert list(rows[0]) == list(MATRIX_COLUMNS)
    assert [r["no."] for r in rows] == [1, 2]
    assert rows[0]["location"] == "Sharing information › The basics"
    assert rows[1]["location"] == "Sharing information › Practice › Role play"
    assert rows[0]["comment"] == "First\n↳ Claire (designer): Thanks" and rows[0]["status"] == "partly-accepted"
    english = ["No.", "Round", "Location", "Excerpt", "Comment", "Reviewer", "Role", "Status", "Response"]
    parsed = list(csv.DictReader(io.StringIO(matrix_csv(rows).decode("utf-8-sig"))))
    assert parsed[1]["Reviewer"] == "Jens" and list(parsed[0]) == english
    assert parsed[0]["Status"] == "partly accepted"
    sheet = load_workbook(io.BytesIO(matrix_xlsx(rows))).active
    assert [c.value for c in sheet[1]] == english and sheet["F3"].value == "Jens"


def test_matrix_headers_and_statuses_in_french(small):
    ws = load_workspace(small)
    review.add_comment(small, ws, "short", "", "Aminata", "procureure", "Sur l’ensemble", "R1")
    rows = matrix_rows(small, ws, "short", "R1", "fr")
    french = ["N°", "Cycle", "Emplacement", "Extrait", "Commentaire", "Relecteur", "Fonction", "Statut", "Réponse"]
    parsed = list(csv.DictReader(io.StringIO(matrix_csv(rows, "fr").decode("utf-8-sig"))))
    assert list(parsed[0]) == french
    assert (parsed[0]["Statut"], parsed[0]["Emplacement"]) == ("ouvert", "l’ensemble du curriculum")
    sheet = load_workbook(io.BytesIO(matrix_xlsx(rows, "fr"))).active
    assert [c.value for c in sheet[1]] == french and sheet.title == "Commentaires"


def test_changes_since_a_round(small):
    ws = load_workspace(small)
    review.open_round(small, ws, "short", "R1")
    module = ws.modules["sharing"]
    module = edit.replace_activity(
        module,
        "basics",
        "case",
        minutes=60,
        instructions=edit.text({"fr": "1. Lire le cas", "en": "1. Read the whole case"}),
    )
    module = edit.move_activity(module, "basics", "case", -1)
    module = edit.add_activity(module, "practice", "debrief")
    module = edit.delete_activity(module, "basics", "intro")
    save(small, "modules", module, loaded_revision=1)
    changes = changes_since(small, load_workspace(small), "short", "R1", "en")
    kinds = {(c.kind, c.path) for c in changes}
    assert ("retimed", "sharing/basics/case") in kinds
    assert ("added", "sharing/practice/debrief") in kinds
    assert ("removed", "sharing/basics/intro") in kinds
    assert next(c for c in changes if c.kind == "retimed").detail == "40 → 60 min"
    edited = next(c for c in changes if c.kind == "edited" and c.path == "sharing/basics/case")
    assert ("instructions", (("same", "1. Read the "), ("added", "whole "), ("same", "case"))) in edited.fields


def test_comment_on_a_removed_item_remains(small):
    ws = load_workspace(small)
    review.add_comment(small, ws, "short", "sharing/basics/intro", "A", "judge", "Too long", "R1")
    save(small, "modules", edit.delete_activity(ws.modules["sharing"], "basics", "intro"), loaded_revision=1)
    ws = load_workspace(small)
    assert [c.target for c in review.comments(small, "short")] == ["sharing/basics/intro"]
    assert matrix_rows(small, ws, "short", "R1")[0]["location"].endswith("(on a removed item)")


def _add_many(root, worker: int, count: int) -> None:
    STORE.forget()
    ws = load_workspace(root)
    for number in range(count):
        review.add_comment(
            root, ws, "short", "sharing/basics", f"reviewer-{worker}", "expert", f"comment {worker}-{number}", "R1"
        )


def test_dozens_of_concurrent_writers_all_land(small):
    review.open_round(small, load_workspace(small), "short", "R1")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_add_many, args=(small, w, 5)) for w in range(24)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert all(w.exitcode == 0 for w in workers)
    texts = {c.text for c in review.comments(small, "short")}
    assert texts == {f"comment {w}-{n}" for w in range(24) for n in range(5)}


KILLER = """
import sys
from curriculum import review
from curriculum.workspace import load_workspace
root = sys.argv[1]
ws = load_workspace(root)
print("ready", flush=True)
n = 0
while True:
    review.add_comment(root, ws, "short", "sharing", "bulk", "expert", f"bulk {n}", "R1")
    n += 1
"""


def test_database_survives_a_process_killed_mid_write(small):
    from tests.conftest import REPO

    review.add_comment(small, load_workspace(small), "short", "sharing", "first", "expert", "kept", "R1")
    process = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(small)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdout.readline().strip() == b"ready"
    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(small / "review.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    found = review.comments(small, "short")
    assert found[0].text == "kept" and len(found) > 1
    assert all(c.text == "kept" or c.text.startswith("bulk ") for c in found)


def test_cli_review_add_list_matrix(small, tmp_path):
    added = run(
        "review",
        "add",
        "short",
        "--target",
        "sharing/basics",
        "--author",
        "Aminata",
        "--role",
        "prosecutor",
        "--text",
        "Clearer",
        "--round",
        "R1",
        "--workspace",
        str(small),
    )
    assert added.returncode == 0, added.stderr
    listed = run("review", "list", "short", "--json", "--workspace", str(small))
    import json

    (comment,) = json.loads(listed.stdout)
    assert {k: comment[k] for k in ("target", "author", "role", "text", "status", "round")} == {
        "target": "sharing/basics",
        "author": "Aminata",
        "role": "prosecutor",
        "text": "Clearer",
        "status": "open",
        "round": "R1",
    }
    assert isinstance(comment["id"], int)
    out = tmp_path / "m.csv"
    matrix = run(
        "review", "matrix", "short", "--round", "R1", "--format", "csv", "--out", str(out), "--workspace", str(small)
    )
    assert matrix.returncode == 0 and out.read_text(encoding="utf-8-sig").startswith("No.,Round,Location")
    bad = run(
        "review",
        "add",
        "short",
        "--target",
        "sharing/zzz",
        "--author",
        "A",
        "--role",
        "r",
        "--text",
        "t",
        "--workspace",
        str(small),
    )
    assert bad.returncode == 1 and "unknown target 'sharing/zzz'" in bad.stderr and "Traceback" not in bad.stderr
    missing_round = run(
        "review", "matrix", "short", "--round", "R9", "--format", "csv", "--out", str(out), "--workspace", str(small)
    )
    assert missing_round.returncode == 1 and "no review round 'R9'" in missing_round.stderr


def test_select_filters_like_the_query(small):
    ws = load_workspace(small)
    review.add_comment(small, ws, "short", "sharing/basics", "A", "judge", "one", "R1")
    review.add_comment(small, ws, "short", "sharing", "B", "judge", "two", "R2")
    everything = review.comments(small, "short")
    for filters in [("R1", None, None, None), (None, "open", "sharing", None), (None, None, None, "B")]:
        assert review.select(everything, *filters) == review.comments(small, "short", *filters)
    assert review.tally_open(everything) == {"": 2, "sharing": 2, "sharing/basics": 1}


def test_a_comment_longer_than_the_limit_is_refused_in_both_languages(small):
    ws = load_workspace(small)
    pasted = "x" * 107_000
    with pytest.raises(ContentError) as refused:
        review.add_comment(small, ws, "short", "", "Aminata", "prosecutor", pasted, "R1")
    assert refused.value.lines("en") == [
        "the text is 107000 characters long; a comment, reply or response holds at most 8000"
        " — keep the essentials and share a longer text as a document"
    ]
    assert refused.value.lines("fr")[0].startswith("le texte fait 107000 caractères ; un commentaire")
    assert review.comments(small, "short") == []
    kept = review.add_comment(small, ws, "short", "", "Aminata", "prosecutor", "y" * review.MOST_CHARACTERS, "R1")
    with pytest.raises(ContentError):
        review.reply(small, kept.id, "Claire", "designer", pasted)
    with pytest.raises(ContentError):
        review.set_status(small, kept.id, "accepted", pasted)
    assert [c.id for c in review.comments(small, "short")] == [kept.id]
