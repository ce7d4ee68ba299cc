"""Each kind of broken file is reported as `path:line: field: what — fix`, and the rest loads."""

from __future__ import annotations

from curriculum.workspace import load_workspace
from tests.conftest import MODULE, write


def problems_for(root, name):
    ws = load_workspace(root)
    return ws, [p for p in ws.problems if p.file == name]


def only_error(root, name):
    ws, problems = problems_for(root, name)
    errors = [p for p in problems if p.is_error]
    assert errors, f"expected an error for {name}, got {problems}"
    return ws, errors


def test_small_workspace_is_clean(small):
    ws = load_workspace(small)
    assert ws.problems == ()
    assert set(ws.modules) == {"sharing"}
    assert ws.modules["sharing"].sessions[0].activities[1].minutes == 40


def test_malformed_yaml_names_file_and_line_and_the_rest_loads(small):
    write(small, "modules/broken.yaml", "id: broken\ntitle: {fr: a, en: b\nrevision: 1\n")
    ws, errors = only_error(small, "modules/broken.yaml")
    assert errors[0].line in (2, 3)
    assert "malformed YAML" in errors[0].what
    assert str(errors[0]).startswith(f"modules/broken.yaml:{errors[0].line}: malformed YAML")
    assert "sharing" in ws.modules and "short" in ws.curricula


def test_wrong_type_names_field_line_and_fix(small):
    write(small, "modules/sharing.yaml", MODULE.replace("minutes: 40", "minutes: forty"))
    ws, errors = only_error(small, "modules/sharing.yaml")
    (error,) = errors
    assert error.line == 27
    assert error.field == "sessions[1].activities[2].minutes"
    assert str(error) == (
        "modules/sharing.yaml:27: sessions[1].activities[2].minutes: expected a whole number, found 'forty'"
        " — write a whole number, e.g. `30`"
    )
    assert "sharing" not in ws.modules


def test_minutes_must_be_positive(small):
    write(small, "modules/sharing.yaml", MODULE.replace("minutes: 40", "minutes: 0"))
    _, errors = only_error(small, "modules/sharing.yaml")
    assert errors[0].line == 27 and "0 is not a positive whole number" in errors[0].what


def test_missing_required_field(small):
    write(small, "modules/sharing.yaml", MODULE.replace("        method: role-play\n", ""))
    _, errors = only_error(small, "modules/sharing.yaml")
    assert errors[0].field == "sessions[2].activities[1].method"
    assert errors[0].what == "missing required field" and errors[0].fix == "add `method:` with a value"
    assert errors[0].line == 35  # the activity that lacks it


def test_unknown_key_suggests_the_close_match(small):
    write(small, "modules/sharing.yaml", MODULE.replace("grouping: small-groups", "groupin: small-groups"))
    _, errors = only_error(small, "modules/sharing.yaml")
    assert errors[0].what == "unknown field 'groupin'"
    assert errors[0].fix == "did you mean 'grouping'?"
    assert errors[0].line == 28


def test_unknown_method_value_suggests(small):
    write(small, "modules/sharing.yaml", MODULE.replace("method: role-play", "method: roleplay"))
    _, errors = only_error(small, "modules/sharing.yaml")
    assert "'roleplay' is not allowed" in errors[0].what and "role-play" in errors[0].fix


def test_duplicate_ids(small):
    write(small, "modules/sharing.yaml", MODULE.replace("id: case\n", "id: intro\n"))
    _, errors = only_error(small, "modules/sharing.yaml")
    assert errors[0].what == "duplicate id 'intro'"
    assert errors[0].line == 24


def test_dangling_handout_reference(small):
    write(small, "modules/sharing.yaml", MODULE.replace("handouts: [case-one]", "handouts: [case-on]"))
    _, errors = only_error(small, "modules/sharing.yaml")
    assert errors[0].what == "unknown handout 'case-on'" and "case-one" in errors[0].fix


