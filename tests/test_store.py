"""Safe saves: atomic writes, conflict checks, revisions, readable YAML."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from curriculum import edit, yamlfile
from curriculum.problems import ConflictError, ContentError, WriteError
from curriculum.records import to_data
from curriculum.workspace import delete, history, load_workspace, save


def test_save_bumps_revision_and_persists(small):
    module = load_workspace(small).modules["sharing"]
    changed = edit.replace_activity(module, "basics", "case", minutes=55)
    saved = save(small, "modules", changed, loaded_revision=1)
    assert saved.revision == 2
    again = load_workspace(small).modules["sharing"]
    assert again.revision == 2 and again.sessions[0].activities[1].minutes == 55
    assert list(history(small, "modules", "sharing")) == [1, 2]  # the replaced revision is kept too


def test_round_trip_keeps_content_and_stable_key_order(small):
    module = load_workspace(small).modules["sharing"]
    changed = edit.replace_activity(module, "basics", "intro", minutes=25)
    save(small, "modules", changed, loaded_revision=1)
    text = (small / "modules/sharing.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[:3] == ["id: sharing", "revision: 2", "theme: information-sharing"]  # the author's order
    assert "Partager l’information" in text  # accents written as text, not escapes
    reloaded = load_workspace(small).modules["sharing"]
    assert to_data(replace(reloaded, revision=1)) == to_data(changed)


def test_long_text_is_written_in_block_style(small):
    module = load_workspace(small).modules["sharing"]
    changed = edit.replace_activity(
        module, "basics", "intro", instructions=edit.text({"fr": "1. Un\n2. Deux", "en": "1. One\n2. Two"})
    )
    save(small, "modules", changed, loaded_revision=1)
    text = (small / "modules/sharing.yaml").read_text(encoding="utf-8")
    assert "fr: |-\n" in text and "  1. Un\n" in text and "2. Deux" in text


def test_second_of_two_concurrent_saves_is_refused_and_nothing_is_lost(small):
    first = load_workspace(small).modules["sharing"]
    second = load_workspace(small).modules["sharing"]
    save(small, "modules", edit.replace_activity(first, "basics", "intro", minutes=25), loaded_revision=first.revision)
    with pytest.raises(ConflictError) as raised:
        save(
            small,
            "modules",
            edit.replace_activity(second, "basics", "intro", minutes=35),
            loaded_revision=second.revision,
        )
    assert (
        "changed by someone else" in str(raised.value)
        and "revision 1" in str(raised.value)
        and "revision 2" in str(raised.value)
    )
    on_disk = load_workspace(small).modules["sharing"]
    assert on_disk.sessions[0].activities[0].minutes == 25


def test_failure_mid_save_leaves_the_old_file_intact(small, monkeypatch):
    path = small / "modules/sharing.yaml"
    before = path.read_bytes()
    module = load_workspace(small).modules["sharing"]

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(WriteError) as caught:
        save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=99), loaded_revision=1)
    kept = small / ".history/modules/sharing/1.yaml"  # the first file written: the revision being replaced
    assert str(caught.value).startswith(f"could not write {kept} (disk full); nothing was changed — check that")
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_creating_a_record_that_exists_is_refused(small):
    module = load_workspace(small).modules["sharing"]
    with pytest.raises(ConflictError, match="already exists"):
        save(small, "modules", module, loaded_revision=None)


def test_invalid_record_is_not_saved(small):
    module = load_workspace(small).modules["sharing"]
    broken = edit.replace_activity(module, "basics", "intro", minutes=-3)
    with pytest.raises(ContentError) as raised:
        save(small, "modules", broken, loaded_revision=1)
    assert "not a positive whole number" in raised.value.lines()[0]
    assert load_workspace(small).modules["sharing"].revision == 1


def test_bad_minutes_typed_in_the_table_are_a_clear_error(small):
    module = load_workspace(small).modules["sharing"]
    rows = edit.activity_rows(module.sessions[0])
    rows[0]["minutes"] = float("nan")
    with pytest.raises(ContentError, match="row 1 .*minutes must be a whole number above 0"):
        edit.apply_activity_rows(module, "basics", rows)


def test_path_tricks_in_ids_never_reach_the_file_system(small):
    module = load_workspace(small).modules["sharing"]
    with pytest.raises(ContentError, match="not a valid id"):
        save(small, "modules", replace(module, id="../../evil"), loaded_revision=None)
    assert not (small.parent / "evil.yaml").exists()


def test_delete_is_conflict_checked(small):
    with pytest.raises(ConflictError):
        delete(small, "modules", "sharing", loaded_revision=7)
    delete(small, "modules", "sharing", loaded_revision=1)
    assert "sharing" not in load_workspace(small).modules


def test_reload_after_a_save_reparses_only_the_changed_file(small, monkeypatch):
    load_workspace(small)
    module = load_workspace(small).modules["sharing"]
    save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=30), loaded_revision=1)
    parsed = []
    original = yamlfile.parse
    monkeypatch.setattr(yamlfile, "parse", lambda text: parsed.append(text) or original(text))
    load_workspace(small)
    assert len(parsed) == 1 and "id: sharing" in parsed[0]
