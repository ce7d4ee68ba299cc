"""What every journey step checks on screen, whatever the role.

A step fails on a Streamlit exception box, on a data grid whose columns do not fit the
window, and, in the French interface, on a raw code or an English word. The codes come from
the model's choice constants and field names; the English words are those of the English
interface strings that neither the French strings nor the bundled French content use.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from curriculum import model, review
from curriculum.catalogs import interface_languages
from curriculum.i18n import texts
from curriculum.languages import menu_name
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED
from tests.e2e.conftest import SHOTS

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
TOKEN = re.compile(r"[\w]+(?:-[\w]+)*")
PLACEHOLDER = re.compile(r"\{[^}]*\}")
# Streamlit's own English, which no catalogue of ours holds
STREAMLIT_ENGLISH = (
    "Choose an option",
    "Choose options",
    "No results",
    "Ask Google",
    "Ask ChatGPT",
    "Press Enter to apply",
    "Drag and drop file here",
    "Browse files",
    "dd/mm/yyyy",
    "yyyy/mm/dd",
)
# The language switch names each language in that language
OWN_NAMES = {menu_name(code) for code in interface_languages()}
CHOICES = (
    model.THEMES,
    model.BLOOM_LEVELS,
    model.METHODS,
    model.GROUPINGS,
    model.HANDOUT_KINDS,
    model.QUESTION_KINDS,
    model.OVERRIDE_KINDS,
    model.PROFILES,
    review.STATUSES,
)

# What the page shows: visible text (icons' ligature names left out), the choice shown in each
# selectbox, placeholders, the chips of multiselects, and the visible cells of every grid
# (Glide draws them on a canvas and mirrors the visible ones in an accessible table inside it).
SCREEN_TEXT = """
() => {
  const seen = el => el.checkVisibility ? el.checkVisibility() : !!el.offsetParent;
  // icons' ligature names, grids (read below), typed text (the EN half of a FR | EN pair is English)
  const skip = '[data-testid="stIconMaterial"], [data-testid="stDataFrame"], textarea, style, script';
  const texts = [];
  const roots = document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]');
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !seen(parent)) continue;
      if (node.textContent.trim()) texts.push(node.textContent.trim());
    }
    for (const input of root.querySelectorAll('input')) {
      if (!seen(input)) continue;
      if (input.placeholder && !input.value) texts.push(input.placeholder);
      if (input.getAttribute('role') === 'combobox' && input.value) texts.push(input.value);
    }
  }
  const cells = [];
  for (const grid of document.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!seen(grid)) continue;
    const heads = {};
    for (const th of grid.querySelectorAll('canvas th')) {
      heads[th.getAttribute('aria-colindex')] = th.textContent.trim();
      cells.push({column: '', text: th.textContent.trim()});
    }
    // an editable cell's mirror holds its raw value, not the label the canvas draws: left out
    for (const td of grid.querySelectorAll('canvas tbody td:not([aria-readonly="false"])')) {
      cells.push({column: heads[td.getAttribute('aria-colindex')] || '', text: td.textContent.trim()});
    }
  }
  const chips = [...document.querySelectorAll('[data-testid="stMultiSelect"] [data-baseweb="tag"]')]
    .filter(seen).map(tag => tag.textContent.trim());
  return {texts, cells, chips};
}
"""

# Every visible grid: is it inside the window, and are all its columns visible without scrolling?
GRID_FIT = """
() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
  .filter(grid => grid.checkVisibility())
  .map(grid => {
    const scroller = grid.querySelector('.dvn-scroller');
    const box = grid.getBoundingClientRect();
    const heads = [...grid.querySelectorAll('canvas th')].map(th => th.textContent.trim());
    return {heads, right: box.right, window: window.innerWidth,
            inner: scroller ? scroller.scrollWidth : 0, shown: scroller ? scroller.clientWidth : 0};
  })
"""


# Glide lays a grid out after Streamlit's run has ended: wait until every grid has its columns.
GRIDS_DRAWN = """
() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(g => g.checkVisibility())
  .every(g => { const s = g.querySelector('.dvn-scroller'); return s && s.scrollWidth > 0
                && g.querySelectorAll('canvas th').length > 0; })
