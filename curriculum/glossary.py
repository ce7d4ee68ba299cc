"""Glossary substitution: whole words, case-aware, never inside code or link targets."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .model import Substitution

# Parts of Markdown that must stay as written: fenced and inline code, link targets,
# autolinks and bare addresses.
_PROTECTED = re.compile(
    r"```.*?```|`[^`\n]*`|\]\([^)\n]*\)|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>|https?://\S+",
    re.DOTALL,
)


# Where a language writes short words joined to the next one (Arabic: و and ف, then ب, ك and
# ل: "وبسامي"), a term is found behind them and they stay before its replacement; the
# article loses its first letter after one of them ("ل" + "النيابة" is written "للنيابة"):
# (those words as a pattern, the article, the words it loses its first letter after).
# Languages without such a rule are not listed.
_ATTACHED = {"ar": ("[وف]?[بكل]?", "ال", "ل")}


@dataclass(frozen=True)
class _Terms:
    """A glossary ready to apply: the case-blind pattern of all terms (longest first), each
    term's own pattern with its replacement in that order, the position of each term by lower
    case, and the terms in lower case when each is `_plain_lower` (else None: no shortcut);
    in a language that joins short words to the next (`_ATTACHED`), the replacement of each
    term written after them with its article shortened."""

    pattern: re.Pattern
    each: tuple[tuple[re.Pattern, str], ...]
    by_lower: dict[str, int]
    lowered: tuple[str, ...] | None
    shortened: dict[str, str]

    def replacement(self, found: str) -> str:
        """The replacement of the term the pattern matched as `found`: the first term, in the
        pattern's order, that matches the whole of `found` as the pattern did (so a word
        written with İ, ı or ſ gets its term's replacement); the lower-case guess is checked
        first, since it is nearly always right."""
        guess = self.by_lower.get(found.lower())
        if guess is not None and self.each[guess][0].fullmatch(found):
            return self.each[guess][1]
        return next((replace for term, replace in self.each if term.fullmatch(found)), found)


@functools.lru_cache(maxsize=64)
def _compiled(entries: tuple[Substitution, ...], lang: str = "") -> _Terms | None:
    usable = sorted((e for e in entries if e.term.strip()), key=lambda e: len(e.term), reverse=True)
    if not usable:
        return None
    joined, article, _ = _ATTACHED.get(lang, ("", "", ""))
    shortened = {  # "لنيابة" (after ل) -> the replacement of "النيابة"
        e.term[1:]: e.replace for e in usable if article and e.term.startswith(article) and len(e.term) > len(article)
    }
    forms = sorted({*(e.term for e in usable), *shortened}, key=len, reverse=True)
    pattern = "|".join(re.escape(form) for form in forms)
    by_lower: dict[str, int] = {}
    for at, entry in enumerate(usable):
        by_lower.setdefault(entry.term.lower(), at)
    lowered = tuple(_plain_lower(form) for form in (*(e.term for e in usable), *shortened))
    prefix = f"(?P<joined>{joined})" if joined else ""
    return _Terms(
        re.compile(rf"(?<![\w-]){prefix}(?P<term>{pattern})(?![\w-])", re.IGNORECASE),
        tuple((re.compile(re.escape(e.term), re.IGNORECASE), e.replace) for e in usable),
        by_lower,
        None if None in lowered else lowered,
        {form: replace for form, replace in shortened.items() if form not in by_lower},
    )


def _plain_lower(text: str) -> str | None:
    """`text` in lower case, when each of its letters has one lower case that its upper case
    gives back; None when it holds a letter without (ı, ſ, ς, µ, İ, ﬅ…).

    `re`'s IGNORECASE holds two letters equal when their lower cases are equal, or when they
    share an upper case but not a lower case (ı and i under I, ſ and s under S). One of two such
    letters always fails this test, so in plain texts, wherever the case-blind pattern matches a
    term, the lower-case term stands in the lower-case text: a text holding none of the terms
    can be passed over by a substring test, far faster than the pattern. str.lower() writes Σ
    as ς at a word's end and σ elsewhere (the one rule that looks at neighbours); `re` holds
    them equal, so both are written σ."""
    low = text.lower().replace("ς", "σ")
    return low if len(low) == len(text) and low.upper().lower().replace("ς", "σ") == low else None


def _cased(found: str, replacement: str) -> str:
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# Where a language joins a short word to the next one starting with a vowel ("de Daniel" but
# "d’Adama"), a replacement must follow: (the words that elide, their elided form, what a
# vowel start looks like). Languages without such a rule are not listed.
_MARK = "\ue000"  # marks where a replacement starts, for the elision pass; private use, never typed
_ELISION = {
    "fr": (
        re.compile(rf"(?<![\w’'-])(de|que|ne|je|le|la) +{_MARK}(?=[aeiouyàâæéèêëîïôœùûüAEIOUYÀÂÆÉÈÊËÎÏÔŒÙÛÜ])", re.I),
        re.compile(rf"(?<![\w’'-])(d|qu|n|j)[’']{_MARK}(?=[^\W\d_aeiouyhàâæéèêëîïôœùûüAEIOUYHÀÂÆÉÈÊËÎÏÔŒÙÛÜ])", re.I),
    ),
}


def _elide(text: str, lang: str) -> str:
    """`text`, whose replacements start with _MARK, with the short words before them elided or
    written out as the replacement's first letter asks (French: "de Adama" -> "d’Adama",
    "d’Ousmane" replaced by "Daniel" -> "de Daniel"); the marks removed."""
    rules = _ELISION.get(lang)
    if rules:
        join, split = rules
        text = join.sub(lambda m: m.group(1)[:-1] + "’", text)
        text = split.sub(lambda m: m.group(1) + ("E " if m.group(1).isupper() else "e "), text)
    return text.replace(_MARK, "")


def substitute(text: str, entries: tuple[Substitution, ...], lang: str = "") -> str:
    """`text` with each glossary term replaced by its local word, outside protected parts; in a
    language that elides (`lang`), the short word before a replacement follows its first letter;
    in one that joins short words to the next, a term is found behind them too (`_ATTACHED`)."""
    if not text or not entries:
        return text
    terms = _compiled(entries, lang if lang in _ATTACHED else "")
    if terms is None:
        return text
    if terms.lowered is not None:
        low = _plain_lower(text)
        if low is not None and not any(term in low for term in terms.lowered):
            return text

    mark = _MARK if lang in _ELISION else ""
    _, article, before = _ATTACHED.get(lang, ("", "", ""))

    def swap(match: re.Match) -> str:
        found = match.group("term")
        joined = match.group("joined") if article else ""
        after = bool(joined) and joined.endswith(before)  # (after ل: the article shortened)
        shortened = found in terms.shortened
        if shortened and not after:
            return match.group(0)  # ("لنيابة" not after ل: not the term)
        replacement = terms.shortened[found] if shortened else _cased(found, terms.replacement(found))
        if after and replacement.startswith(article):
            replacement = replacement[1:]  # ل + الكاتبة -> للكاتبة
        return mark + joined + replacement

    out, at = [], 0
    for protected in _PROTECTED.finditer(text):
        out.append(terms.pattern.sub(swap, text[at : protected.start()]))
        out.append(protected.group(0))
        at = protected.end()
    out.append(terms.pattern.sub(swap, text[at:]))
    return _elide("".join(out), lang) if mark else "".join(out)
