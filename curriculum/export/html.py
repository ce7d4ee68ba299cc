"""Document -> one self-contained HTML file (inline CSS, print stylesheet, works offline).

User Markdown goes through `markup.to_html` (rendered, then sanitised by nh3); every other
string is escaped here.

The page says its language and direction (`<html lang="ar" dir="rtl">`), and the stylesheet
uses logical properties only (inline-start, not left), so one stylesheet lays out every
language. Values of unknown direction inserted into the page (the cover's values: names,
places, dates) are isolated in `<bdi>`; in a left-to-right pack, a stretch of Arabic (a
glossary term) is marked `<span lang="ar" dir="rtl">`.
"""

from __future__ import annotations

import html
import re

from .. import languages
from .bidi import RTL_STRETCH, contained, direction_of, script_language
from .document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table
from .markup import inline_html, to_html

CSS = """
:root { --ink: #1f2328; --muted: #5c6370; --line: #d0d4da; --accent: #8a3b12; --note: #f6f1e7; }
* { box-sizing: border-box; }
body { font: 16px/1.55 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff;
  overflow-wrap: break-word; }
:lang(ar) { font-family: "Noto Naskh Arabic", "Amiri", "Traditional Arabic", "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
html:lang(ar) body { line-height: 1.8; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 1.5rem; margin-bottom: 2rem; }
header.cover h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 .4rem; }
header.cover p.subtitle { font-size: 1.3rem; color: var(--accent); margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.meta dt { font-weight: bold; color: var(--muted); }
dl.meta dd { margin: 0; }
h2 { font-size: 1.6rem; margin: 2.4rem 0 .8rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
h3 { font-size: 1.25rem; margin: 1.8rem 0 .6rem; }
h4 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
a { color: #0b5cad; }
nav.contents ol { padding-inline-start: 1.2rem; }
nav.contents li.level-2 { margin-inline-start: 1.2rem; }
nav.contents li.level-3 { margin-inline-start: 2.4rem; font-size: .92em; }
p.meta { color: var(--muted); font-style: italic; margin-top: -.2rem; }
p.small, div.small { font-size: .9em; color: var(--muted); }
aside.note { background: var(--note); border-inline-start: 4px solid var(--accent); padding: .7rem 1rem; margin: 1rem 0; }
aside.note p.note-title { font-weight: bold; margin: 0 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.2rem; font-size: .95em; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: start;
  overflow-wrap: anywhere; }
th { background: #eef0f3; }
td.blank { height: 2.2rem; }
pre, code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
pre { background: #f3f4f6; padding: .6rem; overflow-x: auto; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85em; border-top: 1px solid var(--line); padding-top: .6rem; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  table, aside.note { break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  div.page-break { break-after: page; }
  nav.contents { break-after: page; }
  @page { size: A4; margin: 18mm 16mm 20mm; }
}
"""


def _e(text: str) -> str:
    return html.escape(text or "", quote=True)


def render(document: Document) -> bytes:
    document = contained(document)
    headings = [b for b in document.blocks if isinstance(b, Heading)]
    anchors = _anchors(headings)
    direction = languages.direction(document.lang)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(document.lang)}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(document.title)} — {_e(document.subtitle)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
    ]
    parts = [
        "<body>",
        "<main>",
        '<header class="cover">',
        f"<h1>{_e(document.title)}</h1>",
        f'<p class="subtitle">{_e(document.subtitle)}</p>',
        '<dl class="meta">',
        *(f"<dt>{_e(k)}</dt><dd><bdi>{_e(v)}</bdi></dd>" for k, v in document.meta),
        "</dl>",
        "</header>",
    ]
    heading_index, level = 0, 1
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(_heading(block, anchors[heading_index]))
            heading_index += 1
            level = min(max(block.level, 1), 3) + 1
        elif isinstance(block, Contents):
            parts.append(_contents(block, headings, anchors))
            level = 2
        else:
            parts.append(_demoted(_block(block), level))
    parts += [f"<footer>{_e(document.footer)}</footer>", "</main>", "</body>", "</html>", ""]
    if direction == "rtl" or RTL_STRETCH.search("".join(parts)):
        parts = [_marked(_directed(part, direction), direction) for part in parts]
    return "\n".join(p for p in head + parts if p).encode("utf-8")


_TAG = re.compile(r"(<[^>]*>)")


