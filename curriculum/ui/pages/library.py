"""Library: browse modules; edit fields, sessions and activities in the languages chosen, side by side;
every change saves safely."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from curriculum import edit
from curriculum.i18n import t
from curriculum.imports import import_file, module_zip
from curriculum.model import GROUPINGS, METHODS, PRIORITIES, PROFILES, THEMES
from curriculum.problems import ContentError
from curriculum.review import open_counts
from curriculum.ui.state import (
    actor,
    create,
    flash,
    label_of,
    lang,
    language_name,
    name_of,
    not_saved,
    root,
    save_or_explain,
    show_flashes,
    shown_languages,
    text_fields,
    title_inputs,
    tr,
    workspace,
)
from curriculum.usage import adaptations, curricula_using
from curriculum.workspace import delete

st.title(tr("library.title"))
L = lang()  # captured once: format_func callbacks may run outside the script run
ws = workspace()
if ws is None:
    st.stop()
show_flashes()


with st.expander(tr("library.new"), expanded=not ws.modules):
    new_id = st.text_input(tr("library.new_id"), key="library.new.id")
    new_title = title_inputs("library.new", ws)
    if st.button(tr("library.create"), key="library.create"):
        create(
            "modules",
            lambda: edit.new_module(new_id, edit.text(new_title), ws.modules),
            "library.select",
            "library.created",
        )

with st.expander(tr("library.import")):
    upload = st.file_uploader(tr("library.upload"), type=["yaml", "yml", "zip"], key="library.upload")
    on_clash = st.radio(
        tr("library.on_clash"),
        ["refuse", "replace", "rename"],
        format_func=label_of("library.clash_"),
        key="library.clash",
        horizontal=True,
    )
    new_name = st.text_input(tr("library.rename_to"), key="library.rename_to") if on_clash == "rename" else ""
    if upload is not None and st.button(tr("library.import_go"), key="library.import_go"):
        try:
            imported = import_file(
                root(), ws, upload.name, upload.getvalue(), on_clash == "replace", new_name.strip(), actor=actor()
            )
        except ContentError as exc:
            st.error(not_saved(exc))
        else:
            st.session_state["library.select"] = imported[0].id
            flash("success", tr("library.imported", ids=", ".join(m.id for m in imported)))
            st.rerun()

if not ws.modules:
    st.info(tr("library.empty"))
    st.stop()

st.caption(tr("library.intro"))
module_ids = sorted(ws.modules, key=lambda m: ws.modules[m].title.get(L))
if st.session_state.get("library.select") in module_ids:
    st.session_state["library.module"] = st.session_state.pop("library.select")
module_id = st.selectbox(
    tr("library.module"),
    module_ids,
    format_func=lambda m: ws.modules[m].title.get(L),
    key="library.module",
)
module = ws.modules[module_id]

# The revision the editor started from stays pinned until a save or a reload, so that a
# colleague's save shows up as a conflict instead of silently replacing the text typed here.
pins = st.session_state.setdefault("library.pins", {})
loaded = pins.setdefault(module_id, module.revision)
prefix = f"lib.{module_id}.{loaded}"
for key, value in st.session_state.pop("library.pending", {}).items():
    st.session_state[f"{prefix}.{key}"] = value

open_comments = open_counts(ws.root)


def _badge(path: str) -> str:
    n = open_comments.get(path, 0)
    # in option lists: text, no icon; in L, as format_func may run after the script run
    return f"  · {t('library.open_comments', L, n=n)}" if n else ""


with st.container(border=True):
    st.markdown(f"**{tr('library.impact')}** · {tr('common.revision', revision=module.revision)}")
    used = [ws.curricula[c].title.get(L) for c in curricula_using(ws, module_id)]
    st.caption(tr("library.used_by", ids=", ".join(used)) if used else tr("library.unused"))
    by_context: dict[str, list] = {}
    for adaptation in adaptations(ws, module_id):
        by_context.setdefault(adaptation.context, []).append(adaptation)
    if by_context:
        items = [
            tr("library.adaptation_count", context=name, n=len(a), stale=sum(x.state != "current" for x in a))
            for name, a in sorted((ws.contexts[c].name.get(L), a) for c, a in by_context.items())
        ]
        st.caption(tr("library.adapted_by", items=", ".join(items)))
    else:
        st.caption(tr("library.not_adapted"))
    if open_comments.get(module_id):
        st.caption(tr("library.comments", n=open_comments[module_id]))
    gaps = [p for p in ws.warnings if p.file == f"modules/{module_id}.yaml" and p.code == "translation_gap"]
    if gaps:
        st.warning(tr("library.gaps", n=len(gaps)))

shown = shown_languages(ws, "library.languages")  # side by side in every form below

with st.expander(tr("library.details"), expanded=False):
    title = text_fields(tr("common.title"), module.title, f"{prefix}.title", shown)
    summary = text_fields(tr("common.summary"), module.summary, f"{prefix}.summary", shown, area=True, height=120)
    themes = list(dict.fromkeys([*THEMES, "custom", module.theme]))
    theme = st.selectbox(
        tr("library.theme"),
        themes,
        index=themes.index(module.theme),
        format_func=name_of("theme"),
        key=f"{prefix}.theme",
    )
    audience = st.multiselect(
        tr("library.audience"),
        list(dict.fromkeys([*PROFILES, *module.audience])),
        default=list(module.audience),
        format_func=name_of("profile"),
        key=f"{prefix}.audience",
    )


def _edited():
    """The module as it stands on screen: the record plus every unsaved field typed here."""
    changed = replace(module, title=title, summary=summary, theme=theme, audience=tuple(audience))
    if session is None:
        return changed
    changed = edit.apply_activity_rows(changed, session.id, table.to_dict("records"))
    changed = edit.apply_cut_rows(changed, session.id, cuts.to_dict("records"))
    changed = edit.replace_session(changed, session.id, title=session_title, optional=session_optional)
    return edit.replace_activity(changed, session.id, activity.id, instructions=instructions, facilitator_notes=notes)


def _commit(change=None, **select) -> None:
    """Save what is on screen, with a structural change applied; refuse on conflict."""
    try:
        record = _edited()
        if change is not None:
            record = change(record)
    except ContentError as exc:
        st.error(not_saved(exc))
        return
    saved = save_or_explain("modules", record, loaded)
    if saved is not None:
        pins[module_id] = saved.revision
        st.session_state["library.pending"] = select
        st.rerun()


def _choice_column(label: str, kind: str, codes, width: int):
    """A grid column choosing one of `codes`, each shown by its name in the interface's language."""
    return st.column_config.SelectboxColumn(
        label, options=list(codes), format_func=name_of(kind), required=True, width=width
    )


