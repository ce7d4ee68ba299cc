"""AppTest of the Review page: a reviewer's actions done twice in a row, in both languages."""

from __future__ import annotations

import pytest

from curriculum import review
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
    assert at.text_area(key="review.text").value == ""  # a blank box for the next comment