"""


def _words(texts) -> set[str]:
    return {w.lower() for text in texts for w in WORD.findall(PLACEHOLDER.sub(" ", text))}


def _french_content(ws) -> list[str]:
    """Every French text of the bundled content (a word written there is French enough)."""
    found = []

    def walk(value):
        if isinstance(value, model.Text):
            found.append(value.as_dict().get("fr", ""))
        elif dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                walk(getattr(value, item.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    for kind in (ws.modules, ws.contexts, ws.curricula):
        for record in kind.values():
            walk(record)
    return found


@cache
def vocabulary() -> tuple[frozenset[str], ...]:
    """(French words, English-only words, raw codes, record ids) for the checks."""
    ws = load_workspace(BUNDLED)
    french = _words(texts("fr").values()) | _words(_french_content(ws))
    english = {w for w in _words(texts("en").values()) if len(w) >= 4} - french
    codes = {code for choices in CHOICES for code in choices}
    for record in (model.Module, model.Session, model.Activity, model.Handout, model.Question, model.Context,
                   model.Curriculum, model.Override, model.Addition, model.ProtectedTime, model.Pause):  # fmt: skip
        for item in dataclasses.fields(record):
            codes.add(item.name)
            if item.type == "Text":
                codes |= {f"{item.name}_{code}" for code in ws.languages}
    ids = set(ws.modules) | set(ws.contexts) | set(ws.curricula)
    return frozenset(french), frozenset(english), frozenset(codes), frozenset(ids)


FILE_NAME = re.compile(r"[\w./-]+\.(?:yaml|yml|pdf|docx|md|html|zip|csv|xlsx)\b")


def _without_ids(text: str, ids) -> str:
    """An id shown beside a name, "Title (some-id)", and a file name are there on purpose: leave them out."""
    text = FILE_NAME.sub(" ", text)
    return re.sub(r"\(([\w-]+)\)", lambda m: " " if m.group(1) in ids else m.group(0), text)


def _english_column(heading: str) -> bool:
    return heading.rstrip().endswith(("EN", "EN)"))


def french_faults(screen: dict) -> list[str]:
    """Raw codes and English words in what a French page shows."""
    french, english, codes, ids = vocabulary()
    labels = set(texts("fr").values())  # "discussion" is also its French name
    faults = []
    prose = [_without_ids(t, ids) for t in screen["texts"] if t not in OWN_NAMES]
    prose += [c["text"] for c in screen["cells"] if not _english_column(c["column"])]
    for text in prose:
        for phrase in STREAMLIT_ENGLISH:
            if phrase in text:
                faults.append(f"Streamlit's English {phrase!r} in {text[:80]!r}")
        for token in TOKEN.findall(text):
            if token in codes and token.lower() not in french:
                faults.append(f"raw code {token!r} in {text[:80]!r}")
        for word in WORD.findall(text):
            if word.lower() in english:
                faults.append(f"English word {word!r} in {text[:80]!r}")
    for value in [c["text"] for c in screen["cells"]] + screen["chips"]:
        if value in codes and value not in labels:  # a whole cell or chip that is a code, not a French name
            faults.append(f"raw code {value!r} as a value")
    return faults


def grid_faults(page) -> list[str]:
    faults = []
    for grid in page.evaluate(GRID_FIT):
        if grid["right"] > grid["window"] + 1:
            faults.append(f"grid {grid['heads']} ends at {grid['right']:.0f} px, past the window")
        if grid["inner"] > grid["shown"] + 1:
            faults.append(f"grid {grid['heads']} needs {grid['inner']} px, shows {grid['shown']}: columns hidden")
    return faults


# Streamlit's exception box, or the app's own message for a page that failed (shell.page_failed)
CRASH = "[data-testid='stException'], .st-key-app-crash"


def crashed(page) -> str:
    """What the page says about an exception, or "" when none was raised."""
    boxes = page.locator(CRASH)
    return f"exception on the page: {boxes.first.inner_text()[:300]}" if boxes.count() else ""


class Steps:
    """Check and photograph each step of one journey (tests/e2e/screenshots/JOURNEY/NN-step.png).

    Faults are gathered over the whole journey and reported together when it ends, so that one
    run names every defect met on the way; an action that cannot be done fails at once."""

    def __init__(self, page, name: str, lang: str):
        self.page, self.lang, self.number, self.faults = page, lang, 0, {}
        self.folder = SHOTS / name
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        report = "\n".join(f"step {name}:\n  " + "\n  ".join(found) for name, found in self.faults.items())
        if error is not None:
            print(f"faults seen before the journey stopped:\n{report}")
            return False
        assert not self.faults, report
        return False

    def __call__(self, step: str) -> None:
        self.number += 1
        name = f"{self.number:02d}-{step}"
        self.page.wait_for_function(GRIDS_DRAWN, polling=50)
        self.page.screenshot(path=str(self.folder / f"{name}.png"), full_page=True)
        faults = []
        crash = crashed(self.page)
        if crash:
            faults.append(crash)
        faults += grid_faults(self.page)
        if self.lang == "fr":
            faults += french_faults(self.page.evaluate(SCREEN_TEXT))
        if faults:
            self.faults[name] = list(dict.fromkeys(faults))
