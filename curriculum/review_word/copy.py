"""The review copy: a round's snapshot as a DOCX a reviewer can comment on in Word or LibreOffice.

Every item (module, session, activity, handout) is a bookmarked range, and every text
field inside it (title, summary, instructions, facilitator notes, handout body) too, so
that comments and tracked changes can be traced back to the item and field they touch.
The marks are points at the start of a paragraph (LibreOffice does not keep a bookmark
that spans paragraphs): an item runs to the next item's mark, a field to the next mark. Word and LibreOffice cut bookmark names to 40 characters, so the
names are short keys (`rv12`, `rv12i`); the key -> item map, the curriculum id, the round
and a fingerprint of the round's snapshot are stored in the file's custom properties.
Markdown text is written line by line as it is, one paragraph per line, so that a field's
suggested wording is the field's text again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from functools import partial
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from ..export.bidi import RTL_LETTER, script_language
from ..export.docx import language_tag
from ..export.wordml import clean, set_directions
from ..glossary import substitute
from ..i18n import long_date, t
from ..languages import direction, is_rtl
from ..model import Text

FIELD_CODES = {"title": "t", "summary": "s", "instructions": "i", "facilitator_notes": "n", "body": "b"}
FIELD_NAMES = {code: name for name, code in FIELD_CODES.items()}
KEY_PREFIX = "rv"
STOP = "x"  # a mark that ends the field before it (labels, the method line)
PROP_CURRICULUM = "Curriculum"
PROP_ROUND = "Review round"
PROP_FINGERPRINT = "Review fingerprint"
PROP_LANGUAGE = "Review language"
HEADING_LEVEL = {"module": 1, "session": 2, "handout": 2, "activity": 3}
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


@dataclass(frozen=True)
class CopyFacts:
    """What the review copy says about itself (custom properties)."""

    curriculum: str
    round: str
    fingerprint: str
    lang: str
    items: dict[str, str]  # key (rv12) -> item path


def fingerprint(curriculum_id: str, round_name: str, opened: str, frozen: dict) -> str:
    """A short digest of the round: its curriculum, name, opening time and frozen snapshot."""
    digest = hashlib.sha256()
    for part in (curriculum_id, round_name, opened, json.dumps(frozen, sort_keys=True, ensure_ascii=False)):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:20]


def item_keys(frozen: dict) -> dict[str, str]:
    """key -> item path, numbered in the snapshot's order (module, its sessions and activities, handouts)."""
    return {f"{KEY_PREFIX}{number}": path for number, path in enumerate(frozen["items"], start=1)}


def render_copy(
    frozen: dict,
    curriculum_title: str,
    round_name: str,
    due: str,
    opened: str,
    lang: str,
    context=None,
) -> bytes:
    """The review copy of a round's snapshot in `lang` (a context's glossary applied when given)."""
    facts = CopyFacts(
        frozen["curriculum"],
        round_name,
        fingerprint(frozen["curriculum"], round_name, opened, frozen),
        lang,
        item_keys(frozen),
    )
    glossary = context.glossary.get(lang) if context is not None else ()
    writer = _Writer(docx.Document(), lambda text: clean(substitute(text, glossary, lang) if glossary else text))
    _first_page(writer, curriculum_title, round_name, due, lang, context)
    keys = {path: key for key, path in facts.items.items()}
    items = frozen["items"]
    children: dict[str, list[str]] = {}
    for path, entry in items.items():
        children.setdefault(entry["parent"], []).append(path)
    for path in children.get("", []):
        writer.item(path, keys, items, children, lang)
    core = writer.document.core_properties
    core.title = t("wordcopy.title", lang, title=curriculum_title)
    core.subject = round_name
    core.keywords = facts.fingerprint
    core.author = core.last_modified_by = "curriculum builder"
    _add_custom_properties(writer.document, facts)
    # Arabic paragraphs read right to left, in an Arabic copy as in a French one quoting Arabic
    set_directions(writer.document.element.body, direction(lang), partial(_bidi_language, lang))
    out = io.BytesIO()
    writer.document.save(out)
    return out.getvalue()


def _first_page(writer: _Writer, curriculum_title: str, round_name: str, due: str, lang: str, context) -> None:
    writer.paragraph(t("wordcopy.title", lang, title=curriculum_title), "Title")
    writer.paragraph(t("wordcopy.round", lang, round=round_name))
    if context is not None:
        writer.paragraph(t("wordcopy.context", lang, context=context.name.get(lang)))
    if due:
        writer.paragraph(t("wordcopy.due", lang, date=long_date(dt.date.fromisoformat(due[:10]), lang)))
    writer.paragraph(t("wordcopy.how", lang), "Heading2")
    for step in ("wordcopy.step_comment", "wordcopy.step_track", "wordcopy.step_keep", "wordcopy.step_send"):
        writer.paragraph(t(step, lang), "ListNumber")
    _sub(_sub(writer.paragraph(""), "w:r"), "w:br").set(qn("w:type"), "page")


