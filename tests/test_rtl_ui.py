"""The app in Arabic, right to left (issue 15): the page's language and direction, grids and the
timeline in reading order, left-to-right names isolated in Arabic sentences; a fourth interface
language added by a workspace alone."""

from __future__ import annotations

import json

import pytest

from curriculum.i18n import embedded, listing, notice_text, t, texts
from curriculum.languages import BIDI_ISOLATES, isolate
from curriculum.schedule import Notice
from tests.conftest import REPO, app_test, write_catalog

FSI, PDI = BIDI_ISOLATES


def _page(root, monkeypatch, lang: str, page: str):
    at = app_test(root, monkeypatch, lang, timeout=60).run()
    at.switch_page(str(REPO / f"curriculum/ui/pages/{page}.py")).run()
    assert not at.exception, at.exception
    return at


def _direction(at) -> str:
    (script,) = [h.proto.body for h in at.get("html") if "<script>" in h.proto.body]
    return script


def test_an_arabic_id_or_french_name_filled_into_an_arabic_sentence_is_isolated():
    sentence = t("common.saved", "ar", name="modules/risk-assessment.yaml", revision=3)
    assert isolate("modules/risk-assessment.yaml") in sentence
    assert f"{FSI}3" not in sentence  # a number reads the same either way: left alone
    assert t("library.used_by", "ar", ids="تقييم") == t("library.used_by", "ar", ids="تقييم").replace(FSI, "")
    assert FSI not in t("common.saved", "fr", name="modules/x.yaml", revision=3)  # a left-to-right language: as it was


def test_an_already_isolated_value_is_not_wrapped_twice():
    sentence = t("library.used_by", "ar", ids=isolate("Orienter sans stigmatiser"))
    assert sentence.count(FSI) == 1 and sentence.count(PDI) == 1


def test_a_module_id_in_an_arabic_schedule_notice_is_isolated():
    text = notice_text(Notice("missing-module", {"module": "risk-assessment"}), "ar")
    assert isolate("risk-assessment") in text
    assert FSI not in notice_text(Notice("missing-module", {"module": "risk-assessment"}), "fr")


def test_names_are_listed_as_the_language_lists_them_each_isolated_in_arabic():
    assert listing(["Mali", "Tchad", "Tunisie"], "fr") == "Mali, Tchad et Tunisie"
    arabic = listing(["Mali", "Tchad"], "ar")
    assert arabic.startswith(isolate("Mali")) and arabic.endswith(isolate("Tchad"))
    assert listing([], "ar") == ""


def test_a_french_title_beside_an_arabic_length_is_isolated_so_the_length_stays_whole(small, monkeypatch):
    assert embedded("Du signalement à l’évaluation", "ar") == isolate("Du signalement à l’évaluation")
    assert embedded("تقييم", "ar") == "تقييم" and embedded("Titre", "fr") == "Titre"
    at = _page(small, monkeypatch, "ar", "library")  # a module in French and English only
    session = at.selectbox(key=next(k for k in (b.key for b in at.selectbox) if k and k.endswith(".session")))
    shown = session.options[0]  # "⁨Les bases⁩ — 35 د"
    assert shown.startswith(FSI) and PDI + " — " in shown and shown.endswith(" د"), shown


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_the_page_says_its_language_and_direction(small, monkeypatch, lang, direction):
    at = app_test(small, monkeypatch, lang).run()
    script = _direction(at)
    assert f"setAttribute('lang', '{lang}')" in script and f"setAttribute('dir', '{direction}')" in script


def test_grids_and_the_timeline_read_from_the_right_in_arabic(bundled, monkeypatch):
    orders = {}
    for lang in ("en", "ar"):
        at = _page(bundled, monkeypatch, lang, "composer")
        agenda = next(d for d in at.dataframe if {"day", "activity"} <= set(d.value.columns))
        orders[lang] = list(agenda.proto.column_order or agenda.value.columns)
        (chart,) = at.get("vega_lite_chart")
        encoding = json.loads(chart.proto.spec)["encoding"]
        assert encoding["x"].get("scale", {}).get("reverse", False) is (lang == "ar")
        assert encoding["y"]["axis"]["orient"] == ("right" if lang == "ar" else "left")
        totals = [d for d in at.dataframe if t("col.day", lang) in d.value.columns]
        shown = [list(d.proto.column_order or d.value.columns) for d in totals]
        assert shown and shown[0][-1 if lang == "ar" else 0] == t("col.day", lang)
    assert orders["ar"] == list(reversed(orders["en"]))
    assert orders["en"][0] == "day"  # the day first: at the left in English, at the right in Arabic


def test_the_library_activity_grid_puts_its_id_at_the_right_in_arabic(bundled, monkeypatch):
    at = _page(bundled, monkeypatch, "ar", "library")
    grid = next(d for d in at.dataframe if "id" in d.proto.column_order)
    assert list(grid.proto.column_order)[-1] == "id"


def test_a_fourth_interface_language_from_a_workspace_catalog_needs_no_code(small, monkeypatch):
    write_catalog(
        small / "locale",
        "sw",
        [
            ("library.title", "Module library", "Maktaba ya moduli"),
            ("lang.label", "Interface language", "Lugha ya kiolesura"),
        ],
    )
    at = app_test(small, monkeypatch, "en").run()
    (switch,) = at.sidebar.radio
    assert "Kiswahili" in switch.options
    switch.set_value("sw").run()
    assert not at.exception
    assert at.title[0].value == "Maktaba ya moduli" and at.sidebar.radio[0].label == "Lugha ya kiolesura"
    assert at.main.caption[0].value == texts("en")["library.intro"]  # no Swahili text: English, not a key
    assert "setAttribute('lang', 'sw')" in _direction(at) and "setAttribute('dir', 'ltr')" in _direction(at)


def test_arabic_typed_into_the_library_is_saved_as_arabic_and_shown_again(small, monkeypatch):
    title = "تبادل المعلومات بين الفاعلين"
    at = _page(small, monkeypatch, "ar", "library")
    field = next(f for f in at.text_input if f.key and f.key.startswith("lib.sharing.") and ".title." in f.key)
    field.set_value(title)
    at.button(key="library.save").click().run()
    assert not at.exception and not at.error
    text = (small / "modules/sharing.yaml").read_text(encoding="utf-8")
    assert title in text  # Arabic letters in the YAML, not \u escapes
    again = _page(small, monkeypatch, "ar", "library")
    assert title in [f.value for f in again.text_input]
