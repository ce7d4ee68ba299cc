import streamlit as st

from curriculum.ui.state import tr

st.title(tr("export.title"))
st.info(tr("common.coming", what=tr("export.coming")))
