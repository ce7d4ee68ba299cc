"""Refusals in the interface's language: every refusal the core raises has a message code,
its English words unchanged (the command line), its French words for a French interface."""

from __future__ import annotations

import ast

import pytest

from curriculum import access, edit, review
from curriculum.export.pack import scope
from curriculum.imports import check_modules
from curriculum.messages import MESSAGES
from curriculum.problems import ConflictError, ContentError, UnknownIdError
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace, save
from tests.conftest import REPO, app_test

ERRORS = {"ContentError", "ConflictError", "UnknownIdError", "NotAllowedError"}
CORE = [
    "curriculum/edit.py",
    "curriculum/compose.py",
    "curriculum/review.py",
    "curriculum/imports.py",
    "curriculum/export/pack.py",
    "curriculum/export/formats.py",
    "curriculum/resolve.py",
    "curriculum/workspace.py",
    "curriculum/access.py",
]


def test_every_refusal_of_the_core_has_a_message_code():
    """No `XError("…")` / `XError(f"…")` in the modules a page reaches: only `XError.coded("code", …)`
    with a code that `messages` knows. (cli.py keeps its two English-only refusals: the command
    line is English.)"""
    built, codes = [], []
    for name in CORE:
        for node in ast.walk(ast.parse((REPO / name).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id in ERRORS:
                built.append(f"{name}:{node.lineno}: {node.func.id}(…)")
            if isinstance(node.func, ast.Attribute) and node.func.attr == "coded":
                # the errors' coded(code, …); Problem.coded(file, line, code, …) may pass on the code
                # of a ReadError, checked where that is raised
                if isinstance(node.func.value, ast.Name) and node.func.value.id == "Problem":
                    if isinstance(node.args[2], ast.Constant):
                        codes.append((name, node.lineno, node.args[2].value))
                    continue
                assert isinstance(node.args[0], ast.Constant), f"{name}:{node.lineno}: the code is a literal"
                codes.append((name, node.lineno, node.args[0].value))
    assert built == [], "raise XError.coded('code', …) instead"
    assert len(codes) > 50
    assert [c for c in codes if c[2] not in MESSAGES] == []


def test_an_empty_comment_is_refused_in_french_and_english(small):
    ws = load_workspace(small)
    with pytest.raises(ContentError) as raised:
        review.add_comment(small, ws, "short", "sharing", "Aminata", "prosecutor", "  ")
    assert str(raised.value) == "the comment is empty — write what should change and why"
    assert raised.value.lines() == [str(raised.value)]
    assert raised.value.lines("fr") == ["le commentaire est vide — écrivez ce qui devrait changer, et pourquoi"]


def test_an_unknown_id_reads_in_french(small):
    ws = load_workspace(small)
    with pytest.raises(UnknownIdError) as raised:
        ws.get("modules", "sharin")
    assert str(raised.value) == "unknown module 'sharin' (known: sharing)"
    assert raised.value.lines("fr") == ["module inconnu « sharin » (existants : sharing)"]
    with pytest.raises(UnknownIdError) as raised:
        ws.get("contexts", "brussels")
    assert str(raised.value) == "unknown context 'brussels' (known: generic)"
    assert raised.value.lines("fr") == ["contexte inconnu « brussels » (existants : generic)"]


def test_a_stale_save_is_a_conflict_in_french_and_english(small):
    module = load_workspace(small).modules["sharing"]
    save(small, "modules", edit.replace_activity(module, "basics", "case", minutes=55), loaded_revision=1)
    with pytest.raises(ConflictError) as raised:
        save(small, "modules", edit.replace_activity(module, "basics", "case", minutes=50), loaded_revision=1)
    assert str(raised.value) == (
        "sharing.yaml was changed by someone else since you opened it (you started from revision 1, it is now at "
        "revision 2) — your text is kept: reload to see their version and apply your changes again"
    )
    assert raised.value.lines("fr") == [
        "sharing.yaml a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert (vous aviez ouvert la "
        "révision 1, le fichier en est à la révision 2) — votre texte est conservé : rechargez pour voir l’autre "
        "version, puis refaites vos modifications"
    ]


def test_a_day_that_does_not_exist_reads_in_french(small):
    programme = resolve(load_workspace(small), "short", None, "fr")
    with pytest.raises(ContentError) as raised:
        scope(programme, day=3)
    assert str(raised.value) == "day 3 does not exist: the programme has 1 day"
    assert raised.value.lines("fr") == ["le jour 3 n’existe pas : le programme compte 1 jour"]


def test_a_new_id_says_what_it_names_in_french(small):
    module = load_workspace(small).modules["sharing"]
    with pytest.raises(ContentError) as raised:
        edit.add_activity(module, "basics", "Case Two")
    assert str(raised.value) == (
        "'Case Two' is not a valid activity id — use lower-case letters, digits and single hyphens"
    )
    assert raised.value.lines("fr")[0].startswith("« Case Two » n’est pas un identifiant d’activité valide — ")
    with pytest.raises(ContentError) as raised:
        edit.add_session(module, "basics")
    assert str(raised.value) == "a session with id 'basics' already exists — choose another id"
    assert raised.value.lines("fr") == ["l’identifiant de séance « basics » est déjà pris — choisissez-en un autre"]


def test_a_refused_role_names_the_action_and_roles_in_french(small, monkeypatch):
    monkeypatch.setenv("CURRICULUM_MODE", "server")
    with pytest.raises(access.NotAllowedError) as raised:
        access.check(access.Actor("bo", "reviewer"), "edit-content")
    assert str(raised.value) == "bo (reviewer) may not edit content: only designer may"
    assert raised.value.lines("fr") == ["bo (relecteur) ne peut pas modifier le contenu (rôles autorisés : concepteur)"]
    with pytest.raises(access.NotAllowedError) as raised:
        access.check(None, "import")
    assert str(raised.value) == "sign in first: on a shared server, 'import' needs an account"
    assert raised.value.lines("fr") == [
        "connectez-vous d’abord : sur un serveur partagé, il faut un compte pour importer des modules"
    ]


def test_a_refused_import_lists_its_problems_in_french():
    """A badly named file in an import is a Problem like the others (it used to be a bare string)."""
    with pytest.raises(ContentError) as raised:
        check_modules([("Bad Name.yaml", b"id: x\n")])
    assert str(raised.value) == "import refused: 1 problem"
    assert raised.value.lines() == [
        "Bad Name.yaml: the file name must be the module id (lower-case letters, digits, hyphens)"
    ]
    assert raised.value.lines("fr") == [
        "Bad Name.yaml: le nom du fichier doit être l’identifiant du module (minuscules, chiffres, tirets)"
    ]


def test_the_review_page_refuses_an_empty_comment_in_french(small, monkeypatch):
    at = app_test(small, monkeypatch, "fr").run()
    at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
    at.text_input(key="review.me").set_value("Aminata")
    at.text_input(key="review.role").set_value("procureure")
    at.text_area(key="review.text").set_value("   ").run()
    at.button(key="review.add").click().run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert errors == ["le commentaire est vide — écrivez ce qui devrait changer, et pourquoi"]
    assert not any("comment is empty" in e for e in errors)
    assert review.comments(small, "short") == []


def test_a_comment_on_a_missing_item_names_it_in_french(small):
    ws = load_workspace(small)
    with pytest.raises(UnknownIdError) as raised:
        review.add_comment(small, ws, "short", "sharing/nowhere", "Aminata", "prosecutor", "Why?")
    assert str(raised.value).startswith("unknown target 'sharing/nowhere': session 'sharing/nowhere' does not exist")
    assert raised.value.lines("fr")[0].startswith(
        "élément inconnu « sharing/nowhere » : la séance « sharing/nowhere » n’existe pas"
    )
