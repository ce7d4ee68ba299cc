"""Export page: packs built once per (choices, workspace state), offered only for those choices."""

from __future__ import annotations

from dataclasses import replace

import pytest

import curriculum.export.formats as formats
from curriculum.model import Text
from curriculum.workspace import load_workspace, save
from tests.conftest import REPO, app_test

PAGE = str(REPO / "curriculum/ui/pages/export.py")


@pytest.fixture
def builds(monkeypatch):
    """Every export the page asks the core for, as (pack, format)."""
    made = []
    real = formats.export

    def counted(programme, pack, fmt, *args, **kwargs):
        made.append((pack, fmt))
        return real(programme, pack, fmt, *args, **kwargs)

    monkeypatch.setattr(formats, "export", counted)
    return made


@pytest.fixture
def page(small, monkeypatch, tmp_path):
    import streamlit as st

    st.cache_resource.clear()  # packs built by earlier tests (same content, same key) are gone
    monkeypatch.setenv("CURRICULUM_EXPORTS", str(tmp_path / "out"))
    at = app_test(small, monkeypatch).run()
    at.switch_page(PAGE).run()
    at.radio(key="export.format").set_value("md").run()
    return at


def _download(at):
    buttons = at.get("download_button")
    return buttons[0].proto.label if buttons else None


def test_building_the_same_pack_again_does_not_build_it_again(page, builds):
    page.button(key="export.build").click().run()
    assert builds == [("facilitator", "md"), ("facilitator", "html")]  # the pack and its preview
    page.button(key="export.build").click().run()
    assert not page.exception, page.exception
    assert builds == [("facilitator", "md"), ("facilitator", "html")]
    assert _download(page) == "Download short-generic-en-facilitator.md"
    # no bar left reading "Building…" at 0 over the ready pack (it stayed so in every language)
    assert [bar.proto.text for bar in page.get("progress") if bar.proto.value < 100] == []


def test_a_pack_is_offered_only_for_the_choices_it_was_built_from(page, builds):
    page.button(key="export.build").click().run()
    assert _download(page) == "Download short-generic-en-facilitator.md"
    page.radio(key="export.pack").set_value("participant").run()
    assert _download(page) is None  # not the facilitator pack under the participant choice
    page.radio(key="export.pack").set_value("facilitator").run()
    assert _download(page) == "Download short-generic-en-facilitator.md"


def test_a_saved_change_is_in_the_next_build(page, small, builds, tmp_path):
    page.button(key="export.build").click().run()
    ws = load_workspace(small)
    module = ws.modules["sharing"]
    save(small, "modules", replace(module, title=Text(fr="Partage revu", en="Sharing, revised")), module.revision)
    page.run()
    assert _download(page) is None  # built from the content before the save
    page.button(key="export.build").click().run()
    assert len(builds) == 4
    written = (tmp_path / "out" / "short-generic-en-facilitator.md").read_text(encoding="utf-8")
    assert "Sharing, revised" in written


def test_agenda_warnings_are_in_the_interface_language_whatever_the_pack_language(monkeypatch, tmp_path):
    from curriculum.i18n import notice_text
    from curriculum.resolve import resolve
    from tests.conftest import BUNDLED

    notices = resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "en").notices
    assert notices  # the 3-day curriculum in Mali has schedule warnings
    monkeypatch.setenv("CURRICULUM_EXPORTS", str(tmp_path / "out"))
    at = app_test(BUNDLED, monkeypatch, "fr").run()
    at.switch_page(PAGE).run()
    at.selectbox(key="export.curriculum").set_value("core-3-day").run()
    at.selectbox(key="export.context.core-3-day").set_value("sahel-mali").run()
    at.selectbox(key="export.lang").set_value("en").run()
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert [notice_text(n, "fr") for n in notices] == warnings
    assert not set(warnings) & {notice_text(n, "en") for n in notices}
