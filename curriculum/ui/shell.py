"""The frame around every page: language switch and workspace status panel."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from curriculum import catalogs
from curriculum.access import actor_for_email as authenticate_email
from curriculum.access import authenticate, server_mode
from curriculum.catalogs import interface_languages
from curriculum.i18n import number
from curriculum.languages import menu_name
from curriculum.problems import ContentError
from curriculum.ui.state import ACTOR_KEY, LANG_KEY, actor, lang, reason, root, tr, workspace

# Captions in Streamlit's default grey fall below WCAG AA contrast (axe-core, serious):
# a darker grey keeps them readable for everyone. A multiselect keeps its chips on one line
# that scrolls sideways, so on a laptop one cannot see which sessions are chosen: they wrap.
ACCESSIBLE_CSS = """
<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #4b5058 !important; }
[data-testid="stMultiSelect"] div:has(> [data-testid="stMultiSelectTagsContainer"]) { max-height: none !important; }
[data-testid="stMultiSelectTagsContainer"] { flex-wrap: wrap !important; overflow: visible !important; }
</style>
"""


# A local icon: a :material/…: or emoji page icon makes the browser fetch the favicon from
# Google's or a CDN's servers, and the app must work offline.
ICON = Path(__file__).with_name("icon.png")
CRASH_KEY = "app-crash"  # the error box's CSS class is st-key-app-crash (browser tests look for it)
log = logging.getLogger("curriculum.app")


def page_failed(exc: Exception) -> None:
    """What a person sees when a page fails unexpectedly: a message in the interface's language,
    not Streamlit's English box with links to search engines; the traceback goes to the server
    log. Developers who ask for full details (client.showErrorDetails = "full") get Streamlit's own."""
    if st.get_option("client.showErrorDetails") == "full":
        raise exc
    log.error("page failed", exc_info=exc)
    with st.container(key=CRASH_KEY):
        st.error(tr("app.crashed", kind=type(exc).__name__), icon=":material/error:")


def accessible_styles() -> None:
    st.html(ACCESSIBLE_CSS)


def _redraw_choices() -> None:
    """After a language switch, hand every choice back to its widget: a selectbox keeps
    showing the label it had in the old language unless its value is set again."""
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        choice = isinstance(value, (str, int)) and not isinstance(value, bool)
        choices = isinstance(value, list) and all(isinstance(v, (str, int)) for v in value)
        if key == LANG_KEY or not (choice or choices):
            continue
        try:
            st.session_state[key] = list(value) if choices else value
        except st.errors.StreamlitAPIException:
            continue


def language_switch() -> str:
    catalogs.use_workspace(root())  # drawn before the workspace loads: its catalogs count already
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = "en"
    st.sidebar.radio(
        tr("lang.label"),
        options=list(interface_languages()),  # English and every language with a catalog
        format_func=menu_name,
        key=LANG_KEY,
        horizontal=True,
        on_change=_redraw_choices,
    )
    return lang()


def _problem_rows(problems) -> list[dict]:
    return [
        {tr("status.file"): p.file, tr("status.line"): p.line, tr("status.problem"): p.text(lang()).split(": ", 1)[-1]}
        for p in problems
    ]


def _show_warnings(warnings) -> None:
    st.dataframe(_problem_rows(warnings), hide_index=True, width="stretch", key="status.details.table")


def status_panel() -> None:
    """Counts and errors in the sidebar; warnings summarised per file, every one on demand in a dialog."""
    ws = workspace()
    if ws is None:
        return
    invalid = ws.invalid_files()
    with st.sidebar.expander(tr("status.title"), expanded=bool(invalid)):
        st.caption(tr("status.folder", path=ws.root))
        counts = {kind: number(len(ws.records(kind)), lang()) for kind in ("modules", "contexts", "curricula")}
        st.write(tr("status.counts", **counts))
        if invalid:
            st.error(tr("status.invalid", n=len(invalid)))
            for problems in invalid.values():
                for problem in problems:
                    st.code(problem.text(lang()), language=None, wrap_lines=True)
        else:
            st.success(tr("status.ok"))
        if ws.warnings:
            per_file: dict[str, int] = {}
            for problem in ws.warnings:
                per_file[problem.file] = per_file.get(problem.file, 0) + 1
            st.caption(tr("status.warnings", n=len(ws.warnings)))
            st.caption(" · ".join(f"{file} ({n})" for file, n in sorted(per_file.items())))
            if st.button(tr("status.details"), key="status.details"):
                st.dialog(tr("status.warnings", n=len(ws.warnings)), width="large")(_show_warnings)(ws.warnings)


def _sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return False


def _single_sign_on() -> bool:
    """Where OIDC is configured in .streamlit/secrets.toml ([auth]), offer st.login and map the
    identity's e-mail to an account of users.yaml (which gives the role). True when it took over."""
    if not _sso_configured():
        return False
    if st.user.is_logged_in:
        found = authenticate_email(root(), st.user.get("email", ""))
        if found is None:
            st.sidebar.error(tr("auth.unknown_email"))
            st.sidebar.button(tr("auth.sign_out"), key="auth.sso_out", on_click=st.logout)
            return True
        st.session_state[ACTOR_KEY] = found
        st.rerun()
    st.sidebar.button(tr("auth.sso"), key="auth.sso", on_click=st.login)
    return False


def sign_in() -> bool:
    """On a shared server, a sign-in form; True when someone is signed in (or on a laptop)."""
    if not server_mode():
        return True
    current = actor()
    if current is not None:
        st.sidebar.caption(tr("auth.signed_in", name=current.name, role=tr(f"role.{current.role}")))
        if st.sidebar.button(tr("auth.sign_out"), key="auth.sign_out"):
            del st.session_state[ACTOR_KEY]
            if _sso_configured() and st.user.is_logged_in:
                st.logout()
            st.rerun()
        return True
    if _single_sign_on():
        return actor() is not None
    with st.sidebar.form("auth.form"):
        st.markdown(f"**{tr('auth.title')}**")
        name = st.text_input(tr("auth.name"), key="auth.name")
        password = st.text_input(tr("auth.password"), type="password", key="auth.password")
        submitted = st.form_submit_button(tr("auth.sign_in"))
    if submitted:
        try:
            found = authenticate(root(), name.strip(), password, st.context.ip_address or "")
        except ContentError as exc:  # too many failures for this account or address: says how long to wait
            st.sidebar.error(reason(exc))
            return False
        if found is None:
            st.sidebar.error(tr("auth.wrong"))
        else:
            st.session_state[ACTOR_KEY] = found
            st.rerun()
    return False
