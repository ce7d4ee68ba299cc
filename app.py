"""Streamlit entry point: navigation over the pages, nothing else."""

import streamlit as st

from curriculum.ui.shell import language_switch, status_panel
from curriculum.ui.state import tr

st.set_page_config(page_title="Curricula", page_icon="📘", layout="wide")
language_switch()
pages = [
    st.Page("curriculum/ui/pages/library.py", title=tr("nav.library"), icon="📚", url_path="library", default=True),
    st.Page("curriculum/ui/pages/composer.py", title=tr("nav.composer"), icon="🗓️", url_path="composer"),
    st.Page("curriculum/ui/pages/contexts.py", title=tr("nav.contexts"), icon="🌍", url_path="contexts"),
    st.Page("curriculum/ui/pages/export.py", title=tr("nav.export"), icon="📦", url_path="export"),
    st.Page("curriculum/ui/pages/review.py", title=tr("nav.review"), icon="💬", url_path="review"),
]
page = st.navigation(pages)
status_panel()
page.run()
