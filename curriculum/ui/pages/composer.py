import streamlit as st

from curriculum.ui.state import tr

st.title(tr("composer.title"))
st.info(tr("common.coming", what=tr("composer.coming")))
