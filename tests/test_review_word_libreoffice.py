"""A real second program: LibreOffice opens the review copy, a reviewer comments on an activity and
on a session, replies, tracks a change and saves as DOCX; everything lands where it was made.

One soffice start (it is slow), driven by tests/tools/libreoffice_review.py through Debian's
/usr/bin/python3, which has LibreOffice's `uno` bridge (the project's venv does not).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from curriculum import review
from curriculum.review_report import matrix_rows
from curriculum.review_word import accept_edit, import_review, review_copy, suggestion
from curriculum.workspace import load_workspace

SCRIPT = Path(__file__).parent / "tools" / "libreoffice_review.py"
SYSTEM_PYTHON = "/usr/bin/python3"
IN_CI = os.environ.get("CI", "").lower() == "true"
MISSING = shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists()

pytestmark = pytest.mark.skipif(
    MISSING and not IN_CI,
    reason="LibreOffice is not installed (make browser-deps installs libreoffice-writer-nogui and python3-uno)",
)

ACTIONS = [
    {"comment": "rv4i", "author": "Aminata K.", "text": "Add the legal basis.", "date": "2026-11-30T10:15:00"},
    {"comment": "rv5t", "author": "Jonas B.", "text": "Too long after lunch.", "date": "2026-11-30T10:20:00"},
    {"reply": 0, "author": "Claire D.", "text": "Agreed, article 6.", "date": "2026-11-30T11:00:00"},
    {"track": "rv3i", "author": "Nadia L.", "find": "Present", "replace": "Present the legal frame"},
]


def test_libreoffice_comments_reply_and_tracked_change_land_on_their_items(small, tmp_path):
    assert not MISSING, "LibreOffice (soffice) and /usr/bin/python3 with uno are needed in CI"
    ws = load_workspace(small)
    review.open_round(small, ws, "short", "Round 1")
    copy = tmp_path / "copy.docx"
    copy.write_bytes(review_copy(small, ws, "short", "Round 1", "en"))
    actions = tmp_path / "actions.json"
    actions.write_text(json.dumps(ACTIONS), encoding="utf-8")
    back = tmp_path / "returned.docx"
    done = subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), str(copy), str(back), str(actions)], capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr
    report = import_review(small, ws, "short", back.name, back.read_bytes())
    assert report.summary() == "new comments: 2; replies: 1; suggested edits: 1; already imported: 0"
    assert not report.by_headings and report.outside == []
    found = {(c.author, c.text): c for c in report.new}
    activity = found["Aminata K.", "Add the legal basis."]
    assert (activity.target, activity.excerpt, activity.created) == (
        "sharing/basics/case",
        "1. Read the case",
        "2026-11-30T10:15:00+00:00",
    )
    session = found["Jonas B.", "Too long after lunch."]
    assert (session.target, session.excerpt) == ("sharing/practice", "Practice")
    answer = found["Claire D.", "Agreed, article 6."]
    assert (answer.parent, answer.target) == (activity.id, "sharing/basics/case")
    [edit] = [c for c in report.new if c.kind == "suggested-edit"]
    assert (edit.target, edit.author) == ("sharing/basics/intro", "Nadia L.")
    assert suggestion(edit)["current"] == "1. Present"
    assert suggestion(edit)["suggested"] == "1. Present the legal frame"
    rows = matrix_rows(small, ws, "short", "Round 1")
    assert "Add the legal basis.\n↳ Claire D. (reviewer): Agreed, article 6." in [r["comment"] for r in rows]
    accept_edit(small, ws, edit.id)
    intro = load_workspace(small).modules["sharing"].session("basics").activities[0]
    assert intro.instructions["en"] == "1. Present the legal frame"
    again = import_review(small, load_workspace(small), "short", back.name, back.read_bytes())
    assert again.summary() == "new comments: 0; replies: 0; suggested edits: 0; already imported: 4"
