"""AppTest: every page renders in both languages; the Library edits and saves."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from curriculum.workspace import load_workspace
from tests.conftest import REPO, app_test, write

PAGES = ["library", "composer", "contexts", "export", "review"]


def app(root, monkeypatch, lang="en") -> AppTest:
    return app_test(root, monkeypatch, lang)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(small, monkeypatch, page, lang):
    at = app(small, monkeypatch, lang).run()
    at.switch_page(str(REPO / f"curriculum/ui/pages/{page}.py")).run()
    assert not at.exception, at.exception
    assert at.title, "each page has a title"


def test_language_switch_translates_the_interface(small, monkeypatch):
    at = app(small, monkeypatch).run()
    assert at.title[0].value == "Module library"
    at.sidebar.radio[0].set_value("fr").run()
    assert at.title[0].value == "Bibliothèque de modules"


def edit_minutes(at, module, session, activity_row, minutes):
    key = next(
        d.key for d in at.data_editor if d.key.startswith(f"lib.{module}.") and d.key.endswith(f".{session}.activities")
    )
    at.session_state[key] = {"edited_rows": {activity_row: {"minutes": minutes}}, "added_rows": [], "deleted_rows": []}


def test_editing_minutes_in_the_library_persists_to_disk(small, monkeypatch):
    at = app(small, monkeypatch).run()
    edit_minutes(at, "sharing", "basics", 1, 35)
    at.run()
    at.button(key="library.save").click().run()
    assert not at.exception
    assert any("Saved: modules/sharing.yaml, revision 2" in s.value for s in at.success)
    module = load_workspace(small).modules["sharing"]
    assert module.revision == 2 and module.sessions[0].activities[1].minutes == 35


def test_conflicting_save_is_refused_and_the_edit_stays_on_screen(small, monkeypatch):
    at = app(small, monkeypatch).run()
    edit_minutes(at, "sharing", "basics", 1, 50)
    at.run()
    # a colleague saves the same module meanwhile
    text = (small / "modules/sharing.yaml").read_text(encoding="utf-8")
    write(
        small, "modules/sharing.yaml", text.replace("revision: 1", "revision: 2").replace("minutes: 20", "minutes: 25")
    )
    at.button(key="library.save").click().run()
    assert any("Conflict" in e.value and "revision 2" in e.value for e in at.error)
    table = next(d for d in at.data_editor if d.key and d.key.endswith("basics.activities"))
    assert at.session_state[table.key]["edited_rows"] == {1: {"minutes": 50}}
    on_disk = load_workspace(small).modules["sharing"]
    assert on_disk.revision == 2 and on_disk.sessions[0].activities[0].minutes == 25


def test_broken_file_is_listed_in_the_status_panel_and_the_rest_works(small, monkeypatch):
    write(small, "modules/broken.yaml", "id: broken\ntitle: [\n")
    at = app(small, monkeypatch).run()
    assert not at.exception
    codes = [c.value for c in at.sidebar.code]
    assert any(c.startswith("modules/broken.yaml:") and "malformed YAML" in c for c in codes)
    assert at.selectbox(key="library.module").value == "sharing"


def test_empty_workspace_says_what_to_do(tmp_path, monkeypatch):
    (tmp_path / "modules").mkdir()
    at = app(tmp_path, monkeypatch).run()
    assert not at.exception
    assert "No valid module" in at.info[0].value


def test_add_move_and_delete_an_activity_in_the_library(small, monkeypatch):
    at = app(small, monkeypatch).run()
    at.text_input(key="library.activity.new_id").set_value("warm-up")
    at.button(key="library.activity.add").click().run()
    assert not at.exception, at.exception
    module = load_workspace(small).modules["sharing"]
    assert [a.id for a in module.sessions[0].activities] == ["intro", "case", "warm-up"]
    # the new activity is selected: move it up
    at.button(key="library.activity.up").click().run()
    module = load_workspace(small).modules["sharing"]
    assert [a.id for a in module.sessions[0].activities] == ["intro", "warm-up", "case"]
    at.button(key="library.activity.delete").click().run()
    module = load_workspace(small).modules["sharing"]
    assert [a.id for a in module.sessions[0].activities] == ["intro", "case"] and module.revision == 4


def test_create_duplicate_and_delete_a_module(small, monkeypatch):
    at = app(small, monkeypatch).run()
    at.text_input(key="library.new.id").set_value("local-actors")
    at.text_input(key="library.new.fr").set_value("Acteurs locaux")
    at.text_input(key="library.new.en").set_value("Local actors").run()
    at.button(key="library.create").click().run()
    assert at.selectbox(key="library.module").value == "local-actors"
    at.button(key="library.duplicate").click().run()
    assert at.selectbox(key="library.module").value == "local-actors-copy"
    ws = load_workspace(small)
    assert ws.modules["local-actors-copy"].title["en"] == "Local actors (copy)"
    next(c for c in at.checkbox if c.key == "library.local-actors-copy.confirm").check().run()
    at.button(key="library.delete").click().run()
    assert not (small / "modules/local-actors-copy.yaml").exists()


def test_invalid_new_id_is_refused_with_a_clear_message(small, monkeypatch):
    at = app(small, monkeypatch).run()
    at.text_input(key="library.new.id").set_value("../evil").run()
    at.button(key="library.create").click().run()
    assert any("is not a valid module id" in e.value for e in at.error)


def test_library_shows_where_a_module_is_used(small, monkeypatch):
    at = app(small, monkeypatch).run()
    assert any("Used by curricula: Short" in c.value for c in at.caption)


def test_export_page_builds_a_pack_writes_it_and_offers_the_download(small, monkeypatch, tmp_path):
    monkeypatch.setenv("CURRICULUM_EXPORTS", str(tmp_path / "out"))
    at = app(small, monkeypatch).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/export.py")).run()
    at.radio(key="export.format").set_value("md").run()
    at.radio(key="export.pack").set_value("participant").run()
    at.button(key="export.build").click().run()
    assert not at.exception, at.exception
    written = tmp_path / "out" / "short-generic-en-participant.md"
    assert written.exists() and "Participant pack" in written.read_text(encoding="utf-8")
    assert at.get("download_button")
    assert any("Pack ready" in s.value for s in at.success)


def test_review_page_comment_reply_decide_and_finish(small, monkeypatch):
    at = app(small, monkeypatch).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
    assert not at.exception, at.exception
    at.text_input(key="review.me").set_value("Aminata")
    at.text_input(key="review.role").set_value("prosecutor")
    at.selectbox(key="review.target").set_value("sharing/basics/case")
    at.text_area(key="review.text").set_value("Say which law applies.").run()
    at.button(key="review.add").click().run()
    assert not at.exception, at.exception
    assert any("Comment #1 saved." in s.value for s in at.success)
    from curriculum import review

    (comment,) = review.comments(small, "short")
    assert (comment.target, comment.author, comment.round) == ("sharing/basics/case", "Aminata", "Round 1")
    assert any("1 open" in e.label for e in at.expander)  # badge on the module
    at.text_area(key=f"review.reply.{comment.id}").set_value("We will add it.").run()
    at.button(key=f"review.reply.go.{comment.id}").click().run()
    at.selectbox(key=f"review.status.{comment.id}").set_value("accepted")
    at.text_area(key=f"review.response.{comment.id}").set_value("Added in revision 2.").run()
    at.button(key=f"review.decide.{comment.id}").click().run()
    decided = review.get_comment(small, comment.id)
    assert (decided.status, decided.response) == ("accepted", "Added in revision 2.")
    assert len(review.comments(small, "short")) == 2
    at.button(key="review.done").click().run()
    assert review.finished(small, "short", "Round 1") == ["Aminata"]
    assert any("Finished reviewing: Aminata" in c.value for c in at.caption)


def test_library_shows_open_comment_badges(small, monkeypatch):
    from curriculum import review

    review.add_comment(small, load_workspace(small), "short", "sharing/basics/case", "A", "judge", "x", "R1")
    at = app(small, monkeypatch).run()
    assert any("1 open review comment" in c.value for c in at.caption)


def test_contexts_page_flags_a_stale_adaptation_and_marks_it_reviewed(small, monkeypatch):
    from curriculum import edit
    from curriculum.usage import adaptations
    from curriculum.workspace import save
    from tests.test_adapt import CONTEXT_B

    write(small, "contexts/ctx-b.yaml", CONTEXT_B)
    module = load_workspace(small).modules["sharing"]
    save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), loaded_revision=1)
    at = app(small, monkeypatch).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/contexts.py")).run()
    at.selectbox(key="contexts.pick").set_value("ctx-b").run()
    assert any("1 adaptation to review" in c.value for c in at.caption)
    at.button(key="contexts.mark_reviewed").click().run()
    assert not at.exception, at.exception
    assert [a.state for a in adaptations(load_workspace(small)) if a.context == "ctx-b"] == ["current"]
    assert load_workspace(small).contexts["ctx-b"].overrides[0].base_revision == 2


def test_a_save_by_one_user_is_seen_on_the_next_rerun_of_another(small, monkeypatch):
    first, second = app(small, monkeypatch).run(), app(small, monkeypatch).run()
    assert any("Revision 1" in m.value for m in second.markdown)
    edit_minutes(first, "sharing", "basics", 1, 45)
    first.run()
    first.button(key="library.save").click().run()
    second.run()
    assert any("Revision 2" in m.value for m in second.markdown)


def test_create_a_context_from_the_contexts_page(small, monkeypatch):
    at = app(small, monkeypatch).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/contexts.py")).run()
    at.text_input(key="contexts.new.id").set_value("sahel-niger")
    at.text_input(key="contexts.new.fr").set_value("Niger")
    at.text_input(key="contexts.new.en").set_value("Niger").run()
    at.button(key="contexts.create").click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key="contexts.pick").value == "sahel-niger"
    assert load_workspace(small).contexts["sahel-niger"].name["en"] == "Niger"


def test_import_a_module_from_the_library_page(small, monkeypatch):
    from tests.conftest import MODULE

    at = app(small, monkeypatch).run()
    uploader = at.get("file_uploader")[0]
    uploader.set_value(
        ("shared.yaml", MODULE.replace("id: sharing", "id: shared", 1).encode(), "application/yaml")
    ).run()
    at.button(key="library.import_go").click().run()
    assert not at.exception, at.exception
    assert any("Imported: shared" in s.value for s in at.success)
    assert "shared" in load_workspace(small).modules


def test_review_downloads_belong_to_the_curriculum_they_were_prepared_for(small, monkeypatch):
    """Two curricula with a round of the same name: a change report prepared for one is never
    offered for the other."""
    from curriculum import review
    from tests.conftest import CURRICULUM

    write(small, "curricula/other.yaml", CURRICULUM.replace("id: short", "id: other").replace("Short}", "Other}"))
    ws = load_workspace(small)
    for curriculum_id in ("short", "other"):
        review.open_round(small, ws, curriculum_id, "Round 1")
    at = app(small, monkeypatch).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
    at.selectbox(key="review.curriculum").set_value("short").run()
    at.button(key="review.changes.prepare").click().run()
    at.button(key="review.matrix.prepare").click().run()
    assert not at.exception, at.exception
    assert [d.key for d in at.get("download_button")] == [
        "review.matrix.csv", "review.matrix.xlsx", "review.changes.html", "review.changes.pdf"
    ]  # fmt: skip
    at.selectbox(key="review.curriculum").set_value("other").run()
    assert not at.exception, at.exception
    assert at.get("download_button") == []  # neither the changes nor the matrix of "short"


def test_review_rounds_are_named_in_the_interface_language(small, monkeypatch):
    at = app(small, monkeypatch, "fr").run()
    at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
    assert at.text_input(key="review.new_round.fr.0").value == "Cycle 1"
    at.text_input(key="review.me").set_value("Aminata")
    at.text_input(key="review.role").set_value("procureure")
    at.text_area(key="review.text").set_value("Préciser la base légale.").run()
    at.button(key="review.add").click().run()
    assert not at.exception, at.exception
    from curriculum import review

    assert [c.round for c in review.comments(small, "short")] == ["Cycle 1"]
    assert at.text_input(key="review.new_round.fr.1").value == "Cycle 2"


def test_contexts_page_names_a_missing_reattach_target_in_french(small, monkeypatch):
    from tests.test_adapt import CONTEXT_B

    write(small, "contexts/ctx-b.yaml", CONTEXT_B.replace("sharing/practice/role-play", "sharing/practice/gone"))
    at = app(small, monkeypatch, "fr").run()
    at.switch_page(str(REPO / "curriculum/ui/pages/contexts.py")).run()
    at.selectbox(key="contexts.pick").set_value("ctx-b").run()
    (retarget,) = [t for t in at.text_input if t.key.endswith(".retarget")]
    retarget.set_value("sharing/nowhere/step").run()
    at.button(key="contexts.reattach").click().run()
    assert not at.exception, at.exception
    assert any(e.value == "Cible inconnue : la séance « sharing/nowhere »" for e in at.error), [
        e.value for e in at.error
    ]
    assert "sharing/practice/gone" in (small / "contexts/ctx-b.yaml").read_text(encoding="utf-8")
