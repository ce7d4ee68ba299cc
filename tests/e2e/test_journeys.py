"""Each role's whole journey in a real browser, twice in a row, in French and in English.

Every journey runs on its own server and a fresh copy of the bundled workspace, in a
1366×768 window; every step is photographed (tests/e2e/screenshots/) and checked for an
exception box, for grids that do not fit, and, in French, for raw codes and English words.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from curriculum import languages, review
from curriculum.i18n import notice_text, t
from curriculum.resolve import resolve
from curriculum.schedule import SCHEDULE_NOTICES
from curriculum.usage import adaptations
from curriculum.workspace import STORE, load_workspace
from tests.e2e.conftest import choose, open_page, settled, wait_idle
from tests.e2e.journey import Steps, crashed

pytestmark = pytest.mark.e2e
LANGS = ["en", "fr"]


@contextlib.contextmanager
def acting(page):
    """An action that starts a script run: wait for the run, and stop at once if it raised."""
    with settled(page):
        yield
    assert not crashed(page), crashed(page)


def _type(page, field, text: str) -> None:
    """Type into a text field and leave it, as a person does: its new value starts a run."""
    with acting(page):
        field.fill(text)
        field.blur()


def _on_disk(root: Path):
    STORE.forget()
    return load_workspace(root)


def _files(root: Path) -> dict[str, bytes]:
    """Every content file and saved revision, byte for byte."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml")) if ".lock" not in p.name}


def _start(page, server, lang: str, path: str = "") -> None:
    open_page(page, server, path)
    if lang == "fr":
        with acting(page):
            page.get_by_text("Français", exact=True).click()
        page.get_by_role("heading", name=t(f"{path or 'library'}.title", "fr")).wait_for()


def _go(page, lang: str, nav: str) -> None:
    """Open another page from the sidebar (the session, and its language, stay)."""
    with acting(page):
        page.get_by_role("link", name=t(f"nav.{nav}", lang)).click()
    page.get_by_role("heading", name=t(f"{nav}.title", lang)).wait_for()


def _chosen_module(page, server, lang: str) -> str:
    """The id of the module the Library shows (its selectbox shows the title, perhaps with the id)."""
    value = page.get_by_label(t("library.module", lang), exact=True).input_value()
    modules = _on_disk(server["root"]).modules
    found = [m for m in modules if value in (modules[m].title.get(lang), f"{modules[m].title.get(lang)} ({m})")]
    assert len(found) == 1, f"no single module is shown as {value!r}"
    return found[0]


# The element's box once it has not moved for ten frames in a row (a message appearing above
# slides the page down for a moment after the run has ended).
STEADY_BOX = """
element => new Promise(done => {
  let last = '', same = 0;
  const look = () => {
    const r = element.getBoundingClientRect(), now = [r.x, r.y, r.width, r.height].join();
    same = now === last ? same + 1 : 0; last = now;
    if (same >= 10) done({x: r.x, y: r.y, width: r.width, height: r.height}); else requestAnimationFrame(look);
  };
  look();
})
"""


