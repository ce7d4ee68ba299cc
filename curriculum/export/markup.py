"""User Markdown -> sanitised HTML.

Every exporter goes through here: HTML takes `to_html` (rendered by the markdown package,
then cleaned by nh3, the Ammonia sanitiser: no script, no event handlers, no
`javascript:` links); PDF and DOCX read that HTML back as plain-text runs (`richtext.parse`).
"""

from __future__ import annotations

import functools
import re

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "a", "ul", "ol", "li", "code", "pre", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Where a Markdown renderer we do not control (a Markdown viewer, Streamlit's st.markdown)
# would read a link: inline links and images `](dest`, reference definitions `[x]: dest`,
# autolinks `<scheme:…>`.
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
_REFERENCE_LINK = re.compile(r"^( {0,3})\[([^\]\n]*)\]:[ \t]*\n?[ \t]*<?(\S*)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")


def link_allowed(destination: str) -> bool:
    """Whether a link may point at `destination`: http(s), mailto, an anchor or a relative path.

    Anything else (`javascript:`, `data:`, `vbscript:`…) is refused, and so is a scheme
    hidden behind an entity or a backslash escape (`&#106;avascript:`, `javascript\\:`),
    which Markdown decodes before the browser sees it.
    """
    lowered = destination.strip().lower()
    if lowered.startswith(("http://", "https://", "mailto:", "#")):
        return True
    head = re.split(r"[/?#]", lowered, maxsplit=1)[0]
    return not any(char in head for char in ":&\\")


def inert_links(text: str) -> str:
    """Markdown `text` with every link to a refused destination left as plain text (shown as
    typed, not followed): for renderers that do not filter link schemes themselves."""
    text = _INLINE_LINK.sub(lambda m: m.group(0) if link_allowed(m.group(1)) else "]\\(" + m.group(0)[2:], text or "")
    text = _REFERENCE_LINK.sub(
        lambda m: m.group(0) if link_allowed(m.group(3)) else m.group(1) + "\\" + m.group(0)[len(m.group(1)) :], text
    )
    return _AUTOLINK.sub(lambda m: m.group(0) if link_allowed(m.group(1)) else "\\" + m.group(0), text)


_LIST_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) +\S")
_FENCE = re.compile(r"^ *(```|~~~)")


def normalise(text: str) -> str:
    """Adjust CommonMark habits to Python-Markdown: a list may start right after a line of
    text, and nested items may be indented by two or three spaces."""
    out: list[str] = []
    in_fence = in_list = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        item = None if in_fence else _LIST_ITEM.match(line)
        if item:
            indent = len(item.group(1))
            if indent and in_list:
                line = " " * (4 * max(1, (indent + 2) // 4)) + line.lstrip(" ")
            elif out and out[-1].strip() and not in_list:
                out.append("")
            in_list = True
        elif not line.strip():
            in_list = in_list and not in_fence
        elif not line.startswith(" "):
            in_list = False
        out.append(line)
    return "\n".join(out)


@functools.cache
def _renderer() -> markdown_lib.Markdown:
    """One Markdown converter, reset between texts (building one per text costs more than converting)."""
    # extension objects, not names: naming them makes Markdown scan every installed package's entry points
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    return markdown_lib.Markdown(
        extensions=[TableExtension(), SaneListExtension(), FencedCodeExtension()], output_format="html"
    )


@functools.lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    """Markdown rendered and sanitised: safe to put inside an HTML page."""
    if not text:
        return ""
    rendered = _renderer().reset().convert(normalise(text))
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def inline_html(text: str) -> str:
    """One line of Markdown as sanitised inline HTML (no surrounding paragraph)."""
    html = to_html(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


_SIGNS = frozenset("\\`*_[]<>&#|~!{}")
_LIST_START = re.compile(r"\d+[.)](\s|$)")


def needs_markdown(text: str) -> bool:
    """False for text in which neither Markdown nor HTML has anything to act on ("discussion",
    "08:30–08:45", "15"): it reads as one plain paragraph, exactly as typed."""
    return not (
        text
        and text == text.strip()
        and text[0] not in "-+=:"
        and min(text) >= " "
        and _SIGNS.isdisjoint(text)
        and not _LIST_START.match(text)
    )
