import streamlit as st

from curriculum.ui.state import tr

st.title(tr("contexts.title"))
st.info(tr("common.coming", what=tr("contexts.coming")))
