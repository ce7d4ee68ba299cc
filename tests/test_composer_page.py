"""AppTest: compose a 2-day curriculum from three modules, reorder, save, reload, same agenda."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from curriculum.resolve import resolve
from curriculum.workspace import STORE, load_workspace
from tests.conftest import REPO, app_test

COMPOSER = str(REPO / "curriculum/ui/pages/composer.py")


def open_composer(root, monkeypatch, lang="en") -> AppTest:
    at = app_test(root, monkeypatch, lang, timeout=60).run()
    at.switch_page(COMPOSER).run()
    assert not at.exception, at.exception
    return at


def agenda_of(at) -> list[tuple]:
    frame = next(d for d in at.dataframe if d.editing_mode == "read_only").value
    return [tuple(row) for row in frame.itertuples(index=False)]


def add_module(at, module_id):
    add = next(s for s in at.selectbox if s.key and s.key.endswith(".add"))
    add.set_value(module_id).run()
    at.button(key="composer.add").click().run()
    assert not at.exception, at.exception


def test_compose_reorder_save_reload_gives_the_same_agenda(bundled, monkeypatch):
    at = open_composer(bundled, monkeypatch)
    at.text_input(key="composer.new.id").set_value("two-day")
    at.text_input(key="composer.new.fr").set_value("Deux jours")
    at.text_input(key="composer.new.en").set_value("Two days").run()
    at.button(key="composer.create").click().run()
    assert at.selectbox(key="composer.pick").value == "two-day"
    for module_id in ["trust-building", "information-sharing", "risk-assessment"]:
        add_module(at, module_id)
    days = next(n for n in at.number_input if n.key.endswith(".days"))
    days.set_value(2).run()
    # information-sharing is a prerequisite of risk-assessment and sits second: move it first
    next(b for b in at.button if b.key.endswith(".1.up")).click().run()
    assert not at.exception, at.exception
    agenda = agenda_of(at)
    assert agenda[0][4].startswith("The obstacle wall")  # first activity of information-sharing
    assert {row[0] for row in agenda} == {1, 2}
    at.button(key="composer.save").click().run()
    assert any("Saved: curricula/two-day.yaml, revision 2" in s.value for s in at.success)

    STORE.forget()
    saved = load_workspace(bundled).curricula["two-day"]
    assert [item.module for item in saved.items] == ["information-sharing", "trust-building", "risk-assessment"]
    assert saved.schedule.days == 2

    again = open_composer(bundled, monkeypatch)
    again.selectbox(key="composer.pick").set_value("two-day").run()
    assert agenda_of(again) == agenda
    programme = resolve(load_workspace(bundled), "two-day", saved.default_context, "en")
    assert [(r[1], r[2]) for r in agenda if r[4] and r[5]] == [
        (a.start, a.end) for a in sorted(programme.activities, key=lambda a: (a.day, a.start))
    ]


def test_choosing_fewer_sessions_updates_the_agenda(bundled, monkeypatch):
    at = open_composer(bundled, monkeypatch)
    at.selectbox(key="composer.pick").set_value("core-3-day").run()
    before = len(agenda_of(at))
    sessions = next(m for m in at.multiselect if ".information-sharing." in m.key)
    sessions.set_value(["legal-bases"]).run()
    assert not at.exception
    assert len(agenda_of(at)) < before


def test_delete_needs_confirmation(bundled, monkeypatch):
    at = open_composer(bundled, monkeypatch)
    at.selectbox(key="composer.pick").set_value("awareness-1-day").run()
    assert at.button(key="composer.delete").disabled
    next(c for c in at.checkbox if c.key.endswith(".confirm")).check().run()
    at.button(key="composer.delete").click().run()
    assert not (bundled / "curricula/awareness-1-day.yaml").exists()
    assert any("deleted" in s.value for s in at.success)


def test_warnings_are_shown_in_the_interface_language(bundled, monkeypatch):
    at = open_composer(bundled, monkeypatch, lang="fr")
    at.selectbox(key="composer.pick").set_value("core-3-day").run()
    days = next(n for n in at.number_input if n.key.endswith(".days"))
    days.set_value(1).run()
    assert any("déborde" in w.value for w in at.warning)


def test_an_item_whose_module_is_gone_says_so_and_can_be_removed(small, monkeypatch):
    from tests.conftest import write

    text = (small / "curricula/short.yaml").read_text(encoding="utf-8")
    write(small, "curricula/short.yaml", text + "  - module: vanished\n")
    at = open_composer(small, monkeypatch, lang="fr")
    warnings = [w.value for w in at.warning if "vanished" in w.value]
    assert any("introuvable" in w for w in warnings) and not any("Non enregistré" in w for w in warnings)
    at.button(key=next(b.key for b in at.button if b.key and b.key.endswith(".1.remove"))).click().run()
    assert not [w for w in at.warning if "vanished" in w.value]


def test_a_refused_create_lists_what_is_wrong(small, monkeypatch):
    at = open_composer(small, monkeypatch)
    at.text_input(key="composer.new.id").set_value("short")  # taken
    at.text_input(key="composer.new.en").set_value("Again").run()
    at.button(key="composer.create").click().run()
    assert not at.exception, at.exception
    (error,) = [e.value for e in at.error]
    assert error.startswith("Not saved:") and "short" in error
