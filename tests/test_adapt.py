"""Context adaptation: override kinds, glossary, staleness, orphans, A vs B."""

from __future__ import annotations

import subprocess
import sys

import pytest

from curriculum import edit
from curriculum.adapt import adapt_module, mark_reviewed
from curriculum.glossary import substitute
from curriculum.model import Substitution
from curriculum.resolve import resolve
from curriculum.usage import adaptations
from curriculum.workspace import load_workspace, record_at, save
from tests.conftest import MODULE, REPO, choice_bank, write

CONTEXT_A = """\
id: ctx-a
revision: 1
name: {fr: Contexte A, en: Context A}
languages: [fr, en]
default_language: fr
handouts:
  - id: local-case
    kind: case-study
    title: {fr: Cas local, en: Local case}
    body: {fr: "Cas fictif local.", en: "Local fictional case."}
overrides:
  - {target: sharing/basics/intro, base_revision: 1, kind: replace, field: title, value: {fr: Ouverture locale, en: Local opening}}
  - {target: sharing/basics/case, base_revision: 1, kind: minutes, minutes: 55}
  - {target: sharing/practice/role-play, base_revision: 1, kind: note, note: {fr: "Inviter le parquet.", en: "Invite the prosecutor."}}
  - {target: "sharing/handout:case-one", base_revision: 1, kind: swap, with: local-case}
  - {target: sharing/basics/intro, base_revision: 1, kind: hide}
additions:
  - after: sharing/basics/case
    base_revision: 1
    activity:
      id: local-map
      title: {fr: Carte des acteurs, en: Map of actors}
      method: group-work
      minutes: 20
      instructions: {fr: "1. Cartographier", en: "1. Map"}
"""

CONTEXT_B = """\
id: ctx-b
revision: 1
name: {fr: Contexte B, en: Context B}
languages: [fr, en]
default_language: en
glossary:
  en:
    - {term: case study, replace: scenario}
overrides:
  - {target: sharing/practice/role-play, base_revision: 1, kind: minutes, minutes: 30}
"""


def with_contexts(root):
    write(root, "contexts/ctx-a.yaml", CONTEXT_A)
    write(root, "contexts/ctx-b.yaml", CONTEXT_B)
    return load_workspace(root)


def test_each_override_kind(small):
    ws = with_contexts(small)
    adapted = adapt_module(ws.modules["sharing"], ws.contexts["ctx-a"])
    module = adapted.module
    basics = module.session("basics")
    assert [a.id for a in basics.activities] == ["case", "local-map"]  # intro hidden, local-map added after case
    assert basics.activities[0].minutes == 55
    role_play = module.session("practice").activities[0]
    assert role_play.facilitator_notes["en"] == "Invite the prosecutor."
    assert module.handout("case-one").body["fr"] == "Cas fictif local."  # swapped, id kept for references
    assert "sharing/basics/case" in adapted.changed and "sharing/basics/local-map" in adapted.added


def test_replace_applies_when_not_hidden(small):
    text = CONTEXT_A.replace("  - {target: sharing/basics/intro, base_revision: 1, kind: hide}\n", "")
    write(small, "contexts/ctx-a.yaml", text)
    ws = load_workspace(small)
    programme = resolve(ws, "short", "ctx-a", "en")
    intro = next(a for a in programme.activities if a.id == "intro")
    assert intro.title == "Local opening" and intro.adapted
    assert next(a for a in programme.activities if a.id == "role-play").adapted


def test_programmes_for_two_contexts_differ_exactly_where_the_overrides_say(small):
    ws = with_contexts(small)
    a = {x.path: x for x in resolve(ws, "short", "ctx-a", "en").activities}
    b = {x.path: x for x in resolve(ws, "short", "ctx-b", "en").activities}
    assert set(a) ^ set(b) == {"sharing/basics/intro", "sharing/basics/local-map"}
    assert (a["sharing/basics/case"].minutes, b["sharing/basics/case"].minutes) == (55, 40)
    assert (a["sharing/practice/role-play"].minutes, b["sharing/practice/role-play"].minutes) == (45, 30)
    assert b["sharing/basics/case"].title == "Scenario"  # ctx-b glossary, capital kept
    assert a["sharing/basics/case"].title == "Case study"
    assert b["sharing/practice/role-play"].facilitator_notes == ""
    assert a["sharing/practice/role-play"].facilitator_notes == "Invite the prosecutor."
    assert [x.adapted for x in b.values()] == [False, False, True]


