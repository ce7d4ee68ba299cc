"""User Markdown -> simple blocks of styled plain-text runs, for the PDF and DOCX packs.

`parse` renders and sanitises the Markdown (`markup.to_html`), then reads the small HTML
vocabulary back as paragraphs, lists, tables, headings and code made of plain-text runs, so
that no user text is ever read as ReportLab or Word markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from xml.parsers import expat
from xml.parsers.expat import ExpatError

from .markup import needs_markdown, to_html


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""
    strike: bool = False


@dataclass
class MParagraph:
    runs: list[Run] = field(default_factory=list)
    kind: str = "p"  # p, h1..h6, quote


@dataclass
class MList:
    ordered: bool
    items: list[list[MParagraph | MList]] = field(default_factory=list)


@dataclass
class MTable:
    rows: list[list[list[Run]]] = field(default_factory=list)
    header_rows: int = 0


@dataclass
class MCode:
    text: str


MBlock = MParagraph | MList | MTable | MCode


_VOID = re.compile(r"<(br|hr)(\s[^>]*)?>")


def parse(text: str) -> list[MBlock]:
    """Markdown as blocks of plain-text runs (sanitised first)."""
    if not text:
        return []
    if not needs_markdown(text):
        return [MParagraph(runs=[Run(text)])]
    html = to_html(text)
    parser = _BlockParser()
    try:
        _feed_expat(parser, html)
    except ExpatError:  # not well-formed as XML: the slower, forgiving HTML parser reads it
        parser = _BlockParser()
        parser.feed(html)
        parser.close()
    return parser.finish()


def _feed_expat(parser: _BlockParser, html: str) -> None:
    """nh3's output is well-formed apart from void tags and &nbsp;: expat (C) reads it far
    faster than HTMLParser, and drives the same handlers."""
    xml = (
        "<root>"
        + _VOID.sub(lambda m: f"<{m.group(1)}{m.group(2) or ''}/>", html).replace("&nbsp;", "\u00a0")
        + "</root>"
    )
    reader = expat.ParserCreate()
    reader.StartElementHandler = lambda tag, attrs: tag != "root" and parser.handle_starttag(tag, list(attrs.items()))
    reader.EndElementHandler = lambda tag: tag != "root" and parser.handle_endtag(tag)
    reader.CharacterDataHandler = parser.handle_data
    reader.Parse(xml, True)


def plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


class _BlockParser(HTMLParser):
    """Builds MBlocks from the small, sanitised HTML vocabulary of `to_html`."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[MBlock] = []
        self.stack: list = []  # open MList / MTable containers
        self.para: MParagraph | None = None
        self.cell: list[Run] | None = None
        self.style = {"bold": 0, "italic": 0, "code": 0, "strike": 0}
        self.href: list[str] = []
        self.pre: list[str] | None = None
        self.in_thead = False

    # --- structure -----------------------------------------------------------------
    def _target(self) -> list:
        if self.stack and isinstance(self.stack[-1], MList):
            return self.stack[-1].items[-1] if self.stack[-1].items else self.blocks
        return self.blocks

    def _open_para(self, kind: str = "p") -> None:
        self._close_para()
        self.para = MParagraph(kind=kind)

    def _close_para(self) -> None:
        if self.para is not None and (self.para.runs and plain(self.para.runs).strip()):
            self._target().append(self.para)
        self.para = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "pre":
            self._close_para()
            self.pre = []
        elif self.pre is not None:
            return
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
            if self.cell is None:
                self._open_para(tag)
        elif tag == "blockquote":
            self._open_para("quote")
        elif tag in ("ul", "ol"):
            self._close_para()
            lst = MList(ordered=tag == "ol")
            self._target().append(lst)
            self.stack.append(lst)
        elif tag == "li":
            self._close_para()
            if self.stack and isinstance(self.stack[-1], MList):
                self.stack[-1].items.append([])
            self.para = MParagraph()
        elif tag == "table":
            self._close_para()
            table = MTable()
            self._target().append(table)
            self.stack.append(table)
        elif tag == "thead":
            self.in_thead = True
        elif tag == "tr" and self.stack and isinstance(self.stack[-1], MTable):
            self.stack[-1].rows.append([])
            if self.in_thead:
                self.stack[-1].header_rows += 1
        elif tag in ("td", "th") and self.stack and isinstance(self.stack[-1], MTable):
            self.cell = []
            if tag == "th":
                self.style["bold"] += 1
        elif tag in ("strong", "b"):
            self.style["bold"] += 1
        elif tag in ("em", "i"):
            self.style["italic"] += 1
        elif tag == "code":
            self.style["code"] += 1
        elif tag == "del":
            self.style["strike"] += 1
        elif tag == "a":
            self.href.append(attrs.get("href") or "")
        elif tag == "br":
            self._add("\n", line_break=True)

    def handle_endtag(self, tag):
        if tag == "pre":
            if self.pre is not None:
                self._target().append(MCode("".join(self.pre).rstrip("\n")))
            self.pre = None
        elif self.pre is not None:
            return
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li"):
            if self.cell is None:
                self._close_para()
        elif tag in ("ul", "ol", "table"):
            self._close_para()
            if self.stack:
                self.stack.pop()
        elif tag == "thead":
            self.in_thead = False
        elif tag in ("td", "th"):
            if self.cell is not None and self.stack and isinstance(self.stack[-1], MTable) and self.stack[-1].rows:
                self.stack[-1].rows[-1].append(self.cell)
            self.cell = None
            if tag == "th":
                self.style["bold"] -= 1
        elif tag in ("strong", "b"):
            self.style["bold"] -= 1
        elif tag in ("em", "i"):
            self.style["italic"] -= 1
        elif tag == "code":
            self.style["code"] -= 1
        elif tag == "del":
            self.style["strike"] -= 1
        elif tag == "a" and self.href:
            self.href.pop()

    def handle_data(self, data):
        if self.pre is not None:
            self.pre.append(data)
            return
        if self.cell is None and self.para is None:
            if not data.strip():
                return
            self.para = MParagraph()
        self._add(data if self.cell is not None or self.para.runs else data.lstrip())

    def _add(self, text: str, line_break: bool = False) -> None:
        if not text:
            return
        if not line_break:
            text = text.replace("\n", " ")
        run = Run(
            text,
            bold=self.style["bold"] > 0,
            italic=self.style["italic"] > 0,
            code=self.style["code"] > 0,
            href=self.href[-1] if self.href else "",
            strike=self.style["strike"] > 0,
        )
        runs = self.cell if self.cell is not None else self.para.runs
        if runs and not line_break and runs[-1].text != "\n" and replace(runs[-1], text="") == replace(run, text=""):
            runs[-1] = replace(run, text=runs[-1].text + text)  # the parser may hand text over in pieces
        else:
            runs.append(run)

    def finish(self) -> list[MBlock]:
        self._close_para()
        return self.blocks
