"""Composer: pick modules and sessions, order them, set the days, watch the agenda."""

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from curriculum import compose, edit
from curriculum.agenda import agenda_rows, session_label
from curriculum.export.markup import inert_links
from curriculum.fit import apply as apply_fit
from curriculum.fit import fit, summary, target_title
from curriculum.model import MAX_DAYS, MAX_PAUSE_MINUTES, METHODS, Pause
from curriculum.problems import ContentError
from curriculum.resolve import resolve_records
from curriculum.ui.state import (
    actor,
    contexts_by_name,
    flash,
    lang,
    not_saved,
    pick_curriculum,
    root,
    save_or_explain,
    show_flashes,
    title_inputs,
    tr,
    workspace,
)
from curriculum.workspace import delete, save

st.title(tr("composer.title"))
L = lang()  # captured once: format_func callbacks may run outside the script run
ws = workspace()
if ws is None:
    st.stop()
if not ws.modules:
    st.info(tr("composer.no_modules"))
    st.stop()
st.caption(tr("composer.intro"))
show_flashes()

drafts = st.session_state.setdefault("composer.drafts", {})  # id -> {"record", "loaded", "gen"}
if "composer.select" in st.session_state:
    st.session_state["composer.pick"] = st.session_state.pop("composer.select")


def _create(new_id: str, titles: dict) -> None:
    try:
        record = compose.new_curriculum(new_id.strip(), edit.text(titles), next(iter(sorted(ws.contexts)), ""))
        saved = save(root(), "curricula", record, loaded_revision=None, actor=actor())
    except ContentError as exc:
        flash("error", not_saved(exc))
        return
    drafts.pop(saved.id, None)
    st.session_state["composer.select"] = saved.id
    flash("success", tr("composer.created", name=saved.title.get(L)))


def _duplicate(source, new_id: str) -> None:
    try:
        saved = save(
            root(), "curricula", compose.duplicate(source, new_id.strip()), loaded_revision=None, actor=actor()
        )
    except ContentError as exc:
        flash("error", not_saved(exc))
        return
    st.session_state["composer.select"] = saved.id
    flash("success", tr("composer.created", name=saved.title.get(L)))


with st.expander(tr("composer.new"), expanded=not ws.curricula):
    new_id = st.text_input(tr("composer.new_id"), key="composer.new.id")
    new_titles = title_inputs("composer.new", ws)
    st.button(tr("composer.create"), key="composer.create", on_click=_create, args=(new_id, new_titles))

if not ws.curricula:
    st.info(tr("composer.empty"))
    st.stop()

curriculum_id = pick_curriculum(st, tr("composer.curriculum"), ws, "composer.pick")  # full width: long titles
on_disk = ws.curricula[curriculum_id]
draft = drafts.setdefault(curriculum_id, {"record": on_disk, "loaded": on_disk.revision, "gen": 0})
record = draft["record"]
contexts = [""] + contexts_by_name(ws)
NONE_LABEL = tr("composer.none")
default_context = record.default_context if record.default_context in ws.contexts else ""
context_id = st.columns(2)[0].selectbox(
    tr("composer.context"),
    contexts,
    index=contexts.index(default_context),
    format_func=lambda c: ws.contexts[c].name.get(L) if c else NONE_LABEL,
    key=f"composer.{curriculum_id}.context",
)
prefix = f"composer.{curriculum_id}.{draft['loaded']}.{draft['gen']}"


def _update(change, *args) -> None:
    draft["record"] = change(draft["record"], *args)


def _sessions_changed(index: int, key: str, all_sessions: list[str]) -> None:
    _update(compose.set_sessions, index, st.session_state[key], all_sessions)


# --- modules and sessions ---------------------------------------------------------------
st.subheader(tr("composer.modules"))
if not record.items:
    st.info(tr("composer.no_items"))
for index, item in enumerate(record.items):
    module = ws.modules.get(item.module)
    row = st.columns([6, 1, 1, 1], vertical_alignment="bottom")
    if module is None:
        row[0].warning(tr("composer.missing_module", id=item.module))
    else:
        all_sessions = [s.id for s in module.sessions]
        key = f"{prefix}.{item.module}.{index}.sessions"
        row[0].multiselect(
            tr("composer.sessions_of", module=module.title.get(L)),
            all_sessions,
            default=list(item.sessions or all_sessions),
            format_func=lambda s, m=module: f"{m.session(s).title.get(L)} ({m.session(s).minutes} min)",
            key=key,
            on_change=_sessions_changed,
            args=(index, key, all_sessions),
        )
    row[1].button(
        "↑",
        key=f"{prefix}.{index}.up",
        help=tr("composer.up"),
        on_click=_update,
        args=(compose.move_item, index, -1),
        disabled=index == 0,
    )
    row[2].button(
        "↓",
        key=f"{prefix}.{index}.down",
        help=tr("composer.down"),
        on_click=_update,
        args=(compose.move_item, index, 1),
        disabled=index == len(record.items) - 1,
    )
    row[3].button(
        "✕",
        key=f"{prefix}.{index}.remove",
        help=tr("composer.remove"),
        on_click=_update,
        args=(compose.remove_item, index),
    )

