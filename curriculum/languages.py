"""Languages as data: what a language code is, its names, its writing direction and the
order in which a missing text falls back to other languages.

Nothing here lists languages: the workspace's settings declare them, the interface's
languages are the catalogs that exist, and names and directions come from Babel's copy
of the Unicode CLDR, so a fourth language costs no code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale, UnknownLocaleError

# A BCP 47 tag of the kinds a workspace uses: language, then optional script and region
# ("ar", "fr", "ar-TN", "sr-Latn", "es-419"). Stricter than BCP 47 on purpose: no variants
# or extensions, so a code is also a safe file and folder name.
_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?")

DEFAULT = "en"  # the language of the command line's output and of messages asked for in none

BIDI_ISOLATES = ("\u2068", "\u2069")  # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE


@lru_cache(maxsize=256)
def locale(code: str) -> Locale | None:
    """Babel's Locale for a language code, or None when the code is not one CLDR knows."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        return None
    try:
        return Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        return None


def is_code(code: object) -> bool:
    """A well-formed language code that CLDR knows ("ar", "fr-TN"), not "arabic" or "xx"."""
    return isinstance(code, str) and locale(code) is not None


def babel_name(code: str) -> str:
    """The code as Babel's functions take it ("ar-TN" -> "ar_TN")."""
    return code.replace("-", "_")


def autonym(code: str) -> str:
    """A language's name in itself ("العربية", "français"); the code when CLDR has none."""
    found = locale(code)
    name = found.get_display_name(found) if found else None
    return name or code


def name(code: str, in_language: str) -> str:
    """A language's name in another language ("arabe" for ar in fr); its autonym when CLDR has none."""
    found, reader = locale(code), locale(in_language)
    text = found.get_display_name(reader) if found and reader else None
    return text or autonym(code)


def direction(code: str) -> str:
    """'rtl' for a language written right to left (ar, fa, he, ur…), else 'ltr'."""
    found = locale(code)
    return "rtl" if found is not None and found.character_order == "right-to-left" else "ltr"


def is_rtl(code: str) -> bool:
    return direction(code) == "rtl"


def isolate(text: str) -> str:
    """Text wrapped in Unicode bidi isolates, so a French name or an id inside an Arabic
    sentence (or the reverse) keeps its own order and does not reorder its neighbours."""
    first, pop = BIDI_ISOLATES
    return f"{first}{text}{pop}" if text else text


def fallback_order(language: str, *orders: Iterable[str]) -> tuple[str, ...]:
    """The languages to try, in order, for a text wanted in `language`: the language itself,
    then each given order in turn (a context's fallback, then the workspace's languages),
    each language once."""
    seen: dict[str, None] = {language: None}
    for order in orders:
        for code in order:
            seen.setdefault(code, None)
    return tuple(seen)


def suggest_code(word: object, known: Iterable[str]) -> str:
    """The language code someone writing `word` most likely meant: a code written differently
    ("AR", "fr_FR"), or one of `known` named in words, in itself or in any of `known` and
    English, the language of codes ("arabic", "arabe", "العربية"); "" when nothing fits."""
    text = str(word).strip()
    known = tuple(known)
    if not text:
        return ""
    parts = text.replace("_", "-").split("-")
    candidate = "-".join([parts[0].lower(), *parts[1:]])
    if is_code(candidate):
        return candidate
    folded = text.casefold()
    readers = (*known, DEFAULT)
    for code in known:
        if folded == autonym(code).casefold() or any(folded == name(code, reader).casefold() for reader in readers):
            return code
    return ""


def menu_name(code: str, in_language: str | None = None) -> str:
    """A language's name capitalised as a menu item: its autonym ("Français", "العربية"), or its
    name in another language ("Anglais" in French)."""
    text = name(code, in_language) if in_language else autonym(code)
    return text[:1].upper() + text[1:]
