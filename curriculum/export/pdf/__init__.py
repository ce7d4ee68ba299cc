"""Document -> PDF (ReportLab platypus): A4, embedded Bitstream Vera fonts, a cover page, a table
of contents with page numbers, PDF bookmarks and a "Page X of Y" footer.

No user string ever reaches ReportLab's paragraph markup as markup: Markdown goes through
`richtext.parse` (rendered and sanitised) into plain-text runs, which `text` turns into
paragraph fragments; headings, table headers, titles and the cover are escaped the same way.
The output is deterministic (`invariant`, no dates, no random ids).

By concern: `fonts` (the Vera family), `styles` (page, colours, paragraph styles), `text`
(user text -> paragraphs), `flowables`, `canvas` (the deferred page canvas: footer, bookmarks,
contents page numbers), `layout` (column widths, bookmark keys), `renderer` (blocks -> story,
`render`).
"""

from .renderer import render

__all__ = ["render"]
