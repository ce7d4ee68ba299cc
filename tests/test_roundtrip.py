"""Saves keep the author's YAML: a change touches only its own lines; no change writes nothing."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import replace

import pytest

from curriculum import edit, yamlfile
from curriculum.access import audit_entries
from curriculum.model import Activity, Text
from curriculum.records import Findings, build, to_data
from curriculum.roundtrip import layout
from curriculum.usage import adaptations
from curriculum.workspace import HISTORY, load_workspace, save, unchanged
from tests.conftest import REPO, app_test, write

HAND_WRITTEN = """\
# Module written by hand: comments, quotes and layout are the author's.
id: sharing
revision: 1   # the app counts this
theme: information-sharing
title: {fr: "Partager l’information", en: 'Sharing information'}
summary:
  fr: |
    Un résumé
    sur deux lignes.
  en: "A summary."
objectives:
  - id: o1
    bloom: understand   # keep it simple
    text: {fr: Comprendre, en: Understand}
audience: [police, social-work]
prerequisites: []   # none yet
sessions:
  # The first session sets the scene.
  - id: basics
    title: {fr: "Les bases", en: "The basics"}
    objectives: [o1]
    activities:
      - id: intro
        title: {fr: "Introduction", en: "Introduction"}
        method: presentation
        minutes: 20        # short on purpose
        instructions:
          fr: |
            1. Présenter
            2. Discuter
          en: |
            1. Present
            2. Discuss
      - id: case
        title: {fr: "Étude de cas", en: "Case study"}
        method: case-study
        minutes: "40"
        grouping: small-groups
        instructions: {fr: "1. Lire le cas", en: "1. Read the case"}
      - id: wrap
        title: {fr: "Bilan", en: "Wrap-up"}
        method: discussion
        minutes: 15
  - id: practice
    title: {fr: "Pratique", en: "Practice"}
    objectives: [o1]
    activities:
      - id: role-play
        title: {fr: "Jeu de rôle", en: "Role play"}
        method: role-play
        minutes: 45
# end of file
"""


def _hand_written(tmp_path):
    root = tmp_path / "ws"
    path = write(root, "modules/sharing.yaml", HAND_WRITTEN)
    return root, path, load_workspace(root).modules["sharing"]


def _diff(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) from `before` to `after`."""
    lines = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in lines if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def _with_activities(module, activities):
    first = module.sessions[0]
    return replace(module, sessions=(replace(first, activities=tuple(activities)),) + module.sessions[1:])


def test_changing_one_activitys_minutes_changes_only_that_line(tmp_path):
    root, path, module = _hand_written(tmp_path)
    save(root, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), loaded_revision=1)
    removed, added = _diff(HAND_WRITTEN, path.read_text(encoding="utf-8"))
    assert removed == ["revision: 1   # the app counts this", "        minutes: 20        # short on purpose"]
    assert added == ["revision: 2   # the app counts this", "        minutes: 25        # short on purpose"]
    assert load_workspace(root).modules["sharing"].sessions[0].activities[0].minutes == 25


def test_a_quoted_number_the_model_reads_as_the_same_number_is_left_as_written(tmp_path):
    root, path, module = _hand_written(tmp_path)
    save(root, "modules", edit.replace_activity(module, "basics", "wrap", minutes=20), loaded_revision=1)
    text = path.read_text(encoding="utf-8")
    assert '        minutes: "40"\n' in text and "        minutes: 20\n" in text
    assert len(_diff(HAND_WRITTEN, text)[1]) == 2


