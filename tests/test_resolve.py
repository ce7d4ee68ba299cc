"""resolve(): one Programme for the agenda, the command line and the exports."""

from __future__ import annotations

import json

import pytest

from curriculum.problems import UnknownIdError
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import write
from tests.test_cli import run


def test_agenda_minutes_equal_clock_span_and_times_are_exact(small):
    programme = resolve(load_workspace(small), "short", "generic", "en")
    agenda = programme.agenda()
    slots = [(s["start"], s["end"], s["kind"], s["activity"]) for s in agenda["days"][0]["slots"]]
    assert slots == [
        ("09:00", "09:20", "activity", "intro"),
        ("09:20", "10:00", "activity", "case"),
        ("10:30", "10:45", "break", ""),
        ("10:45", "11:30", "activity", "role-play"),
    ]
    for slot in agenda["days"][0]["slots"]:
        h1, m1 = map(int, slot["start"].split(":"))
        h2, m2 = map(int, slot["end"].split(":"))
        assert slot["minutes"] == (h2 * 60 + m2) - (h1 * 60 + m1)


def test_programme_views_carry_times_and_language(small):
    programme = resolve(load_workspace(small), "short", "generic", "fr")
    case = next(a for a in programme.activities if a.id == "case")
    assert (case.title, case.start, case.end, case.day) == ("Étude de cas", "09:20", "10:00", 1)
    assert programme.modules[0].questions[0].options == ("Oui", "Non")


def test_interpretation_factor_stretches_activity_minutes(small):
    context = (small / "contexts/generic.yaml").read_text() + "timing: {interpretation_factor: 1.25}\n"
    write(small, "contexts/generic.yaml", context)
    programme = resolve(load_workspace(small), "short", "generic", "en")
    assert [a.minutes for a in programme.activities] == [25, 50, 55]
    assert programme.activities[-1].base_minutes == 45


def test_prerequisite_order_and_alignment_warnings(small):
    module = (small / "modules/sharing.yaml").read_text()
    write(
        small,
        "modules/later.yaml",
        module.replace("id: sharing", "id: later", 1)
        .replace("en: Sharing information}", "en: Later}")
        .replace("prerequisites", "x")
        .replace("audience: [police, social-work]", "audience: [police]\nprerequisites: [sharing]"),
    )
    curriculum = (
        (small / "curricula/short.yaml")
        .read_text()
        .replace("  - module: sharing\n", "  - module: later\n  - module: sharing\n")
    )
    curriculum = curriculum.replace("days: 1", "days: 2")
    write(small, "curricula/short.yaml", curriculum)
    warnings = resolve(load_workspace(small), "short", "generic", "en").warnings
    assert "Module 'Later' is placed before its prerequisite 'Sharing information'." in warnings  # names, not ids


def test_objective_without_session_or_question_is_reported(small):
    module = (
        (small / "modules/sharing.yaml")
        .read_text()
        .replace("  - id: o2\n", "  - id: o3\n    text: {fr: Créer, en: Create}\n  - id: o2\n")
    )
    write(small, "modules/sharing.yaml", module)
    warnings = resolve(load_workspace(small), "short", "generic", "fr").warnings
    assert "Module « Partager l’information » : l’objectif « Créer » n’est travaillé par aucune séance." in warnings
    assert (
        "Module « Partager l’information » : l’objectif « Créer » n’est vérifié par aucune question du test."
        in warnings
    )


def test_session_for_profiles_the_curriculum_does_not_target(small):
    curriculum = (
        (small / "curricula/short.yaml")
        .read_text()
        .replace("default_context: generic", "default_context: generic\naudience: [health]")
    )
    write(small, "curricula/short.yaml", curriculum)
    warnings = resolve(load_workspace(small), "short", "generic", "en").warnings
    assert (
        "Session 'Sharing information › The basics' is aimed at police, social workers, profiles the curriculum"
        " does not target." in warnings
    )
    french = resolve(load_workspace(small), "short", "generic", "fr").warnings
    assert (
        "Séance « Partager l’information › Les bases » : elle vise police et gendarmerie, travail social, publics"
        " que le curriculum ne cible pas." in french
    )


def test_presentation_share_above_half_a_day(small):
    module = (small / "modules/sharing.yaml").read_text().replace("method: case-study", "method: presentation")
    write(small, "modules/sharing.yaml", module)
    warnings = resolve(load_workspace(small), "short", "generic", "en").warnings
    assert "Day 1: 57% of the time is presentation (more than half)." in warnings


def test_unknown_ids_are_user_errors(small):
    ws = load_workspace(small)
    with pytest.raises(UnknownIdError, match="unknown curriculum 'nope'"):
        resolve(ws, "nope", "generic", "en")
    with pytest.raises(UnknownIdError, match="unknown context 'mars'"):
        resolve(ws, "short", "mars", "en")


def test_cli_agenda_json_contract(small):
    result = run("agenda", "short", "--context", "generic", "--lang", "en", "--json", "--workspace", str(small))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"curriculum", "context", "lang", "days", "warnings"}
    slot = data["days"][0]["slots"][0]
    assert set(slot) == {
        "start",
        "end",
        "kind",
        "module",
        "session",
        "activity",
        "title",
        "method",
        "minutes",
        "continued",
    }
    assert (data["curriculum"], data["context"], data["lang"], data["days"][0]["day"]) == ("short", "generic", "en", 1)


def test_cli_agenda_table_and_unknown_id(small):
    table = run("agenda", "short", "--context", "generic", "--lang", "fr", "--workspace", str(small))
    assert table.returncode == 0 and "09:20–10:00" in table.stdout and "Étude de cas" in table.stdout
    unknown = run("agenda", "nope", "--context", "generic", "--lang", "fr", "--workspace", str(small))
    assert unknown.returncode == 1 and unknown.stderr.startswith("error: unknown curriculum 'nope'")
    assert "Traceback" not in unknown.stderr


def test_bundled_core_curriculum_resolves_to_three_days(bundled):
    ws = load_workspace(bundled)
    programme = resolve(ws, "core-3-day", "generic", "en")
    assert len(programme.days) == 3 and programme.activities


def test_a_protected_time_over_lunch_becomes_one_longer_lunch(small):
    context = (small / "contexts/generic.yaml").read_text() + (
        'timing:\n  protected_times:\n    - {start: "12:30", end: "14:00", label: {fr: Pause prolongée, en: Extended break}}\n'
    )
    write(small, "contexts/generic.yaml", context)
    module = (
        (small / "modules/sharing.yaml")
        .read_text()
        .replace("minutes: 20", "minutes: 90")
        .replace("minutes: 45", "minutes: 90")
    )
    write(small, "modules/sharing.yaml", module)
    slots = resolve(load_workspace(small), "short", "generic", "en").agenda()["days"][0]["slots"]
    pauses = [(s["start"], s["end"], s["kind"], s["title"]) for s in slots if s["kind"] != "activity"]
    assert ("12:30", "14:00", "lunch", "Extended break") in pauses
    assert not any(p[0] == "12:30" and p[1] == "13:30" for p in pauses)
