"""End-to-end: Save without a change, in both languages, writes nothing (issue 21, item 2)."""

from __future__ import annotations

import pytest

from curriculum.usage import adaptations
from curriculum.workspace import STORE, load_workspace
from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e

SAVE = {"en": ("Save", "No change: nothing saved"), "fr": ("Enregistrer", "Aucune modification")}
PAGES = {"en": ("Library", "Contexts", "Composer"), "fr": ("Bibliothèque", "Contextes", "Composer")}


def _files(root):
    return {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(root.glob("*/*.yaml"))}


def _states(root):
    STORE.forget()
    return sorted((a.context, a.target, a.index, a.state) for a in adaptations(load_workspace(root)))


def test_save_without_a_change_writes_nothing_on_any_page_in_either_language(page, server):
    root = server["root"]
    files, states = _files(root), _states(root)
    open_page(page, server)
    for lang in ("en", "fr"):
        if lang == "fr":
            page.get_by_text("Français", exact=True).click()
            page.get_by_role("link", name="Bibliothèque", exact=True).wait_for()
        button, words = SAVE[lang]
        for name, clicks in zip(PAGES[lang], (2, 1, 1), strict=True):
            page.get_by_role("link", name=name, exact=True).click()
            wait_idle(page)
            for _ in range(clicks):
                page.get_by_role("button", name=button, exact=True).first.click()
                page.get_by_text(words).first.wait_for()
    assert _files(root) == files
    assert _states(root) == states
