import streamlit as st

from curriculum.ui.state import tr

st.title(tr("review.title"))
st.info(tr("common.coming", what=tr("review.coming")))
