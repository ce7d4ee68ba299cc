"""Document -> Markdown: the same content as the other formats, for editing and diffing.

User text is already Markdown and is written as it is, except that anything that could
start raw HTML (`<tag`, `<!`, `</`) is escaped so a Markdown viewer shows it as text, and
links to anything but http(s), mailto, anchors and relative paths (`javascript:`, `data:`)
are left as plain text (`markup.inert_links`).

A pack in a right-to-left language is wrapped in `<div dir="rtl" lang="ar">` … `</div>`, each
on its own line with a blank line after and before: viewers that render HTML in Markdown
(GitHub, GitLab, VS Code, Obsidian, pandoc) then lay its paragraphs, lists and table columns
out from the right, and anywhere else the two lines are all the reader sees of it, the text
itself staying in logical order, as a bidi-aware editor shows it. Markdown has no way of its
own to say a direction.
"""

from __future__ import annotations

import html
import re

from .. import languages
from ..typography import NBSP, for_language
from .bidi import contained
from .document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table
from .markup import inert_links

_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])")


def _safe(text: str) -> str:
    return inert_links(_RAW_HTML.sub(r"\\<", text or ""))


_USER_HEADING = re.compile(r"^(#{1,6})(?= )", re.MULTILINE)


def _demoted(text: str, depth: int) -> str:
    """User headings placed below the pack heading they sit under."""
    found = [len(m.group(1)) for m in _USER_HEADING.finditer(text or "")]
    if not found:
        return text
    shift = depth + 1 - min(found)
    return _USER_HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + shift), text)


def _cell(text: str) -> str:
    return _safe(text).replace("|", "\\|").replace("\n", " ")


def render(document: Document) -> bytes:
    document = contained(document)
    typeset = for_language(document.lang) or str
    lines = [f"# {_safe(document.title)}", "", f"**{_safe(document.subtitle)}**", ""]
    # the language's colon, with an ordinary space where it has one (a Markdown file is read as text too)
    lines += [f"- {typeset(f'**{_safe(k)}**:').replace(NBSP, ' ')} {_safe(v)}" for k, v in document.meta]
    lines.append("")
    headings = [b for b in document.blocks if isinstance(b, Heading)]
    depth = 1
    for block in document.blocks:
        if isinstance(block, Heading):
            depth = min(block.level, 4) + 1
        elif isinstance(block, Para):
            block = Para(_demoted(block.text, depth), block.style)
        lines += _block(block, headings)
    lines += ["---", "", f"*{_safe(document.footer)}*", ""]
    if languages.is_rtl(document.lang):
        lines = [f'<div dir="rtl" lang="{html.escape(document.lang)}">', "", *lines, "</div>", ""]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).encode("utf-8")


def _block(block, headings) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * (min(block.level, 4) + 1)} {_safe(block.text)}", ""]
    if isinstance(block, Contents):
        items = [f"{'  ' * (h.level - 1)}- {_safe(h.text)}" for h in headings if h.level <= 2]
        return [f"## {_safe(block.title)}", "", *items, ""]
    if isinstance(block, Para):
        text = _safe(block.text).strip()
        return [f"*{text}*" if block.style == "meta" and "\n" not in text else text, ""] if text else []
    if isinstance(block, Note):
        body = [f"> {line}" if line else ">" for line in _safe(block.text).strip().splitlines()]
        return [f"> **{_safe(block.title)}**", ">", *body, ""]
    if isinstance(block, Bullets):
        marker = (lambda i: f"{i}.") if block.ordered else (lambda i: "-")
        return [f"{marker(i)} {_safe(item)}" for i, item in enumerate(block.items, start=1)] + [""]
    if isinstance(block, Table):
        if not block.header:
            return []
        rows = [
            "| " + " | ".join(_cell(h) for h in block.header) + " |",
            "|" + "|".join(" --- " for _ in block.header) + "|",
        ]
        rows += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        rows += ["| " + " | ".join(" " for _ in block.header) + " |"] * min(block.blank_rows, 5)
        return rows + [""]
    if isinstance(block, PageBreak):
        return []
    return []
