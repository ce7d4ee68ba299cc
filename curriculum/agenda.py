"""The agenda of a Programme as rows: for tables on screen, CSV and the command line."""

from __future__ import annotations

from .i18n import t
from .resolve import Programme
from .schedule import clock

COLUMNS = ("day", "start", "end", "kind", "module", "session", "activity", "title", "method", "minutes", "continued")


def agenda_rows(programme: Programme) -> list[dict]:
    """One row per slot, in clock order (a pause between the activities it interrupts), with
    the session titles of activities; `continued` is 1 on the first activity of a session
    resumed after a pause or a night."""
    sessions = {(s.module, s.id): s.title for s in programme.sessions}
    rows = []
    for number, slots in enumerate(programme.days, start=1):
        for slot in slots:
            title = slot.title or t(f"agenda.{slot.kind}", programme.lang)
            rows.append(
                {
                    "day": number,
                    "start": clock(slot.start),
                    "end": clock(slot.end),
                    "kind": slot.kind,
                    "module": slot.module,
                    "session": sessions.get((slot.module, slot.session), ""),
                    "activity": slot.activity,
                    "title": title,
                    "method": slot.method,
                    "minutes": slot.minutes,
                    "continued": int(slot.continued),
                }
            )
    return rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """A cell value a spreadsheet shows as typed: text that a spreadsheet would read as a formula
    (`=HYPERLINK(…)`, `+1`, `@SUM`) gets a leading apostrophe, as OWASP advises for CSV."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def spreadsheet_rows(rows: list[dict]) -> list[dict]:
    return [{key: spreadsheet_text(value) for key, value in row.items()} for row in rows]


def session_label(row: dict, lang: str) -> str:
    """The session's title, followed by "(continued)" where it resumes after a pause."""
    if row["kind"] != "activity":
        return ""
    return f"{row['session']} {t('agenda.continued', lang)}" if row["continued"] else row["session"]


def agenda_table(programme: Programme) -> str:
    """A plain-text table for terminals."""
    lang = programme.lang
    lines = [f"{programme.title} — {programme.context_name} ({lang})"]
    current, session = None, None
    for row in agenda_rows(programme):
        if row["day"] != current:
            current, session = row["day"], None
            lines.append("")
            lines.append(t("agenda.day", lang, day=current))
        if row["kind"] == "activity" and (row["session"] != session or row["continued"]):
            session = row["session"]
            lines.append(f"  [{session}]" + (f" {t('agenda.continued', lang)}" if row["continued"] else ""))
        label = row["title"] if row["kind"] == "activity" else f"— {row['title']} —"
        method = row["method"] and t(f"method.{row['method']}", lang)
        lines.append(f"  {row['start']}–{row['end']}  {row['minutes']:>3} min  {label:<58.58} {method}")
    return "\n".join(lines)
