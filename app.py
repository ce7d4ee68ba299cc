"""Streamlit entry point: navigation over the pages, nothing else."""

import streamlit as st

from curriculum.problems import ContentError
from curriculum.ui.shell import (
    ICON,
    accessible_styles,
    language_switch,
    page_direction,
    page_failed,
    sign_in,
    status_panel,
)
from curriculum.ui.state import reason, tr

st.set_page_config(page_title="Curricula", page_icon=str(ICON), layout="wide")
accessible_styles()
language_switch()
page_direction()
pages = [
    st.Page(
        "curriculum/ui/pages/library.py",
        title=tr("nav.library"),
        icon=":material/library_books:",
        url_path="library",
        default=True,
    ),
    st.Page(
        "curriculum/ui/pages/composer.py",
        title=tr("nav.composer"),
        icon=":material/calendar_month:",
        url_path="composer",
    ),
    st.Page("curriculum/ui/pages/contexts.py", title=tr("nav.contexts"), icon=":material/public:", url_path="contexts"),
    st.Page("curriculum/ui/pages/export.py", title=tr("nav.export"), icon=":material/download:", url_path="export"),
    st.Page("curriculum/ui/pages/review.py", title=tr("nav.review"), icon=":material/rate_review:", url_path="review"),
]
page = st.navigation(pages)
if not sign_in():
    st.title(tr("app.title"))
    st.info(tr("auth.needed"))
    st.stop()
status_panel()
try:
    page.run()
except ContentError as exc:  # a refusal or a fault no page handled (an unusable review store…): one line, no traceback
    st.error(reason(exc))
except Exception as exc:  # a bug; st.stop and st.rerun are not Exceptions and pass through
    page_failed(exc)
