"""Pure edits of records: each returns a new record, nothing is written here.

The pages collect what the user typed and call these; `workspace.save` then writes the
result safely. Problems with the typed values raise ContentError with a readable reason.
"""

from __future__ import annotations

import math
from dataclasses import replace

from .model import Activity, Module, Session, Text
from .problems import ContentError, UnknownIdError


def text(values: dict) -> Text:
    return Text(fr=(values.get("fr") or "").strip("\n"), en=(values.get("en") or "").strip("\n"))


def replace_session(module: Module, session_id: str, **changes) -> Module:
    _session(module, session_id)
    sessions = tuple(replace(s, **changes) if s.id == session_id else s for s in module.sessions)
    return replace(module, sessions=sessions)


def replace_activity(module: Module, session_id: str, activity_id: str, **changes) -> Module:
    session = _session(module, session_id)
    if not any(a.id == activity_id for a in session.activities):
        raise UnknownIdError(f"session '{session_id}' has no activity '{activity_id}'")
    activities = tuple(replace(a, **changes) if a.id == activity_id else a for a in session.activities)
    return replace_session(module, session_id, activities=activities)


def apply_activity_rows(module: Module, session_id: str, rows: list[dict]) -> Module:
    """Apply table rows {id, title_fr, title_en, method, minutes, grouping} to a session's activities."""
    session = _session(module, session_id)
    by_id = {a.id: a for a in session.activities}
    activities = []
    for number, row in enumerate(rows, start=1):
        activity = by_id.get(row.get("id"))
        if activity is None:
            raise UnknownIdError(f"row {number}: unknown activity '{row.get('id')}'")
        minutes = _minutes(row.get("minutes"), number, activity.title.get("en"))
        activities.append(
            replace(
                activity,
                title=Text(fr=row.get("title_fr") or "", en=row.get("title_en") or ""),
                method=row.get("method") or activity.method,
                grouping=row.get("grouping") or activity.grouping,
                minutes=minutes,
            )
        )
    return replace_session(module, session_id, activities=tuple(activities))


def _minutes(value, number: int, title: str) -> int:
    try:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise ValueError
        minutes = int(value)
        if minutes != value or minutes <= 0:
            raise ValueError
    except (TypeError, ValueError):
        raise ContentError(
            f"row {number} ({title}): minutes must be a whole number above 0, found '{value}' — type e.g. 30"
        ) from None
    return minutes


def _session(module: Module, session_id: str) -> Session:
    session = module.session(session_id)
    if session is None:
        raise UnknownIdError(f"module '{module.id}' has no session '{session_id}'")
    return session


def activity_rows(session: Session) -> list[dict]:
    return [
        {
            "id": a.id,
            "title_fr": a.title.fr,
            "title_en": a.title.en,
            "method": a.method,
            "minutes": a.minutes,
            "grouping": a.grouping,
        }
        for a in session.activities
    ]


def find_activity(session: Session, activity_id: str) -> Activity:
    for activity in session.activities:
        if activity.id == activity_id:
            return activity
    raise UnknownIdError(f"session '{session.id}' has no activity '{activity_id}'")
