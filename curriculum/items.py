"""Item-writing checks on a module's pre/post test bank.

A choice question should measure what a participant learned, not how well they guess:
the right option must not give itself away by being the longest, right answers must not
pile up at one position across the bank, no two options may say the same thing, "all of
the above" has no place, and every question must check an objective a session works on.
`check_bank` adds warnings for each of these to a module's findings; `check_question`
looks at one question on its own (a context's local variants are checked with it).
"""

from __future__ import annotations

import math
import re
import unicodedata

from .model import LanguageName, Module, Question

# "all of the above" and its kin, in English, French and Arabic (options are read case-blind)
CATCH_ALL = re.compile(
    r"\b(?:all|none|both) of the (?:above|previous|options|answers)\b|\ball the above\b"
    r"|\b(?:toutes|aucune) (?:les|des|ces) (?:réponses|propositions|options)\b"
    r"|\btout ce qui précède\b"
    r"|(?:كل|جميع) ما سبق|لا شيء مما سبق|(?:كل|جميع) (?:الإجابات|الخيارات|الاقتراحات)",
    re.IGNORECASE,
)

# a bank needs this many choice questions before its shape says anything
SMALL_BANK = 4


def normalised(text: str) -> str:
    """An option as compared for duplicates: case, accents, spacing and end punctuation aside."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s.;:!?…’'\"«»-]+", " ", text).strip()


def choices(module: Module) -> list[tuple[int, Question]]:
    """(position in the bank, question) of the module's choice questions with a valid answer."""
    return [
        (i, q)
        for i, q in enumerate(module.questions)
        if q.kind == "choice" and q.answer is not None and 0 <= q.answer < len(q.options)
    ]


def longest_right(questions: list[Question], lang: str) -> int:
    """How many of `questions` have a right option strictly longer than every other option."""
    count = 0
    for q in questions:
        lengths = [len(o.get(lang)) for o in q.options]
        right = lengths[q.answer]
        if all(right > length for k, length in enumerate(lengths) if k != q.answer):
            count += 1
    return count


def unbalanced(questions: list[Question]) -> tuple[int, int] | None:
    """(position counted from 1, right answers there) when right answers pile up at one
    position, or a position every question offers is never right; None when balanced."""
    n = len(questions)
    if n < SMALL_BANK:
        return None
    offered = min(len(q.options) for q in questions)
    counts = [0] * max(len(q.options) for q in questions)
    for q in questions:
        counts[q.answer] += 1
    top = max(range(len(counts)), key=counts.__getitem__)
    if counts[top] > math.ceil(n / offered) + 1 or counts[top] * 2 > n:
        return top + 1, counts[top]
    if n >= 2 * offered:
        for position in range(offered):
            if counts[position] == 0:
                return position + 1, 0
    return None


def check_question(question: Question, found, path) -> None:
    """Duplicate options and catch-all options in one question."""
    if question.kind != "choice":
        return
    for lang in _languages(question.options):
        seen: dict[str, int] = {}
        for k, option in enumerate(question.options):
            key = normalised(option.get(lang))
            if key and key in seen:
                found.warn(path + ("options", k), "duplicate_option", first=seen[key] + 1, second=k + 1)
                return
            seen.setdefault(key, k)
    for k, option in enumerate(question.options):
        caught = next((text for _, text in option.items() if CATCH_ALL.search(text)), None)
        if caught is not None:
            found.warn(path + ("options", k), "catch_all_option", option=caught)


def _languages(texts) -> tuple[str, ...]:
    """The languages any of `texts` is written in, in order of appearance."""
    return tuple(dict.fromkeys(lang for text in texts for lang in text.languages))


def check_bank(module: Module, found) -> None:
    """Item-writing warnings on `module`'s question bank (see the module docstring)."""
    taught = {o for s in module.sessions for o in s.objectives}
    known = {o.id for o in module.objectives}
    for i, question in enumerate(module.questions):
        check_question(question, found, ("questions", i))
        if question.objective in known and question.objective not in taught:
            found.warn(("questions", i, "objective"), "question_untaught", objective=question.objective)
    bank = [q for _, q in choices(module)]
    if len(bank) < SMALL_BANK:
        return
    for lang in _languages(option for question in bank for option in question.options):
        count = longest_right(bank, lang)
        if count * 2 > len(bank):
            found.warn(("questions",), "right_is_longest", count=count, total=len(bank), language=LanguageName(lang))
            break
    shape = unbalanced(bank)
    if shape is not None:
        position, count = shape
        found.warn(("questions",), "answers_unbalanced", position=position, count=count, total=len(bank))
