"""The frame around every page: an unexpected error, the icon, the workspace status."""

from __future__ import annotations

import streamlit as st

from curriculum import review, review_report
from tests.conftest import MODULE, REPO, app_test, write, write_catalog


def test_an_unexpected_error_is_told_in_the_interface_language_without_streamlits_box(small, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    # patched where the page reaches it: a module that binds review.comments at its first import
    # would otherwise keep the broken one for every later test (review_report does)
    monkeypatch.setattr(review, "comments", broken)
    monkeypatch.setattr(review_report, "comments", broken)
    st.set_option("client.showErrorDetails", "type")  # as the served app (.streamlit/config.toml)
    try:
        at = app_test(small, monkeypatch, "fr").run()
        at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
    finally:
        st.set_option("client.showErrorDetails", "full")
    assert not at.exception  # no Streamlit box (English, with links to search engines)
    (error,) = at.main.error
    assert error.value.startswith("Cette page a rencontré une erreur inattendue (RuntimeError) ; rien n’a été perdu")
    assert "disk on fire" not in error.value  # details go to the server log only


def test_a_developer_asking_for_full_details_gets_streamlits_own(small, monkeypatch):
    monkeypatch.setattr(review, "comments", lambda *a, **k: 1 / 0)
    at = app_test(small, monkeypatch, "fr").run()  # tests run with client.showErrorDetails = "full"
    at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
    assert [e.value for e in at.exception] == ["division by zero"]


def test_the_app_has_a_local_icon_and_asks_no_search_links():
    config = (REPO / ".streamlit/config.toml").read_text(encoding="utf-8")
    assert "showErrorLinks = false" in config
    source = (REPO / "app.py").read_text(encoding="utf-8")
    assert "page_icon=str(ICON)" in source
    from curriculum.ui.shell import ICON

    assert ICON.read_bytes().startswith(b"\x89PNG")


def test_workspace_warnings_are_summarised_and_listed_on_demand(small, monkeypatch):
    gaps = MODULE.replace(", en: Case study}", "}").replace(', en: "1. Read the case"}', "}")
    write(small, "modules/sharing.yaml", gaps.replace(", en: Practice}", "}"))
    at = app_test(small, monkeypatch, "fr").run()
    assert [c.value for c in at.sidebar.caption][1:] == ["3 avertissements", "modules/sharing.yaml (3)"]
    assert not at.sidebar.code  # no raw file:line lines in the sidebar
    at.sidebar.button(key="status.details").click().run()
    (table,) = [d.value for d in at.dataframe if "Fichier" in d.value.columns]
    assert len(table) == 3 and list(table.columns) == ["Fichier", "Ligne", "Avertissement et correction"]
    assert table.iloc[0]["Avertissement et correction"].startswith(
        "sessions[1].activities[2].title: traduction manquante"
    )


def test_the_language_switch_offers_every_catalog_and_a_workspace_language_without_code(small, monkeypatch):
    write_catalog(small / "locale", "sw", [("library.title", "Module library", "Maktaba ya moduli")])
    at = app_test(small, monkeypatch, "en").run()
    (switch,) = at.sidebar.radio
    assert switch.options == ["English", "العربية", "Français", "Kiswahili"]
    switch.set_value("ar").run()
    assert at.title[0].value == "مكتبة الوحدات التدريبية" and not at.exception
    at.sidebar.radio[0].set_value("sw").run()
    assert at.title[0].value == "Maktaba ya moduli"
    assert at.sidebar.markdown  # the rest of the page is there, in English where Swahili has no text