def test_glossary_whole_words_case_and_accents():
    entries = (
        Substitution("travailleur social", "agent de développement social"),
        Substitution("préfet", "gouverneur"),
    )
    assert substitute("Le travailleur social appelle.", entries) == "Le agent de développement social appelle."
    assert substitute("Travailleur social référent", entries) == "Agent de développement social référent"
    assert substitute("TRAVAILLEUR SOCIAL", entries) == "AGENT DE DÉVELOPPEMENT SOCIAL"
    assert substitute("Le préfet décide ; les préfets aussi.", entries) == "Le gouverneur décide ; les préfets aussi."
    assert substitute("sous-préfet", entries) == "sous-préfet"  # inside a longer word: untouched


def test_glossary_leaves_links_code_and_ids_untouched():
    entries = (Substitution("case", "scenario"),)
    text = "Read the case [case notes](https://example.org/case) and `case` then <https://x.org/case>."
    assert (
        substitute(text, entries)
        == "Read the scenario [scenario notes](https://example.org/case) and `case` then <https://x.org/case>."
    )
    assert substitute("```\ncase\n```", entries) == "```\ncase\n```"
    assert substitute("showcase cases", entries) == "showcase cases"


def _reference_substitute(text: str, terms: list[str], replacements: dict[str, str]) -> str:
    """What the glossary must do, written the slow and obvious way: outside code and link
    targets, each whole word the case-blind pattern matches takes the replacement of the
    first term (longest first) that `re` matches against that word."""
    import re

    from curriculum.glossary import _PROTECTED, _cased

    ordered = sorted(terms, key=len, reverse=True)
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, ordered))})(?![\w-])", re.IGNORECASE)

    def swap(match):
        term = next(t for t in ordered if re.fullmatch(re.escape(t), match.group(0), re.IGNORECASE))
        return _cased(match.group(0), replacements[term])

    pieces = re.split(f"({_PROTECTED.pattern})", text, flags=re.DOTALL)
    return "".join(piece if n % 2 else pattern.sub(swap, piece) for n, piece in enumerate(pieces))


def test_glossary_agrees_with_re_ignorecase_even_for_special_case_letters():
    """On random texts full of letters `re` folds its own way (İ, ı, ſ, final ς, the Kelvin
    sign, µ) and terms at the edge of protected parts, `substitute` gives exactly what the
    obvious implementation gives: the term `re` matched decides the replacement."""
    import random

    terms = [
        "istanbul",
        "İzmir",
        "ſoin",
        "ΟΔΟΣ",
        "Kéra",
        "µg",
        "social worker",
        "worker",
        "a-b",
        "kera",
        "straße",
        "ﬅop",
    ]
    letters = ["i", "I", "İ", "ı", "s", "S", "ſ", "σ", "ς", "Σ", "k", "K", "\u212a", "µ", "μ", "é", "É", "\u0307"]
    letters += ["ß", "ẞ", "ﬅ", "ﬆ", "β", "ϐ", "ΐ", "\u1fd3", "ṡ", "ẛ", "\u0345", "ι", "\u1fbe", "Å", "\u212b", "ǅ"]
    pieces = letters + [
        " ",
        "-",
        "`",
        "x",
        "[a](",
        ")",
        *terms,
        *(t.upper() for t in terms),
        *(t.lower() for t in terms),
    ]
    rng = random.Random(11)
    changed = 0
    for _ in range(600):
        chosen = rng.sample(terms, 3)
        replacements = {t: f"<{n}>" for n, t in enumerate(chosen)}
        entries = tuple(Substitution(t, r) for t, r in replacements.items())
        for text in ("".join(rng.choices(pieces, k=rng.randint(0, 9))) for _ in range(40)):
            result = substitute(text, entries)
            assert result == _reference_substitute(text, chosen, replacements), (text, entries)
            changed += result != text
    assert changed > 500


def test_letters_re_holds_equal_have_the_same_plain_lower_case():
    """The glossary's substring shortcut rests on this, checked for every letter Unicode gives a
    case: two letters `re`'s IGNORECASE matches either have the same `_plain_lower`, or one of
    them has none (so a text holding it never takes the shortcut)."""
    import re
    import sys
    from collections import defaultdict

    from curriculum.glossary import _plain_lower

    letters = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    cased = "".join(c for c in letters if c.lower() != c.upper())
    groups = defaultdict(list)
    for letter in cased:
        if _plain_lower(letter) is not None:
            groups[_plain_lower(letter)].append(letter)
    assert len(groups) > 1000
    for low, members in groups.items():
        for other in re.findall("[" + "".join(map(re.escape, members)) + "]", cased, re.IGNORECASE):
            assert _plain_lower(other) in (None, low), (members, other)