def test_adding_an_activity_adds_only_its_lines_in_the_style_of_its_neighbour(tmp_path):
    root, path, module = _hand_written(tmp_path)
    debate = Activity(
        "debate", Text(fr="Débat", en="Debate"), "discussion", 30, instructions=Text(fr="1. Un\n2. Deux", en="1. One")
    )
    activities = list(module.sessions[0].activities)
    activities.insert(2, debate)
    save(root, "modules", _with_activities(module, activities), loaded_revision=1)
    removed, added = _diff(HAND_WRITTEN, path.read_text(encoding="utf-8"))
    assert removed == ["revision: 1   # the app counts this"]
    assert added == [
        "revision: 2   # the app counts this",
        "      - id: debate",
        '        title: {fr: "Débat", en: "Debate"}',
        "        method: discussion",
        "        minutes: 30",
        "        instructions:",
        "          fr: |-",
        "            1. Un",
        "            2. Deux",
        '          en: "1. One"',
    ]
    saved = load_workspace(root).modules["sharing"]
    assert [a.id for a in saved.sessions[0].activities] == ["intro", "case", "debate", "wrap"]
    assert saved.sessions[0].activities[2] == debate


def test_removing_an_activity_removes_only_its_lines(tmp_path):
    root, path, module = _hand_written(tmp_path)
    activities = [a for a in module.sessions[0].activities if a.id != "case"]
    save(root, "modules", _with_activities(module, activities), loaded_revision=1)
    removed, added = _diff(HAND_WRITTEN, path.read_text(encoding="utf-8"))
    assert added == ["revision: 2   # the app counts this"]
    assert removed == [
        "revision: 1   # the app counts this",
        "      - id: case",
        '        title: {fr: "Étude de cas", en: "Case study"}',
        "        method: case-study",
        '        minutes: "40"',
        "        grouping: small-groups",
        '        instructions: {fr: "1. Lire le cas", en: "1. Read the case"}',
    ]


def test_changing_a_multi_line_text_changes_only_its_lines(tmp_path):
    root, path, module = _hand_written(tmp_path)
    text = Text(fr="1. Présenter\n2. Débattre\n3. Conclure\n", en=module.sessions[0].activities[0].instructions["en"])
    save(root, "modules", edit.replace_activity(module, "basics", "intro", instructions=text), loaded_revision=1)
    after = path.read_text(encoding="utf-8")
    removed, added = _diff(HAND_WRITTEN, after)
    assert removed == ["revision: 1   # the app counts this", "            2. Discuter"]
    assert added == ["revision: 2   # the app counts this", "            2. Débattre", "            3. Conclure"]
    assert "# The first session sets the scene." in after and after.endswith("# end of file\n")


def test_a_field_set_back_to_its_default_loses_its_line_and_a_new_one_goes_in_model_order(tmp_path):
    root, path, module = _hand_written(tmp_path)
    changed = edit.replace_activity(module, "basics", "case", grouping="plenary")
    changed = edit.replace_activity(changed, "basics", "wrap", grouping="pairs")
    save(root, "modules", changed, loaded_revision=1)
    removed, added = _diff(HAND_WRITTEN, path.read_text(encoding="utf-8"))
    assert removed == ["revision: 1   # the app counts this", "        grouping: small-groups"]
    assert added == ["revision: 2   # the app counts this", "        grouping: pairs"]
    text = path.read_text(encoding="utf-8")
    assert "        minutes: 15\n        grouping: pairs\n" in text


def test_a_bundled_module_edit_is_a_two_line_diff(bundled):
    path = bundled / "modules/information-sharing.yaml"
    before = path.read_text(encoding="utf-8")
    module = load_workspace(bundled).modules["information-sharing"]
    session, activity = module.sessions[0], module.sessions[0].activities[0]
    changed = edit.replace_activity(module, session.id, activity.id, minutes=activity.minutes + 5)
    save(bundled, "modules", changed, loaded_revision=module.revision)
    removed, added = _diff(before, path.read_text(encoding="utf-8"))
    assert len(removed) == len(added) == 2
    assert removed[0].startswith("revision:") and added[1].strip() == f"minutes: {activity.minutes + 5}"


def test_a_new_file_is_written_in_todays_clean_layout(small):
    module = load_workspace(small).modules["sharing"]
    saved = save(small, "modules", replace(module, id="fresh", revision=1), loaded_revision=None)
    text = (small / "modules/fresh.yaml").read_text(encoding="utf-8")
    assert text == yamlfile.dump(to_data(saved))
    assert text.startswith("id: fresh\nrevision: 1\ntitle:\n")


