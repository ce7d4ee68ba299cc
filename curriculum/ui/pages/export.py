"""Export: choose curriculum, context, language, pack, format and scope; build, preview, download."""

import threading
from collections import OrderedDict

import streamlit as st
import streamlit.components.v1 as components

from curriculum import review
from curriculum.export.formats import FORMATS, default_exports, export, file_stem, write_pack
from curriculum.export.pack import PACKS, scope
from curriculum.i18n import notice_text
from curriculum.problems import ContentError
from curriculum.resolve import resolve
from curriculum.review_report import matrix_rows
from curriculum.ui.state import (
    content_languages,
    contexts_by_name,
    label_of,
    lang,
    languages_of,
    pick_curriculum,
    reason,
    tr,
    workspace,
)


def _state(ws, curriculum_id: str, context_id: str) -> int:
    """What a programme is made of, as one number: the curriculum, the context and every module
    (frozen records, equal when their files hold the same content). A save changes it."""
    return hash((ws.curricula[curriculum_id], ws.contexts.get(context_id), tuple(ws.modules.values()), ws.languages))


# Records and programmes are frozen, so one shared object serves every session and rerun
# (cache_resource: no copy per hit, which cache_data would make of a 100-page programme).
@st.cache_resource(max_entries=32, show_spinner=False)
def _resolved(state: int, curriculum_id: str, context_id: str, pack_lang: str, _ws):
    return resolve(_ws, curriculum_id, context_id, pack_lang)


def _make(programme, pack: str, fmt: str, day, session, progress, comments=None) -> tuple[str, bytes, bytes]:
    """(file name, bytes, HTML preview) of one pack."""
    scoped = scope(programme, day, session)
    stem = file_stem(scoped, pack, day, session)
    name, data = export(scoped, pack, fmt, stem, progress=progress, comments=comments)
    preview = export(scoped, pack, "html", "preview")[1] if fmt != "html" else data
    return name, data, preview


class _Packs:
    """Packs built on this server, the last few kept, shared by every session: building again
    what is already built is the commonest wait on this page. Keyed by everything a pack is
    built from (workspace state, curriculum, context, language, pack, format, scope). Not an
    st.cache_* function: those cannot update the progress bar drawn outside them."""

    KEEP = 8

    def __init__(self) -> None:
        self._packs: OrderedDict[tuple, tuple[str, bytes, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, inputs: tuple):
        with self._lock:
            return self._packs.get(inputs)

    def put(self, inputs: tuple, built: tuple[str, bytes, bytes]) -> None:
        with self._lock:
            self._packs[inputs] = built
            while len(self._packs) > self.KEEP:
                self._packs.popitem(last=False)


@st.cache_resource(show_spinner=False)
def _packs() -> _Packs:
    return _Packs()


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

curriculum_id = pick_curriculum(st, tr("export.curriculum"), ws, "export.curriculum")  # full width: long titles
top = st.columns(2)
curriculum = ws.curricula[curriculum_id]
contexts = contexts_by_name(ws)
default = contexts.index(curriculum.default_context) if curriculum.default_context in contexts else 0
context_id = top[0].selectbox(
    tr("export.context"),
    contexts,
    index=default,
    format_func=lambda c: ws.contexts[c].name.get(L),
    key=f"export.context.{curriculum_id}",  # another curriculum opens on its own default context
)
pack_languages = list(curriculum.languages or content_languages(ws))
if st.session_state.get("export.lang") not in pack_languages:
    st.session_state.pop("export.lang", None)  # another curriculum, in other languages: start again
pack_lang = top[1].selectbox(
    tr("export.lang"),
    pack_languages,
    index=pack_languages.index(L) if L in pack_languages else 0,
    format_func=languages_of(),
    key="export.lang",
)
middle = st.columns(3)
pack = middle[0].radio(tr("export.pack"), PACKS, format_func=label_of("pack."), key="export.pack", horizontal=True)
fmt = middle[1].radio(tr("export.format"), FORMATS, format_func=str.upper, key="export.format", horizontal=True)
scope_kind = middle[2].radio(
    tr("export.scope"), ["all", "day", "session"], format_func=label_of("export.scope_"), key="export.scope"
)

state = _state(ws, curriculum_id, context_id)
try:
    programme = _resolved(state, curriculum_id, context_id, pack_lang, ws)
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
if programme.notices:  # in the interface's language, whatever the pack's
    st.markdown(f"**{tr('export.warnings')}**")
    for notice in programme.notices:
        st.warning(notice_text(notice, L))
else:
    st.success(tr("composer.no_warnings"))

if st.button(tr("export.build"), type="primary", key="export.build"):
    bar = st.progress(0.0, text=tr("export.building"))

    def _progress(done: int, total: int, label: str) -> None:
        bar.progress(done / total, text=tr("export.step", label=label.upper(), done=done, total=total))

    inputs = (state, curriculum_id, context_id, pack_lang, pack, fmt, day, session)
    try:
        if appendix:  # comments change without any file changing: never from the cache
            comments = matrix_rows(ws.root, ws, curriculum_id, appendix, pack_lang)
            name, data, preview = _make(programme, pack, fmt, day, session, _progress, comments)
        else:
            built = _packs().get(inputs)
            if built is None:
                built = _make(programme, pack, fmt, day, session, _progress)
                _packs().put(inputs, built)
            else:
                bar.empty()  # built before: no "Building…" left standing over a ready pack
            name, data, preview = built
        path = write_pack(default_exports(), name, data)
    except ContentError as exc:
        bar.empty()
        st.error(tr("export.failed", error=reason(exc)))
    else:
        st.session_state["export.result"] = {
            "inputs": inputs + (appendix,),
            "name": name,
            "data": data,
            "path": str(path),
            "preview": preview,
        }

result = st.session_state.get("export.result")
current = (state, curriculum_id, context_id, pack_lang, pack, fmt, day, session, appendix)
if result and result.get("inputs") == current:  # a pack built from other choices is not offered as this one
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
