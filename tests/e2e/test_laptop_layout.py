"""At laptop sizes (1366×768, 1400×900), in both languages, everything on each page fits: data
grids show every column, chosen sessions are all readable, nothing is fetched from the internet."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e
PAGES = ["", "composer", "contexts", "export", "review"]
TABS = {"contexts": ("Adaptations", "Adaptations"), "review": ("Comments", "Commentaires")}

OVERFLOWING = """() => {
  const cut = [];
  for (const grid of document.querySelectorAll("[data-testid='stDataFrame'] .dvn-scroller")) {
    if (grid.offsetParent && grid.scrollWidth > grid.clientWidth + 1)
      cut.push(`grid ${grid.scrollWidth}px in ${grid.clientWidth}px`);
  }
  for (const tags of document.querySelectorAll("[data-testid='stMultiSelectTagsContainer']")) {
    if (tags.offsetParent && tags.scrollWidth > tags.clientWidth + 1)
      cut.push(`chips ${tags.scrollWidth}px in ${tags.clientWidth}px`);
  }
  for (const box of document.querySelectorAll("[data-testid='stSelectbox'] input[role='combobox']")) {
    if (box.offsetParent && box.scrollWidth > box.clientWidth + 1) cut.push(`choice "${box.value}"`);
  }
  return cut;
}"""


def show_every_tab(page, path: str, lang: str) -> list[str]:
    cut = page.evaluate(OVERFLOWING)
    if path in TABS:
        page.get_by_role("tab", name=TABS[path][lang == "fr"]).click()
        wait_idle(page)
        cut += page.evaluate(OVERFLOWING)
    return cut


# every data grid shown (not in a closed expander) has drawn its canvas, at a width that held between two polls
GRIDS_LAID_OUT = """() => {
    const shown = [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(g => g.checkVisibility());
    const widths = shown.map(g => {
        const c = g.querySelector('canvas'); return c ? Math.round(c.getBoundingClientRect().width) : 0; }).join();
    const settled = widths === window.__gridWidths && !widths.split(',').includes('0');
    window.__gridWidths = widths;
    return settled; }"""


@pytest.mark.parametrize("size", [(1366, 768), (1400, 900)])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_fits_a_laptop_screen_and_stays_offline(browser, server, size, lang):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: None if r.url.startswith((server["url"], "data:", "blob:")) else outside.append(r.url))
    try:
        open_page(page, server)
        if lang == "fr":
            page.get_by_text("Français", exact=True).click()
            wait_idle(page)
        cut = {}
        for index, path in enumerate(PAGES):
            page.locator("[data-testid='stSidebarNav'] a").nth(index).click()
            wait_idle(page)
            page.evaluate("window.__gridWidths = null")
            page.wait_for_function(GRIDS_LAID_OUT, polling=150)  # grids lay out after the run
            cut[path or "library"] = show_every_tab(page, path, lang)
    finally:
        context.close()
    assert {name: found for name, found in cut.items() if found} == {}
    assert outside == []  # the favicon and everything else come from the app itself
