"""End-to-end: single steps of a designer, a facilitator and a reviewer, in a real browser.

These tests share one app per module and never rely on each other's order: what they expect
(a revision, a comment number) is read from the workspace before they act.
"""

from __future__ import annotations

import re

import pytest

from curriculum import review
from curriculum.workspace import STORE, load_workspace
from tests.e2e.conftest import choose, open_page, settled, wait_idle

pytestmark = pytest.mark.e2e


def _on_disk(root):
    STORE.forget()
    return load_workspace(root)


def test_edit_an_activity_and_save(page, server):
    before = _on_disk(server["root"]).modules["risk-assessment"].revision
    open_page(page, server)
    box = page.get_by_label("Instructions — English")
    with settled(page):
        box.fill("1. Welcome everyone.\n2. E2E-EDIT: read the case aloud.")
        box.blur()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text(f"Saved: modules/risk-assessment.yaml, revision {before + 1}").wait_for()
    module = _on_disk(server["root"]).modules["risk-assessment"]
    assert module.revision == before + 1
    assert "E2E-EDIT" in module.sessions[0].activities[0].instructions["en"]


def test_compose_a_curriculum_and_see_the_agenda(page, server):
    open_page(page, server, "composer")
    page.get_by_text("New curriculum").click()
    page.get_by_label("Id (e.g. core-2-day)").fill("e2e-day")
    page.get_by_label("Title (French)").fill("Journée E2E")
    with settled(page):
        page.get_by_label("Title (English)").fill("E2E day")
        page.get_by_label("Title (English)").blur()
    page.get_by_role("button", name="Create").click()
    page.get_by_text("Curriculum “E2E day” created.").wait_for()
    wait_idle(page)  # the run that shows the message has ended: one "Add module" on the page
    with settled(page):
        page.get_by_role("button", name="Add module").click()
    page.get_by_role("heading", name="Agenda").wait_for()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved: curricula/e2e-day.yaml, revision 2").wait_for()  # created at 1 by this test
    assert _on_disk(server["root"]).curricula["e2e-day"].items


def test_switch_the_interface_to_french(page, server):
    open_page(page, server)
    page.get_by_text("Français", exact=True).click()
    page.get_by_role("heading", name="Bibliothèque de modules").wait_for()
    page.get_by_role("link", name="Composer").wait_for()
    # the chosen module keeps its place and is shown with its French title
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stSelectbox] input').value"
        " === 'Évaluer les risques, les besoins et les capacités'"  # names, not ids, in the interface
    )


def test_export_a_facilitator_pack_and_download_it(page, server):
    open_page(page, server, "export")
    choose(page, "Curriculum", "Referral without stigma: one-day awareness workshop")
    choose(page, "Context", _on_disk(server["root"]).contexts["generic"].name.get("en"))
    with settled(page):
        page.get_by_text("MD", exact=True).click()
    page.get_by_role("button", name="Build the pack").click()
    button = page.get_by_role("button", name="Download awareness-1-day-generic-en-facilitator.md")
    button.wait_for(timeout=60_000)
    with page.expect_download() as download:
        button.click()
    path = download.value.path()
    text = open(path, encoding="utf-8").read()
    assert text.startswith("# Referral without stigma") and "Facilitator notes" in text
    assert (server["exports"] / "awareness-1-day-generic-en-facilitator.md").exists()


def test_add_a_review_comment(page, server):
    known = {c.id for c in review.comments(server["root"], "awareness-1-day")}
    open_page(page, server, "review")
    page.get_by_label("Your name", exact=True).fill("Aminata")
    page.get_by_label("Your role", exact=True).fill("prosecutor")
    choose(page, "Curriculum", "Referral without stigma: one-day awareness workshop")
    with settled(page):
        page.get_by_role("textbox", name="Your comment (Markdown)").fill("Please date the legal references.")
        page.get_by_role("textbox", name="Your comment (Markdown)").blur()
    page.get_by_role("button", name="Add comment").click()
    message = page.get_by_text(re.compile(r"^Comment #\d+ saved\.$"))
    message.wait_for()
    added = [c for c in review.comments(server["root"], "awareness-1-day") if c.id not in known]
    assert message.inner_text() == f"Comment #{added[0].id} saved."
    assert [(c.author, c.text) for c in added] == [("Aminata", "Please date the legal references.")]


def test_chosen_sessions_follow_the_language_switch(page, server):
    open_page(page, server, "composer")
    choose(page, "Curriculum", "Referral without stigma: one-day awareness workshop")  # holds risk-assessment
    chips = page.locator("[data-testid='stMultiSelect']")
    chips.get_by_text("From concern to assessment", exact=False).first.wait_for()
    page.get_by_text("Français", exact=True).click()
    chips.get_by_text("Du signalement à l'évaluation", exact=False).first.wait_for()


def test_bring_back_several_word_copies_at_once(page, server, tmp_path):
    import io

    import docx
    from docx.oxml.ns import qn

    from curriculum import review
    from curriculum.review_word import review_copy

    root = server["root"]
    STORE.forget()
    ws = load_workspace(root)
    review.open_round(root, ws, "awareness-1-day", "Word round")
    copy = review_copy(root, ws, "awareness-1-day", "Word round", "en")
    files = []
    for reviewer, mark in (("Aminata K.", "rv3"), ("Jonas B.", "rv2")):
        document = docx.Document(io.BytesIO(copy))
        elements = document.element.body.findall(qn("w:p"))
        index = next(
            i for i, p in enumerate(elements) if any(b.get(qn("w:name")) == mark for b in p.iter(qn("w:bookmarkStart")))
        )
        document.add_comment(document.paragraphs[index].runs, text=f"E2E from {reviewer}", author=reviewer)
        path = tmp_path / f"{reviewer.split()[0].lower()}.docx"
        document.save(path)
        files.append(str(path))
    open_page(page, server, "review")
    choose(page, "Curriculum", "Referral without stigma: one-day awareness workshop")
    page.get_by_text("Review in Word (copy by e-mail)").click()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(files)
    wait_idle(page)
    page.get_by_role("button", name="Import the comments").click()
    page.get_by_text("aminata.docx: new comments: 1; replies: 0; suggested edits: 0; already imported: 0.").wait_for()
    page.get_by_text("jonas.docx: new comments: 1; replies: 0; suggested edits: 0; already imported: 0.").wait_for()
    found = {c.author: c.target for c in review.comments(root, "awareness-1-day", round_name="Word round")}
    assert found == {
        "Aminata K.": "opening-foundations/terms-and-frame/expectations-circle",  # the day now opens with the frame
        "Jonas B.": "opening-foundations/terms-and-frame",
    }
