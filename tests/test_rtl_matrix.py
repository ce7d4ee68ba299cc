"""The comment matrix in Arabic (issue 20): the sheet runs right to left, a reviewer's stray bidi
controls never reverse a cell, and LibreOffice opens it with column A on the right."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curriculum.review_report import matrix_csv, matrix_headers, matrix_xlsx

IN_CI = os.environ.get("CI", "").lower() == "true"
ROWS = [
    {
        "no.": 1,
        "round": "R1",
        "location": "آلية الإحالة › الجلسة 1",
        "excerpt": "\u202eالنيابة العمومية",  # pasted with a right-to-left override
        "comment": "أضيفوا دور CNLCT\u2067 هنا",  # an isolate left open
        "reviewer": "أمينة",
        "role": "قاضي تنفيذ العقوبات",
        "status": "open",
        "response": "",
    }
]


def test_an_arabic_matrix_sheet_runs_right_to_left_and_a_french_one_does_not():
    assert load_workbook(io.BytesIO(matrix_xlsx(ROWS, "ar"))).active.sheet_view.rightToLeft is True
    for lang in ("fr", "en"):
        assert not load_workbook(io.BytesIO(matrix_xlsx(ROWS, lang))).active.sheet_view.rightToLeft


def test_bidi_controls_typed_by_a_reviewer_are_made_harmless_in_every_matrix_file():
    sheet = load_workbook(io.BytesIO(matrix_xlsx(ROWS, "ar"))).active
    assert (sheet["D2"].value, sheet["E2"].value) == ("النيابة العمومية", "أضيفوا دور CNLCT\u2067 هنا\u2069")
    row = next(csv.reader(io.StringIO(matrix_csv(ROWS, "ar").decode("utf-8-sig").split("\n", 1)[1])))
    assert row[3] == "النيابة العمومية" and "\u202e" not in matrix_csv(ROWS, "ar").decode("utf-8-sig")


CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # what `make browser-deps` checks for


@pytest.mark.skipif(
    not IN_CI and (shutil.which("soffice") is None or not CALC.exists()),
    reason="LibreOffice Calc is not installed (make browser-deps)",
)
def test_libreoffice_opens_the_arabic_matrix_with_column_a_on_the_right(tmp_path):
    (tmp_path / "matrix.xlsx").write_bytes(matrix_xlsx(ROWS, "ar"))
    command = ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    subprocess.run([*command, "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "matrix.xlsx")],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    bbox = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "matrix.pdf"), "-"], capture_output=True, text=True)
    x = {w: float(x0) for x0, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox.stdout)}
    # the headers are Arabic (the shipped catalog); pdftotext writes Arabic words in visual order
    number, round_, location = (header[::-1] for header in matrix_headers("ar")[:3])
    assert x[number] > x[round_] > x[location]  # the first columns furthest right
    text = subprocess.run(["pdftotext", str(tmp_path / "matrix.pdf"), "-"], capture_output=True, text=True).stdout
    assert "أمينة" in text
