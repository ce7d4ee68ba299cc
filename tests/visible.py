"""What a page shows, as text, read from AppTest's element tree: for checking the words on screen."""

from __future__ import annotations

import json
import re

import pyarrow as pa

from curriculum import model
from curriculum.adapt import STATES
from curriculum.i18n import label
from curriculum.review import STATUSES

# proto fields that are not shown as text
_HIDDEN = {
    "id",
    "form_id",
    "data",
    "arrow_data",
    "columns",
    "type",
    "icon",
    "help",
    "key",
    "url",
    "src",
    "html",
    "spec",
}
_HIDDEN |= {"value", "default"}  # what a user typed or the record holds: content, not interface


def _strings(message) -> list[str]:
    out = []
    for field, value in message.ListFields():
        if field.name in _HIDDEN:
            continue
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                out.append(item)
            elif hasattr(item, "ListFields"):
                out.extend(_strings(item))
    return out


def _table(proto, hide_columns: set[str]) -> list[str]:
    """A data frame's headers and cells as shown: a column's label, a choice cell's option label."""
    table = pa.ipc.open_stream(proto.arrow_data.data).read_all()
    config = json.loads(proto.columns or "{}")
    out = []
    for name in table.column_names:
        column = config.get(name, {})
        shown = column.get("label") or name
        if name.startswith("__index") or column.get("hidden") or shown in hide_columns:
            continue
        out.append(shown)
        options = {
            o["value"]: o["label"] for o in column.get("type_config", {}).get("options", []) if isinstance(o, dict)
        }
        out += [options.get(v, v) for v in table[name].to_pylist() if isinstance(v, str)]
    return out


def texts(node, hide_columns: set[str] = frozenset()) -> list[str]:
    """Every text of an AppTest node and its children (labels, bodies, options, table headers and cells)."""
    out = []
    proto = getattr(node, "proto", None)
    if getattr(node, "type", "") in ("dataframe", "arrow_data_frame") and proto is not None:
        out += _table(proto, hide_columns)
    elif proto is not None and hasattr(proto, "ListFields"):
        out += _strings(proto)
    for child in getattr(node, "children", {}).values():
        out += texts(child, hide_columns)
    return out


FRENCH_WORDS = {"minutes", "note", "questions", "police", "addition", "analyse", "simulation", "discussion"}
FRENCH_WORDS |= {"instructions", "documents", "sessions", "id"}
FRENCH_WORDS |= {"pairs"}  # « intervision entre pairs » (peers): the staff-care session the 3 days now carry
CHOICES = {
    "method": model.METHODS,
    "grouping": model.GROUPINGS,
    "profile": model.PROFILES,
    "theme": model.THEMES,
    "bloom": model.BLOOM_LEVELS,
    "handout_kind": model.HANDOUT_KINDS,
    "adaptation": (*model.OVERRIDE_KINDS, "addition"),
    "contexts.state": STATES,
    "status": STATUSES,
}
# raw codes and field names that must not stand as words in the French interface
RAW = {code for kind, codes in CHOICES.items() for code in codes if label(kind, code, "fr") != code} - FRENCH_WORDS
RAW |= {"label_fr", "label_en", "start", "end", "days", "round", "location", "no.", "facilitator_notes"}
# in English most names are the codes' own words, and content uses some of them (role-play,
# civil-society, decision-tree); these codes and field names never stand in English text
RAW_EN = {"world-cafe", "small-groups", "prison-probation", "religious-leaders", "local-authorities"}
RAW_EN |= {"partly-accepted", "monitoring-evaluation", "label_fr", "label_en", "facilitator_notes", "no."}
_WORD = re.compile(r"[\w.\-]+")


def raw_codes(strings: list[str], raw: set[str] = RAW) -> dict[str, str]:
    """Each raw code found, with the text it stands in."""
    found = {}
    for text in strings:
        for word in _WORD.findall(text):
            for candidate in (word, word.strip(".-")):
                if candidate in raw:
                    found.setdefault(candidate, text[:120])
    return found
