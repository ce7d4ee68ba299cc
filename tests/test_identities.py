"""On a shared server, who wrote something comes from the signed-in account, checked again at
every write; sign-in failures slow down per account and per address."""

from __future__ import annotations

import pytest

from curriculum import access, edit, review
from curriculum.access import Actor, NotAllowedError, Throttle, ThrottledError
from curriculum.workspace import load_workspace, save

DESIGNER, REVIEWER, OTHER = Actor("claire", "designer"), Actor("aminata", "reviewer"), Actor("bakary", "reviewer")
PASSWORD = "a long passphrase"


def _fast_hasher():
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # tests only


@pytest.fixture
def server(monkeypatch, small):
    monkeypatch.setenv("CURRICULUM_MODE", "server")
    monkeypatch.setattr(access, "_hasher", _fast_hasher)
    for account in (DESIGNER, REVIEWER, OTHER):
        access.add_user(small, account.name, account.role, PASSWORD)
    review.open_round(small, load_workspace(small), "short", "R1", actor=DESIGNER)
    return small


def test_a_reviewer_cannot_comment_or_reply_as_someone_else(server):
    ws = load_workspace(server)
    comment = review.add_comment(server, ws, "short", "sharing", "claire", "designer", "Fine", "R1", actor=REVIEWER)
    answer = review.reply(server, comment.id, "claire", "designer", "Agreed", actor=REVIEWER)
    assert (comment.author, comment.role) == (answer.author, answer.role) == ("aminata", "reviewer")


def test_a_reviewer_cannot_mark_another_reviewer_done(server):
    review.mark_done(server, "short", "R1", "bakary", actor=REVIEWER)
    assert review.finished(server, "short", "R1") == ["aminata"]


def test_a_reviewer_cannot_open_a_round_by_commenting_on_a_new_name(server):
    ws = load_workspace(server)
    with pytest.raises(NotAllowedError, match="aminata \\(reviewer\\) may not open round: only designer may"):
        review.add_comment(server, ws, "short", "sharing", "", "", "Fine", "Round 99", actor=REVIEWER)
    assert [r.name for r in review.rounds(server, "short")] == ["R1"]
    review.add_comment(server, ws, "short", "sharing", "", "", "Fine", "Round 2", actor=DESIGNER)
    assert [r.name for r in review.rounds(server, "short")] == ["R1", "Round 2"]


def _edit(root):
    module = load_workspace(root).modules["sharing"]
    return edit.replace_activity(module, "basics", "intro", minutes=25)


def test_a_removed_account_is_refused_at_its_next_write(server):
    access.remove_user(server, "claire")
    with pytest.raises(NotAllowedError) as caught:
        save(server, "modules", _edit(server), loaded_revision=1, actor=DESIGNER)
    assert (
        str(caught.value)
        == "the account 'claire' no longer exists; nothing was changed — sign in again with an existing account"
    )
    assert caught.value.lines("fr")[0].startswith("le compte « claire » n’existe plus")
    assert load_workspace(server).modules["sharing"].revision == 1


def test_the_role_on_file_decides_not_the_one_the_session_remembers(server):
    access.remove_user(server, "claire")
    access.add_user(server, "claire", "reviewer", PASSWORD)  # demoted while signed in as a designer
    with pytest.raises(NotAllowedError, match="claire \\(reviewer\\) may not edit content"):
        save(server, "modules", _edit(server), loaded_revision=1, actor=DESIGNER)
    promoted = Actor("aminata", "designer")  # an object claiming a role the account does not have
    with pytest.raises(NotAllowedError, match="aminata \\(reviewer\\)"):
        save(server, "modules", _edit(server), loaded_revision=1, actor=promoted)


def test_an_actor_that_never_existed_is_refused(server):
    with pytest.raises(NotAllowedError, match="'mallory' no longer exists"):
        save(server, "modules", _edit(server), loaded_revision=1, actor=Actor("mallory", "designer"))
    with pytest.raises(NotAllowedError, match="'mallory' no longer exists"):
        review.add_comment(
            server, load_workspace(server), "short", "sharing", "", "", "x", "R1", actor=Actor("mallory", "reviewer")
        )