def _check_now(apply, grid) -> None:
    """Apply a grid's rows to the module, to say what is wrong at once, not only when Save is clicked."""
    try:
        apply(module, session.id, grid.to_dict("records"))
    except ContentError as exc:
        st.error(not_saved(exc))


st.subheader(tr("library.sessions"))
session = activity = table = session_title = instructions = notes = cuts = session_optional = None
if not module.sessions:
    st.info(tr("library.no_sessions"))
else:
    session_id = st.selectbox(
        tr("library.session"),
        [s.id for s in module.sessions],
        format_func=lambda s: (
            f"{module.session(s).title.get(L)} — {module.session(s).minutes} min{_badge(f'{module_id}/{s}')}"
        ),
        key=f"{prefix}.session",
    )
    session = module.session(session_id)
    session_title = text_fields(tr("library.session_title"), session.title, f"{prefix}.{session_id}.title", shown)
    title_columns = {f"{edit.TITLE_COLUMN}{code}": code for code in shown}
    table = st.data_editor(
        pd.DataFrame(edit.activity_rows(session, tuple(shown))),
        # the languages shown are part of the key: another choice is another grid, not a reshaped one
        key=f"{prefix}.{'-'.join(shown)}.{session_id}.activities",
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        # the short columns first and every width set, so the whole grid fits a 1366-px laptop screen
        column_order=("id", "method", "minutes", "grouping", *title_columns),
        column_config={
            "id": st.column_config.TextColumn(tr("common.id"), disabled=True, width=110),
            **{
                column: st.column_config.TextColumn(tr("common.title_in", language=language_name(code)), width=220)
                for column, code in title_columns.items()
            },
            "method": _choice_column(tr("common.method"), "method", METHODS, 125),
            # no bounds here: the grid would clamp "-30" to 30 and "100000" to the maximum without a
            # word; the core refuses such minutes with a message saying what it accepts
            "minutes": st.column_config.NumberColumn(tr("common.minutes"), step=1, required=True, width=85),
            "grouping": _choice_column(tr("common.grouping"), "grouping", GROUPINGS, 120),
        },
    )
    _check_now(edit.apply_activity_rows, table)
    total = int(pd.to_numeric(table["minutes"], errors="coerce").fillna(0).sum())
    st.caption(tr("library.session_minutes", minutes=total))

    with st.expander(tr("library.cuts")):
        st.caption(tr("library.cuts_help"))
        session_optional = st.checkbox(
            tr("library.session_optional"), value=session.optional, key=f"{prefix}.{session_id}.optional"
        )
        cuts = st.data_editor(
            pd.DataFrame(edit.cut_rows(session, L)),
            key=f"{prefix}.{session_id}.cuts",
            hide_index=True,
            num_rows="fixed",
            width="stretch",
            column_order=("title", "minutes", "min_minutes", "optional", "priority"),
            column_config={
                "title": st.column_config.TextColumn(tr("library.cuts_activity"), disabled=True, width=300),
                "minutes": st.column_config.NumberColumn(tr("common.minutes"), disabled=True, width=85),
                "min_minutes": st.column_config.NumberColumn(tr("field.min_minutes"), step=5, width=130),
                "optional": st.column_config.CheckboxColumn(tr("field.optional"), width=90),
                "priority": _choice_column(tr("field.priority"), "priority", PRIORITIES, 110),
            },
        )
        _check_now(edit.apply_cut_rows, cuts)

    activity_id = st.selectbox(
        tr("library.activity"),
        [a.id for a in session.activities],
        format_func=lambda a: edit.find_activity(session, a).title.get(L) + _badge(f"{module_id}/{session_id}/{a}"),
        key=f"{prefix}.{session_id}.activity",
    )
    activity = edit.find_activity(session, activity_id)
    akey = f"{prefix}.{session_id}.{activity_id}"
    instructions = text_fields(
        tr("library.instructions"), activity.instructions, f"{akey}.instructions", shown, area=True, height=220
    )
    notes = text_fields(tr("library.notes"), activity.facilitator_notes, f"{akey}.notes", shown, area=True, height=160)

    with st.expander(tr("library.activity_actions")):
        cols = st.columns(4)
        if cols[0].button("↑ " + tr("library.move_up"), key="library.activity.up"):
            _commit(
                lambda m: edit.move_activity(m, session_id, activity_id, -1),
                **{f"{session_id}.activity": activity_id, "session": session_id},
            )
        if cols[1].button("↓ " + tr("library.move_down"), key="library.activity.down"):
            _commit(
                lambda m: edit.move_activity(m, session_id, activity_id, 1),
                **{f"{session_id}.activity": activity_id, "session": session_id},
            )
        if cols[2].button(tr("library.duplicate_activity"), key="library.activity.duplicate"):
            _commit(lambda m: edit.duplicate_activity(m, session_id, activity_id), session=session_id)
        if cols[3].button(tr("library.delete_activity"), key="library.activity.delete"):
            _commit(lambda m: edit.delete_activity(m, session_id, activity_id), session=session_id)
        new_activity = st.text_input(tr("library.new_activity_id"), key="library.activity.new_id")
        if st.button(tr("library.add_activity"), key="library.activity.add"):
            _commit(
                lambda m: edit.add_activity(m, session_id, new_activity.strip()),
                **{"session": session_id, f"{session_id}.activity": new_activity.strip()},
            )

