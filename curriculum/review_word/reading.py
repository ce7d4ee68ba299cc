"""Reading a returned review copy: safety checks, then comments, replies and tracked changes,
each placed on the item (and text field) of the curriculum it sits in.

Nothing here writes: the result is plain records (`Returned`) that `intake` stores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass
from dataclasses import field as default
from pathlib import Path, PurePosixPath

from lxml import etree

from ..imports import MAX_UNPACKED, MAX_UPLOAD, safe_zip
from ..messages import size
from ..model import Text
from ..problems import ContentError
from .copy import FIELD_NAMES, KEY_PREFIX, PROP_CURRICULUM, PROP_FINGERPRINT, PROP_LANGUAGE, PROP_ROUND, STOP

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
MAIN_TYPES = ("/officeDocument", "/custom-properties")
MARK = re.compile(rf"({KEY_PREFIX}\d+)({STOP}?)([a-z]?)")
# LibreOffice (before threaded comments) answers a comment with a new one at the same place,
# its first line "Reply to AUTHOR (date, time): "quoted words"" (or in French "Réponse à …").
LIBREOFFICE_REPLY = re.compile(r"^(?:Reply to|Réponse à)\s+(?P<author>.+?)\s+\([^)]*\)\s*:\s*")
# zipfile's errors for damaged data (bad CRC, corrupt stream, unsupported compression)
_DAMAGED = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError, NotImplementedError)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True)
class Facts:
    """What a review copy says about itself (its custom properties)."""

    curriculum: str
    round: str
    fingerprint: str
    lang: str
    items: dict[str, str]  # mark key -> item path


@dataclass(frozen=True)
class WordComment:
    word_id: str
    author: str
    date: str  # as written in the file ("" when missing)
    text: str
    target: str  # the item path; "" for the curriculum as a whole
    quoted: str  # the words the comment is anchored to
    parent: str = ""  # the word id of the comment this one answers
    resolved: bool = False
    outside: bool = False  # anchored outside every item (or not anchored at all)


@dataclass(frozen=True)
class WordEdit:
    """The tracked changes inside one text field (or one paragraph outside any field)."""

    target: str
    field: str  # "title", "instructions", …; "" when the change is outside a text field
    authors: tuple[str, ...]
    date: str
    current: str
    suggested: str


@dataclass(frozen=True)
class Returned:
    facts: Facts
    digest: str  # sha256 of the file
    comments: tuple[WordComment, ...]
    edits: tuple[WordEdit, ...]
    by_headings: bool  # the marks were gone: items were found by their headings


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the package: size, ZIP safety, macros, outside links, properties -------------------------


class Package:
    """The parts of a returned DOCX, after the safety checks."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        if len(data) > MAX_UPLOAD:
            raise ContentError.coded("upload_too_large", name=name, size=size(len(data)), limit=size(MAX_UPLOAD))
        suffix = Path(name).suffix.lower()
        if suffix in (".docm", ".dotm"):
            raise ContentError.coded("review_docx_macros", name=name)
        if suffix != ".docx":
            raise ContentError.coded("not_review_docx", name=name)
        try:
            archive = safe_zip(name, data, entry_limit=MAX_UNPACKED)
        except ContentError as exc:
            if exc.code == "bad_zip":
                raise ContentError.coded("not_review_docx", name=name) from None
            raise
        with archive:
            self.parts = {info.filename: info for info in archive.infolist() if not info.is_dir()}
            self._check_macros()
            self.xml = {path: self._read(archive, path) for path in self.parts if path.endswith((".xml", ".rels"))}
        self._check_relationships()

    def _read(self, archive, path: str) -> bytes:
        try:
            return archive.read(path)
        except _DAMAGED:
            raise ContentError.coded("review_docx_broken", name=self.name, detail=f"{path} is damaged") from None

    def _check_macros(self) -> None:
        if any(PurePosixPath(path).name.lower() in ("vbaproject.bin", "vbadata.xml") for path in self.parts):
            raise ContentError.coded("review_docx_macros", name=self.name)

    def _check_relationships(self) -> None:
        types = self.xml.get("[Content_Types].xml", b"").lower()
        if b"macroenabled" in types or b"vbaproject" in types:
            raise ContentError.coded("review_docx_macros", name=self.name)
        for path in self.xml:
            if not path.endswith(".rels"):
                continue
            for relation in self.tree(path).iter(f"{REL}Relationship"):
                if (relation.get("TargetMode") or "").lower() == "external":
                    raise ContentError.coded("review_docx_external", name=self.name, target=relation.get("Target", ""))

    def tree(self, path: str):
        try:
            return etree.fromstring(self.xml[path], _PARSER)
        except etree.XMLSyntaxError as exc:
            raise ContentError.coded("review_docx_broken", name=self.name, detail=f"{path}: {exc}") from None

    def related(self, source: str, type_ending: str) -> str | None:
        """The part a relationship of `source` ("" for the package) points to, by its type's ending."""
        folder = PurePosixPath(source).parent
        rels = f"{folder}/_rels/{PurePosixPath(source).name}.rels" if source else "_rels/.rels"
        if rels.startswith("./"):
            rels = rels[2:]
        if rels not in self.xml:
            return None
        for relation in self.tree(rels).iter(f"{REL}Relationship"):
            if relation.get("Type", "").endswith(type_ending):
                target = relation.get("Target", "")
                joined = target.lstrip("/") if target.startswith("/") else str(folder / target)
                return joined[2:] if joined.startswith("./") else joined
        return None

    def facts(self) -> Facts:
        path = self.related("", "/custom-properties")
        values = {}
        if path in self.xml:
            for prop in self.tree(path).iter(f"{CUSTOM}property"):
                value = next(iter(prop), None)
                values[prop.get("name", "")] = (value.text or "") if value is not None else ""
        if not values.get(PROP_CURRICULUM) or not values.get(PROP_FINGERPRINT):
            raise ContentError.coded("review_docx_not_copy", name=self.name)
        items = {key: value for key, value in values.items() if re.fullmatch(rf"{KEY_PREFIX}\d+", key)}
        return Facts(
            values[PROP_CURRICULUM],
            values.get(PROP_ROUND, ""),
            values[PROP_FINGERPRINT],
            values.get(PROP_LANGUAGE, "en"),
            items,
        )