def _marked(html_text: str, around: str) -> str:
    """In a left-to-right page, each stretch of right-to-left text outside tags wrapped in a span
    saying its language and direction, so that a French page quoting Arabic reads it in its
    order and a screen reader in its language."""
    if around == "rtl" or not RTL_STRETCH.search(html_text):
        return html_text
    pieces = _TAG.split(html_text)
    for index in range(0, len(pieces), 2):  # the text between tags
        pieces[index] = RTL_STRETCH.sub(_span, pieces[index])
    return "".join(pieces)


_BLOCKS = frozenset("p li ul ol td th h1 h2 h3 h4 h5 h6 blockquote footer".split())
_TAG_OR_TEXT = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>|[^<]+")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")


def _directed(html_text: str, around: str) -> str:
    """The outermost blocks (paragraphs, list items, lists, cells, headings) whose text reads
    the other way from the page (`bidi.direction_of`: a French text shown in an Arabic pack
    while its translation is missing, an Arabic cell in a French pack) given their `dir`, so
    that their punctuation stands on the right side."""
    pieces: list[str] = []
    blocks: list[list] = []  # [piece index, parent block or -1, text seen]
    open_: list[int] = []
    for match in _TAG_OR_TEXT.finditer(html_text):
        pieces.append(match.group())
        closing, tag = match.group(1), (match.group(2) or "").lower()
        if not tag:
            text = _ENTITY.sub(" ", match.group())
            for index in open_:
                blocks[index][2].append(text)
        elif tag in _BLOCKS and not closing:
            blocks.append([len(pieces) - 1, open_[-1] if open_ else -1, []])
            open_.append(len(blocks) - 1)
        elif tag in _BLOCKS and open_:
            open_.pop()
    reads = [direction_of("".join(text), around) for _, _, text in blocks]
    for (piece, parent, _), direction in zip(blocks, reads, strict=True):
        if direction != around and (parent < 0 or reads[parent] == around):
            pieces[piece] = re.sub(r"^<(\w+)", rf'<\1 dir="{direction}"', pieces[piece])
    return "".join(pieces)


def _span(match: re.Match) -> str:
    lang = script_language(match.group())
    attributes = f' lang="{lang}" dir="rtl"' if lang else ' dir="rtl"'
    return f"<span{attributes}>{match.group()}</span>"


def _anchors(headings: list[Heading]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for number, heading in enumerate(headings, start=1):
        base = "".join(c if c.isalnum() or c in "-_" else "-" for c in (heading.anchor or f"h{number}")) or f"h{number}"
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.append(base if count == 0 else f"{base}-{count + 1}")
    return out


_USER_HEADING = re.compile(r"<(/?)h([1-6])>")


def _demoted(body: str, level: int) -> str:
    """User headings placed below the pack heading they sit under (h1 in a text under an h3 becomes h4)."""
    found = [int(n) for _, n in _USER_HEADING.findall(body)]
    if not found:
        return body
    shift = level + 1 - min(found)
    return _USER_HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}>", body)


def _heading(block: Heading, anchor: str) -> str:
    level = min(max(block.level, 1), 3) + 1  # h1 is the document title
    return f'<h{level} id="{_e(anchor)}">{_e(block.text)}</h{level}>'


def _contents(block: Contents, headings: list[Heading], anchors: list[str]) -> str:
    items = [
        f'<li class="level-{h.level}"><a href="#{_e(a)}">{_e(h.text)}</a></li>'
        for h, a in zip(headings, anchors, strict=True)
        if h.level <= 2
    ]
    return f'<nav class="contents" aria-label="{_e(block.title)}"><h2>{_e(block.title)}</h2><ol>{"".join(items)}</ol></nav>'


def _block(block) -> str:
    if isinstance(block, Para):
        body = to_html(block.text)
        return f'<div class="{block.style}">{body}</div>' if block.style else body
    if isinstance(block, Note):
        return f'<aside class="note"><p class="note-title">{_e(block.title)}</p>{to_html(block.text)}</aside>'
    if isinstance(block, Bullets):
        if not block.items:
            return ""
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{inline_html(item)}</li>" for item in block.items) + f"</{tag}>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, PageBreak):
        return '<div class="page-break"></div>'
    return ""


def _table(block: Table) -> str:
    if not block.header:
        return ""
    head = "".join(f'<th scope="col">{_e(cell)}</th>' for cell in block.header)
    rows = ["<tr>" + "".join(f"<td>{inline_html(cell)}</td>" for cell in row) + "</tr>" for row in block.rows]
    rows += ["<tr>" + '<td class="blank"></td>' * len(block.header) + "</tr>"] * block.blank_rows
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
