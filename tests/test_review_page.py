"""AppTest of the Review page: a reviewer's actions done twice in a row, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from curriculum import review
from curriculum.i18n import long_date
from curriculum.workspace import load_workspace
from tests.conftest import REPO, app_test

REVIEW = str(REPO / "curriculum/ui/pages/review.py")


def review_page(root, monkeypatch, lang="en"):
    at = app_test(root, monkeypatch, lang).run()
    at.switch_page(REVIEW).run()
    assert not at.exception, at.exception
    return at


def comment(at, target: str, text: str) -> None:
    at.selectbox(key="review.target").set_value(target)
    at.text_area(key="review.text").set_value(text).run()
    at.button(key="review.add").click().run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_three_comments_in_a_row_each_stored_once_without_an_error(small, monkeypatch, lang):
    at = review_page(small, monkeypatch, lang)
    at.text_input(key="review.me").set_value("Aminata")
    at.text_input(key="review.role").set_value("prosecutor")
    comment(at, "sharing/basics/case", "First.")
    comment(at, "sharing/practice", "Second.")  # a round exists now: this one used to crash
    comment(at, "", "Third.")
    stored = review.comments(small, "short")
    assert [(c.target, c.text) for c in stored] == [
        ("sharing/basics/case", "First."), ("sharing/practice", "Second."), ("", "Third.")
    ]  # fmt: skip
    assert len({c.round for c in stored}) == 1
    assert stored[0].excerpt == {"en": "1. Read the case", "fr": "1. Lire le cas"}[lang]  # as the reviewer read it
    assert at.text_area(key="review.text").value == ""  # a blank box for the next comment


def tabs_id(at) -> str:
    def find(node):
        if getattr(node, "type", None) == "tab_container":
            return node.proto.id
        return next((i for c in getattr(node, "children", {}).values() if (i := find(c))), None)

    return find(at.main)


def test_the_open_tab_stays_open_after_a_rerun_that_shows_a_message(small, monkeypatch):
    ws = load_workspace(small)
    first = review.add_comment(small, ws, "short", "sharing/basics", "Aminata", "prosecutor", "Clearer.", "Round 1")
    at = review_page(small, monkeypatch)
    at.session_state["review.tab.en"] = "Comments"
    at.run()
    before = tabs_id(at)
    at.selectbox(key=f"review.status.{first.id}").set_value("accepted")
    at.button(key=f"review.decide.{first.id}").click().run()
    assert any("Decision saved." in s.value for s in at.success)  # a message above the tabs…
    assert tabs_id(at) == before  # …and the same tabs widget, so the browser keeps "Comments" open
    assert at.session_state["review.tab.en"] == "Comments"


def test_the_reviewer_name_and_role_come_back_from_the_address(small, monkeypatch):
    at = app_test(small, monkeypatch)
    at.query_params["review.me"] = "Aminata"
    at.query_params["review.role"] = "prosecutor"
    at.run()
    at.switch_page(REVIEW).run()
    assert (at.text_input(key="review.me").value, at.text_input(key="review.role").value) == ("Aminata", "prosecutor")


def test_comments_show_their_date_place_and_the_matrix_on_screen_in_french(small, monkeypatch):
    ws = load_workspace(small)
    review.add_comment(small, ws, "short", "", "Aminata", "procureure", "Sur l’ensemble.", "Cycle 1", lang="fr")
    at = review_page(small, monkeypatch, "fr")
    today = long_date(dt.datetime.now(dt.UTC).date(), "fr")
    assert any(m.value.endswith(f"· ouvert · Cycle 1 · {today}") for m in at.markdown), [m.value for m in at.markdown]
    assert any(c.value == "sur l’ensemble du curriculum" for c in at.caption)
    (matrix,) = at.dataframe
    assert list(matrix.value.columns)[:3] == ["N°", "Cycle", "Emplacement"]
    assert matrix.value.iloc[0][["Statut", "Relecteur", "Extrait"]].tolist() == ["ouvert", "Aminata", "Court"]


def test_the_comment_box_says_its_limit_and_holds_no_more(small, monkeypatch):
    """The core refuses longer texts (tests/test_review.py); the box stops at the limit and says it."""
    at = review_page(small, monkeypatch, "fr")
    box = at.text_area(key="review.text")
    assert box.max_chars == review.MOST_CHARACTERS
    limit = "8\u202f000 caractères au plus (environ trois pages) : partagez un texte plus long comme document."
    assert limit in [c.value for c in at.caption]
    box.set_value("x" * 107_000).run()
    assert len(at.text_area(key="review.text").value) == review.MOST_CHARACTERS


def test_a_round_gets_a_due_date_only_when_asked_and_never_shows_an_empty_date_box(small, monkeypatch):
    at = review_page(small, monkeypatch, "fr")
    assert not at.date_input  # an empty box would show an English "DD/MM/YYYY"
    at.checkbox(key="review.with_due").check().run()
    (due,) = at.date_input
    assert due.value == dt.date.today() + dt.timedelta(days=14)
    at.button(key="review.open").click().run()
    assert not at.exception, at.exception
    (opened,) = review.rounds(small, "short")
    assert opened.due == due.value.isoformat()