add_left, add_right = st.columns([6, 3], vertical_alignment="bottom")
to_add = add_left.selectbox(
    tr("composer.add_module"),
    sorted(ws.modules, key=lambda m: ws.modules[m].title.get(L)),
    format_func=lambda m: ws.modules[m].title.get(L),
    key=f"{prefix}.add",
)
add_right.button(tr("composer.add"), key="composer.add", on_click=_update, args=(compose.add_item, to_add))

# --- days -------------------------------------------------------------------------------
st.subheader(tr("composer.days_settings"))


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


schedule = record.schedule
cols = st.columns(5)
days = cols[0].number_input(
    tr("composer.days"), min_value=1, max_value=MAX_DAYS, value=schedule.days, key=f"{prefix}.days"
)
day_start = cols[1].time_input(tr("composer.day_start"), _time(schedule.day_start), step=300, key=f"{prefix}.start")
day_end = cols[2].time_input(tr("composer.day_end"), _time(schedule.day_end), step=300, key=f"{prefix}.end")
lunch = schedule.lunch or Pause("12:30", 60)
lunch_start = cols[3].time_input(tr("composer.lunch_start"), _time(lunch.start), step=300, key=f"{prefix}.lunch")
lunch_minutes = cols[4].number_input(
    tr("composer.lunch_minutes"),
    min_value=0,
    max_value=MAX_PAUSE_MINUTES,
    step=5,
    value=lunch.minutes if schedule.lunch else 0,
    key=f"{prefix}.lunch_minutes",
)
breaks_table = st.data_editor(
    pd.DataFrame([{"start": b.start, "minutes": b.minutes} for b in schedule.breaks], columns=["start", "minutes"]),
    num_rows="dynamic",
    hide_index=True,
    key=f"{prefix}.breaks",
    column_config={
        "start": st.column_config.TextColumn(tr("composer.break_start"), validate=r"^\d{2}:\d{2}$"),
        "minutes": st.column_config.NumberColumn(tr("common.minutes"), min_value=5, max_value=120, step=5),
    },
)
breaks, bad_rows = edit.breaks_from_rows(breaks_table.to_dict("records"))
for number, value in bad_rows:
    st.warning(tr("composer.bad_break", row=number, value=value))
record = compose.set_schedule(
    record,
    days=int(days),
    day_start=day_start.strftime("%H:%M"),
    day_end=day_end.strftime("%H:%M"),
    breaks=breaks,
    lunch=Pause(lunch_start.strftime("%H:%M"), int(lunch_minutes)) if lunch_minutes else None,
)
draft["record"] = record

# --- agenda -----------------------------------------------------------------------------
context = ws.contexts.get(context_id)
programme = resolve_records(record, context, ws.modules, L, ws.languages)
rows = agenda_rows(programme)
st.subheader(tr("composer.agenda"))
table = pd.DataFrame(
    rows, columns=["day", "start", "end", "kind", "module", "session", "activity", "title", "method", "minutes"]
)
shown = table.assign(
    activity=table["title"],
    method=table["method"].map(lambda m: tr(f"method.{m}") if m else ""),
    session=[session_label(row, L) for row in rows],  # "(continued)" where a session resumes after a pause
)
AGENDA_WIDTHS = {"day": 45, "start": 60, "end": 60, "session": 230, "activity": 290, "method": 120, "minutes": 70}
st.dataframe(
    shown[list(AGENDA_WIDTHS)],
    hide_index=True,
    width="stretch",
    key="composer.agenda",
    column_config={c: st.column_config.Column(tr(f"col.{c}"), width=w) for c, w in AGENDA_WIDTHS.items()},
)

# ten methods, then break and lunch (greys): colour-blind-safe Tableau tones
TIMELINE_COLOURS = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf",
    "#bab0ac", "#79706e",
]  # fmt: skip
if rows:
    st.subheader(tr("composer.timeline"))
    base = dt.datetime(2000, 1, 1)
    chart_data = shown.assign(
        begin=[base + dt.timedelta(hours=int(r["start"][:2]), minutes=int(r["start"][3:])) for r in rows],
        finish=[base + dt.timedelta(hours=int(r["end"][:2]), minutes=int(r["end"][3:])) for r in rows],
        label=[tr("agenda.day", day=r["day"]) for r in rows],
        colour=[tr(f"method.{r['method']}") if r["method"] else tr(f"agenda.{r['kind']}") for r in rows],
    )
    chart = (
        alt.Chart(chart_data)
        .mark_bar()
        .encode(
            x=alt.X("begin:T", title=None, axis=alt.Axis(format="%H:%M")),
            x2="finish:T",
            y=alt.Y("label:N", title=None, sort=None),
            # one colour per code whatever the language: the domain lists the names in the codes' order
            color=alt.Color(
                "colour:N",
                title=tr("col.method"),
                scale=alt.Scale(
                    domain=[tr(f"method.{m}") for m in METHODS] + [tr("agenda.break"), tr("agenda.lunch")],
                    range=TIMELINE_COLOURS,
                ),
                legend=alt.Legend(orient="bottom", columns=4, labelLimit=220),
            ),
            tooltip=[
                alt.Tooltip("title:N", title=tr("col.activity")),
                alt.Tooltip("start:N", title=tr("col.start")),
                alt.Tooltip("end:N", title=tr("col.end")),
                alt.Tooltip("minutes:Q", title=tr("col.minutes")),
            ],
        )
        .properties(height=40 * max(1, len(programme.days)) + 130)  # the legend below shares this height
    )
    st.altair_chart(chart, width="stretch")