def read_package(name: str, data: bytes) -> tuple[Package, Facts]:
    """The checked package of a returned file and what it says about itself, or ContentError."""
    package = Package(name, data)
    return package, package.facts()


# --- the document: where each comment and tracked change sits ---------------------------------


@dataclass
class _Paragraph:
    target: str = ""
    field: str = ""
    original: list[str] = default(default_factory=list)
    suggested: list[str] = default(default_factory=list)
    changed: bool = False
    authors: list[str] = default(default_factory=list)
    date: str = ""
    mark_inserted: bool = False
    mark_deleted: bool = False
    heading: int = 0


class _Walk:
    """Document order: marks set the current item and field; comments take the place where they start."""

    def __init__(self, facts: Facts, headings: dict[str, int], frozen: dict | None, use_headings: bool) -> None:
        self.items = facts.items
        self.headings = headings
        self.titles = _titles(frozen, facts.lang) if use_headings else None
        self.target, self.field = "", ""
        self.anchors: dict[str, tuple[str, int, int]] = {}  # comment id -> (target, paragraph, offset)
        self.quoted: dict[str, list[str]] = {}
        self.open: set[str] = set()
        self.pending: list[tuple[str, int]] = []
        self.paragraphs: list[_Paragraph] = []
        self.marks_seen = 0

    def run(self, body) -> None:
        for number, p in enumerate(body.iter(f"{W}p")):
            self.paragraph(p, number)

    def paragraph(self, p, number: int) -> None:
        current = _Paragraph(heading=self._level(p))
        if self.titles is not None and current.heading:
            self._by_heading(current.heading, _plain(p))
        properties = p.find(f"{W}pPr/{W}rPr")
        if properties is not None:
            current.mark_inserted = properties.find(f"{W}ins") is not None
            current.mark_deleted = properties.find(f"{W}del") is not None
        offset = 0
        for element in p.iter():
            tag = element.tag
            if tag == f"{W}bookmarkStart":
                self._mark(element.get(f"{W}name", ""))
            elif tag == f"{W}commentRangeStart":
                self._anchor(element.get(f"{W}id"), number, offset)
                self.open.add(element.get(f"{W}id"))
            elif tag == f"{W}commentRangeEnd":
                self.open.discard(element.get(f"{W}id"))
            elif tag == f"{W}commentReference":
                self._anchor(element.get(f"{W}id"), number, offset)
            elif tag in (f"{W}t", f"{W}delText") and element.text:
                self._resolve_pending()
                offset += self._text(element, current)
        self._resolve_pending()
        for comment_id in self.open:  # words quoted across paragraphs stay apart
            self.quoted.setdefault(comment_id, []).append(" ")
        current.target, current.field = self.target, self.field
        self.paragraphs.append(current)

    def _mark(self, name: str) -> None:
        found = MARK.fullmatch(name)
        if not found or found.group(1) not in self.items:
            return
        self.marks_seen += 1
        self.target = self.items[found.group(1)]
        stop, code = found.group(2), found.group(3)
        self.field = "" if stop or not code else FIELD_NAMES.get(code, "")

    def _anchor(self, comment_id: str | None, number: int, offset: int) -> None:
        if comment_id is None or comment_id in self.anchors or any(c == comment_id for c, _ in self.pending):
            return
        self.pending.append((comment_id, number))
        self.anchors[comment_id] = ("", number, offset)

    def _resolve_pending(self) -> None:
        """A comment that starts where a paragraph starts belongs to what the paragraph's marks open."""
        for comment_id, _number in self.pending:
            _, number, offset = self.anchors[comment_id]
            self.anchors[comment_id] = (self.target, number, offset)
        self.pending.clear()

    def _text(self, element, current: _Paragraph) -> int:
        inserted, deleted = _tracked(element)
        text = element.text
        if element.tag == f"{W}delText" or deleted:
            current.original.append(text)
            _note_change(current, deleted if deleted is not None else element)
            return 0
        current.suggested.append(text)
        if inserted is not None:
            _note_change(current, inserted)
        else:
            current.original.append(text)
        for comment_id in self.open:
            self.quoted.setdefault(comment_id, []).append(text)
        return len(text)

    def _level(self, p) -> int:
        style = p.find(f"{W}pPr/{W}pStyle")
        level = self.headings.get(style.get(f"{W}val", "")) if style is not None else None
        outline = p.find(f"{W}pPr/{W}outlineLvl")
        if level is None and outline is not None and (outline.get(f"{W}val") or "").isdigit():
            level = int(outline.get(f"{W}val")) + 1
        return level or 0

    def _by_heading(self, level: int, text: str) -> None:
        """Without marks: a heading names a module (1), a session or handout (2), an activity (3)."""
        wanted = " ".join(text.split()).casefold()
        parent = {1: "", 2: self._ancestor(1), 3: self._ancestor(2)}.get(level)
        if parent is None:
            return
        for path, (title, kind_level, item_parent) in self.titles.items():
            if kind_level == level and item_parent == parent and title == wanted:
                self.target, self.field = path, ""
                return

    def _ancestor(self, level: int) -> str:
        parts = self.target.split("/") if self.target else []
        if level == 1:
            return parts[0] if parts else "\0"
        return "/".join(parts[:2]) if len(parts) >= 2 and not parts[1].startswith("handout:") else "\0"