def test_layout_is_read_from_the_file():
    assert layout(HAND_WRITTEN) == (2, 4, 2)
    assert layout("id: x\nsessions:\n- id: a\n  title:\n    fr: b\n") == (2, 2, 0)
    assert layout("id: x\ntitle:\n    fr: a\nitems:\n    -   module: m\n") == (4, 8, 4)
    assert layout("id: x\n") == (2, 2, 0)


def test_saving_twice_without_a_change_writes_nothing(bundled):
    """Issue 21: Save without editing raised the revision, rewrote the file and made every
    adaptation of the module in every context "to review"."""
    path = bundled / "modules/information-sharing.yaml"
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    states = {(a.context, a.target, a.index): a.state for a in adaptations(load_workspace(bundled))}
    for _ in range(2):
        module = load_workspace(bundled).modules["information-sharing"]
        saved = save(bundled, "modules", module, loaded_revision=module.revision)
        assert saved.revision == module.revision and unchanged(saved, module.revision)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    workspace = load_workspace(bundled)
    for kind in ("modules", "contexts", "curricula"):  # every bundled record: Save without a change is a no-op
        for record in workspace.records(kind).values():
            assert unchanged(save(bundled, kind, record, loaded_revision=record.revision), record.revision)
    assert not (bundled / HISTORY).exists() and audit_entries(bundled) == []
    workspace = load_workspace(bundled)
    assert {(a.context, a.target, a.index): a.state for a in adaptations(workspace)} == states
    assert not [p for p in workspace.warnings if p.code == "stale"]


def test_unchanged_is_decided_as_the_model_sees_the_record(tmp_path):
    root, path, module = _hand_written(tmp_path)
    # The same record built anew (minutes "40" is 40, defaults spelled out or not) is no change.
    same = replace(module, sessions=tuple(replace(s) for s in module.sessions))
    saved = save(root, "modules", same, loaded_revision=1)
    assert unchanged(saved, 1) and path.read_text(encoding="utf-8") == HAND_WRITTEN
    changed = save(root, "modules", edit.replace_activity(module, "basics", "wrap", minutes=20), loaded_revision=1)
    assert not unchanged(changed, 1) and changed.revision == 2


def test_save_without_a_change_on_the_library_page_says_so_and_writes_nothing(small, monkeypatch):
    path = small / "modules/sharing.yaml"
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    for lang, words in (("en", "No change: nothing saved"), ("fr", "Aucune modification : rien n’a été enregistré")):
        at = app_test(small, monkeypatch, lang).run()
        for _ in range(2):
            at.button(key="library.save").click().run()
            assert not at.exception, at.exception
            assert any(words in i.value and "modules/sharing.yaml" in i.value for i in at.info), [
                i.value for i in at.info
            ]
            assert not [s.value for s in at.success if "revision" in s.value], "a save was reported"
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert load_workspace(small).modules["sharing"].revision == 1


def test_a_rewrite_that_would_not_read_back_the_same_is_replaced_by_a_fresh_file(tmp_path, monkeypatch):
    from curriculum import roundtrip

    root, path, module = _hand_written(tmp_path)
    monkeypatch.setattr(roundtrip, "rewrite", lambda text, old, new: text.replace("minutes: 45", "minutes: 50"))
    saved = save(root, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), loaded_revision=1)
    assert path.read_text(encoding="utf-8") == yamlfile.dump(to_data(saved))  # nothing of the change lost
    assert load_workspace(root).modules["sharing"].sessions[1].activities[0].minutes == 45


def test_text_with_spaces_at_line_ends_still_keeps_the_rest_of_the_file(tmp_path):
    """Block style cannot hold spaces at a line's end: they are dropped, as a new file drops
    them, and the rest of the author's file stays as it was."""
    root, path, module = _hand_written(tmp_path)
    text = Text(fr="1. Présenter   \n2. Débattre\n", en=module.sessions[0].activities[0].instructions["en"])
    save(root, "modules", edit.replace_activity(module, "basics", "intro", instructions=text), loaded_revision=1)
    removed, added = _diff(HAND_WRITTEN, path.read_text(encoding="utf-8"))
    assert removed == ["revision: 1   # the app counts this", "            2. Discuter"]
    assert added == ["revision: 2   # the app counts this", "            2. Débattre"]


