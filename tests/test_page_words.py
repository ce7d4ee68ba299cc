"""Every page in French shows choice values and fields by their French names, never as raw codes
(energiser, small-groups, judiciary, risk-assessment, swap, open, label_fr…)."""

from __future__ import annotations

import re

import pytest

from curriculum import review
from curriculum.catalogs import interface_languages
from curriculum.i18n import texts as interface_texts
from curriculum.workspace import load_workspace
from tests.conftest import REPO, app_test
from tests.visible import RAW_EN, raw_codes, texts

PAGES = ["library", "composer", "contexts", "export", "review"]


@pytest.fixture
def reviewed(bundled):
    """The bundled workspace with a round of comments on the 3-day curriculum."""
    ws = load_workspace(bundled)
    for target in ("", "risk-assessment"):  # excerpts in the language the reviewer read
        review.add_comment(bundled, ws, "core-3-day", target, "Aminata", "procureure", "Texte.", "Cycle 1", lang="fr")
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
    return texts(at.main, hide_columns={"Identifiant", "Id"})


@pytest.mark.parametrize("page", PAGES)
def test_french_page_shows_no_raw_code(reviewed, monkeypatch, page):
    assert raw_codes(page_texts(reviewed, monkeypatch, page, "fr")) == {}


@pytest.mark.parametrize("page", ["library", "contexts", "review"])
def test_english_page_shows_no_field_name_or_hyphenated_code(reviewed, monkeypatch, page):
    assert raw_codes(page_texts(reviewed, monkeypatch, page, "en"), RAW_EN) == {}


# drawn only by an emoji font (empty boxes without one); Streamlit's :material/…: icons and
# text symbols such as ✎ ✕ › ↳ come with the page's own fonts
EMOJI_ONLY = re.compile("[\U0001f000-\U0001faff\u23f0-\u23fa\u231a\u231b\u26d4\u2705\u274c\u2b50\u26a1\u2753]")


def test_no_interface_text_or_page_draws_with_an_emoji_font():
    sources = {str(p.relative_to(REPO)): p.read_text(encoding="utf-8") for p in (REPO / "curriculum/ui").rglob("*.py")}
    sources["app.py"] = (REPO / "app.py").read_text(encoding="utf-8")
    sources |= {
        f"i18n {lang} {key}": text for lang in interface_languages() for key, text in interface_texts(lang).items()
    }
    assert {where: EMOJI_ONLY.findall(text) for where, text in sources.items() if EMOJI_ONLY.search(text)} == {}


ARABIC_PAGES = PAGES


@pytest.mark.parametrize("page", ARABIC_PAGES)
def test_arabic_page_renders_from_the_catalog(reviewed, monkeypatch, page):
    shown = page_texts(reviewed, monkeypatch, page, "ar")  # no exception, or it fails here
    assert interface_texts("ar")[f"{page}.title"] in shown
