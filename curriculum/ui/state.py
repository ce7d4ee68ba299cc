"""What every page shares: the interface language and the loaded workspace."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from curriculum import edit, languages
from curriculum.i18n import label, t
from curriculum.languages import is_rtl
from curriculum.model import MAX_TEXT, Text
from curriculum.problems import ConflictError, ContentError
from curriculum.workspace import Store, Workspace, default_root, save, unchanged

LANG_KEY = "ui_lang"


def lang() -> str:
    return st.session_state.get(LANG_KEY, "en")


def tr(key: str, **values) -> str:
    return t(key, lang(), **values)


def rtl() -> bool:
    """The interface reads right to left (Arabic)."""
    return is_rtl(lang())


def reading_order(columns) -> tuple:
    """Grid columns in the order a reader meets them: Streamlit's grid (a canvas) is not mirrored
    by dir="rtl", so in a right-to-left interface the columns are given in reverse, the first
    one at the right."""
    return tuple(reversed(tuple(columns))) if rtl() else tuple(columns)


def _columns(data) -> list:
    if hasattr(data, "columns"):  # a DataFrame
        return list(data.columns)
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return list(data[0])
    return []


def _in_reading_order(data, options: dict) -> dict:
    columns = options.get("column_order") or _columns(data)
    if rtl() and columns:
        options["column_order"] = reading_order(columns)
    return options


def dataframe(data, **options):
    """st.dataframe with its columns in reading order (see reading_order)."""
    return st.dataframe(data, **_in_reading_order(data, options))


def data_editor(data, **options):
    """st.data_editor with its columns in reading order (see reading_order); the edited frame
    keeps its own column order."""
    return st.data_editor(data, **_in_reading_order(data, options))


def root() -> Path:
    return default_root()


@st.cache_resource(show_spinner=False)
def _store() -> Store:
    """One Store per server process, shared by every session: a file saved by one user is
    re-parsed (its size or mtime changed) on the next rerun of any other."""
    return Store()


def workspace() -> Workspace | None:
    """The workspace as it is on disk now; files unchanged since the last run are not re-parsed."""
    try:
        return _store().load(root())
    except ContentError as exc:
        st.error(tr("status.error", error=reason(exc)))
        return None


def content_languages(ws: Workspace | None) -> tuple[str, ...]:
    """The languages content is written in here: the workspace's (settings.yaml, else those
    its content uses), or the interface's language for an empty workspace."""
    return ws.languages if ws is not None and ws.languages else (lang(),)


def language_name(code: str) -> str:
    """A content language's name in the interface's language ("arabe", "Arabic")."""
    return languages.name(code, lang())


def languages_of():
    """A format_func naming a language code in the language of this run."""
    current = lang()
    return lambda code: languages.name(code, current)


def shown_languages(ws: Workspace | None, key: str) -> list[str]:
    """The content languages a page shows side by side, chosen by the user: by default the
    interface's language (when content has it) and the first other one. The default follows
    a switch of the interface's language until the user chooses languages of their own."""
    options = list(content_languages(ws))
    first = lang() if lang() in options else options[0]
    default = [first, *[code for code in options if code != first][:1]]
    followed = f"{key}.default"  # the default last given to the choice
    chosen = st.session_state.get(key)
    if chosen is None or chosen == st.session_state.get(followed):  # not the user's own choice
        chosen = st.session_state[followed] = default
    st.session_state[key] = [code for code in chosen if code in options]  # (a language no longer offered)
    chosen = st.multiselect(tr("common.languages_shown"), options, format_func=languages_of(), key=key)
    return [code for code in options if code in chosen] or default


def text_fields(label: str, value: Text, key: str, shown, area: bool = False, height: int = 150) -> Text:
    """One input per shown language, side by side, each marked when its translation is
    missing; `value` with what was typed (a language not shown keeps its text)."""
    shown = list(shown)
    out = {}
    for column, code in zip(st.columns(len(shown)) if shown else (), shown, strict=True):
        current = value.as_dict().get(code, "")
        gap = bool(value) and not current
        caption = f"{label} — {language_name(code)}" + (f"  {tr('common.gap')}" if gap else "")
        with column:
            widget = st.text_area if area else st.text_input
            kwargs = {"height": height} if area else {}
            out[code] = widget(caption, value=current, key=f"{key}.{code}", max_chars=MAX_TEXT, **kwargs)
    return edit.text(out, value)


