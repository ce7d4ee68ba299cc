"""The app in Arabic in a real Chromium: every page right to left, in Arabic only, accessible;
Arabic typed into a field is saved and shown again (issue 15).

Screenshots of every page and tab at 1366 px: tests/e2e/screenshots/arabic/.
"""

from __future__ import annotations

import re

import pytest
import yaml

from curriculum.i18n import t
from curriculum.languages import menu_name, name
from tests.e2e.conftest import SHOTS, VIEWPORT, choose, open_page, settled, wait_idle
from tests.e2e.journey import GRIDS_DRAWN, SCREEN_TEXT, arabic_faults, crashed, grid_faults
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.e2e
PAGES = ["library", "composer", "contexts", "export", "review"]
ARABIC = menu_name("ar")  # the switch names each language in itself: العربية

# where the first grid column and the sidebar are drawn, and how the text of the main column runs
LAYOUT = """() => {
  const main = document.querySelector('[data-testid="stMain"]').getBoundingClientRect();
  const side = document.querySelector('[data-testid="stSidebar"]').getBoundingClientRect();
  const para = document.querySelector('[data-testid="stMainBlockContainer"] h1');
  return {sidebarRight: side.left >= main.left, direction: getComputedStyle(para).direction,
          align: getComputedStyle(para).textAlign};
}"""


# a multiselect whose chips or icons stick out of its own box (a long chip pushed them past it)
STICKING_OUT = """() => [...document.querySelectorAll('[data-testid="stMultiSelect"]')].filter(m => m.checkVisibility())
  .flatMap(m => { const box = m.getBoundingClientRect();
    return [...m.querySelectorAll('[data-testid="stMultiSelectTagsContainer"], svg')]
      .map(e => e.getBoundingClientRect()).filter(r => r.width && (r.left < box.left - 1 || r.right > box.right + 1))
      .map(r => `${m.innerText.slice(0, 60)}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`); })"""


def _in_arabic(page, server, path: str = "") -> None:
    open_page(page, server, path)
    with settled(page):
        page.get_by_text(ARABIC, exact=True).click()
    page.get_by_role("heading", name=t(f"{path or 'library'}.title", "ar")).wait_for()


def _look(page, name: str) -> list[str]:
    """Photograph the page as it is, and say what is wrong on it."""
    page.wait_for_function(GRIDS_DRAWN, polling=50)
    folder = SHOTS / "arabic"
    folder.mkdir(parents=True, exist_ok=True)
    # the page scrolls inside Streamlit's main column: a window as tall as its content shows it all
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    page.screenshot(path=str(folder / f"{name}.png"))
    page.set_viewport_size(VIEWPORT)
    faults = [crashed(page)] if crashed(page) else []
    return faults + grid_faults(page) + arabic_faults(page.evaluate(SCREEN_TEXT)) + page.evaluate(STICKING_OUT)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_arabic_reads_right_to_left_in_arabic_only_and_accessibly(page, server, path):
    _in_arabic(page, server, "" if path == "library" else path)
    root = page.evaluate("() => [document.documentElement.dir, document.documentElement.lang]")
    assert root == ["rtl", "ar"]
    layout = page.evaluate(LAYOUT)
    assert layout == {"sidebarRight": True, "direction": "rtl", "align": "start"}
    faults = {path: _look(page, path)}
    for index in range(page.get_by_role("tab").count()):
        tab = page.get_by_role("tab").nth(index)
        if tab.get_attribute("aria-selected") != "true":
            tab.click()
            wait_idle(page)
        faults[f"{path}-tab{index + 1}"] = _look(page, f"{path}-tab{index + 1}")
    assert {where: found for where, found in faults.items() if found} == {}
    assert serious_violations(page) == []


def _arabic_title_field(page):
    """The module's title in Arabic, in its details (Arabic added to the languages shown, the
    expander opened)."""
    summary = page.get_by_text(t("library.details", "ar"), exact=True)
    details = page.locator("[data-testid='stExpander']").filter(has=summary)
    label = re.compile("^" + re.escape(f"{t('common.title', 'ar')} — {name('ar', 'ar')}"))
    if not details.get_by_label(label).count():  # a session started in English shows English and French
        page.get_by_label(t("common.languages_shown", "ar")).click()
        with settled(page):
            page.get_by_role("option", name=name("ar", "ar"), exact=True).click()
        page.keyboard.press("Escape")
    field = details.get_by_label(label)
    if not field.is_visible():
        summary.click()
    field.wait_for()
    return field


def test_arabic_typed_into_a_module_title_is_saved_shown_and_on_disk(page, fresh_server):
    title = "عنوان تجريبي: تقييم المخاطر والاحتياجات"  # no bundled module is titled so
    _in_arabic(page, fresh_server)
    field = _arabic_title_field(page)
    with settled(page):
        field.fill(title)
        field.blur()
    with settled(page):
        page.get_by_role("button", name=t("common.save", "ar"), exact=True).first.click()
    assert not crashed(page), crashed(page)
    saved = [p for p in (fresh_server["root"] / "modules").glob("*.yaml") if title in p.read_text(encoding="utf-8")]
    assert len(saved) == 1  # written as Arabic letters, not as \u escapes
    on_disk = yaml.safe_load(saved[0].read_text(encoding="utf-8"))["title"]
    assert on_disk["ar"] == title and on_disk["fr"]  # the French title kept
    page.reload()  # a new session, from the file on disk
    wait_idle(page)
    with settled(page):
        page.get_by_text(ARABIC, exact=True).click()
    choose(page, t("library.module", "ar"), title)  # listed by its Arabic title now
    assert _arabic_title_field(page).input_value() == title
    direction = _arabic_title_field(page).evaluate("e => getComputedStyle(e).unicodeBidi")
    assert direction == "plaintext"  # each field reads in the direction of what is typed in it