LIST_WITH_COMMENTS = """\
id: sharing
revision: 1
title: {fr: "A", en: "A"}
summary: {fr: "S", en: "S"}
sessions:
  - id: basics
    title: {fr: "B", en: "B"}
    activities:
      # about intro
      - id: intro
        title: {fr: "I", en: "I"}
        method: presentation
        minutes: 20   # intro's minutes
      # about case
      - id: case
        title: {fr: "C", en: "C"}
        method: case-study
        minutes: 40
        instructions:
          fr: |
            Lire
          en: |
            Read
      - id: wrap
        title: {fr: "W", en: "W"}
        method: discussion
        minutes: 15
      # about last
      - id: last
        title: {fr: "L", en: "L"}
        method: discussion
        minutes: 15
  - id: two
    title: {fr: "T", en: "T"}
    activities:
      - id: x
        title: {fr: "X", en: "X"}
        method: discussion
        minutes: 15
# the end
"""


def _item_lines(activity_id: str) -> list[str]:
    """The lines of one activity of LIST_WITH_COMMENTS with the comment written above it."""
    lines = LIST_WITH_COMMENTS.splitlines()
    start = lines.index(f"      - id: {activity_id}")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("        "))
    if lines[start - 1].strip() == f"# about {activity_id}":
        start -= 1
    return lines[start:end]


@pytest.mark.parametrize("removed", ["intro", "case", "wrap", "last"])
def test_removing_an_activity_removes_its_own_comment_and_keeps_the_others(tmp_path, removed):
    root = tmp_path / "ws"
    path = write(root, "modules/sharing.yaml", LIST_WITH_COMMENTS)
    module = load_workspace(root).modules["sharing"]
    save(root, "modules", _with_activities(module, [a for a in module.sessions[0].activities if a.id != removed]), 1)
    after = path.read_text(encoding="utf-8")
    removed_lines, added = _diff(LIST_WITH_COMMENTS, after)
    assert added == ["revision: 2"]
    assert removed_lines[1:] == _item_lines(removed)
    for other in {"intro", "case", "last"} - {removed}:
        assert f"      # about {other}\n      - id: {other}\n" in after
    assert "minutes: 20   # intro's minutes" in after or removed == "intro"
    assert after.endswith("# the end\n")


@pytest.mark.parametrize("at", [0, 1, 2, 4])
def test_an_inserted_activity_goes_below_the_comments_of_the_one_before_and_above_those_of_the_next(tmp_path, at):
    root = tmp_path / "ws"
    path = write(root, "modules/sharing.yaml", LIST_WITH_COMMENTS)
    module = load_workspace(root).modules["sharing"]
    activities = list(module.sessions[0].activities)
    activities.insert(at, Activity("new", Text(fr="N", en="N"), "discussion", 10))
    save(root, "modules", _with_activities(module, activities), 1)
    after = path.read_text(encoding="utf-8")
    removed, added = _diff(LIST_WITH_COMMENTS, after)
    assert removed == ["revision: 1"]
    assert added == [
        "revision: 2",
        "      - id: new",
        '        title: {fr: "N", en: "N"}',
        "        method: discussion",
        "        minutes: 10",
    ]
    for other in ("intro", "case", "last"):
        assert f"      # about {other}\n      - id: {other}\n" in after
    assert [a.id for a in load_workspace(root).modules["sharing"].sessions[0].activities].index("new") == at


def _as_a_browser_returns_it(record):
    """`record` with every text's final line break dropped, as a browser's text box gives it back."""

    def dropped(value):
        if isinstance(value, dict):
            return {key: dropped(v) for key, v in value.items()}
        if isinstance(value, list):
            return [dropped(v) for v in value]
        return value.rstrip("\n") if isinstance(value, str) else value

    return build(type(record), dropped(to_data(record)), Findings())


