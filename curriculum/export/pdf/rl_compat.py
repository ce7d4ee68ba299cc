"""ReportLab's fragment comparison without raised errors (see docs/upstream/)."""

from __future__ import annotations

from reportlab.platypus import paragraph as rl_paragraph

_SAME_FRAG_KEYS = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
_ABSENT = object()


def same_frag(f, g) -> bool:
    """True when two paragraph fragments look the same (one run can take both texts).

    The rules of ReportLab's own `sameFrag` (rl_accel, C), which breaking a mixed-style line
    asks for every word: neither is a callback or a line break; each attribute is absent from
    both or equal in both. The C version probes every absent attribute through a raised and
    cleared AttributeError, about ten per call; a fragment's attributes are plain instance
    data (ABag), so reading its `__dict__` gives the same answers without them. Same breaks,
    same bytes (tested against ReportLab's function).
    """
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "cbDefn" in gd or "lineBreak" in fd or "lineBreak" in gd:
        return False
    for key in _SAME_FRAG_KEYS:
        a, b = fd.get(key, _ABSENT), gd.get(key, _ABSENT)
        if a is not b and (a is _ABSENT or b is _ABSENT or a != b):
            return False
    return True


rl_paragraph.sameFrag = same_frag  # module global read by Paragraph.breakLines and split
