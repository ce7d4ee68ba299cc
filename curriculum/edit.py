"""Pure edits of records: each returns a new record, nothing is written here.

The pages collect what the user typed and call these; `workspace.save` then writes the
result safely. Problems with the typed values raise ContentError with a readable reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .i18n import t
from .languages import DEFAULT as DEFAULT_LANGUAGE
from .messages import ID_OF
from .model import (
    EMPTY,
    PRIORITIES,
    Activity,
    Context,
    Glossary,
    Module,
    Pause,
    ProtectedTime,
    Session,
    Substitution,
    Text,
)
from .problems import ContentError, UnknownIdError


def text(values: dict, base: Text = EMPTY) -> Text:
    """`base` with the languages typed in `values` (language code -> text) set: a language a
    form did not show keeps its text, a cleared one is removed."""
    for lang, value in values.items():
        base = base.replace(lang, str(value or "").strip("\n"))
    return base


TITLE_COLUMN = "title_"  # activity rows: one `title_<language>` column per language shown


def _titles(row: dict, base: Text) -> Text:
    typed = {key[len(TITLE_COLUMN) :]: value for key, value in row.items() if key.startswith(TITLE_COLUMN)}
    return text({lang: value for lang, value in typed.items() if isinstance(value, str) or value is None}, base)


def replace_session(module: Module, session_id: str, **changes) -> Module:
    _session(module, session_id)
    sessions = tuple(replace(s, **changes) if s.id == session_id else s for s in module.sessions)
    return replace(module, sessions=sessions)


def replace_activity(module: Module, session_id: str, activity_id: str, **changes) -> Module:
    session = _session(module, session_id)
    if not any(a.id == activity_id for a in session.activities):
        raise UnknownIdError.coded("no_such_activity", session=session_id, activity=activity_id)
    activities = tuple(replace(a, **changes) if a.id == activity_id else a for a in session.activities)
    return replace_session(module, session_id, activities=activities)


def _rows_with_activities(module: Module, session_id: str, rows: list[dict]):
    """(row number from 1, row, the activity it names) for each table row; an unknown id is refused."""
    by_id = {a.id: a for a in _session(module, session_id).activities}
    for number, row in enumerate(rows, start=1):
        activity = by_id.get(row.get("id"))
        if activity is None:
            raise UnknownIdError.coded("row_unknown_activity", number=number, id=row.get("id"))
        yield number, row, activity


def apply_activity_rows(module: Module, session_id: str, rows: list[dict]) -> Module:
    """Apply table rows {id, title_<language>…, method, minutes, grouping} to a session's activities
    (a language without a column keeps its titles)."""
    activities = []
    for number, row, activity in _rows_with_activities(module, session_id, rows):
        minutes = _minutes(row.get("minutes"), number, activity.title)
        activities.append(
            replace(
                activity,
                title=_titles(row, activity.title),
                method=row.get("method") or activity.method,
                grouping=row.get("grouping") or activity.grouping,
                minutes=minutes,
            )
        )
    return replace_session(module, session_id, activities=tuple(activities))


MOST_MINUTES = 480  # an activity longer than a full day is a typing slip


def _minutes(value, number: int, title: Text) -> int:
    try:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise ValueError
        minutes = int(value)
        if minutes != value or not 0 < minutes <= MOST_MINUTES:
            raise ValueError
    except (TypeError, ValueError):
        raise ContentError.coded("row_minutes", number=number, title=title, value=value, most=MOST_MINUTES) from None
    return minutes


def cut_rows(session: Session, lang: str) -> list[dict]:
    """What a fit may cut in a session's activities, one row each: {id, title, minutes,
    min_minutes (0 when none), optional, priority}."""
    return [
        {
            "id": a.id,
            "title": a.title.get(lang),
            "minutes": a.minutes,
            "min_minutes": a.min_minutes or 0,
            "optional": a.optional,
            "priority": a.priority,
        }
        for a in session.activities
    ]


def apply_cut_rows(module: Module, session_id: str, rows: list[dict]) -> Module:
    """Apply rows of `cut_rows` (min_minutes 0 or blank: none) to a session's activities."""
    activities = []
    for number, row, activity in _rows_with_activities(module, session_id, rows):
        shortest = _shortest(row.get("min_minutes"), number, activity)
        priority = row.get("priority") or activity.priority
        if priority not in PRIORITIES:
            raise ContentError.coded("row_priority", number=number, title=activity.title, value=priority)
        activities.append(
            replace(activity, min_minutes=shortest, optional=bool(row.get("optional")), priority=priority)
        )
    return replace_session(module, session_id, activities=tuple(activities))


