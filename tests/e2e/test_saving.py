"""End-to-end: Save without a change, in both languages, writes nothing (issue 21, item 2)."""

from __future__ import annotations

import pytest

from curriculum.usage import adaptations
from curriculum.workspace import STORE, load_workspace
from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e


def test_save_without_a_change_twice_in_each_language_writes_nothing(page, server):
    files = sorted((server["root"] / "modules").glob("*.yaml"))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
    STORE.forget()
    states = sorted((a.context, a.target, a.index, a.state) for a in adaptations(load_workspace(server["root"])))
    open_page(page, server)
    for button, words in (("Save", "No change: nothing saved"), ("Enregistrer", "Aucune modification")):
        if button == "Enregistrer":
            page.get_by_text("Français", exact=True).click()
            page.get_by_role("heading", name="Bibliothèque de modules").wait_for()
        for _ in range(2):
            page.get_by_role("button", name=button, exact=True).click()
            page.get_by_text(words).wait_for()
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files} == before
    STORE.forget()
    assert (
        sorted((a.context, a.target, a.index, a.state) for a in adaptations(load_workspace(server["root"]))) == states
    )
