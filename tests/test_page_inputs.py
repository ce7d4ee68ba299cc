"""What people type in the Library and Contexts pages: refused clearly, or accepted as they type it."""

from __future__ import annotations

import pytest

from curriculum.workspace import load_workspace
from tests.conftest import REPO, app_test
from tests.test_app import edit_minutes


@pytest.mark.parametrize(("typed", "lang", "said"), [
    (-30, "en", "row 2 (Case study): minutes must be a whole number above 0 and at most 480 (a full day), found '-30'"),
    (100000, "fr", "ligne 2 (Étude de cas) : la durée en minutes doit être un nombre entier supérieur à 0 et d’au plus 480"),
])  # fmt: skip
def test_minutes_out_of_range_are_refused_at_once_not_silently_changed(small, monkeypatch, typed, lang, said):
    at = app_test(small, monkeypatch, lang).run()
    edit_minutes(at, "sharing", "basics", 1, typed)
    at.run()
    assert any(said in e.value for e in at.error), [e.value for e in at.error]
    at.button(key="library.save").click().run()
    assert not at.exception, at.exception
    assert load_workspace(small).modules["sharing"].revision == 1  # nothing written
    grids = [d for d in at.dataframe if "minutes" in d.proto.columns]  # activities; what a fit may cut
    assert grids and all('"min_value"' not in g.proto.columns and '"max_value"' not in g.proto.columns for g in grids)


def contexts_page(root, monkeypatch, lang="fr"):
    at = app_test(root, monkeypatch, lang).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/contexts.py")).run()
    assert not at.exception, at.exception
    return at


def typed(at, suffix: str):
    return next(w for w in at.text_input if w.key.endswith(suffix))


def test_a_day_start_typed_8h30_is_saved_as_08_30(small, monkeypatch):
    at = contexts_page(small, monkeypatch)
    typed(at, ".day_start").set_value("8h30")
    typed(at, ".day_end").set_value("17.15").run()
    at.button(key="contexts.save").click().run()
    assert not at.exception, at.exception
    timing = load_workspace(small).contexts["generic"].timing
    assert (timing.day_start, timing.day_end) == ("08:30", "17:15")


def test_a_day_start_that_is_no_time_is_refused_with_advice_for_the_form(small, monkeypatch):
    at = contexts_page(small, monkeypatch)
    typed(at, ".day_start").set_value("huit heures").run()
    at.button(key="contexts.save").click().run()
    assert [e.value for e in at.error] == [
        "Non enregistré : « huit heures » n’est pas une heure — tapez l’heure et les minutes, par exemple 08:30 ou 8h30"
    ]
    assert load_workspace(small).contexts["generic"].revision == 1


def test_the_interpretation_factor_is_written_with_a_decimal_comma_in_french(small, monkeypatch):
    at = contexts_page(small, monkeypatch)
    factor = next(s for s in at.select_slider if s.key.endswith(".factor"))
    assert factor.value == 1.0 and "1,15" in factor.options and "1.15" not in factor.options
    factor.set_value(1.15).run()
    at.button(key="contexts.save").click().run()
    assert load_workspace(small).contexts["generic"].timing.interpretation_factor == 1.15