def _sub(parent, tag: str):
    return etree.SubElement(parent, qn(tag))


class _Writer:
    """Paragraphs appended to the body (before its section properties), bookmarks around ranges."""

    def __init__(self, document, prepare) -> None:
        self.document = document
        self.body = document.element.body
        self.section = self.body.find(qn("w:sectPr"))
        self.prepare = prepare
        self.next_id = 0
        self.last = None

    def paragraph(self, text: str, style: str = "", italic: bool = False):
        p = etree.Element(qn("w:p"))
        if style:
            _sub(_sub(p, "w:pPr"), "w:pStyle").set(qn("w:val"), style)
        if text:
            run = _sub(p, "w:r")
            if italic:
                _sub(_sub(run, "w:rPr"), "w:i")
            piece = _sub(run, "w:t")
            piece.text = self.prepare(text)
            piece.set(qn("xml:space"), "preserve")
        self.section.addprevious(p)
        self.last = p
        return p

    def item(self, path: str, keys: dict, items: dict, children: dict, lang: str) -> None:
        entry = items[path]
        key = keys[path]
        heading = self.paragraph("", f"Heading{HEADING_LEVEL[entry['kind']]}")
        self._mark(heading, f"{key}{FIELD_CODES['title']}")
        self._mark(heading, key)  # inserted at the start, before the title's: the item opens first
        heading.append(self._run(_in(entry["title"], lang)))
        self._mark(self.paragraph(_meta(entry, lang), "Caption"), f"{key}{STOP}")
        for name, text in entry["texts"].items():
            value = _in(text, lang)
            if value.strip():
                code = FIELD_CODES[name]
                self._mark(self.paragraph(t(f"wordcopy.field.{name}", lang), italic=True), f"{key}{STOP}{code}")
                lines = value.split("\n")
                self._mark(self.paragraph(lines[0]), f"{key}{code}")
                for line in lines[1:]:
                    self.paragraph(line)
        for child in children.get(path, []):
            self.item(child, keys, items, children, lang)

    def _run(self, text: str):
        run = etree.Element(qn("w:r"))
        piece = _sub(run, "w:t")
        piece.text = self.prepare(text)
        piece.set(qn("xml:space"), "preserve")
        return run

    def _mark(self, paragraph, name: str) -> None:
        """A bookmark at the start of `paragraph`: a point, as LibreOffice keeps only the start
        of a bookmark that spans paragraphs."""
        self.next_id += 1
        start = etree.Element(qn("w:bookmarkStart"))
        start.set(qn("w:id"), str(self.next_id))
        start.set(qn("w:name"), name)
        properties = paragraph.find(qn("w:pPr"))
        if properties is not None:
            properties.addnext(start)
        else:
            paragraph.insert(0, start)
        end = etree.Element(qn("w:bookmarkEnd"))
        end.set(qn("w:id"), str(self.next_id))
        start.addnext(end)


def _bidi_language(lang: str, text: str) -> str:
    """The Word language tag of a right-to-left paragraph: the copy's own language when it is
    written right to left, else the likeliest language of the paragraph's script."""
    if is_rtl(lang):
        return language_tag(lang)
    letter = RTL_LETTER.search(text)
    return language_tag(script_language(letter.group())) if letter else ""


def _in(text: dict, lang: str) -> str:
    """A snapshot's text in `lang`, else in the first language it has."""
    return Text(text).get(lang)


def _meta(entry: dict, lang: str) -> str:
    if entry["kind"] != "activity":
        return t(f"wordcopy.kind.{entry['kind']}", lang)
    method = t(f"method.{entry.get('method', '')}", lang) if entry.get("method") else ""
    return " · ".join(part for part in (method, f"{entry.get('minutes', '')} min") if part)


def _add_custom_properties(document, facts: CopyFacts) -> None:
    values = {
        PROP_CURRICULUM: facts.curriculum,
        PROP_ROUND: facts.round,
        PROP_FINGERPRINT: facts.fingerprint,
        PROP_LANGUAGE: facts.lang,
        **facts.items,
    }
    properties = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{properties}</Properties>"
    ).encode()
    package = document.part.package
    package.relate_to(
        Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package), RT.CUSTOM_PROPERTIES
    )
