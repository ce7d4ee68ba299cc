"""Dated references: checked and re-check dates, warnings when due, "state of the law" in packs."""

from __future__ import annotations

import datetime

from curriculum import validate
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import MODULE, write

REFERENCES = """\
references:
  - fr: "Loi n° 2013-015 sur les données personnelles"
    en: "Law No. 2013-015 on personal data"
    law: true
    checked: "2026-11-30"
    recheck: "2027-05-31"
  - fr: "GCTF, Mémorandum de Rome (2012)"
    en: "GCTF, Rome Memorandum (2012)"
    checked: "2026-11-30"
    recheck: "2027-05-31"
  - {fr: "Un guide", en: "A guide"}
"""


def with_references(root, text=REFERENCES):
    write(root, "modules/sharing.yaml", MODULE.replace("sessions:\n", text + "sessions:\n", 1))
    return load_workspace(root)


def test_dated_references_validate_and_packs_print_the_state_of_the_law(small):
    ws = with_references(small)
    assert [str(p) for p in ws.problems] == []
    fr = resolve(ws, "short", None, "fr").modules[0].references
    en = resolve(ws, "short", None, "en").modules[0].references
    assert fr == (
        "Loi n° 2013-015 sur les données personnelles (état du droit au 30 novembre 2026)",
        "GCTF, Mémorandum de Rome (2012) (vérifié le 30 novembre 2026)",
        "Un guide",
    )
    assert en[0] == "Law No. 2013-015 on personal data (state of the law as of 30 November 2026)"
    assert en[1] == "GCTF, Rome Memorandum (2012) (checked 30 November 2026)"


def test_a_passed_recheck_date_is_a_warning_naming_line_and_fix(small, monkeypatch):
    monkeypatch.setattr(validate, "today", lambda: datetime.date(2027, 6, 1))
    ws = with_references(small)
    due = [p for p in ws.warnings if p.code == "recheck_due"]
    assert [(p.line, p.field) for p in due] == [(19, "references[1].recheck"), (23, "references[2].recheck")]
    assert "reference to re-check: its re-check date 2027-05-31 has passed" in due[0].text("en")
    assert "référence à revérifier : sa date de revérification (2027-05-31) est passée" in due[0].text("fr")
    assert not ws.errors


def test_recheck_on_the_day_is_not_yet_due(small, monkeypatch):
    monkeypatch.setattr(validate, "today", lambda: datetime.date(2027, 5, 31))
    assert [p.code for p in with_references(small).warnings] == []


def test_a_legal_reference_without_dates_is_a_warning(small):
    text = REFERENCES.replace('    checked: "2026-11-30"\n    recheck: "2027-05-31"\n  - fr: "GCTF', '  - fr: "GCTF', 1)
    ws = with_references(small, text)
    assert [(p.code, p.field) for p in ws.warnings] == [("law_undated", "references[1]")]


def test_an_impossible_date_is_an_error_with_the_format_to_use(small):
    ws = with_references(small, REFERENCES.replace('recheck: "2027-05-31"', 'recheck: "2027-02-30"', 1))
    (bad,) = [p for p in ws.errors if p.file.startswith("modules")]
    assert (bad.code, bad.line) == ("bad_date", 19) and "write the date as YYYY-MM-DD" in bad.text("en")


def test_a_recheck_before_the_check_is_an_error(small):
    ws = with_references(small, REFERENCES.replace('recheck: "2027-05-31"', 'recheck: "2026-01-01"', 1))
    (error,) = [p for p in ws.errors if p.file.startswith("modules")]
    assert (error.code, error.field) == ("recheck_order", "references[1].recheck")


def test_the_facilitator_pack_lists_each_module_s_references_with_the_state_of_the_law(small):
    from curriculum.export.document import Bullets
    from curriculum.export.pack import build_pack

    ws = with_references(small)
    blocks = build_pack(resolve(ws, "short", None, "fr"), "facilitator").blocks
    (listed,) = [b.items for b in blocks if isinstance(b, Bullets) and any("Mémorandum de Rome" in i for i in b.items)]
    assert listed[0].startswith("Loi n°") and listed[0].endswith("(état du droit au 30 novembre 2026)")
    assert "état du droit" not in listed[1]
