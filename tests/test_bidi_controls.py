"""Explicit bidi controls in pasted text (issue 20): overrides dropped, embeddings and isolates
balanced on each line, marks kept: no text of a pack reads backwards or reorders its neighbours."""

from __future__ import annotations

import pytest

from curriculum.export.bidi import contain

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("آلية الإحالة", "آلية الإحالة"),  # nothing to do: the same string
        (f"{RLO}gnp.exe", "gnp.exe"),  # the override that makes a name read backwards
        (f"أ {LRO}CNLCT{PDF} ب", "أ CNLCT ب"),  # an override and the PDF that closed it
        (f"{RLE}نص{PDF}", f"{RLE}نص{PDF}"),  # a balanced embedding stays
        (f"{RLE}نص", f"{RLE}نص{PDF}"),  # an open one is closed at the end of its line
        (f"{FSI}Adama{PDI} قال", f"{FSI}Adama{PDI} قال"),  # what languages.isolate writes stays
        (f"{FSI}Adama\nقال{PDI}", f"{FSI}Adama{PDI}\nقال"),  # never across a line
        (f"نص{PDF}{PDI}", "نص"),  # closings with nothing to close
        (f"{FSI}{RLE}x{PDI}", f"{FSI}{RLE}x{PDF}{PDI}"),  # a PDI closes what was opened inside it
        (f"{FSI}x{PDF}y{PDI}", f"{FSI}xy{PDI}"),  # a PDF never closes across an isolate
        ("\u200fنص\u200e", "\u200fنص\u200e"),  # marks change no order: kept
    ],
)
def test_bidi_controls_are_balanced_and_overrides_dropped(typed, kept):
    assert contain(typed) == kept


def test_a_contained_text_is_a_fixed_point():
    typed = f"{RLO}{FSI}{RLE}a{PDF}{PDF}\n{PDI}{LRI}b"
    assert contain(contain(typed)) == contain(typed)