def test_glossary_finds_a_final_sigma_wherever_the_word_stands():
    """str.lower() writes Σ as ς at a word's end only; `re` holds σ, ς and Σ equal."""
    for term in ("ΟΔΟΣ", "οδος", "οδοσ"):
        entries = (Substitution(term, "X"),)
        for text in ("ΟΔΟΣ\u0307", "ΟΔΟΣ\u0307ΟΔΟΣx", "οδος", "ΟΔΟΣ", "οδοσ ΟΔΟς", "x ΟΔΟΣ̇ y"):
            assert substitute(text, entries) == _reference_substitute(text, [term], {term: "X"}), (term, text)
            assert substitute(text, entries) != text


def test_glossary_replaces_terms_written_with_special_case_letters():
    entries = (Substitution("istanbul", "X"), Substitution("soin", "Y"))
    assert substitute("İSTANBUL, ıstanbul, Istanbul ; ſoin", entries) == "X, X, X ; Y"


def test_stale_override_is_flagged_after_base_save(small):
    ws = with_contexts(small)
    assert {a.state for a in adaptations(ws, "sharing")} == {"current"}
    module = ws.modules["sharing"]
    save(small, "modules", edit.replace_activity(module, "basics", "case", minutes=50), loaded_revision=1)
    ws = load_workspace(small)
    stale = [a for a in adaptations(ws, "sharing") if a.state == "stale"]
    assert len(stale) == 7  # every adaptation of ctx-a (6) and ctx-b (1) aimed at sharing
    warnings = [str(p) for p in ws.warnings if "stale" in p.what]
    assert any(
        "stale adaptation in context 'ctx-a': module 'sharing' target 'sharing/basics/case' was written against revision 1, the module is now at revision 2"
        in w
        for w in warnings
    )
    assert record_at(small, "modules", "sharing", 1).sessions[0].activities[1].minutes == 40  # base then is kept


