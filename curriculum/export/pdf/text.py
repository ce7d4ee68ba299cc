"""User text as ReportLab paragraphs: runs of plain text (from `richtext.parse`) become
paragraph fragments, and every string that goes through ReportLab's paragraph markup is
escaped first, so no user text is ever read as markup.

Characters Vera lacks get a close equivalent or a glyph of the standard Symbol / ZapfDingbats
faces; control characters and lone surrogates are dropped (they would break the file)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from .. import richtext
from ..bidi import direction_of
from .bidi_order import CONTROLS
from .flowables import BodyParagraph
from .fonts import AMIRI_FACES, ARABIC_COVERED, CODE_FONT, COVERED, FONT, fallback_font
from .styles import CODE_INK, FOOTER_SIZE, LINK, RIGHT_TO_LEFT, directed

SAFE_SCHEMES = ("http://", "https://", "mailto:")


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """`&`, `<` and `>` (and any `entities`) escaped for ReportLab's paragraph markup.

    The same as xml.sax.saxutils.escape, which would import urllib and email (30 ms at start).
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char, entity in (entities or {}).items():
        text = text.replace(char, entity)
    return text


# Characters Vera lacks: a close equivalent Vera has, or a glyph of the PDF standard
# Symbol / ZapfDingbats fonts (not embedded, present in every PDF reader).
SUBSTITUTES = {
    "☐": "❑",
    "□": "❑",
    "▢": "❑",
    "☑": "✓",
    "✅": "✓",
    "↳": "→",
    "⟶": "→",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "–",
    "\u2212": "-",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": "\u00a0",
    "\u2007": "\u00a0",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\t": " ",
    # bidi controls: lines are ordered by the implicit bidi rules alone (see bidi_order), so an
    # override (U+202E) in a text cannot reverse what follows it
    **dict.fromkeys(CONTROLS, ""),
}


def covered(font: str = "") -> frozenset[str]:
    """The characters a text font draws (by default the pack's): Vera's, or Amiri's."""
    amiri = font in AMIRI_FACES if font else RIGHT_TO_LEFT.get()
    return ARABIC_COVERED if amiri else COVERED


def reads_rtl(text: str) -> bool:
    """Whether a paragraph of `text` reads right to left in the pack being built: as the pack
    does, unless it is wholly in the other direction's script (`export.bidi.direction_of`, the
    rule of every format)."""
    return direction_of(text, "rtl" if RIGHT_TO_LEFT.get() else "ltr") == "rtl"


def dropped(ch: str) -> bool:
    """Control characters and lone surrogates: nothing to draw, and they would break the PDF."""
    code = ord(ch[0])
    return code < 32 or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)


def plain_text(value: str) -> str:
    """A user string drawn or stored as is (footer, outline, PDF metadata): nothing that would
    break the file, simple equivalents for the characters Vera lacks."""
    value = value or ""
    drawn = covered()
    if drawn.issuperset(value) and CONTROLS.isdisjoint(value):
        return value
    out = []
    for ch in value:
        if ch not in drawn or ch in CONTROLS:
            ch = SUBSTITUTES.get(ch, ch)
            if not ch or dropped(ch):
                continue
        out.append(ch)
    return "".join(out)


def glyph(ch: str) -> str:
    """Markup for one character that Vera does not cover."""
    ch = SUBSTITUTES.get(ch, ch)
    if not ch or ch in covered():
        return escape(ch)
    if dropped(ch):
        return ""
    font = fallback_font(ch)
    # without a fallback, the font's missing-glyph box is drawn; the text is kept
    return f'<font name="{font}">{ch}</font>' if font else escape(ch)


def markup_text(value: str) -> str:
    """Plain user text as safe ReportLab paragraph markup."""
    if not value:
        return ""
    drawn = covered()
    if drawn.issuperset(value) and CONTROLS.isdisjoint(value):
        return escape(value).replace("\n", "<br/>")
    return "".join(glyph(ch) if ch not in drawn or ch in CONTROLS else escape(ch) for ch in value).replace(
        "\n", "<br/>"
    )


def attr(value: str) -> str:
    return escape(value, {'"': "&quot;", "'": "&#39;"})


def safe_href(href: str) -> str:
    href = (href or "").strip()
    return href if href.lower().startswith(SAFE_SCHEMES) and not any(ord(c) < 32 for c in href) else ""


def wrap_tags(text: str, bold=False, italic=False, strike=False, code=False, href="", font="") -> str:
    """Markup around already-escaped text: only tags written here."""
    if font:
        text = f'<font name="{font}">{text}</font>'
    if code:
        text = f'<font face="{CODE_FONT}" color="{CODE_INK.hexval()}">{text}</font>'
    if strike:
        text = f"<strike>{text}</strike>"
    if italic:
        text = f"<i>{text}</i>"
    if bold:
        text = f"<b>{text}</b>"
    if href:
        text = f'<a href="{attr(href)}" color="{LINK.hexval()}">{text}</a>'
    return text