def test_texts_back_from_a_browser_without_their_final_line_break_are_no_change(tmp_path):
    """Seen in Chromium: the Library page's text boxes drop the line break that ends a YAML
    block text, and Save without editing then rewrote every `|` as `|-`."""
    root, path, module = _hand_written(tmp_path)
    assert module.summary["fr"].endswith("\n") and not _as_a_browser_returns_it(module).summary["fr"].endswith("\n")
    saved = save(root, "modules", _as_a_browser_returns_it(module), loaded_revision=1)
    assert unchanged(saved, 1) and path.read_text(encoding="utf-8") == HAND_WRITTEN
    changed = edit.replace_activity(_as_a_browser_returns_it(module), "basics", "intro", minutes=25)
    save(root, "modules", changed, loaded_revision=1)
    removed, added = _diff(HAND_WRITTEN, path.read_text(encoding="utf-8"))
    assert [line for line in added if "|" in line] == []  # every block text keeps its `|`
    assert len(added) == 2


def test_a_block_text_edited_in_a_browser_keeps_the_authors_block_style(tmp_path):
    root, path, module = _hand_written(tmp_path)
    text = Text(fr="1. Présenter\n2. Débattre", en="1. Present\n2. Discuss")  # no final line break
    save(root, "modules", edit.replace_activity(module, "basics", "intro", instructions=text), loaded_revision=1)
    removed, added = _diff(HAND_WRITTEN, path.read_text(encoding="utf-8"))
    assert removed == ["revision: 1   # the app counts this", "            2. Discuter"]
    assert added == ["revision: 2   # the app counts this", "            2. Débattre"]


def test_removing_a_first_activity_without_a_comment_keeps_the_comment_of_the_next(tmp_path):
    text = LIST_WITH_COMMENTS.replace("      # about intro\n", "")
    root = tmp_path / "ws"
    path = write(root, "modules/sharing.yaml", text)
    module = load_workspace(root).modules["sharing"]
    save(root, "modules", _with_activities(module, module.sessions[0].activities[1:]), 1)
    after = path.read_text(encoding="utf-8")
    assert "    activities:\n      # about case\n      - id: case\n" in after
    assert _diff(text, after)[1] == ["revision: 2"]


def _mutated(value, rng):
    """`value` with one leaf somewhere changed, or one list item removed, doubled or swapped."""
    if dataclasses.is_dataclass(value):
        field = rng.choice(dataclasses.fields(value))
        return replace(value, **{field.name: _mutated(getattr(value, field.name), rng)})
    if isinstance(value, tuple) and value:
        at, roll = rng.randrange(len(value)), rng.random()
        if roll < 0.2:
            return value[:at] + value[at + 1 :]
        if roll < 0.35 and len(value) > 1:
            other = rng.randrange(len(value))
            items = list(value)
            items[at], items[other] = items[other], items[at]
            return tuple(items)
        return value[:at] + (_mutated(value[at], rng),) + value[at + 1 :]
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 5
    if isinstance(value, str):
        return value + (" plus\nune ligne" if rng.random() < 0.3 else " x")
    return value


def test_random_edits_of_every_bundled_record_read_back_as_saved():
    """Whatever changes, the rewritten author's file says exactly what a fresh file would."""
    import random

    from curriculum import roundtrip
    from curriculum.workspace import _read_back, _same

    rng = random.Random(5)
    workspace = load_workspace(REPO)
    for kind in ("modules", "contexts", "curricula"):
        for record in workspace.records(kind).values():
            text = workspace.path(kind, record.id).read_text(encoding="utf-8")
            for _ in range(2):
                new = replace(_mutated(record, rng), id=record.id, revision=record.revision + 1)
                edited = roundtrip.rewrite(text, record, new)
                fresh = yamlfile.dump(to_data(new))
                assert edited is not None
                assert _same(_read_back(edited, type(record)), _read_back(fresh, type(record))), (kind, record.id)