def test_validate_prints_stale_and_orphaned_but_exits_0(small):
    with_contexts(small)
    text = (small / "contexts/ctx-b.yaml").read_text().replace("sharing/practice/role-play", "sharing/practice/gone")
    write(small, "contexts/ctx-b.yaml", text)
    module = load_workspace(small).modules["sharing"]
    save(small, "modules", edit.replace_activity(module, "basics", "case", minutes=50), loaded_revision=1)
    result = subprocess.run(
        [sys.executable, "-m", "curriculum", "validate", "--workspace", str(small)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "orphaned: activity 'sharing/practice/gone' no longer exists" in result.stderr
    assert "stale adaptation in context 'ctx-a'" in result.stderr


def test_orphaned_override_is_reported_never_a_crash(small):
    with_contexts(small)
    write(small, "contexts/ctx-b.yaml", CONTEXT_B.replace("sharing/practice/role-play", "sharing/practice/gone"))
    ws = load_workspace(small)
    assert [a.state for a in adaptations(ws) if a.context == "ctx-b"] == ["orphaned"]
    programme = resolve(ws, "short", "ctx-b", "en")
    assert [a.minutes for a in programme.activities if a.id == "role-play"] == [45]
    (orphan,) = [p for p in ws.warnings if p.code == "orphaned"]
    assert "orphaned: activity 'sharing/practice/gone' no longer exists" in orphan.text("en")
    assert "adaptation orpheline : l’activité « sharing/practice/gone » n’existe plus" in orphan.text("fr")


def test_mark_reviewed_bumps_the_base_revision(small):
    ws = with_contexts(small)
    save(small, "modules", ws.modules["sharing"], loaded_revision=1)
    ws = load_workspace(small)
    context = mark_reviewed(ws.contexts["ctx-b"], 0, False, 2)
    save(small, "contexts", context, loaded_revision=1)
    assert [a.state for a in adaptations(load_workspace(small)) if a.context == "ctx-b"] == ["current"]


CONTEXT_Q = """\
id: ctx-q
revision: 1
name: {fr: Contexte Q, en: Context Q}
languages: [fr, en]
default_language: fr
questions:
  - id: q1-local
    objective: o1
    kind: choice
    text: {fr: "Selon la loi locale ?", en: "Under local law?"}
    options:
      - {fr: Autorisation préalable, en: Prior authorisation}
      - {fr: Aucune règle, en: No rule}
      - {fr: Accord du maire, en: The mayor's consent}
    answer: 0
overrides:
  - {target: "sharing/question:q1", base_revision: 1, kind: swap, with: q1-local}
  - {target: "sharing/question:q2", base_revision: 1, kind: replace, field: text, value: {fr: "Pourquoi ici ?", en: "Why here?"}}
"""


def test_a_context_swaps_and_rewrites_test_questions(small):
    write(small, "contexts/ctx-q.yaml", CONTEXT_Q)
    ws = load_workspace(small)
    assert [str(p) for p in ws.problems] == []
    adapted = adapt_module(ws.modules["sharing"], ws.contexts["ctx-q"])
    q1, q2 = adapted.module.questions
    assert (q1.id, q1.text["en"], q1.answer, len(q1.options)) == ("q1", "Under local law?", 0, 3)  # id kept
    assert q2.text["fr"] == "Pourquoi ici ?" and q2.model_answer["en"] == "Because."
    assert {"sharing/question:q1", "sharing/question:q2"} <= adapted.changed
    programme = resolve(ws, "short", "ctx-q", "fr")
    assert [q.text for q in programme.modules[0].questions] == ["Selon la loi locale ?", "Pourquoi ici ?"]


def test_question_swap_with_an_unknown_local_question_is_an_error_naming_the_fix(small):
    write(small, "contexts/ctx-q.yaml", CONTEXT_Q.replace("with: q1-local", "with: q1-locale"))
    ws = load_workspace(small)
    (problem,) = [p for p in ws.problems if p.code == "unknown_local_question"]
    assert problem.line == 17 and "did you mean 'q1-local'?" in problem.text("en")
    assert "question locale inconnue « q1-locale »" in problem.text("fr")


def test_override_on_a_missing_question_is_orphaned(small):
    write(small, "contexts/ctx-q.yaml", CONTEXT_Q.replace("sharing/question:q2", "sharing/question:q9"))
    (orphan,) = [p for p in load_workspace(small).warnings if p.code == "orphaned"]
    assert "question 'sharing/question:q9' no longer exists" in orphan.text("en")


def test_a_question_swap_that_gives_answers_away_is_flagged_on_the_context(small):
    numbers = [("Un", "One"), ("Deux", "Two"), ("Trois", "Three")]
    bank = choice_bank(5, lambda k: [(f"{fr} {k}", f"{en} {k}") for fr, en in numbers], lambda k: k % 3)
    write(small, "modules/sharing.yaml", MODULE + bank)
    local = CONTEXT_Q.replace(
        "      - {fr: Autorisation préalable, en: Prior authorisation}\n",
        "      - {fr: Une autorisation préalable très détaillée, en: A prior authorisation set out in great detail}\n",
    )
    swaps = "".join(
        f'  - {{target: "sharing/question:c{k}", base_revision: 1, kind: swap, with: q1-local}}\n' for k in (1, 2, 4)
    )
    write(small, "contexts/ctx-q.yaml", local + swaps)
    ws = load_workspace(small)
    assert [p.code for p in ws.warnings if p.file.startswith("modules")] == []
    flags = [p for p in ws.warnings if p.file == "contexts/ctx-q.yaml"]
    assert {p.code for p in flags} == {"right_is_longest", "answers_unbalanced"}
    assert {(p.field, p.line) for p in flags} == {("overrides[1].target", 17)}  # the first question override
    assert "in 4 of 6 choice questions the right option is the longest" in str(flags[0]) + str(flags[1])


@pytest.mark.parametrize(
    ("text", "term", "local", "expected"),
    [
        ("Le cas de Daniel, l’assiduité de Daniel", "Daniel", "Adama", "Le cas d’Adama, l’assiduité d’Adama"),
        ("avec l’accord que Daniel donne", "Daniel", "Ousmane", "avec l’accord qu’Ousmane donne"),
        ("le dossier d’Ousmane", "Ousmane", "Daniel", "le dossier de Daniel"),
        ("DE Daniel", "Daniel", "Adama", "D’Adama"),
        ("la commune de Kéra", "Kéra", "Tiéwala", "la commune de Tiéwala"),
        ("`de Daniel` et de Daniel", "Daniel", "Adama", "`de Daniel` et d’Adama"),
        ("le monde de Daniel", "Daniel", "Hadiza", "le monde de Hadiza"),  # h: no guess either way
    ],
)
def test_french_elision_follows_a_glossary_replacement(text, term, local, expected):
    entries = (Substitution(term, local),)
    assert substitute(text, entries, "fr") == expected
    assert substitute(text, entries, "en") == substitute(text, entries).replace("\ue000", "")


ARABIC_GLOSSARY = (
    Substitution("سامي", "ياسين"),
    Substitution("كيرا", "منزل ياسمين"),
    Substitution("ليلى", "مريم"),
    Substitution("السلطات العرفية", "السلطات التقليدية"),
    Substitution("النيابة العمومية", "الادعاء العام"),
    Substitution("المرشدة", "مراقبة"),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال سامي", "قال ياسين"),
        ("وسامي وبسامي ولسامي وكسامي فسامي", "وياسين وبياسين ولياسين وكياسين فياسين"),  # joined short words
        ("ذهب لكيرا", "ذهب لمنزل ياسمين"),
        ("ليلى ولليلى", "مريم ولمريم"),  # a term that starts with ل itself
        ("بالسلطات العرفية والسلطات العرفية", "بالسلطات التقليدية والسلطات التقليدية"),
        ("للسلطات العرفية وللنيابة العمومية", "للسلطات التقليدية وللادعاء العام"),  # ل + ال -> لل
        ("للمرشدة", "لمراقبة"),  # the article written after ل, the replacement without one
        ("سامية وأسامي", "سامية وأسامي"),  # other words
        ("لنيابة العمومية", "لنيابة العمومية"),  # the shortened article only after ل
    ],
)
def test_an_arabic_glossary_term_is_found_behind_the_short_words_joined_to_it(text, expected):
    """Arabic writes و، ف، ب، ك، ل joined to the next word, and ل before the article as «لل»:
    a context's glossary replaces a name or an institution written so, without a glossary
    entry for each joined form (the Tunisia and Chad glossaries had 35 of them)."""
    assert substitute(text, ARABIC_GLOSSARY, "ar") == expected


def test_only_a_language_that_joins_short_words_looks_behind_them():
    assert substitute("وسامي ولليلى", ARABIC_GLOSSARY, "fr") == "وسامي ولليلى"  # whole words only, as before
    assert substitute("قال سامي", ARABIC_GLOSSARY, "fr") == "قال ياسين"


def test_a_context_note_missing_a_language_of_the_notes_falls_back_whole_and_is_a_gap(small):
    """Facilitator notes written in French, English and Arabic, and a context note in French
    and English only: the Arabic pack shows the notes with the note (in French, the fallback)
    and reports the gap; it showed the Arabic notes alone, the note silently lost."""
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    play = '        instructions: {fr: "1. Jouer", en: "1. Play"}\n'
    noted = (
        '        instructions: {fr: "1. Jouer", en: "1. Play", ar: "1. العب"}\n'
        '        facilitator_notes: {fr: "Chronométrer.", en: "Keep time.", ar: "راقب الوقت."}\n'
    )
    assert play in MODULE
    write(small, "modules/sharing.yaml", MODULE.replace(play, noted))
    ws = with_contexts(small)
    role_play = next(
        a for s in resolve(ws, "short", "ctx-a", "ar").sessions for a in s.activities if a.id == "role-play"
    )
    assert role_play.facilitator_notes == "Chronométrer.\n\nInviter le parquet."
    english = resolve(ws, "short", "ctx-a", "en")
    assert next(a for s in english.sessions for a in s.activities if a.id == "role-play").facilitator_notes == (
        "Keep time.\n\nInvite the prosecutor."
    )
    assert "translation-gap" in {n.code for n in resolve(ws, "short", "ctx-a", "ar").notices}
    assert "translation-gap" not in {n.code for n in english.notices}


def test_notes_and_a_note_with_no_language_in_common_both_stay(small):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    play = '        instructions: {fr: "1. Jouer", en: "1. Play"}\n'
    write(
        small, "modules/sharing.yaml", MODULE.replace(play, play + '        facilitator_notes: {ar: "راقب الوقت."}\n')
    )
    ws = with_contexts(small)
    role_play = adapt_module(ws.modules["sharing"], ws.contexts["ctx-a"]).module.session("practice").activities[0]
    assert role_play.facilitator_notes["ar"] == "راقب الوقت.\n\nInviter le parquet."
    assert role_play.facilitator_notes["en"] == "راقب الوقت.\n\nInvite the prosecutor."
