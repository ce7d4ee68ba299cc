"""Streamlit faces of the core: pages read, call the core and render."""
