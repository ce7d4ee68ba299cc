"""axe-core in the same browser: no serious or critical violation on any page or on the HTML pack."""

from __future__ import annotations

import pytest

from curriculum.export.formats import export
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED, REPO
from tests.e2e.conftest import open_page, settled

pytestmark = pytest.mark.e2e
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", ["", "composer", "contexts", "export", "review"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_serious_accessibility_violation_on_any_page(page, server, path, lang):
    open_page(page, server, path)
    if lang == "fr":
        with settled(page):
            page.get_by_text("Français", exact=True).click()
    # the app's own stylesheet (readable captions) arrives with the first run's elements
    page.wait_for_function(
        "() => [...document.querySelectorAll('style')].some(s => s.textContent.includes('stCaptionContainer'))"
    )
    assert serious_violations(page) == []


@pytest.mark.parametrize("pack", ["facilitator", "participant"])
def test_no_serious_accessibility_violation_in_the_html_pack(page, pack, tmp_path):
    programme = resolve(load_workspace(BUNDLED), "core-3-day", "sahel-mali", "fr")
    _, html = export(programme, pack, "html", "pack")
    path = tmp_path / "pack.html"
    path.write_bytes(html)
    page.goto(path.as_uri())
    assert serious_violations(page) == []


@pytest.mark.parametrize("which", ["arabic", "french quoting arabic"])
def test_no_serious_accessibility_violation_in_a_right_to_left_html_pack(page, which, tmp_path):
    from curriculum.export.html import render
    from tests.rtl_document import arabic_document, french_document_quoting_arabic

    document = arabic_document() if which == "arabic" else french_document_quoting_arabic()
    path = tmp_path / "pack.html"
    path.write_bytes(render(document))
    page.goto(path.as_uri())
    assert page.evaluate("() => getComputedStyle(document.querySelector('main h2')).direction") == (
        "rtl" if which == "arabic" else "ltr"
    )
    assert serious_violations(page) == []


def test_a_very_long_arabic_word_never_widens_the_html_pack(page, tmp_path):
    from dataclasses import replace

    from curriculum.export.document import Para, Table
    from curriculum.export.html import render
    from tests.rtl_document import LONG_WORD, arabic_document

    document = arabic_document()
    document = replace(document, blocks=(*document.blocks, Para(LONG_WORD), Table(("أ", "ب"), ((LONG_WORD, "x"),))))
    path = tmp_path / "pack.html"
    path.write_bytes(render(document))
    page.set_viewport_size({"width": 600, "height": 800})
    page.goto(path.as_uri())
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 600
    heading = page.locator("main h2").first.bounding_box()
    assert heading["x"] + heading["width"] > 500  # starts on the right