# one above the other, each the page's width: side by side the module titles pushed columns out of sight
for name, totals in (("day", compose.totals_per_day), ("module", compose.totals_per_module)):
    st.caption(tr(f"composer.totals_{name}"))
    frame = pd.DataFrame(totals(programme))
    st.dataframe(
        frame.rename(columns={c: tr(f"col.{c}") for c in frame.columns}),
        hide_index=True,
        width="stretch",
        key=f"composer.totals_{name}",
    )

st.subheader(tr("composer.warnings"))
if programme.warnings:
    for warning in programme.warnings:
        st.warning(inert_links(warning))
else:
    st.success(tr("composer.no_warnings"))

# --- fit to the days (issue 14: a proposal beside the agenda, applied as the context's adaptations) ---
st.subheader(tr("fit.title"))
if context is None:
    st.info(tr("fit.no_context"))
else:
    # fitting replans the days many times: keep the last proposal while nothing it reads has changed
    used = tuple(ws.modules.get(item.module) for item in record.items)  # the records themselves (held here)
    key = (record, context, tuple(map(id, used)), L)
    cached = st.session_state.get("composer.fit.last")
    if cached is None or cached[0] != key:
        cached = st.session_state["composer.fit.last"] = (
            key,
            used,
            fit(record, context, ws.modules, L, workspace_languages=ws.languages),
        )
    proposal = cached[2]
    (st.success if proposal.fits and not proposal.changes else st.info if proposal.fits else st.warning)(
        summary(proposal, L)
    )
    if proposal.changes:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        tr("fit.col.change"): tr(f"fit.kind.{c.kind}"),
                        tr("fit.col.target"): record.title.get(L)
                        if c.kind == "missing"
                        else target_title(c.target, ws.modules, L),
                        tr("fit.col.before"): c.minutes_before,
                        tr("fit.col.after"): c.minutes_after,
                    }
                    for c in proposal.changes
                ]
            ),
            hide_index=True,
            key="composer.fit.changes",
        )
    cuts = [c for c in proposal.changes if c.kind in ("shorten", "drop")]
    if cuts:
        st.caption(tr("fit.scope", context=context.name.get(L)))
        if record != on_disk:
            st.caption(tr("fit.unsaved_draft"))
        if st.button(tr("fit.apply"), key="composer.fit.apply"):
            saved_context = save_or_explain(
                "contexts", apply_fit(context, proposal.changes, ws.modules), context.revision
            )
            if saved_context is not None:
                flash("success", tr("fit.applied", context=saved_context.name.get(L), count=len(cuts)))
                st.rerun()

# --- save, discard, duplicate, delete ------------------------------------------------------
if record != on_disk or draft["loaded"] != on_disk.revision:
    st.caption(tr("composer.unsaved"))
save_col, revert_col = st.columns(2)
if save_col.button(tr("common.save"), type="primary", key="composer.save"):
    saved = save_or_explain("curricula", record, draft["loaded"])
    if saved is not None:
        drafts[curriculum_id] = {"record": saved, "loaded": saved.revision, "gen": draft["gen"] + 1}
        st.rerun()
if revert_col.button(tr("composer.revert"), key="composer.revert"):
    drafts[curriculum_id] = {"record": on_disk, "loaded": on_disk.revision, "gen": draft["gen"] + 1}
    st.rerun()

with st.expander(tr("composer.duplicate")):
    copy_id = st.text_input(
        tr("composer.duplicate_id"), value=f"{curriculum_id}-copy", key=f"composer.{curriculum_id}.copy_id"
    )
    st.button(tr("composer.duplicate_go"), key="composer.duplicate", on_click=_duplicate, args=(record, copy_id))

with st.expander(tr("composer.delete")):
    confirmed = st.checkbox(
        tr("composer.delete_confirm", name=on_disk.title.get(L)), key=f"composer.{curriculum_id}.confirm"
    )
    if st.button(tr("composer.delete_go"), key="composer.delete", disabled=not confirmed):
        try:
            delete(root(), "curricula", curriculum_id, loaded_revision=draft["loaded"], actor=actor())
        except ContentError as exc:
            st.error(not_saved(exc))
        else:
            drafts.pop(curriculum_id, None)
            st.session_state.pop("composer.pick", None)
            flash("success", tr("composer.deleted", name=on_disk.title.get(L)))
            st.rerun()
