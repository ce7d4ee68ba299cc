"""Roles on a shared server: allowed and refused actions, through the core and the pages; audit log."""

from __future__ import annotations

import subprocess
import sys

import pytest

from curriculum import access, edit, review
from curriculum.access import Actor, NotAllowedError
from curriculum.imports import import_file
from curriculum.workspace import load_workspace, save
from tests.conftest import MODULE, REPO, app_test

DESIGNER, FACILITATOR, REVIEWER = (
    Actor("claire", "designer"),
    Actor("idriss", "facilitator"),
    Actor("aminata", "reviewer"),
)


@pytest.fixture
def server(monkeypatch, small):
    """Server mode with the three accounts of the tests in the `small` workspace."""
    monkeypatch.setenv("CURRICULUM_MODE", "server")
    monkeypatch.setattr(access, "_hasher", _fast_hasher)
    for account in (DESIGNER, FACILITATOR, REVIEWER):
        access.add_user(small, account.name, account.role, "a long passphrase")


def _fast_hasher():
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # tests only: the stored hash says its cost


def test_laptop_mode_needs_no_account(small):
    module = edit.replace_activity(load_workspace(small).modules["sharing"], "basics", "intro", minutes=25)
    assert save(small, "modules", module, loaded_revision=1).revision == 2


def test_designer_edits_content_and_every_save_is_audited(small, server):
    module = load_workspace(small).modules["sharing"]
    save(
        small,
        "modules",
        edit.replace_activity(module, "basics", "intro", minutes=25),
        loaded_revision=1,
        actor=DESIGNER,
    )
    (entry,) = access.audit_entries(small)
    assert (entry["who"], entry["role"], entry["action"], entry["what"], entry["revision"]) == (
        "claire",
        "designer",
        "save",
        "modules/sharing.yaml".removesuffix(".yaml"),
        2,
    )


@pytest.mark.parametrize("who", [FACILITATOR, REVIEWER, None])
def test_only_designers_change_content(small, server, who):
    module = load_workspace(small).modules["sharing"]
    before = (small / "modules/sharing.yaml").read_bytes()
    with pytest.raises(NotAllowedError):
        save(
            small, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), loaded_revision=1, actor=who
        )
    assert (small / "modules/sharing.yaml").read_bytes() == before
    assert access.audit_entries(small) == []


def test_reviewers_comment_reply_and_finish_but_do_not_decide(small, server):
    ws = load_workspace(small)
    review.open_round(small, ws, "short", "R1", actor=DESIGNER)
    comment = review.add_comment(
        small, ws, "short", "sharing", "aminata", "reviewer", "Clearer please", "R1", actor=REVIEWER
    )
    review.reply(small, comment.id, "aminata", "reviewer", "And shorter", actor=REVIEWER)
    review.mark_done(small, "short", "R1", "aminata", actor=REVIEWER)
    with pytest.raises(NotAllowedError, match="aminata \\(reviewer\\) may not decide comment"):
        review.set_status(small, comment.id, "accepted", "ok", actor=REVIEWER)
    assert review.get_comment(small, comment.id).status == "open"
    review.set_status(small, comment.id, "accepted", "Done", actor=DESIGNER)
    assert access.audit_entries(small)[-1]["action"] == "decide-comment"


def test_facilitators_read_and_export_but_do_not_comment(small, server):
    ws = load_workspace(small)
    with pytest.raises(NotAllowedError):
        review.add_comment(small, ws, "short", "sharing", "idriss", "facilitator", "x", "R1", actor=FACILITATOR)
    access.check(FACILITATOR, "export")


def test_only_designers_import(small, server):
    with pytest.raises(NotAllowedError):
        import_file(small, load_workspace(small), "m.yaml", MODULE.encode(), rename="other", actor=REVIEWER)


def test_accounts_hash_passwords_with_argon2(small):
    access.add_user(small, "aminata", "reviewer", "a long passphrase")
    text = (small / "users.yaml").read_text()
    assert "a long passphrase" not in text and "$argon2id$" in text
    assert access.authenticate(small, "aminata", "a long passphrase") == Actor("aminata", "reviewer")
    assert access.authenticate(small, "aminata", "wrong password") is None
    assert access.authenticate(small, "nobody", "a long passphrase") is None
    with pytest.raises(Exception, match="too short"):
        access.add_user(small, "short", "designer", "123")


def test_cli_users_reads_the_password_from_stdin_never_an_argument(small):
    def run(*args, stdin=""):
        return subprocess.run(
            [sys.executable, "-m", "curriculum", "users", *args, "--workspace", str(small)],
            cwd=REPO,
            capture_output=True,
            text=True,
            input=stdin,
        )

    assert run("add", "claire", "--role", "designer", stdin="correct horse battery\n").returncode == 0
    assert run("list").stdout.split() == ["claire", "designer"]
    assert run("add", "x", "--role", "designer", "--password", "p").returncode == 2
    assert run("remove", "claire").returncode == 0 and run("list").stdout == ""


def page_as(small, monkeypatch, who: Actor | None):
    return app_test(small, monkeypatch, "en", who).run()


def test_server_pages_ask_to_sign_in(small, server, monkeypatch):
    at = page_as(small, monkeypatch, None)
    assert "sign in" in at.info[0].value
    at.sidebar.text_input(key="auth.name").set_value("claire")
    at.sidebar.text_input(key="auth.password").set_value("a long passphrase")
    at.sidebar.button[0].click().run()
    assert at.session_state["actor"] == Actor("claire", "designer")
    assert at.title[0].value == "Module library"


def test_a_reviewer_cannot_save_from_the_library_page(small, server, monkeypatch):
    at = page_as(small, monkeypatch, REVIEWER)
    at.button(key="library.save").click().run()
    assert any("may not edit content" in e.value for e in at.error)
    assert load_workspace(small).modules["sharing"].revision == 1


def test_a_designer_saves_from_the_library_page(small, server, monkeypatch):
    from tests.test_app import edit_minutes

    at = page_as(small, monkeypatch, DESIGNER)
    edit_minutes(at, "sharing", "basics", 1, 35)
    at.run()
    at.button(key="library.save").click().run()
    assert load_workspace(small).modules["sharing"].revision == 2


def test_single_sign_on_identities_map_to_accounts_by_email(small):
    access.add_user(small, "claire", "designer", "a long passphrase", email="Claire@Example.org")
    assert access.actor_for_email(small, "claire@example.org") == Actor("claire", "designer")
    assert access.actor_for_email(small, "someone@example.org") is None
    assert access.actor_for_email(small, "") is None


def test_the_review_page_explains_a_refused_decision_or_finish(small, server, monkeypatch):
    """A reviewer's "decide" and a facilitator's "done reviewing" are refused by the core; the
    page says why, in the interface's language, and changes nothing (no page exception)."""
    ws = load_workspace(small)
    review.open_round(small, ws, "short", "R1", actor=DESIGNER)
    comment = review.add_comment(small, ws, "short", "sharing", "aminata", "reviewer", "Clearer", "R1", actor=REVIEWER)
    for who, button in ((REVIEWER, f"review.decide.{comment.id}"), (FACILITATOR, "review.done")):
        at = app_test(small, monkeypatch, "fr", who).run()
        at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
        at.button(key=button).click().run()
        assert not at.exception, at.exception
        assert any(who.name in e.value and "ne peut pas" in e.value for e in at.error), [e.value for e in at.error]
    assert review.comments(small, "short")[0].status == comment.status
    assert review.finished(small, "short", "R1") == []
