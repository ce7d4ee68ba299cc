"""Item-writing checks on test banks: each warning fires on the flaw it names, and only then."""

from __future__ import annotations

from curriculum import items
from curriculum.model import Module, Objective, Question, Session, Text
from curriculum.records import Findings
from curriculum.workspace import load_workspace
from tests.conftest import MODULE, choice_bank, write
from tests.test_cli import run


def choice(answer: int, *options: str, objective: str = "o1") -> Question:
    return Question(
        id=f"q{answer}{len(options)}",
        objective=objective,
        text=Text(fr="Question ?", en="Question?"),
        options=tuple(Text(fr=o, en=o) for o in options),
        answer=answer,
    )


def module(*questions: Question) -> Module:
    return Module(
        id="m",
        revision=1,
        title=Text(fr="M", en="M"),
        summary=Text(fr="S", en="S"),
        sessions=(Session(id="s", title=Text(fr="S", en="S"), activities=(), objectives=("o1",)),),
        objectives=(Objective("o1", Text(fr="O", en="O")), Objective("o2", Text(fr="P", en="P"))),
        questions=tuple(questions),
    )


def codes(m: Module) -> list[str]:
    found = Findings()
    items.check_bank(m, found)
    return [f.code for f in found]


LONG = "a much longer and more careful right answer"


def options_with_long(long_at: int) -> list[str]:
    return [LONG if i == long_at else f"short {i}" for i in range(3)]


def test_right_option_longest_in_most_questions_is_flagged():
    bank = [choice(k % 3, *options_with_long(k % 3)) for k in range(6)]
    assert items.longest_right(bank, "fr") == 6
    assert codes(module(*bank)) == ["right_is_longest"]


def test_right_option_longest_in_half_the_questions_is_not_flagged():
    bank = [choice(k % 3, *options_with_long(k % 3 if k < 3 else (k + 1) % 3)) for k in range(6)]
    assert items.longest_right(bank, "en") == 3
    assert codes(module(*bank)) == []


def test_right_answers_piled_on_one_position_are_flagged_with_the_position():
    bank = [choice(1, "one", "two", "three", "four") for _ in range(5)] + [choice(0, "one", "two", "three", "four")]
    found = Findings()
    items.check_bank(module(*bank), found)
    (finding,) = found
    assert finding.code == "answers_unbalanced" and dict(finding.values) == {"position": 2, "count": 5, "total": 6}


def test_a_position_never_right_in_a_large_bank_is_flagged():
    bank = [choice(k % 2, "one", "two", "three") for k in range(6)]  # 3 right at 1, 3 at 2, none at 3
    assert items.unbalanced(bank) == (3, 0)


def test_balanced_positions_pass():
    bank = [choice(k % 3, "one", "two", "three") for k in range(6)]
    assert items.unbalanced(bank) is None


def test_duplicate_options_are_caught_across_case_accents_and_punctuation():
    found = Findings()
    items.check_question(
        choice(0, "Le biais de confirmation.", "le biais de CONFIRMATION", "Autre"), found, ("questions", 0)
    )
    assert [(f.code, f.path) for f in found] == [("duplicate_option", ("questions", 0, "options", 1))]


def test_catch_all_options_in_any_bundled_language_are_caught():
    for option in (
        "All of the above",
        "Toutes les réponses",
        "aucune des propositions",
        "tout ce qui précède",
        "كل ما سبق",
        "لا شيء مما سبق",
        "جميع الإجابات السابقة",
    ):
        found = Findings()
        items.check_question(choice(0, "Un", "Deux", option), found, ("questions", 0))
        assert [f.code for f in found] == ["catch_all_option"], option
    found = Findings()
    items.check_question(choice(0, "Toutes les personnes présentes", "Deux", "Trois"), found, ("questions", 0))
    assert list(found) == []


def test_a_question_on_an_objective_no_session_works_on_is_flagged():
    assert codes(module(choice(0, "a", "b", objective="o2"))) == ["question_untaught"]
    assert codes(module(choice(0, "a", "b", objective="o1"))) == []


def test_small_banks_are_not_judged_on_their_shape():
    assert codes(module(*[choice(0, LONG, "x", "y") for _ in range(3)])) == []


def test_validate_prints_item_warnings_with_file_line_and_fix_in_both_languages(small):
    options = [("Non", '"No"'), ("Oui et voici pourquoi en détail", "Yes and here is why in detail")]
    bank = choice_bank(4, lambda k: [*options, ("Toutes les réponses", "All of the above")], lambda k: 1)
    write(small, "modules/sharing.yaml", MODULE + bank)
    ws = load_workspace(small)
    warnings = {(p.code, p.line) for p in ws.warnings}
    assert {("right_is_longest", 45), ("answers_unbalanced", 45), ("catch_all_option", 66)} <= warnings
    (longest,) = [p for p in ws.warnings if p.code == "right_is_longest"]
    assert "dans 4 questions à choix sur 5, la bonne réponse est la plus longue (français)" in longest.text("fr")
    result = run("validate", "--workspace", str(small))
    assert result.returncode == 0
    assert (
        "modules/sharing.yaml:45: questions: in 4 of 5 choice questions the right option is the longest"
        in result.stderr
    )
    assert "— lengthen the wrong options or shorten the right one" in result.stderr
