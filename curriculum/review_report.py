"""Review outputs: the comment matrix (CSV, XLSX) and what changed since a round."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .agenda import spreadsheet_rows
from .diff import word_diff
from .export.bidi import contain, has_controls
from .i18n import label, t
from .languages import is_rtl, isolate
from .model import Text
from .review import comments, location, round_snapshot, snapshot

MATRIX_COLUMNS = ("no.", "round", "location", "excerpt", "comment", "reviewer", "role", "status", "response")
TEXTS = ("round", "location", "excerpt", "comment", "reviewer", "role", "response")  # typed or quoted by people


def matrix_rows(root, workspace, curriculum_id: str, round_name: str | None, lang: str = "en") -> list[dict]:
    """One row per comment (replies folded into their comment), in the order written."""
    everything = comments(root, curriculum_id, round_name=round_name)
    replies: dict[int, list] = {}
    for comment in everything:
        if comment.parent is not None:
            replies.setdefault(comment.parent, []).append(comment)
    rows = []
    for comment in (c for c in everything if c.parent is None):
        where, exists = location(workspace, comment.target, lang)
        text = comment.text + "".join(f"\n↳ {r.author} ({r.role}): {r.text}" for r in replies.get(comment.id, []))
        rows.append(
            {
                "no.": len(rows) + 1,
                "round": comment.round,
                "location": where if exists else t("review.where_removed", lang, where=where),
                "excerpt": comment.excerpt,
                "comment": text,
                "reviewer": comment.author,
                "role": comment.role,
                "status": comment.status,
                "response": comment.response,
            }
        )
    return rows


def matrix_headers(lang: str) -> tuple[str, ...]:
    """The matrix's column headers as people read them, in `lang`."""
    return tuple(t(f"matrix.{column.rstrip('.')}", lang) for column in MATRIX_COLUMNS)


def matrix_table(rows: list[dict], lang: str) -> list[dict]:
    """The rows as shown on screen and in the files: headers and statuses named in `lang`, stray
    bidi controls in what reviewers typed made harmless (`export.bidi.contain`)."""
    headers = matrix_headers(lang)
    names = {code: label("status", code, lang) for code in {row["status"] for row in rows if "status" in row}}
    if has_controls("".join([row[column] or "" for row in rows for column in TEXTS])):  # rare: typed or pasted
        rows = [{k: contain(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
    return [dict(zip(headers, (names[v] if k == "status" else v for k, v in row.items()), strict=True)) for row in rows]


def matrix_csv(rows: list[dict], lang: str = "en") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=matrix_headers(lang), lineterminator="\n")
    writer.writeheader()
    writer.writerows(spreadsheet_rows(matrix_table(rows, lang)))
    return out.getvalue().encode("utf-8-sig")


def matrix_xlsx(rows: list[dict], lang: str = "en") -> bytes:
    import pandas as pd
    from openpyxl.styles import Alignment, Font

    frame = pd.DataFrame(matrix_table(rows, lang), columns=matrix_headers(lang))
    buffer = io.BytesIO()
    sheet_name = t("review.comments_tab", lang)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet_name)
        sheet = writer.sheets[sheet_name]
        widths = {"A": 6, "B": 14, "C": 40, "D": 40, "E": 60, "F": 18, "G": 16, "H": 16, "I": 50}
        for column, width in widths.items():
            sheet.column_dimensions[column].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if cell.data_type == "f":  # openpyxl writes text starting with "=" as a formula: keep it text
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.sheet_view.rightToLeft = is_rtl(lang)  # column A on the right, as an Arabic reader expects
    return buffer.getvalue()


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, moved, retimed, edited
    path: str
    title: str
    detail: str = ""
    fields: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # (field, word diff)


def changes_since(root, workspace, curriculum_id: str, round_name: str, lang: str) -> list[Change]:
    """A structure-aware diff of the curriculum now against the round's frozen snapshot."""
    then = round_snapshot(root, curriculum_id, round_name)["items"]
    now = snapshot(workspace, curriculum_id)["items"]
    out: list[Change] = []
    for path, item in now.items():
        title = Text(item["title"]).get(lang)
        old = then.get(path)
        if old is None:
            out.append(Change("added", path, title))
            continue
        if old["parent"] != item["parent"] or old["position"] != item["position"]:
            out.append(Change("moved", path, title, f"{old['position'] + 1} → {item['position'] + 1}"))
        if old.get("minutes") != item.get("minutes") and item["kind"] == "activity":
            out.append(Change("retimed", path, title, f"{old.get('minutes')} → {item.get('minutes')} min"))
        fields = []
        for name, before, after in _texts(old, item, lang):
            if before != after:
                fields.append((name, tuple(word_diff(before, after))))
        if fields:
            out.append(Change("edited", path, title, "", tuple(fields)))
    for path, item in then.items():
        if path not in now:
            out.append(Change("removed", path, Text(item["title"]).get(lang)))
    return out


def _texts(old: dict, new: dict, lang: str):
    yield "title", old["title"].get(lang, ""), new["title"].get(lang, "")
    for name in dict.fromkeys([*old["texts"], *new["texts"]]):
        yield name, old["texts"].get(name, {}).get(lang, ""), new["texts"].get(name, {}).get(lang, "")


def diff_markup(pieces, markdown: bool = True) -> str:
    """A word diff as inline HTML (inside Markdown unless `markdown` is False): removed words
    struck through, added words in bold; the words themselves escaped."""
    import html

    out = []
    for op, text in pieces:
        safe = html.escape(text, quote=False).replace("\n", " ")
        if markdown:
            safe = safe.replace("*", "\\*").replace("_", "\\_")
        out.append(f"<del>{safe}</del>" if op == "removed" else f"<strong>{safe}</strong>" if op == "added" else safe)
    return "".join(out)


def changes_document(changes: list[Change], curriculum_title: str, round_name: str, lang: str):
    """The changes as a Document, for the HTML and PDF exporters."""
    from .export.document import Bullets, Document, Heading, Para, Table, bounded
    from .i18n import t

    title = t("review.changes_title", lang, round=round_name)
    blocks: list = [Heading(title, 1, "changes")]
    summary = [c for c in changes if c.kind != "edited"]
    if summary:
        # "3 → 4" is read left to right in every language: isolated, an Arabic page keeps its order
        detail = isolate if is_rtl(lang) else str
        rows = tuple((t(f"change.{c.kind}", lang), c.title, c.path, detail(c.detail)) for c in summary)
        blocks.append(Table(("", t("col.activity", lang), "id", ""), rows, (1.2, 3, 3, 1.2)))
    for change in (c for c in changes if c.kind == "edited"):
        blocks.append(Heading(f"{change.title} ({change.path})", 2, f"change-{change.path}"))
        blocks.append(Bullets(tuple(f"**{name}** : {diff_markup(pieces)}" for name, pieces in change.fields)))
    if not changes:
        blocks.append(Para(t("review.no_changes", lang)))
    return bounded(
        Document(
            title=curriculum_title,
            subtitle=title,
            lang=lang,
            meta=(),
            footer=f"{curriculum_title} — {title}",
            blocks=tuple(blocks),
            page_label=t("pack.page", lang, page="{page}", pages="{pages}"),
        )
    )
