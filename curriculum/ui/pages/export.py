"""Export: choose curriculum, context, language, pack, format and scope; build, preview, download."""

import streamlit as st
import streamlit.components.v1 as components

from curriculum import review
from curriculum.export.formats import FORMATS, default_exports, export, file_stem, write_pack
from curriculum.export.pack import PACKS, scope
from curriculum.problems import ContentError
from curriculum.resolve import resolve
from curriculum.review_report import matrix_rows
from curriculum.ui.state import contexts_by_name, label_of, lang, pick_curriculum, reason, tr, workspace

st.title(tr("export.title"))
L = lang()  # captured once: format_func callbacks may run outside the script run
ws = workspace()
if ws is None:
    st.stop()
if not ws.curricula:
    st.info(tr("export.empty"))
    st.stop()
st.caption(tr("export.intro"))
NO_APPENDIX = tr("export.no_comments")

top = st.columns(3)
curriculum_id = pick_curriculum(top[0], tr("export.curriculum"), ws, "export.curriculum")
curriculum = ws.curricula[curriculum_id]
contexts = contexts_by_name(ws)
default = contexts.index(curriculum.default_context) if curriculum.default_context in contexts else 0
context_id = top[1].selectbox(
    tr("export.context"),
    contexts,
    index=default,
    format_func=lambda c: ws.contexts[c].name.get(L),
    key="export.context",
)
pack_lang = top[2].selectbox(
    tr("export.lang"),
    ["fr", "en"],
    index=["fr", "en"].index(L),
    format_func=label_of("common."),
    key="export.lang",
)
middle = st.columns(3)
pack = middle[0].radio(tr("export.pack"), PACKS, format_func=label_of("pack."), key="export.pack", horizontal=True)
fmt = middle[1].radio(tr("export.format"), FORMATS, format_func=str.upper, key="export.format", horizontal=True)
scope_kind = middle[2].radio(
    tr("export.scope"), ["all", "day", "session"], format_func=label_of("export.scope_"), key="export.scope"
)

try:
    programme = resolve(ws, curriculum_id, context_id, pack_lang)
except ContentError as exc:
    st.error(tr("export.failed", error=reason(exc)))
    st.stop()
day = session = None
if scope_kind == "day":
    day = st.selectbox(tr("export.day"), list(range(1, len(programme.days) + 1)), key="export.day")
elif scope_kind == "session":
    titles = {s.path: s.title for s in programme.sessions}
    session = st.selectbox(tr("export.session"), list(titles), format_func=lambda p: titles[p], key="export.session")
rounds = [r.name for r in review.rounds(ws.root, curriculum_id)] if pack == "facilitator" else []
appendix = (
    st.selectbox(tr("export.comments"), [""] + rounds, format_func=lambda r: r or NO_APPENDIX, key="export.comments")
    if rounds
    else ""
)
# Where the facilitator decides: before the download, open, never folded away.
if programme.warnings:
    st.markdown(f"**{tr('export.warnings')}**")
    for warning in programme.warnings:
        st.warning(warning)
else:
    st.success(tr("composer.no_warnings"))

if st.button(tr("export.build"), type="primary", key="export.build"):
    bar = st.progress(0.0, text=tr("export.building"))

    def _progress(done: int, total: int, label: str) -> None:
        bar.progress(done / total, text=tr("export.step", label=label.upper(), done=done, total=total))

    try:
        scoped = scope(programme, day, session)
        comments = matrix_rows(ws.root, ws, curriculum_id, appendix, pack_lang) if appendix else None
        name, data = export(
            scoped, pack, fmt, file_stem(scoped, pack, day, session), progress=_progress, comments=comments
        )
        path = write_pack(default_exports(), name, data)
        preview = export(scoped, pack, "html", "preview")[1] if fmt != "html" else data
    except ContentError as exc:
        bar.empty()
        st.error(tr("export.failed", error=reason(exc)))
    else:
        st.session_state["export.result"] = {"name": name, "data": data, "path": str(path), "preview": preview}

result = st.session_state.get("export.result")
if result:
    st.success(tr("export.done", path=result["path"]))
    st.download_button(
        tr("export.download", name=result["name"]),
        data=result["data"],
        file_name=result["name"],
        key="export.download",
        on_click="ignore",
    )
    st.subheader(tr("export.preview"))
    st.caption(tr("export.preview_note"))
    components.html(result["preview"].decode("utf-8"), height=700, scrolling=True)
