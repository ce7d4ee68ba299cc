"""What a user meets on the Composer and Export pages: one default curriculum everywhere, contexts
by name, the same timeline colours in both languages, schedule warnings before the download."""

from __future__ import annotations

import json

import pytest

from curriculum.workspace import load_workspace
from tests.conftest import REPO, app_test

PAGE = str(REPO / "curriculum/ui/pages/{}.py")


def open_page(root, monkeypatch, page: str, lang: str = "en"):
    at = app_test(root, monkeypatch, lang, timeout=60).run()
    at.switch_page(PAGE.format(page)).run()
    assert not at.exception, at.exception
    return at


CURRICULUM_KEYS = {"composer": "composer.pick", "export": "export.curriculum", "review": "review.curriculum"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_opens_on_the_same_curriculum_and_follows_the_last_choice(bundled, monkeypatch, lang):
    at = open_page(bundled, monkeypatch, "composer", lang)
    opened = {}
    for page, key in CURRICULUM_KEYS.items():
        at.switch_page(PAGE.format(page)).run()
        opened[page] = at.selectbox(key=key).value
    assert set(opened.values()) == {"core-3-day"}, opened
    at.selectbox(key="review.curriculum").set_value("awareness-1-day").run()
    for page, key in CURRICULUM_KEYS.items():
        at.switch_page(PAGE.format(page)).run()
        assert at.selectbox(key=key).value == "awareness-1-day", page


def test_composer_lists_contexts_by_name_like_the_other_pages(bundled, monkeypatch):
    at = open_page(bundled, monkeypatch, "composer", "fr")
    context = next(s for s in at.selectbox if s.key.startswith("composer.") and s.key.endswith(".context"))
    names = context.options[1:]
    assert names == sorted(names, key=str.casefold) and names[0] == "Contexte générique (international)"


def colours(at) -> dict[str, str]:
    (chart,) = at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")
    scale = json.loads(chart.proto.spec)["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"], strict=True))


def test_break_and_lunch_keep_their_colours_in_both_languages(bundled, monkeypatch):
    english = colours(open_page(bundled, monkeypatch, "composer", "en"))
    french = colours(open_page(bundled, monkeypatch, "composer", "fr"))
    assert (english["Break"], english["Lunch"]) == (french["Pause"], french["Déjeuner"])
    assert english["presentation"] == french["exposé"] and english["Break"] != english["Lunch"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_overflow_is_shown_open_on_the_export_page_before_the_download(bundled, monkeypatch, lang):
    text = (bundled / "curricula/core-3-day.yaml").read_text(encoding="utf-8").replace("days: 3", "days: 2")
    (bundled / "curricula/core-3-day.yaml").write_text(text, encoding="utf-8")
    at = open_page(bundled, monkeypatch, "export", lang)
    overflow = {"en": "Day 2: the programme overflows", "fr": "Jour 2 : le programme déborde"}[lang]
    warnings = [w.value for w in at.warning]
    assert any(w.startswith(overflow) for w in warnings), warnings
    assert not at.main.expander, "no warning is folded away"
    assert at.get("download_button") == []  # seen before anything is built


def test_the_export_context_follows_the_chosen_curriculum(bundled, monkeypatch):
    at = open_page(bundled, monkeypatch, "export")
    context = next(s for s in at.selectbox if s.key.startswith("export.context."))
    assert (at.selectbox(key="export.curriculum").value, context.value) == ("core-3-day", "generic")
    at.selectbox(key="export.curriculum").set_value("core-4-day").run()
    context = next(s for s in at.selectbox if s.key.startswith("export.context."))
    own = load_workspace(bundled).curricula["core-4-day"].default_context
    assert own != "generic" and context.value == own  # the 4-day curriculum's own default