def test_curriculum_naming_missing_module_and_session(small):
    write(
        small,
        "curricula/short.yaml",
        (small / "curricula/short.yaml").read_text()
        + "  - module: sharin\n  - module: sharing\n    sessions: [nope]\n",
    )
    ws, errors = only_error(small, "curricula/short.yaml")
    whats = [e.what for e in errors]
    assert "unknown module 'sharin'" in whats and "did you mean 'sharing'?" in [e.fix for e in errors]
    assert "module 'sharing' has no session 'nope'" in whats
    assert {e.line for e in errors} == {14, 16}
    assert "short" in ws.curricula  # a dangling reference is reported; the curriculum still opens


def test_id_must_be_a_slug_without_path_tricks(small):
    write(small, "modules/evil.yaml", MODULE.replace("id: sharing", "id: ../etc/passwd", 1))
    _, errors = only_error(small, "modules/evil.yaml")
    assert errors[0].line == 1 and "is not a valid id" in errors[0].what and "no /" in errors[0].fix


def test_file_name_must_match_id(small):
    write(small, "modules/other.yaml", MODULE)
    _, errors = only_error(small, "modules/other.yaml")
    assert errors[0].what == "id 'sharing' does not match the file name 'other.yaml'"


def test_non_utf8_file_names_the_line(small):
    path = small / "modules/latin.yaml"
    path.write_bytes('id: latin\nrevision: 1\ntitle: {fr: "Référence"}\n'.encode("latin-1"))
    _, errors = only_error(small, "modules/latin.yaml")
    assert errors[0].line == 3 and "not UTF-8" in errors[0].what and "UTF-8" in errors[0].fix


def test_alias_bomb_is_refused_fast(small):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    write(small, "modules/bomb.yaml", "\n".join(lines) + "\n")
    _, errors = only_error(small, "modules/bomb.yaml")
    assert errors[0].line == 2 and "anchors and aliases" in errors[0].what  # where the first alias stands


def test_oversized_file_is_refused_before_reading(small):
    (small / "modules/huge.yaml").write_text("id: huge\n" + "# padding\n" * 300_000)
    _, errors = only_error(small, "modules/huge.yaml")
    assert "too large" in errors[0].what and errors[0].line is None
    assert "(3,000,009 bytes, the limit is 2,097,152)" in errors[0].what
    assert "(3\u202f000\u202f009 octets, la limite est 2\u202f097\u202f152)" in errors[0].text("fr")


def test_missing_translation_is_a_warning_not_an_error(small):
    write(
        small,
        "modules/sharing.yaml",
        MODULE.replace("title: {fr: Introduction, en: Introduction}", "title: {en: Introduction}"),
    )
    ws, problems = problems_for(small, "modules/sharing.yaml")
    assert [p.severity for p in problems] == ["warning"]
    assert problems[0].what == "translation gap: no French text"
    assert problems[0].line == 20
    assert "sharing" in ws.modules
    assert ws.modules["sharing"].sessions[0].activities[0].title.get("fr") == "Introduction"


def test_clock_written_without_quotes_is_read_as_time(small):
    text = (small / "curricula/short.yaml").read_text().replace('"10:30"', "10:30")
    write(small, "curricula/short.yaml", text)
    ws = load_workspace(small)
    assert ws.curricula["short"].schedule.breaks[0].start == "10:30"


def test_every_problem_is_reported_not_only_the_first(small):
    broken = (
        MODULE.replace("minutes: 40", "minutes: -5")
        .replace("method: role-play", "method: nope")
        .replace("bloom: apply", "bloom: apply\n    colour: red")
    )
    write(small, "modules/sharing.yaml", broken)
    _, errors = only_error(small, "modules/sharing.yaml")
    assert len(errors) == 3


def test_an_error_at_the_end_of_a_file_names_its_last_line(small):
    write(small, "modules/broken.yaml", "id: broken\ntitle: {fr: a, en: b\n")
    _, errors = only_error(small, "modules/broken.yaml")
    assert errors[0].line == 2


