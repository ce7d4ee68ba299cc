"""Library: browse modules, edit a module's fields, sessions and activities, save safely."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from curriculum import edit
from curriculum.model import GROUPINGS, METHODS, PROFILES
from curriculum.problems import ConflictError, ContentError
from curriculum.ui.state import lang, root, text_pair, tr, workspace
from curriculum.workspace import save

st.title(tr("library.title"))
L = lang()  # captured once: format_func callbacks may run outside the script run
ws = workspace()
if ws is None or not ws.modules:
    st.info(tr("library.empty"))
    st.stop()

st.caption(tr("library.intro"))
flash = st.session_state.pop("library.flash", None)
if flash:
    st.success(flash)

module_ids = sorted(ws.modules, key=lambda m: ws.modules[m].title.get(L))
module_id = st.selectbox(
    tr("library.module"),
    module_ids,
    format_func=lambda m: f"{ws.modules[m].title.get(L)} ({m})",
    key="library.module",
)
module = ws.modules[module_id]

# The revision the editor started from stays pinned until a save or a reload, so that a
# colleague's save shows up as a conflict instead of silently replacing the text typed here.
pins = st.session_state.setdefault("library.pins", {})
loaded = pins.setdefault(module_id, module.revision)
prefix = f"lib.{module_id}.{loaded}"
st.caption(tr("common.revision", revision=module.revision))

with st.expander(tr("library.details"), expanded=False):
    title = text_pair(tr("common.title"), module.title, f"{prefix}.title")
    summary = text_pair(tr("common.summary"), module.summary, f"{prefix}.summary", area=True, height=120)
    theme = st.text_input(tr("library.theme"), module.theme, key=f"{prefix}.theme")
    audience = st.multiselect(
        tr("library.audience"),
        sorted(set(PROFILES) | set(module.audience)),
        default=list(module.audience),
        key=f"{prefix}.audience",
    )

st.subheader(tr("library.sessions"))
session_id = st.selectbox(
    tr("library.session"),
    [s.id for s in module.sessions],
    format_func=lambda s: f"{module.session(s).title.get(L)} — {module.session(s).minutes} min",
    key=f"{prefix}.session",
)
session = module.session(session_id)
session_title = text_pair(tr("library.session_title"), session.title, f"{prefix}.{session_id}.title")

table = st.data_editor(
    pd.DataFrame(edit.activity_rows(session)),
    key=f"{prefix}.{session_id}.activities",
    hide_index=True,
    num_rows="fixed",
    width="stretch",
    column_config={
        "id": st.column_config.TextColumn(tr("common.id"), disabled=True),
        "title_fr": st.column_config.TextColumn(tr("library.title_fr")),
        "title_en": st.column_config.TextColumn(tr("library.title_en")),
        "method": st.column_config.SelectboxColumn(tr("common.method"), options=list(METHODS), required=True),
        "minutes": st.column_config.NumberColumn(
            tr("common.minutes"), min_value=5, max_value=480, step=5, required=True
        ),
        "grouping": st.column_config.SelectboxColumn(tr("common.grouping"), options=list(GROUPINGS), required=True),
    },
)
st.caption(tr("library.session_minutes", minutes=int(pd.to_numeric(table["minutes"], errors="coerce").fillna(0).sum())))

activity_id = st.selectbox(
    tr("library.activity"),
    [a.id for a in session.activities],
    format_func=lambda a: edit.find_activity(session, a).title.get(L),
    key=f"{prefix}.{session_id}.activity",
)
activity = edit.find_activity(session, activity_id)
akey = f"{prefix}.{session_id}.{activity_id}"
instructions = text_pair(
    tr("library.instructions"), activity.instructions, f"{akey}.instructions", area=True, height=220
)
notes = text_pair(tr("library.notes"), activity.facilitator_notes, f"{akey}.notes", area=True, height=160)


def _edited():
    changed = edit.apply_activity_rows(module, session_id, table.to_dict("records"))
    changed = edit.replace_session(changed, session_id, title=edit.text(session_title))
    changed = edit.replace_activity(
        changed, session_id, activity_id, instructions=edit.text(instructions), facilitator_notes=edit.text(notes)
    )
    return replace(
        changed, title=edit.text(title), summary=edit.text(summary), theme=theme.strip(), audience=tuple(audience)
    )


left, right = st.columns([1, 3])
if left.button(tr("common.save"), type="primary", key="library.save"):
    try:
        saved = save(root(), "modules", _edited(), loaded_revision=loaded)
    except ConflictError as exc:
        st.error(tr("common.conflict", error=exc))
        st.warning(tr("common.kept"))
    except ContentError as exc:
        st.error(tr("common.not_saved", error="; ".join(exc.lines())))
    else:
        pins[module_id] = saved.revision
        st.session_state["library.flash"] = tr(
            "common.saved", name=f"modules/{module_id}.yaml", revision=saved.revision
        )
        st.rerun()
if right.button(tr("common.reload"), key="library.reload"):
    pins.pop(module_id, None)
    for key in [k for k in st.session_state if str(k).startswith(prefix + ".")]:
        del st.session_state[key]
    st.rerun()
