"""Arabic content keeps the shape of the text it is written from.

An Arabic text is written anew for practitioners in Tunis and N'Djamena, not translated word
for word, but a facilitator follows the same numbered steps, the same tables and the same
headings whatever the pack's language; a fictional case says it is fictional in Arabic too;
and no content text carries bidi control characters, which can make a pack read in the
wrong order. The files are read as YAML, so every bundled record is checked, used or not.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import BUNDLED

# embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E, U+200F
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
FILES = sorted(p for folder in ("modules", "contexts", "curricula") for p in (BUNDLED / folder).glob("*.yaml"))


def localised(node, path=""):
    """Every mapping with French and English text in a YAML document, with where it is."""
    if isinstance(node, dict):
        if isinstance(node.get("fr"), str) and isinstance(node.get("en"), str):
            yield path, node
            return
        for key, value in node.items():
            yield from localised(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            key = item["id"] if isinstance(item, dict) and "id" in item else i
            yield from localised(item, f"{path}[{key}]")


def skeleton(text: str) -> dict:
    """What a reader finds their way by: heading levels, numbered steps, list items, the
    cells of each table row."""
    lines = text.strip().split("\n")
    return {
        "headings": [len(m) for m in re.findall(r"^(#+) ", text, re.M)],
        "numbered steps": len(re.findall(r"^\s*\d+\. ", text, re.M)),
        "list items": len(re.findall(r"^\s*[-*] ", text, re.M)),
        "table cells per row": [line.strip().count("|") for line in lines if line.strip().startswith("|")],
    }


def arabic_texts():
    for file in FILES:
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for path, text in localised(document):
            if isinstance(text.get("ar"), str):
                yield pytest.param(text, id=f"{file.parent.name}/{file.name}:{path}")


ARABIC = list(arabic_texts())


def test_the_bundled_library_has_arabic_content_to_check():
    assert len(ARABIC) > 100


@pytest.mark.parametrize("text", ARABIC)
def test_arabic_text_keeps_the_english_skeleton(text):
    arabic, english = skeleton(text["ar"]), skeleton(text["en"])
    assert arabic == english, {k: (english[k], arabic[k]) for k in arabic if arabic[k] != english[k]}


@pytest.mark.parametrize("text", ARABIC)
def test_arabic_text_has_no_bidi_control_characters(text):
    assert not BIDI_CONTROLS.search(text["ar"])


@pytest.mark.parametrize("text", [t for t in ARABIC if re.search(r"\bfictional\b", t.values[0]["en"], re.I)])
def test_a_fictional_case_says_so_in_arabic(text):
    assert "افتراضي" in text["ar"]


def test_the_skeleton_tells_a_lost_step_a_lost_row_and_a_moved_heading():
    english = "## Steps\n\n1. (3 min) Read.\n2. (5 min) Discuss.\n\n| A | B |\n|---|---|\n| x | y |\n"
    assert skeleton("## الخطوات\n\n1. (3 دقائق) اقرأ.\n2. (5 دقائق) ناقش.\n\n| أ | ب |\n|---|---|\n| س | ص |\n") == (
        skeleton(english)
    )
    assert skeleton("## الخطوات\n\n1. (3 دقائق) اقرأ وناقش.\n\n| أ | ب |\n|---|---|\n| س | ص |\n") != skeleton(english)
    assert skeleton("## الخطوات\n\n1. اقرأ.\n2. ناقش.\n\n| أ | ب |\n|---|---|\n") != skeleton(english)
    assert skeleton("### الخطوات\n\n1. اقرأ.\n2. ناقش.\n\n| أ | ب |\n|---|---|\n| س | ص |\n") != skeleton(english)
    assert BIDI_CONTROLS.search("نص \u202eمقلوب")