# Paragraphs from runs skip ReportLab's markup parser: each run becomes a copy of a fragment
# parsed once for its look (style, bold, italic, link…), holding the user's text as plain
# data. Faster, and the text is never read as markup at all.
_TEMPLATES: dict[tuple, object] = {}


def fragment_template(style: ParagraphStyle, look: tuple):
    key = (style.fontName, style.fontSize, style.textColor, look)
    frag = _TEMPLATES.get(key)
    if frag is None:
        if len(_TEMPLATES) > 4000:
            _TEMPLATES.clear()
        if look == "br":
            frags = Paragraph("x<br/>x", style).frags
            frag = next(f for f in frags if getattr(f, "lineBreak", False))
        else:
            frag = Paragraph(wrap_tags("x", *look), style).frags[0]
        _TEMPLATES[key] = frag
    return frag


def segments(text: str, drawn: frozenset[str]):
    """(text, fallback font) pieces: characters the text font lacks go to Amiri (Arabic in a
    French or English pack) or to Symbol / ZapfDingbats; bidi controls are dropped."""
    if drawn.issuperset(text) and CONTROLS.isdisjoint(text):
        yield text, ""
        return
    piece, font = [], ""
    for ch in text:
        target = ""
        if ch not in drawn or ch in CONTROLS:
            ch = SUBSTITUTES.get(ch, ch)
            if not ch or dropped(ch):
                continue
            if ch not in drawn:
                target = fallback_font(ch)
        if target != font and piece:
            yield "".join(piece), font
            piece = []
        font = target
        piece.append(ch)
    if piece:
        yield "".join(piece), font


def paragraph(runs: list[richtext.Run], style: ParagraphStyle, cls=None, **kw) -> Paragraph:
    """A `cls` paragraph (default `BodyParagraph`) of `runs`, built from fragments (see `fragment_template`)."""
    cls = cls or BodyParagraph
    style = directed(style, reads_rtl("".join(run.text for run in runs)))
    drawn = covered(style.fontName)
    frags = []
    for run in runs:
        if run.text == "\n":
            frags.append(fragment_template(style, "br").clone(text="", link=[], us_lines=[]))
            continue
        href = safe_href(run.href)
        for text, font in segments(run.text, drawn):
            look = (run.bold, run.italic, run.strike, run.code, href, font)
            template = fragment_template(style, look)
            frags.append(template.clone(text=text, link=list(template.link), us_lines=list(template.us_lines)))
    while frags and not getattr(frags[0], "lineBreak", False) and not frags[0].text.strip():
        frags.pop(0)
    if not frags:
        return cls("", style, **kw)
    if not getattr(frags[0], "lineBreak", False):
        frags[0].text = frags[0].text.lstrip()
    return cls(None, style, frags=frags, **kw)


def plain_paragraph(text: str, style: ParagraphStyle, cls=None, **kw) -> Paragraph:
    """Plain user text (a title, a label) exactly as typed, line breaks kept."""
    runs: list[richtext.Run] = []
    for number, line in enumerate((text or "").split("\n")):
        if number:
            runs.append(richtext.Run("\n"))
        if line:
            runs.append(richtext.Run(line))
    return paragraph(runs, style, cls, **kw)


def clip(value: str, limit: int) -> str:
    value = " ".join((value or "").split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def longest_head(text: str, fits: Callable[[str], bool], least: int = 0) -> int:
    """The length of the longest head of `text` that `fits` (at least `least`), by bisection:
    `fits` must hold for every head shorter than one that fits (widths grow with length)."""
    low, high = least, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def code_markup(text: str, width: float, size: float) -> str:
    """Code as XPreformatted markup: escaped, long lines folded to the available width."""
    room = max(width - 20, 60)

    def fits(head: str) -> bool:
        return pdfmetrics.stringWidth(head, CODE_FONT, size) <= room

    lines = []
    for line in (text or "").expandtabs(4).split("\n"):
        while line and not fits(line):
            cut = longest_head(line, fits, least=1)
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return markup_text("\n".join(lines)).replace("<br/>", "\n")


def fit_text(text: str, width: float, font: str = FONT) -> str:
    """`text` shortened with an ellipsis to fit `width` points in the footer font."""
    text = " ".join((text or "").split())
    if pdfmetrics.stringWidth(text, font, FOOTER_SIZE) <= width:
        return text

    def fits(head: str) -> bool:
        return pdfmetrics.stringWidth(head.rstrip() + "…", font, FOOTER_SIZE) <= width

    return text[: longest_head(text, fits)].rstrip() + "…"
