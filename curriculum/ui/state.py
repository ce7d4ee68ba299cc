"""What every page shares: the interface language and the loaded workspace."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from curriculum.i18n import t
from curriculum.problems import ContentError
from curriculum.workspace import Workspace, default_root, load_workspace

LANG_KEY = "ui_lang"


def lang() -> str:
    return st.session_state.get(LANG_KEY, "en")


def tr(key: str, **values) -> str:
    return t(key, lang(), **values)


def root() -> Path:
    return default_root()


def workspace() -> Workspace | None:
    """The workspace as it is on disk now; files unchanged since the last run are not re-parsed."""
    try:
        return load_workspace(root())
    except ContentError as exc:
        st.error(tr("status.error", error=exc))
        return None


def text_pair(label: str, value, key: str, area: bool = False, height: int = 150):
    """Two inputs side by side, FR | EN, each marked when its translation is missing."""
    columns = st.columns(2)
    out = {}
    for column, code in zip(columns, ("fr", "en"), strict=True):
        current = getattr(value, code)
        gap = bool(value) and not current
        caption = f"{label} — {code.upper()}" + (f"  {tr('common.gap')}" if gap else "")
        with column:
            widget = st.text_area if area else st.text_input
            kwargs = {"height": height} if area else {}
            out[code] = widget(caption, value=current, key=f"{key}.{code}", **kwargs)
    return out


ACTOR_KEY = "actor"


def actor():
    """The signed-in account on a shared server; None on a single-user laptop."""
    return st.session_state.get(ACTOR_KEY)


def label_of(prefix: str):
    """A format_func showing `prefix + value` translated, in the language of this run
    (widgets may call it after the run, when the session is out of reach)."""
    current = lang()
    return lambda value: t(f"{prefix}{value}", current)