def test_the_audit_log_records_the_account_not_the_request(server):
    save(server, "modules", _edit(server), loaded_revision=1, actor=Actor("claire", "reviewer"))
    entry = access.audit_entries(server)[-1]
    assert (entry["who"], entry["role"], entry["action"]) == ("claire", "designer", "save")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(access, "THROTTLE", Throttle(clock))
    return clock


def test_repeated_failed_sign_ins_slow_down_the_account_and_say_so(server, clock):
    for _ in range(Throttle.FREE):
        assert access.authenticate(server, "claire", "wrong", "10.0.0.1") is None
    with pytest.raises(ThrottledError) as caught:
        access.authenticate(server, "claire", PASSWORD, "10.0.0.2")  # even the right password, from elsewhere
    assert str(caught.value) == (
        "too many failed sign-ins for this account or from this address — wait 1 second before trying again"
    )
    assert caught.value.lines("fr") == [
        "trop d’échecs de connexion pour ce compte ou depuis cette adresse — attendez 1 seconde avant de réessayer"
    ]
    clock.now += 1
    assert access.authenticate(server, "claire", "wrong again", "10.0.0.2") is None
    with pytest.raises(ThrottledError, match="wait 2 seconds"):
        access.authenticate(server, "claire", PASSWORD, "10.0.0.2")
    clock.now += 2
    assert access.authenticate(server, "claire", PASSWORD, "10.0.0.2") == DESIGNER
    assert access.authenticate(server, "claire", "wrong", "10.0.0.3") is None  # a success cleared the count
    assert [e["action"] for e in access.audit_entries(server)].count("sign-in-throttled") == 1


def test_repeated_failures_from_one_address_slow_down_every_account_tried_from_it(server, clock):
    for name in ("claire", "aminata", "bakary", "nobody", "claire"):
        assert access.authenticate(server, name, "wrong", "10.9.9.9") is None
    with pytest.raises(ThrottledError):
        access.authenticate(server, "aminata", PASSWORD, "10.9.9.9")
    assert access.authenticate(server, "aminata", PASSWORD, "10.0.0.5") == REVIEWER  # elsewhere, no wait


def test_the_wait_is_capped_and_forgotten_after_an_hour(server, clock):
    throttle = access.THROTTLE
    for _ in range(40):
        throttle.failed(server, ["account:x"])
    assert throttle.wait("account:x") == Throttle.MAX_WAIT
    clock.now += Throttle.FORGET + 1
    throttle.failed(server, ["account:x"])
    assert throttle.wait("account:x") == 0


def test_the_server_settings_are_streamlit_options_with_the_values_we_rely_on():
    """What Streamlit allows is set in .streamlit/config.toml; a renamed option would be ignored silently."""
    import tomllib

    from streamlit import config

    from tests.conftest import REPO

    settings = tomllib.loads((REPO / ".streamlit/config.toml").read_text())
    server = settings["server"]
    assert server["enableXsrfProtection"] is True and server["xsrfCookieSameSite"] == "strict"
    assert server["enableAgentApi"] is False and server["maxUploadSize"] == 20
    for section, values in settings.items():
        for key in values:
            config.get_option(f"{section}.{key}")  # raises for an option Streamlit does not have
    readme = (REPO / "README.md").read_text()
    assert "frame-ancestors 'none'" in readme and "location = /_stcore/metrics" in readme


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("users:\n  claire: " + "[" * 5_000 + "]" * 5_000, "nested too deeply"),
        ("a: &a [x]\nusers: {claire: *a}\n", "anchors and aliases"),
        ("users:\n  claire: {role: designer}\n  claire: {role: reviewer}\n", "written twice"),
        ("users: [claire]\n", "expected `users:` with one mapping per account"),
    ],
)
def test_a_hostile_accounts_file_refuses_sign_in_in_one_line(small, text, detail):
    (small / "users.yaml").write_text(text)
    with pytest.raises(access.ContentError) as caught:
        access.authenticate(small, "claire", PASSWORD)
    assert str(caught.value).startswith(f"{small / 'users.yaml'}:") and detail in str(caught.value)


def test_an_empty_accounts_file_has_no_accounts(small):
    (small / "users.yaml").write_text("")
    assert access.list_users(small) == []
    (small / "users.yaml").write_text("users:\n")
    assert access.list_users(small) == []