def _titles(frozen: dict | None, lang: str) -> dict[str, tuple[str, int, str]]:
    levels = {"module": 1, "session": 2, "handout": 2, "activity": 3}
    found = {}
    for path, entry in (frozen or {}).get("items", {}).items():
        title = Text(entry["title"]).get(lang)
        found[path] = (" ".join(title.split()).casefold(), levels[entry["kind"]], entry["parent"])
    return found


def _tracked(element):
    """The w:ins / w:del (or moveTo / moveFrom) a piece of text sits in, if any."""
    inserted = deleted = None
    for ancestor in element.iterancestors():
        if ancestor.tag in (f"{W}ins", f"{W}moveTo") and inserted is None:
            inserted = ancestor
        elif ancestor.tag in (f"{W}del", f"{W}moveFrom") and deleted is None:
            deleted = ancestor
        elif ancestor.tag == f"{W}p":
            break
    return inserted, deleted


def _note_change(current: _Paragraph, change) -> None:
    current.changed = True
    author = change.get(f"{W}author", "") if change.tag != f"{W}delText" else ""
    if author and author not in current.authors:
        current.authors.append(author)
    current.date = current.date or change.get(f"{W}date", "")


def _plain(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t") if _tracked(t)[1] is None)


def _heading_styles(package: Package, document_path: str) -> dict[str, int]:
    """Paragraph style id -> heading level, from the styles' names ("heading 1") or outline levels."""
    path = package.related(document_path, "/styles")
    levels: dict[str, int] = {}
    if path not in package.xml:
        return levels
    for style in package.tree(path).iter(f"{W}style"):
        name = style.find(f"{W}name")
        found = re.fullmatch(r"heading\s*(\d)", (name.get(f"{W}val", "") if name is not None else "").strip().lower())
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if found:
            levels[style.get(f"{W}styleId", "")] = int(found.group(1))
        elif outline is not None and (outline.get(f"{W}val") or "").isdigit():
            levels[style.get(f"{W}styleId", "")] = int(outline.get(f"{W}val")) + 1
    return levels


# --- putting it together --------------------------------------------------------------------


def read_returned(package: Package, facts: Facts, frozen: dict | None, data: bytes) -> Returned:
    """Every comment, reply and tracked change of a checked package, placed on its item."""
    document_path = package.related("", "/officeDocument")
    if document_path not in package.xml:
        raise ContentError.coded("review_docx_broken", name=package.name, detail="no main document")
    body = package.tree(document_path).find(f"{W}body")
    if body is None:
        raise ContentError.coded("review_docx_broken", name=package.name, detail="no document body")
    headings = _heading_styles(package, document_path)
    walk = _Walk(facts, headings, frozen, use_headings=False)
    walk.run(body)
    by_headings = walk.marks_seen == 0
    if by_headings:
        walk = _Walk(facts, headings, frozen, use_headings=True)
        walk.run(body)
    comments = _comments(package, document_path, walk)
    return Returned(facts, digest(data), comments, tuple(_edits(walk.paragraphs)), by_headings)


def _comments(package: Package, document_path: str, walk: _Walk) -> tuple[WordComment, ...]:
    path = package.related(document_path, "/comments")
    if path not in package.xml:
        return ()
    threads = _threads(package, document_path)
    raw = []
    for element in package.tree(path).iter(f"{W}comment"):
        word_id = element.get(f"{W}id", "")
        paragraphs = element.findall(f"{W}p")
        text = "\n".join(_comment_line(p) for p in paragraphs).strip()
        last = paragraphs[-1].get(f"{W14}paraId", "") if paragraphs else ""
        raw.append((word_id, element.get(f"{W}author", "") or "?", element.get(f"{W}date", ""), text, last))
    by_para = {last: word_id for word_id, *_, last in raw if last}
    found: dict[str, WordComment] = {}
    for word_id, author, date, text, last in raw:
        parent_para, resolved = threads.get(last, ("", False))
        parent = by_para.get(parent_para, "")
        target, number, offset = walk.anchors.get(word_id, ("", -1, -1))
        text, parent = _libreoffice_reply(text, parent, (number, offset), found, walk)
        if parent in found:
            target = found[parent].target
        quoted = " ".join("".join(walk.quoted.get(word_id, [])).split())
        outside = not target and not parent
        found[word_id] = WordComment(word_id, author, date, text, target, quoted, parent, resolved, outside)
    ordered = sorted(found.values(), key=lambda c: (bool(c.parent), _order(walk, c.word_id)))
    return tuple(ordered)


def _comment_line(p) -> str:
    pieces = {f"{W}br": "\n", f"{W}cr": "\n", f"{W}tab": "\t"}
    return "".join(e.text or "" if e.tag == f"{W}t" else pieces.get(e.tag, "") for e in p.iter())


def _order(walk: _Walk, word_id: str) -> tuple[int, int]:
    _, number, offset = walk.anchors.get(word_id, ("", 1 << 30, 0))
    return number, offset


def _libreoffice_reply(text: str, parent: str, place, found: dict, walk: _Walk) -> tuple[str, str]:
    """LibreOffice's own reply convention: a comment at the same place whose first line says whom
    it answers, then quotes that comment; the answer is what follows."""
    match = LIBREOFFICE_REPLY.match(text)
    if parent or not match:
        return text, parent
    for earlier in reversed(list(found.values())):
        if earlier.author == match.group("author") and _order(walk, earlier.word_id) == place:
            rest = text[match.end() :]
            for quoted in (f'"{earlier.text}"', f"“{earlier.text}”", f"« {earlier.text} »"):
                rest = rest.removeprefix(quoted)
            return rest.strip() or text, earlier.word_id
    return text, parent


def _threads(package: Package, document_path: str) -> dict[str, tuple[str, bool]]:
    """Word's threads (commentsExtended): paragraph id of a comment -> (its parent's, resolved)."""
    path = package.related(document_path, "/commentsExtended")
    if path not in package.xml:
        return {}
    threads = {}
    for entry in package.tree(path).iter(f"{W15}commentEx"):
        threads[entry.get(f"{W15}paraId", "")] = (entry.get(f"{W15}paraIdParent", ""), entry.get(f"{W15}done") == "1")
    return threads


def _edits(paragraphs: list[_Paragraph]):
    """One suggested edit per text field holding tracked changes (the field's whole text before and
    after), and one per changed paragraph outside the fields."""
    groups: list[list[_Paragraph]] = []
    for paragraph in paragraphs:
        same = (
            groups
            and paragraph.field
            and (groups[-1][-1].target, groups[-1][-1].field)
            == (
                paragraph.target,
                paragraph.field,
            )
        )
        if same:
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    for group in groups:
        if not any(p.changed for p in group):
            continue
        current = "".join(
            "".join(p.original) + ("" if last or p.mark_inserted else "\n")
            for last, p in ((i == len(group) - 1, p) for i, p in enumerate(group))
        )
        suggested = "".join(
            "".join(p.suggested) + ("" if last or p.mark_deleted else "\n")
            for last, p in ((i == len(group) - 1, p) for i, p in enumerate(group))
        )
        if current == suggested:
            continue
        authors = tuple(dict.fromkeys(a for p in group for a in p.authors))
        date = next((p.date for p in group if p.date), "")
        yield WordEdit(group[0].target, group[0].field, authors, date, current, suggested)


def iso_date(value: str) -> str:
    """A Word date as ISO 8601 in UTC ("" when missing or unreadable, e.g. LibreOffice's 0-00-00)."""
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC).replace(microsecond=0).isoformat()
