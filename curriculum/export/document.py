"""A neutral document: what a pack says, before any format.

`pack.build_pack(programme, …)` turns a Programme into a Document of blocks; each exporter
(`pdf`, `html`, `markdown`, `docx`) renders the same blocks. What goes into a facilitator
or a participant pack is therefore decided once, in `pack.py`.

Text in `Para`, `Note`, `Bullets` and `Table` cells is the user's Markdown (already in the
pack's language); exporters render it through `markup.py` or the markdown package and
never trust it as markup of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1 part, 2 section, 3 sub-section
    anchor: str = ""


@dataclass(frozen=True)
class Para:
    text: str  # Markdown
    style: str = ""  # "" or "small" or "meta"


@dataclass(frozen=True)
class Note:
    """Set apart in a shaded box (facilitator notes, context notes)."""

    title: str
    text: str  # Markdown


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]  # Markdown, one line each
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # Markdown cells
    widths: tuple[float, ...] = ()  # relative column widths
    blank_rows: int = 0  # empty rows to fill in by hand (attendance sheet, forms)


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    """Where the table of contents goes."""

    title: str


Block = Heading | Para | Note | Bullets | Table | PageBreak | Contents


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    lang: str
    meta: tuple[tuple[str, str], ...]  # (label, value) shown on the cover
    footer: str  # title and version, shown with "page X of Y"
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    page_label: str = "Page {page} of {pages}"


MAX_HEADING = 200  # characters of a title, heading or label: wraps in a few lines, fits a page in every format


def shortened(text: str, limit: int = MAX_HEADING) -> str:
    """`text` cut to at most `limit` characters at a word boundary when there is one, with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + "…"


def bounded(document: Document) -> Document:
    """The document with every title, heading and label short enough to build in every format.

    A curriculum title of 300 characters exceeded the DOCX file properties' 255; a heading of
    one 3,000-character word was taller than a PDF page. Body text (paragraphs, notes, cells)
    wraps and splits across pages and stays whole.
    """
    return replace(
        document,
        title=shortened(document.title),
        subtitle=shortened(document.subtitle),
        footer=shortened(document.footer),
        meta=tuple((shortened(label), shortened(value)) for label, value in document.meta),
        blocks=tuple(_bounded(block) for block in document.blocks),
    )


def _bounded(block: Block) -> Block:
    if isinstance(block, Heading):
        return replace(block, text=shortened(block.text))
    if isinstance(block, (Note, Contents)):
        return replace(block, title=shortened(block.title))
    if isinstance(block, Table):
        return replace(block, header=tuple(shortened(cell) for cell in block.header))
    return block


def _block_text(block: Block, fix: Callable[[str], str]) -> Block:
    if isinstance(block, Heading | Para):
        return replace(block, text=fix(block.text))
    if isinstance(block, Contents):
        return replace(block, title=fix(block.title))
    if isinstance(block, Note):
        return replace(block, title=fix(block.title), text=fix(block.text))
    if isinstance(block, Bullets):
        return replace(block, items=tuple(map(fix, block.items)))
    if isinstance(block, Table):
        rows = tuple(tuple(map(fix, row)) for row in block.rows)
        return replace(block, header=tuple(map(fix, block.header)), rows=rows)
    return block


def with_text(document: Document, fix: Callable[[str], str]) -> Document:
    """The same document with `fix` applied to every text a reader sees (anchors and the page
    label's placeholders are not text)."""
    return replace(
        document,
        title=fix(document.title),
        subtitle=fix(document.subtitle),
        meta=tuple((fix(label), fix(value)) for label, value in document.meta),
        footer=fix(document.footer),
        blocks=tuple(_block_text(block, fix) for block in document.blocks),
        page_label=fix(document.page_label),
    )