# --- the same problems in French ----------------------------------------------------------
def test_every_message_says_the_same_in_french_and_english():
    import string

    from curriculum.catalogs import entries
    from curriculum.messages import DID_YOU_MEAN, MESSAGES

    def fields(template):
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    french = entries("fr")
    for code, (what, fix) in MESSAGES.items():
        assert what.key == f"{code}.what" and (not fix or fix.key == f"{code}.fix"), code
        for part in (what, fix):
            if not part:
                continue
            english = part.english if isinstance(part.english, tuple) else (part.english,)
            translated = french[part.key] if isinstance(french[part.key], tuple) else (french[part.key],)
            assert all(fields(f) <= set().union(*map(fields, english)) for f in translated), part.key
            assert all("’" not in e for e in english), code  # English uses straight quotes around ids
    assert fields(french["DID_YOU_MEAN"]) == fields(DID_YOU_MEAN.english) == {"suggestion"}


def test_problems_read_in_french_and_stay_english_on_the_command_line(small):
    write(small, "modules/sharing.yaml", MODULE.replace("minutes: 40", "minutes: forty"))
    _, (error,) = only_error(small, "modules/sharing.yaml")
    assert error.text("fr") == (
        "modules/sharing.yaml:27: sessions[1].activities[2].minutes: un nombre entier était attendu, trouvé : "
        "« forty » — écrivez un nombre entier, par exemple `30`"
    )
    assert str(error) == error.text("en") and "expected a whole number, found 'forty'" in str(error)
    write(small, "modules/sharing.yaml", MODULE.replace("grouping: small-groups", "groupin: small-groups"))
    _, (error,) = only_error(small, "modules/sharing.yaml")
    assert error.text("fr").endswith("champ inconnu « groupin » — vouliez-vous dire « grouping » ?")
    write(small, "modules/sharing.yaml", "id: sharing\ntitle: {fr: a, en: b\n")
    _, (error,) = only_error(small, "modules/sharing.yaml")
    assert "YAML mal formé" in error.text("fr") and "vérifiez l’indentation" in error.text("fr")


def test_cross_file_problems_and_warnings_read_in_french(small):
    text = (small / "curricula/short.yaml").read_text(encoding="utf-8")
    write(small, "curricula/short.yaml", text.replace("module: sharing", "module: sharin"))
    ws = load_workspace(small)
    (problem,) = [p for p in ws.problems if p.file == "curricula/short.yaml"]
    assert problem.text("fr").endswith("module inconnu « sharin » — vouliez-vous dire « sharing » ?")
    assert str(problem).endswith("unknown module 'sharin' — did you mean 'sharing'?")


def test_the_status_panel_speaks_the_interface_language(small, monkeypatch):
    from tests.conftest import app_test

    write(small, "modules/sharing.yaml", MODULE.replace("minutes: 40", "minutes: 0"))
    at = app_test(small, monkeypatch, "fr").run()
    shown = " ".join(c.value for c in at.sidebar.code)
    assert "0 n’est pas un nombre entier positif" in shown and "is not a positive" not in shown


def test_the_event_reader_builds_what_the_base_loader_builds():
    """`yamlfile.parse` builds data from parser events (no recursion, aliases and repeated keys
    refused); on every document without those it must give what libyaml with BaseLoader gives."""
    import random

    import yaml

    from curriculum.yamlfile import ReadError, parse

    cases = ["", "a", "a: 1", "- a\n- b", "{a: [1, {b: c}], d: ''}", "a:\n  - x: 1\n    y: |\n      two\n      lines\n"]
    cases += ["? a\n: b", "a: !tag 1", "'quoted': \"x\"", "[]", "{}", "a:\n", "--- a\n...\n", "a: [1, [2, [3]]]"]
    alphabet = ["a", "b", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ", ", "'", "#", "|", "?", "&x ", "*x"]
    rng = random.Random(7)
    cases += ["".join(rng.choices(alphabet, k=rng.randint(0, 14))) for _ in range(6_000)]
    for text in cases:
        try:
            expected = yaml.load(text, Loader=yaml.CBaseLoader)
        except (yaml.YAMLError, TypeError):
            expected = ReadError
        try:
            got = parse(text)
        except ReadError as exc:
            got = ReadError
            on_purpose = exc.code in ("yaml_alias", "duplicate_key") or "cannot be a key" in exc.what
            assert expected is ReadError or on_purpose, (repr(text), exc.what)
        assert got == expected or got is ReadError, repr(text)
