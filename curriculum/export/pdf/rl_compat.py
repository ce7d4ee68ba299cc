"""A faster fragment comparison for ReportLab 5.1.0's line breaking, and nothing else.

Breaking a mixed-style line (a paragraph with a bold phrase) asks `sameFrag` for every word.
With rl_accel installed, its C version probes each attribute a fragment lacks through a raised
and cleared AttributeError, about ten per call: on the 3-day facilitator pack that is a tenth of
the whole export (benchmarks/README.md). `same_frag` answers the same from the fragment's
`__dict__` (a ParaFrag keeps its attributes there).

This is the one place where the exporter sets a name inside ReportLab: the module global
`sameFrag` of `reportlab.platypus.paragraph`, which `Paragraph.breakLines` and `split` read. It
does so only on the ReportLab version it was checked against (same answers on every pair a pack
asks about, same bytes: tests/test_pdf.py), only in place of rl_accel's C function and only
while that global is still ReportLab's own; on any other version ReportLab's own function is
used. The same change is proposed upstream in docs/upstream/reportlab-samefrag.patch: when
ReportLab takes it (or changes), bump or drop this module.
"""

from __future__ import annotations

import inspect

import reportlab
from reportlab.lib import rl_accel
from reportlab.platypus import paragraph as rl_paragraph

CHECKED_VERSION = "5.1.0"  # the ReportLab release same_frag was checked against
SAME_FRAG_KEYS = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
_ABSENT = object()


def same_frag(f, g) -> bool:
    """True when two paragraph fragments look the same (one run can take both texts): the rules
    of ReportLab's `sameFrag`: neither is a callback or a line break; each attribute is absent
    from both or equal in both."""
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "cbDefn" in gd or "lineBreak" in fd or "lineBreak" in gd:
        return False
    for key in SAME_FRAG_KEYS:
        a, b = fd.get(key, _ABSENT), gd.get(key, _ABSENT)
        if a is not b and (a is _ABSENT or b is _ABSENT or a != b):
            return False
    return True


def install(version: str) -> bool:
    """Line breaking uses `same_frag` when `version` is the checked one and ReportLab's own
    function in place is rl_accel's C one; else (or on undo) ReportLab's own. Without the C
    accelerator ReportLab uses a Python fallback that treats an absent attribute and None
    alike: that one is left alone. True when `same_frag` is in use."""
    current = rl_paragraph.sameFrag
    if current is not same_frag and current is not rl_accel.sameFrag:
        return False  # someone else's choice, or a ReportLab that changed: leave it
    ours = version == CHECKED_VERSION and inspect.isbuiltin(rl_accel.sameFrag)
    rl_paragraph.sameFrag = same_frag if ours else rl_accel.sameFrag
    return rl_paragraph.sameFrag is same_frag


ACTIVE = install(reportlab.Version)
