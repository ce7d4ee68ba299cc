"""Referral-mechanism curriculum builder: the core (no Streamlit outside curriculum.ui)."""