def _until(page, press, selected, tries: int = 5) -> None:
    """Do `press` until `selected` is in the grid: Glide ignores input for a moment after some
    reruns (a Save that changed nothing), whatever the wait for the run."""
    for _ in range(tries):
        press()
        try:
            selected.wait_for(state="attached", timeout=1_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the grid never selected {selected}")


def _set_cell(page, grid, column: int, row: int, value: str) -> None:
    """Type `value` into one cell of a data editor, by keyboard from the first cell of its row."""
    frame = grid.locator("[data-testid='stDataFrameResizable']")
    # at once, not smoothly, and measured once it stays put: the click goes where the grid is
    frame.evaluate("grid => grid.scrollIntoView({block: 'center', behavior: 'instant'})")
    box = frame.evaluate(STEADY_BOX)
    cell = "td[aria-selected='true'][id='glide-cell-{}-{}']"
    _until(
        page,
        lambda: page.mouse.click(box["x"] + 15, box["y"] + 35 + 17 + 35 * row),  # rows are 35 px high
        grid.locator(cell.format(0, row)),
    )
    for index in range(1, column + 1):
        _until(page, lambda: page.keyboard.press("ArrowRight"), grid.locator(cell.format(index, row)))
    page.keyboard.press("Enter")  # opens the cell's editor on its current value
    editor = page.locator("#portal input.gdg-input")
    expect(editor).to_be_focused()
    editor.fill(value)
    expect(editor).to_have_value(value)
    with acting(page):
        page.keyboard.press("Enter")


def _staleness(root: Path, module_id: str) -> list[tuple[str, str, str]]:
    return [(a.context, a.target, a.state) for a in adaptations(_on_disk(root), module_id)]


# --- designer ------------------------------------------------------------------------------


def _save(page, lang: str, button_key: str = "common.save") -> None:
    with acting(page):
        page.get_by_role("button", name=t(button_key, lang), exact=True).click()


def _library_round(page, server, lang: str, steps, round_no: int) -> None:
    root = server["root"]
    module_id = _chosen_module(page, server, lang)
    before, stale_before = _files(root), _staleness(root, module_id)

    _save(page, lang)  # nothing edited: nothing may change on disk, nothing becomes stale
    steps(f"library-save-unchanged-{round_no}")
    after = _files(root)
    written = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not written, f"a save without change wrote {written}"
    assert _staleness(root, module_id) == stale_before

    module = _on_disk(root).modules[module_id]
    first = module.sessions[0].activities[0]
    minutes = first.minutes + 5 * round_no
    grid = page.locator("[data-testid='stDataFrame']").first
    minutes_head = grid.locator("canvas th").filter(has_text=re.compile(rf"^{t('common.minutes', lang)}$"))
    _set_cell(page, grid, int(minutes_head.get_attribute("aria-colindex")) - 1, 0, str(minutes))
    steps(f"library-minutes-typed-{round_no}")
    _save(page, lang)
    saved = t("common.saved", lang, name=f"modules/{module_id}.yaml", revision=module.revision + 1)
    page.get_by_text(saved).wait_for()
    steps(f"library-saved-{round_no}")
    after = _on_disk(root).modules[module_id]
    assert after.revision == module.revision + 1
    assert after.sessions[0].activities[0].minutes == minutes
    assert after.sessions[0].activities[1:] == module.sessions[0].activities[1:]


def _composer_round(page, server, lang: str, steps, round_no: int) -> None:
    root = server["root"]
    curriculum = _on_disk(root).curricula["core-3-day"]
    items = [item.module for item in curriculum.items]
    with acting(page):
        page.get_by_role("button", name="↓", exact=True).first.click()  # move the first module down
    items[0], items[1] = items[1], items[0]
    added = _on_disk(root).modules
    to_add = sorted(added, key=lambda m: added[m].title.get(lang))[round_no]
    choose(page, t("composer.add_module", lang), added[to_add].title.get(lang))
    with acting(page):
        page.get_by_role("button", name=t("composer.add", lang), exact=True).click()
    items.append(to_add)
    steps(f"composer-composed-{round_no}")
    _save(page, lang)
    saved = t("common.saved", lang, name="curricula/core-3-day.yaml", revision=curriculum.revision + 1)
    page.get_by_text(saved).wait_for()
    assert [item.module for item in _on_disk(root).curricula["core-3-day"].items] == items
    page.get_by_role("heading", name=t("composer.agenda", lang)).scroll_into_view_if_needed()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    page.get_by_role("heading", name=t("composer.warnings", lang)).scroll_into_view_if_needed()
    steps(f"composer-saved-{round_no}")


@pytest.mark.parametrize("lang", LANGS)
def test_designer_journey(fresh_server, page, lang):
    with Steps(page, f"designer-{lang}", lang) as steps:
        _start(page, fresh_server, lang)
        steps("library")
        for round_no in (1, 2):
            _library_round(page, fresh_server, lang, steps, round_no)
        _go(page, lang, "composer")
        ws = _on_disk(fresh_server["root"])
        choose(page, t("composer.curriculum", lang), ws.curricula["core-3-day"].title.get(lang))
        steps("composer")
        for round_no in (1, 2):
            _composer_round(page, fresh_server, lang, steps, round_no)


# --- facilitator ---------------------------------------------------------------------------


def _pick_radio(page, text: str) -> None:
    """Choose the radio option labelled `text` (no run when it is chosen already)."""
    option = page.locator("[data-testid='stRadio']").get_by_text(text, exact=True)
    if page.get_by_role("radio", name=text, exact=True).is_checked():
        return
    with acting(page):
        option.click()


def _build_and_download(page, server, lang: str, name: str, timeout: float = 60_000) -> Path:
    _pick_radio(page, name.rsplit(".", 1)[1].upper())
    page.get_by_role("button", name=t("export.build", lang), exact=True).click()
    button = page.get_by_role("button", name=t("export.download", lang, name=name), exact=True)
    button.wait_for(timeout=timeout)
    wait_idle(page)
    with page.expect_download() as download:
        button.click()
    return Path(download.value.path())


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _flat(text: str) -> str:
    """Text extracted from a PDF breaks lines anywhere, and packs use French typography
    (non-breaking spaces, ’): compare with single plain spaces and one apostrophe."""
    return " ".join(text.replace("'", "’").split())


def _export_round(page, server, lang: str, steps, pack_lang: str, round_no: int) -> None:
    ws = _on_disk(server["root"])
    choose(page, t("export.curriculum", lang), ws.curricula["core-3-day"].title.get(lang))
    choose(page, t("export.context", lang), ws.contexts["sahel-mali"].name.get(lang))
    choose(page, t("export.lang", lang), languages.name(pack_lang, lang))
    programme = resolve(ws, "core-3-day", "sahel-mali", pack_lang)
    for notice in programme.notices:  # where the facilitator decides: on the page, before any download
        expect(page.get_by_text(notice_text(notice, lang), exact=False).first).to_be_visible()
    if not programme.notices:
        expect(page.get_by_text(t("composer.no_warnings", lang), exact=True)).to_be_visible()
    steps(f"export-chosen-{round_no}")

    _pick_radio(page, t("pack.facilitator", lang))
    stem = f"core-3-day-sahel-mali-{pack_lang}"
    pdf = _flat(_pdf_text(_build_and_download(page, server, lang, f"{stem}-facilitator.pdf")))
    steps(f"export-facilitator-pdf-{round_no}")
    assert _flat(programme.title) in pdf
    assert t("pack.notes", pack_lang) in pdf and t("pack.glance", pack_lang) in pdf
    for notice in programme.notices:  # and the schedule's on the agenda page of the facilitator pack
        if notice.code in (*SCHEDULE_NOTICES, "presentation-share"):
            assert _flat(notice_text(notice, pack_lang)) in pdf

    _pick_radio(page, t("pack.participant", lang))
    text = _docx_text(_build_and_download(page, server, lang, f"{stem}-participant.docx"))
    steps(f"export-participant-docx-{round_no}")
    text = _flat(text)
    assert _flat(programme.title) in text
    missing = [a.title for a in programme.activities if _flat(a.title) not in text]
    assert not missing, f"activities missing from the participant agenda: {missing[:3]}"
    assert t("pack.notes", pack_lang) not in text  # facilitator notes never reach participants


@pytest.mark.parametrize("lang", LANGS)
def test_facilitator_journey(fresh_server, page, lang):
    other = "en" if lang == "fr" else "fr"
    with Steps(page, f"facilitator-{lang}", lang) as steps:
        _start(page, fresh_server, lang, "export")
        steps("export")
        for round_no, pack_lang in ((1, lang), (2, other)):
            _export_round(page, fresh_server, lang, steps, pack_lang, round_no)


# --- reviewer, then designer ---------------------------------------------------------------


# what the reviewer and the designer write, in the language they work in
WORDS = {
    "en": {
        "comment": ": please date the legal references of this part.",
        "reply": "Seconded: the reference in force should be named (reported).",
        "response": "Dated in the next revision.",
    },
    "fr": {
        "comment": " : merci de dater les références juridiques de cette partie.",
        "reply": "D’accord : il faut citer le texte en vigueur (selon ce qui est rapporté).",
        "response": "Daté dans la prochaine révision.",
    },
}


def _tab(page, lang: str, key: str) -> None:
    tab = page.get_by_role("tab", name=t(key, lang), exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def _comment_box(page, text: str):
    """The bordered block of the comment whose text is `text` (the innermost holding it)."""
    return page.locator("[data-testid='stVerticalBlock']").filter(has_text=text).last


def _add_comment(page, server, lang: str, target_label: str, text: str):
    _tab(page, lang, "review.read")
    choose(page, t("review.target", lang), target_label)
    box = page.get_by_label(t("review.text", lang), exact=True)
    _type(page, box, text)
    with acting(page):
        page.get_by_role("button", name=t("review.add", lang), exact=True).click()
    added = next(c for c in review.comments(server["root"], "awareness-1-day") if c.text == text)
    page.get_by_text(t("review.added", lang, id=added.id), exact=True).wait_for()
    return added


def _review_round(page, server, lang: str, steps, round_no: int) -> None:
    root = server["root"]
    ws = _on_disk(root)
    curriculum = ws.curricula["awareness-1-day"]
    _tab(page, lang, "review.read")
    expander = page.get_by_text(t("review.open_round", lang), exact=True)
    if not page.get_by_label(t("review.round_name", lang), exact=True).is_visible():
        expander.click()
    name = f"{t('review.round_default', lang, n=1).split()[0]} {lang}-{round_no}"
    field = page.get_by_label(t("review.round_name", lang), exact=True)
    _type(page, field, name)
    with acting(page):
        page.get_by_role("button", name=t("review.open", lang), exact=True).click()
    assert name in [r.name for r in review.rounds(root, "awareness-1-day")]
    steps(f"review-round-open-{round_no}")

    # two comments in a row, on two items
    modules = [ws.modules[item.module] for item in curriculum.items[:2]]
    texts = [f"{lang} {round_no}.{n}{WORDS[lang]['comment']}" for n in (1, 2)]
    first = _add_comment(page, server, lang, modules[0].title.get(lang), texts[0])
    steps(f"review-comment-one-{round_no}")
    second = _add_comment(page, server, lang, modules[1].title.get(lang), texts[1])
    steps(f"review-comment-two-{round_no}")
    assert (first.round, second.round) == (name, name)
    assert (first.target, second.target) == (modules[0].id, modules[1].id)

    # a reply to one of them
    _tab(page, lang, "review.comments_tab")
    box = _comment_box(page, texts[0])
    box.get_by_text(t("review.reply", lang), exact=True).first.click()
    reply_box = box.get_by_label(t("review.reply_text", lang), exact=True)
    _type(page, reply_box, WORDS[lang]["reply"])
    with acting(page):
        box.get_by_role("button", name=t("review.reply", lang), exact=True).click()
    replies = [c for c in review.comments(root, "awareness-1-day") if c.parent == first.id]
    assert [r.text for r in replies] == [WORDS[lang]["reply"]]

    # the matrix, read on screen
    _tab(page, lang, "review.comments_tab")
    page.get_by_role("heading", name=t("review.matrix", lang)).scroll_into_view_if_needed()
    matrix = page.locator("[data-testid='stDataFrame'], [data-testid='stTable']")
    for module in modules:  # a row per comment of the round, placed where it was made
        where = re.compile(rf"^\s*{re.escape(module.title.get(lang))}\s*$")
        expect(matrix.locator("td").filter(has_text=where).first).to_be_attached()
    steps(f"review-matrix-{round_no}")

    # done reviewing
    _tab(page, lang, "review.read")
    with acting(page):
        page.get_by_role("button", name=t("review.done", lang), exact=True).click()
    assert "Aminata" in review.finished(root, "awareness-1-day", name)
    steps(f"review-done-{round_no}")

    # the designer answers and decides
    _tab(page, lang, "review.comments_tab")
    box = _comment_box(page, texts[0])
    box.get_by_text(t("review.decision", lang), exact=True).click()
    choose(page, t("review.status", lang), t("status.accepted", lang), within=box)
    response = box.get_by_label(t("review.response", lang), exact=True)
    _type(page, response, WORDS[lang]["response"])
    with acting(page):
        box.get_by_role("button", name=t("review.decide", lang), exact=True).click()
    page.get_by_text(t("review.decided", lang), exact=True).wait_for()
    decided = next(c for c in review.comments(root, "awareness-1-day") if c.id == first.id)
    assert (decided.status, decided.response) == ("accepted", WORDS[lang]["response"])
    steps(f"review-decided-{round_no}")


@pytest.mark.parametrize("lang", LANGS)
def test_reviewer_journey(fresh_server, page, lang):
    with Steps(page, f"reviewer-{lang}", lang) as steps:
        _start(page, fresh_server, lang, "review")
        ws = _on_disk(fresh_server["root"])
        choose(page, t("review.curriculum", lang), ws.curricula["awareness-1-day"].title.get(lang))
        for key, value in (("review.name", "Aminata"), ("review.role", t("role.reviewer", lang))):
            field = page.get_by_label(t(key, lang), exact=True)
            _type(page, field, value)
        steps("review")
        for round_no in (1, 2):
            _review_round(page, fresh_server, lang, steps, round_no)
