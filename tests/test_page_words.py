"""Every page in French shows choice values and fields by their French names, never as raw codes
(energiser, small-groups, judiciary, risk-assessment, swap, open, label_fr…)."""

from __future__ import annotations

import pytest

from curriculum import review
from curriculum.workspace import load_workspace
from tests.conftest import REPO, app_test
from tests.visible import RAW_EN, raw_codes, texts

PAGES = ["library", "composer", "contexts", "export", "review"]


@pytest.fixture
def reviewed(bundled):
    """The bundled workspace with a round of comments on the 3-day curriculum."""
    ws = load_workspace(bundled)
    review.add_comment(bundled, ws, "core-3-day", "", "Aminata", "procureure", "Sur l’ensemble.", "Cycle 1")
    review.add_comment(bundled, ws, "core-3-day", "risk-assessment", "Aminata", "procureure", "Sur un module.")
    return bundled


def page_texts(root, monkeypatch, page: str, lang: str) -> list[str]:
    at = app_test(root, monkeypatch, lang, timeout=60).run()
    at.switch_page(str(REPO / f"curriculum/ui/pages/{page}.py")).run()
    if page == "contexts":
        at.selectbox(key="contexts.pick").set_value("sahel-mali").run()  # adaptations of every kind
    if page == "review":
        at.selectbox(key="review.curriculum").set_value("core-3-day").run()
    assert not at.exception, at.exception
    # the activity id column shows ids, which are names the designer chose, not choice values
    return texts(at._tree.children[0], hide_columns={"Identifiant", "Id"})


@pytest.mark.parametrize("page", PAGES)
def test_french_page_shows_no_raw_code(reviewed, monkeypatch, page):
    assert raw_codes(page_texts(reviewed, monkeypatch, page, "fr")) == {}


@pytest.mark.parametrize("page", ["library", "contexts", "review"])
def test_english_page_shows_no_field_name_or_hyphenated_code(reviewed, monkeypatch, page):
    assert raw_codes(page_texts(reviewed, monkeypatch, page, "en"), RAW_EN) == {}