with st.expander(tr("library.session_actions")):
    new_session = st.text_input(tr("library.new_session_id"), key="library.session.new_id")
    if st.button(tr("library.add_session"), key="library.session.add"):
        _commit(lambda m: edit.add_session(m, new_session.strip()), session=new_session.strip())
    if session is not None:
        if st.button(tr("library.duplicate_session"), key="library.session.duplicate"):
            _commit(lambda m: edit.duplicate_session(m, session.id))
        confirm = st.checkbox(tr("library.delete_session_confirm"), key="library.session.confirm")
        if st.button(tr("library.delete_session"), key="library.session.delete", disabled=not confirm):
            _commit(lambda m: edit.delete_session(m, session.id))

left, right = st.columns([1, 3])
if left.button(tr("common.save"), type="primary", key="library.save"):
    _commit()
if right.button(tr("common.reload"), key="library.reload"):
    pins.pop(module_id, None)
    for key in [k for k in st.session_state if str(k).startswith(prefix + ".")]:
        del st.session_state[key]
    st.rerun()

with st.expander(tr("library.share")):
    left, right = st.columns(2)
    left.download_button(
        tr("library.download_one"),
        module_zip([module]),
        f"{module_id}.zip",
        "application/zip",
        key="library.share.one",
        on_click="ignore",
    )
    if right.button(tr("library.prepare_all"), key="library.share.prepare"):
        st.session_state["library.all_zip"] = module_zip(list(ws.modules.values()))
    if "library.all_zip" in st.session_state:
        right.download_button(
            tr("library.download_all"),
            st.session_state["library.all_zip"],
            "modules.zip",
            "application/zip",
            key="library.share.all",
            on_click="ignore",
        )

with st.expander(tr("library.actions")):
    copy_id = st.text_input(tr("library.duplicate_id"), value=f"{module_id}-copy", key=f"library.{module_id}.copy_id")
    if st.button(tr("library.duplicate"), key="library.duplicate"):
        create(
            "modules",
            lambda: edit.duplicate_module(_edited(), copy_id, ws.modules),
            "library.select",
            "library.created",
        )
    confirmed = st.checkbox(tr("library.delete_confirm", name=module.title.get(L)), key=f"library.{module_id}.confirm")
    if st.button(tr("library.delete"), key="library.delete", disabled=not confirmed):
        try:
            delete(root(), "modules", module_id, loaded_revision=loaded, actor=actor())
        except ContentError as exc:
            st.error(not_saved(exc))
        else:
            pins.pop(module_id, None)
            st.session_state.pop("library.module", None)
            flash("success", tr("library.deleted", name=module.title.get(L)))
            st.rerun()
