"""Arabic HTML packs (issue 20): the page says its language and direction, the stylesheet has no
physical side, inserted values are isolated, a French page marks its Arabic, and the W3C Nu
validator finds nothing to say about either."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from curriculum.export.document import Document, Heading, Para
from curriculum.export.html import CSS, render
from tests.conftest import BUNDLED, REPO
from tests.rtl_document import (
    LONG_WORD,
    PROSECUTION,
    REFERRAL,
    SENTENCE,
    arabic_document,
    french_document_quoting_arabic,
)

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="module")
def arabic() -> str:
    return render(arabic_document()).decode("utf-8")


@pytest.fixture(scope="module")
def french() -> str:
    return render(french_document_quoting_arabic()).decode("utf-8")


def test_an_arabic_page_says_its_language_and_direction(arabic, french):
    assert '<html lang="ar" dir="rtl">' in arabic
    assert '<html lang="fr" dir="ltr">' in french
    assert SENTENCE in arabic  # logical order, nothing reversed or re-encoded


def test_the_stylesheet_names_no_physical_side():
    assert not re.findall(r"\b(left|right)\b", CSS)
    assert "border-inline-start" in CSS and "text-align: start" in CSS and "padding-inline-start" in CSS


def test_cover_values_of_unknown_direction_are_isolated(arabic):
    assert "<dd><bdi>تونس (Tunisie)</bdi></dd>" in arabic


def test_a_french_page_marks_each_arabic_term_with_its_language_and_direction(french):
    for term in (REFERRAL, PROSECUTION):
        assert f'(<span lang="ar" dir="rtl">{term}</span>)' in french
    assert f'<td dir="rtl"><span lang="ar" dir="rtl">{REFERRAL}</span></td>' in french  # a cell wholly in Arabic
    assert "<title>" in french and '<span lang="ar"' not in french.split("</head>")[0]  # no markup in the title


def test_blocks_wholly_in_french_read_left_to_right_inside_an_arabic_page(arabic):
    assert '<li dir="ltr">Ministère de la Justice</li>' in arabic and '<td dir="ltr">CNLCT</td>' in arabic
    assert f"<p>{SENTENCE}</p>" in arabic  # mixed: the page's direction
    fallback = Para("Le référent est consulté. Que sait-on ?\n\n- Un\n  - deux\n- trois")
    page = render(replace(arabic_document(), blocks=(fallback,))).decode("utf-8")
    assert '<p dir="ltr">Le référent est consulté. Que sait-on ?</p>' in page
    assert '<ul dir="ltr">' in page and "<li dir=" not in page  # the outermost block only


def test_an_arabic_page_does_not_mark_its_own_language(arabic):
    assert "<span lang=" not in arabic


def test_override_characters_never_reverse_an_arabic_page():
    hostile = f"\u202eCNLCT {REFERRAL}"
    document = Document(
        hostile, "", "ar", (("\u202dالسياق", "تونس\u2069"),), "F", (Heading(hostile, 1, "h"), Para(hostile))
    )
    page = render(document).decode("utf-8")
    assert "\u202e" not in page and "\u202d" not in page and "\u2069" not in page
    assert f"CNLCT {REFERRAL}" in page


def test_a_very_long_arabic_word_may_wrap_anywhere_in_a_cell():
    page = render(replace(arabic_document(), blocks=(Para(LONG_WORD),))).decode("utf-8")
    assert LONG_WORD in page
    assert re.search(r"th, td \{[^}]*overflow-wrap: anywhere", CSS) and "overflow-wrap: break-word" in CSS


def vnu_messages(tmp_path, pages: dict[str, bytes]) -> list[str]:
    if not VNU.exists() or shutil.which("java") is None:
        if IN_CI:
            pytest.fail("the Nu validator is missing: `make browser-deps` installs vnu-jar (npm ci) and Java")
        pytest.skip("the Nu validator is not installed (make browser-deps)")
    paths = []
    for name, data in pages.items():
        paths.append(tmp_path / f"{name}.html")
        paths[-1].write_bytes(data)
    found = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "text", "--also-check-css", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    return [line for line in (found.stdout + found.stderr).splitlines() if "completed" not in line and line.strip()]


def test_arabic_french_and_bundled_pages_are_valid_for_the_nu_validator(tmp_path):
    from curriculum.export.formats import export
    from curriculum.resolve import resolve
    from curriculum.workspace import load_workspace

    programme = resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "fr")
    pages = {
        "arabic": render(arabic_document()),
        "french": render(french_document_quoting_arabic()),
        "bundled": export(programme, "facilitator", "html", "pack")[1],
    }
    assert vnu_messages(tmp_path, pages) == []


def test_the_nu_validator_check_can_fail(tmp_path):
    broken = render(arabic_document()).replace(b'dir="rtl"', b'dir="sideways"', 1)
    assert any("dir" in message for message in vnu_messages(tmp_path, {"broken": broken}))


def test_a_change_from_one_number_to_another_keeps_its_order_in_an_arabic_page():
    from curriculum.review_report import Change, changes_document

    changes = [Change("moved", "sharing/basics", "الأساسيات", "3 → 4")]
    page = render(changes_document(changes, "منهج", "R1", "ar")).decode("utf-8")
    assert "<td>\u20683 → 4\u2069</td>" in page  # first-strong isolate: no letter, so left to right
    assert "<td>3 → 4</td>" in render(changes_document(changes, "Curriculum", "R1", "fr")).decode("utf-8")