def _shortest(value, number: int, activity: Activity) -> int | None:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        shortest = int(value)
        if shortest != value or not 0 <= shortest <= activity.minutes:
            raise ValueError
    except (TypeError, ValueError):
        raise ContentError.coded(
            "row_min_minutes", number=number, title=activity.title, value=value, minutes=activity.minutes
        ) from None
    return shortest or None


def _session(module: Module, session_id: str) -> Session:
    session = module.session(session_id)
    if session is None:
        raise UnknownIdError.coded("no_such_session", module=module.id, session=session_id)
    return session


def activity_rows(session: Session, languages: tuple[str, ...] = ()) -> list[dict]:
    """One row per activity, with a `title_<language>` column for each of `languages` (by
    default, the languages its titles are written in)."""
    if not languages:
        languages = tuple(dict.fromkeys(lang for a in session.activities for lang in a.title.languages))
    return [
        {
            "id": a.id,
            **{f"{TITLE_COLUMN}{lang}": a.title.get(lang) if lang in a.title else "" for lang in languages},
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
    raise UnknownIdError.coded("no_such_activity", session=session.id, activity=activity_id)


# --- structure: modules, sessions and activities ----------------------------------------


def _check_id(new_id: str, taken, what: str) -> str:
    from .records import SLUG

    new_id = (new_id or "").strip()
    if not SLUG.match(new_id):
        raise ContentError.coded("bad_new_id", id=new_id, what=ID_OF[what])
    if new_id in taken:
        raise ContentError.coded("id_taken", what=ID_OF[what], id=new_id)
    return new_id


def _free_id(base: str, taken) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _after(items: tuple, anchor_id: str, new) -> tuple:
    """`items` with `new` inserted right after the item whose id is `anchor_id`."""
    out = []
    for item in items:
        out.append(item)
        if item.id == anchor_id:
            out.append(new)
    return tuple(out)


def _interface_text(key: str, languages) -> Text:
    """The interface string `key` in each of `languages` (new records' placeholder titles)."""
    return Text({lang: t(key, lang) for lang in languages})


def blank_activity(activity_id: str, languages=()) -> Activity:
    """A new activity titled in `languages` (by default, the interface's English)."""
    title = _interface_text("edit.new_activity", languages or (DEFAULT_LANGUAGE,))
    return Activity(id=activity_id, title=title, method="discussion", minutes=15)


def new_module(module_id: str, title: Text, taken=()) -> Module:
    """A module with one session and one activity, titled in the languages of `title`."""
    module_id = _check_id(module_id, taken, "module")
    languages = title.languages or (DEFAULT_LANGUAGE,)
    session = Session(
        id="session-1",
        title=_interface_text("edit.first_session", languages),
        activities=(blank_activity("activity-1", languages),),
    )
    return Module(id=module_id, revision=1, title=title, summary=Text(), sessions=(session,))


def copy_title(title: Text) -> Text:
    """`title` marked as a copy, in every language it has ("… (copie)", "… (copy)")."""
    return Text((lang, value + t("edit.copy_suffix", lang)) for lang, value in title.items())


def duplicate_module(module: Module, new_id: str, taken=()) -> Module:
    new_id = _check_id(new_id, taken, "module")
    return replace(module, id=new_id, revision=1, title=copy_title(module.title))


def add_session(module: Module, session_id: str) -> Module:
    session_id = _check_id(session_id, {s.id for s in module.sessions}, "session")
    languages = module.title.languages
    session = Session(
        id=session_id,
        title=_interface_text("edit.new_session", languages or (DEFAULT_LANGUAGE,)),
        activities=(blank_activity("activity-1", languages),),
    )
    return replace(module, sessions=module.sessions + (session,))


def duplicate_session(module: Module, session_id: str) -> Module:
    session = _session(module, session_id)
    copy = replace(session, id=_free_id(f"{session_id}-copy", {s.id for s in module.sessions}))
    return replace(module, sessions=_after(module.sessions, session_id, copy))


def delete_session(module: Module, session_id: str) -> Module:
    _session(module, session_id)
    return replace(module, sessions=tuple(s for s in module.sessions if s.id != session_id))


def add_activity(module: Module, session_id: str, activity_id: str) -> Module:
    session = _session(module, session_id)
    activity_id = _check_id(activity_id, {a.id for a in session.activities}, "activity")
    return replace_session(module, session_id, activities=session.activities + (blank_activity(activity_id),))


def duplicate_activity(module: Module, session_id: str, activity_id: str) -> Module:
    session = _session(module, session_id)
    original = find_activity(session, activity_id)
    copy = replace(original, id=_free_id(f"{activity_id}-copy", {a.id for a in session.activities}))
    return replace_session(module, session_id, activities=_after(session.activities, activity_id, copy))


def delete_activity(module: Module, session_id: str, activity_id: str) -> Module:
    session = _session(module, session_id)
    find_activity(session, activity_id)
    if len(session.activities) == 1:
        raise ContentError.coded("last_activity")
    return replace_session(module, session_id, activities=tuple(a for a in session.activities if a.id != activity_id))


def move_activity(module: Module, session_id: str, activity_id: str, step: int) -> Module:
    """Move an activity up (step -1) or down (+1) within its session; at an end nothing moves."""
    session = _session(module, session_id)
    activities = list(session.activities)
    index = next(i for i, a in enumerate(activities) if a.id == find_activity(session, activity_id).id)
    target = index + step
    if not 0 <= target < len(activities):
        return module
    activities[index], activities[target] = activities[target], activities[index]
    return replace_session(module, session_id, activities=tuple(activities))


# --- contexts --------------------------------------------------------------------------


def new_context(context_id: str, name: Text, taken=()) -> Context:
    """A context working in the languages its name is given in, the first one by default."""
    context_id = _check_id(context_id, taken, "context")
    languages = name.languages
    return Context(
        id=context_id, revision=1, name=name, languages=languages, default_language=languages[0] if languages else ""
    )


NO_GLOSSARY = Glossary()


def glossary_from_rows(rows_by_lang: dict[str, list[dict]], base: Glossary = NO_GLOSSARY) -> Glossary:
    """`base` with the entries of each language typed as table rows {term, replace}; rows
    without a term are dropped; a language without rows here keeps its entries."""
    for lang, rows in rows_by_lang.items():
        base = base.replace(
            lang,
            (
                Substitution(str(r.get("term") or "").strip(), str(r.get("replace") or "").strip())
                for r in rows
                if str(r.get("term") or "").strip()
            ),
        )
    return base


# --- table rows typed in the pages ---------------------------------------------------------


_TYPED_CLOCK = re.compile(r"(\d{1,2})\s*[:hH.]\s*(\d{2})?")


def typed_clock(value) -> str:
    """A time of day as people type it in the app (08:30, 8:30, 8h30, 8h, 08.30) as HH:MM; empty
    stays empty; anything else is refused with advice that fits a form, not a YAML file."""
    text = str(value or "").strip()
    if not text:
        return ""
    match = _TYPED_CLOCK.fullmatch(text)
    hours, minutes = (int(match[1]), int(match[2] or 0)) if match else (99, 99)
    if hours > 23 or minutes > 59:
        raise ContentError.coded("typed_clock", value=text)
    return f"{hours:02d}:{minutes:02d}"


def _clock(value) -> str:
    try:
        return typed_clock(value)
    except ContentError:
        return ""


def breaks_from_rows(rows: list[dict]) -> tuple[tuple[Pause, ...], list[tuple[int, str]]]:
    """Breaks from table rows {start, minutes}, in clock order, and the (row, value) of rows that are not."""
    breaks, bad = [], []
    for number, row in enumerate(rows, start=1):
        start, minutes = _clock(row.get("start")) or str(row.get("start") or "").strip(), row.get("minutes")
        usable = (
            isinstance(minutes, (int, float)) and not isinstance(minutes, bool) and minutes == minutes and minutes > 0
        )
        if _clock(start) and usable:
            breaks.append(Pause(start, int(minutes)))
        elif start or (usable and minutes):
            bad.append((number, start))
    return tuple(sorted(breaks, key=lambda b: b.start)), bad


LABEL_COLUMN = "label_"  # protected times: one `label_<language>` column per language


def protected_from_rows(rows: list[dict]) -> tuple[tuple[ProtectedTime, ...], list[tuple[int, str]]]:
    """Protected times from rows {start, end, days ("1, 3"), label_<language>…}, and the rows that are not."""
    times, bad = [], []
    for number, row in enumerate(rows, start=1):
        start, end = str(row.get("start") or "").strip(), str(row.get("end") or "").strip()
        if not (start or end):
            continue
        if not (_clock(start) and _clock(end)):
            bad.append((number, end if _clock(start) else start))
            continue
        start, end = _clock(start), _clock(end)
        days = tuple(
            int(d)
            for d in str(row.get("days") or "").replace(";", ",").split(",")
            if d.strip().isascii() and d.strip().isdigit()
        )
        label = Text(
            {key[len(LABEL_COLUMN) :]: str(value or "") for key, value in row.items() if key.startswith(LABEL_COLUMN)}
        )
        times.append(ProtectedTime(start, end, label, days))
    return tuple(times), bad