def title_inputs(key: str, ws: Workspace | None, label_key: str = "common.title_in") -> dict[str, str]:
    """One input per content language for a new record's title (or name)."""
    return {
        code: st.text_input(tr(label_key, language=language_name(code)), key=f"{key}.{code}")
        for code in content_languages(ws)
    }


ACTOR_KEY = "actor"


def actor():
    """The signed-in account on a shared server; None on a single-user laptop."""
    return st.session_state.get(ACTOR_KEY)


def label_of(prefix: str):
    """A format_func showing `prefix + value` translated, in the language of this run
    (widgets may call it after the run, when the session is out of reach)."""
    current = lang()
    return lambda value: t(f"{prefix}{value}", current)


def name_of(kind: str):
    """A format_func showing a choice value (method, grouping, profile, theme…) by its name in
    the language of this run; a value without a name shows as it is."""
    current = lang()
    return lambda value: label(kind, value, current)


CURRENT_CURRICULUM = "curriculum.current"


def curricula_by_title(ws: Workspace) -> list[str]:
    """Curriculum ids in the order every page lists them: by title in the interface language."""
    current = lang()
    return sorted(ws.curricula, key=lambda c: ws.curricula[c].title.get(current).casefold())


def contexts_by_name(ws: Workspace) -> list[str]:
    current = lang()
    return sorted(ws.contexts, key=lambda c: ws.contexts[c].name.get(current).casefold())


def pick_curriculum(place, label: str, ws: Workspace, key: str) -> str:
    """The curriculum selectbox of a page. Every page opens on the curriculum last chosen on any
    page (the first by title before that), so the Composer, Export and Review agree."""
    ids = curricula_by_title(ws)
    if st.session_state.get(key) not in ids:
        current = st.session_state.get(CURRENT_CURRICULUM)
        st.session_state[key] = current if current in ids else ids[0]
    titles = {c: ws.curricula[c].title.get(lang()) for c in ids}
    chosen = place.selectbox(label, ids, format_func=titles.__getitem__, key=key)
    st.session_state[CURRENT_CURRICULUM] = chosen
    return chosen


FLASH_KEY = "flash"


def flash(kind: str, message: str) -> None:
    """A message ("success", "error", …) shown at the top of the page after the next rerun."""
    st.session_state.setdefault(FLASH_KEY, []).append((kind, message))


def show_flashes() -> None:
    """The messages, in a container that is there with or without them: what follows keeps its
    place in the page, so a widget after it (an open tab) is not drawn anew."""
    with st.container():
        for kind, message in st.session_state.pop(FLASH_KEY, []):
            getattr(st, kind)(message)


def reason(exc: ContentError) -> str:
    """Why the core refused, in the interface's language: every problem, or the refusal itself."""
    return "; ".join(exc.lines(lang()))


def not_saved(exc: ContentError) -> str:
    """Why a save or a delete was refused, every problem listed."""
    return tr("common.not_saved", error=reason(exc))


def save_or_explain(kind: str, record, loaded_revision):
    """Save through the store; on refusal say why on the page (the user's text stays) and return None."""
    try:
        saved = save(root(), kind, record, loaded_revision=loaded_revision, actor=actor())
    except ConflictError as exc:
        st.error(tr("common.conflict", error=reason(exc)))
        st.warning(tr("common.kept"))
        return None
    except ContentError as exc:
        st.error(not_saved(exc))
        return None
    if unchanged(saved, loaded_revision):
        flash("info", tr("common.unchanged", name=f"{kind}/{saved.id}.yaml", revision=saved.revision))
    else:
        flash("success", tr("common.saved", name=f"{kind}/{saved.id}.yaml", revision=saved.revision))
    return saved


def create(kind: str, make, select_key: str, message_key: str) -> None:
    """Save the record `make()` builds as a new file; select it and say so, or say why not."""
    try:
        created = save(root(), kind, make(), loaded_revision=None, actor=actor())
    except ContentError as exc:
        st.error(not_saved(exc))
        return
    st.session_state[select_key] = created.id
    flash("success", tr(message_key, name=created.title.get(lang())))
    st.rerun()
