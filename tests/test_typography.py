"""French typography in packs: non-breaking spaces before ; : ! ? and inside « », one apostrophe."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from curriculum.export import docx, html, markdown, pdf
from curriculum.export.pack import build_pack
from curriculum.resolve import resolve
from curriculum.typography import NBSP, french
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED

DAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "typeset"),
    [
        ("Pourquoi ?", f"Pourquoi{NBSP}?"),
        ("marqueurs; un autre", f"marqueurs{NBSP}; un autre"),
        ("Note: lire", f"Note{NBSP}: lire"),
        ("Attention !", f"Attention{NBSP}!"),
        ("Vraiment?!", f"Vraiment{NBSP}?!"),
        ("« trop peu »", f"«{NBSP}trop peu{NBSP}»"),
        ("«trop»", f"«{NBSP}trop{NBSP}»"),
        ("**Important:** lire", f"**Important{NBSP}:** lire"),
        ("l'information et l’accord", "l’information et l’accord"),
        ("Déjà bien :", f"Déjà bien{NBSP}:"),
    ],
)
def test_french_spaces_and_apostrophes(typed, typeset):
    assert french(typed) == typeset


@pytest.mark.parametrize(
    "kept",
    [
        "08:30–10:00",  # clock times
        "voir https://example.org/a?b=1;c",  # addresses
        "[lien](https://example.org/x?y=1) et `code; ici ?`",  # link targets and code
        "R&amp;D ; A &lt; B",  # character references stay whole
        "voir ![schéma](img.png)",  # an image is not an exclamation
        "ratio 3:1",
        "```\nif a: b ? c\n```",
        f"déjà{NBSP}: fait",  # already right: unchanged
    ],
)
def test_french_typography_leaves_code_addresses_times_and_entities(kept):
    out = french(kept)
    for part in re.findall(r"https?://\S+|\(https?://[^)]*\)|`[^`]*`|&\w+;|\d+:\d+|!\[", kept):
        assert part in out
    if kept.startswith(("08:30", "ratio", "```", "déjà")):
        assert out == kept


@pytest.fixture(scope="module")
def mali_fr():
    return build_pack(resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "fr"), "facilitator", DAY)


def test_no_line_of_the_french_pdf_begins_with_closing_punctuation(mali_fr):
    reader = PdfReader(io.BytesIO(pdf.render(mali_fr)))
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines() if line.strip()]
    assert len(lines) > 1000
    starts = [line for line in lines if line[0] in "?:;!»"]
    ends = [line for line in lines if line.endswith("«")]
    assert starts == [] and ends == []


def test_every_french_format_carries_the_non_breaking_spaces(mali_fr):
    assert f"obstacles{NBSP}:" in markdown.render(mali_fr).decode()
    assert f"obstacles{NBSP}:" in html.render(mali_fr).decode() or "obstacles&nbsp;:" in html.render(mali_fr).decode()
    with zipfile.ZipFile(io.BytesIO(docx.render(mali_fr))) as archive:
        assert f"obstacles{NBSP}:" in archive.read("word/document.xml").decode()
    assert "l'" not in markdown.render(mali_fr).decode().replace("`", "")


def test_english_packs_are_untouched():
    programme = resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "en")
    document = build_pack(programme, "facilitator", DAY)
    assert document.title == programme.title and NBSP not in markdown.render(document).decode()
