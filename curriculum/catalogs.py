"""Interface catalogs: the gettext `.po`/`.mo` files that translate the English source strings.

English is the source language: a msgid is the English sentence, its msgctxt the key the code
uses (`library.title`, `NOTICES.overflow`, `not_list.what`). A catalog sits in the package
(`curriculum/locale/{lang}/LC_MESSAGES/messages.po`) or in a workspace
(`<workspace>/locale/{lang}/LC_MESSAGES/messages.po`): a workspace adds a language, or
rewords one, without code. The compiled `.mo` is used when it is newer than the `.po`;
otherwise the `.po` is compiled in memory with Babel. A translation whose placeholders are
not those of its English text falls back to English (`checked`), and `problems` lists it
with its file and line.
"""

from __future__ import annotations

import gettext
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Formatter

from babel import UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .languages import is_code

PACKAGE_LOCALE = Path(__file__).parent / "locale"
DOMAIN = "messages"

UNREADABLE = (OSError, ValueError, UnknownLocaleError)  # a catalog file that is not one, or a folder not a language
_workspace: list[Path] = []  # the workspace whose catalogs are used besides the package's
_translations: dict[str, gettext.NullTranslations] = {}
_seen: list[tuple] = [()]  # the catalogs' files and times when they were last read
_texts: dict[tuple, str] = {}  # (lang, key[, count]) -> checked translation: t() is a dict lookup


def use_workspace(root: Path | str | None) -> None:
    """Use the catalogs of the workspace at `root` (None: the package's only) from now on; a
    catalog added, edited or compiled since the last call is read again."""
    new = [Path(root)] if root is not None else []
    stamp = _stamp(new)
    if new != _workspace or stamp != _seen[0]:
        _workspace[:] = new
        _seen[0] = stamp
        _translations.clear()
        _texts.clear()


def _stamp(roots: list[Path]) -> tuple:
    folders = [PACKAGE_LOCALE] + [r / "locale" for r in roots]
    paths = sorted(p for f in folders if f.is_dir() for p in f.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return tuple((p, *_mtimes(p)) for p in paths)


def po_paths(lang: str, workspace_root: Path | str | None = None) -> list[Path]:
    """The catalogs of `lang`: the package's, then the workspace's (its entries win)."""
    roots = [PACKAGE_LOCALE] + [Path(r) / "locale" for r in _roots(workspace_root)]
    return [p for p in (r / lang / "LC_MESSAGES" / f"{DOMAIN}.po" for r in roots) if p.is_file()]


def interface_languages(workspace_root: Path | str | None = None) -> tuple[str, ...]:
    """English (the source), then every language that has a catalog, in code order."""
    roots = [PACKAGE_LOCALE] + [Path(r) / "locale" for r in _roots(workspace_root)]
    found = {p.parts[-3] for r in roots if r.is_dir() for p in r.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return ("en", *sorted(code for code in found - {"en"} if is_code(code)))


def translations(lang: str) -> gettext.NullTranslations:
    """The gettext translations of `lang` (package, then workspace); cached."""
    found = _translations.get(lang)
    if found is None:
        found = gettext.NullTranslations()
        for po in po_paths(lang):  # the workspace's layer on top, the package's below it
            try:
                layer = _compiled(po, *_mtimes(po))
            except UNREADABLE:  # an unreadable catalog: `problems` says so, the rest works
                continue
            layer.add_fallback(found)
            found = layer
        _translations[lang] = found
    return found


def clear() -> None:
    """Forget the loaded catalogs (after a catalog file changed)."""
    _translations.clear()
    _texts.clear()
    _compiled.cache_clear()


def text(lang: str, key: str, source: str) -> str:
    """The translation of the English `source` (msgctxt `key`) in `lang`; English when there is none."""
    found = _texts.get((lang, key))
    if found is None:
        if lang == "en" or not source:
            found = source
        else:
            found = checked(translations(lang).pgettext(key, source), source)
        _texts[(lang, key)] = found
    return found


def plural(lang: str, key: str, source: tuple[str, ...], n: int) -> str:
    """The form of a counting sentence for `n` in `lang` (the catalog's plural rule)."""
    english = source[0] if n == 1 else source[1]
    if lang == "en":
        return english
    found = _texts.get((lang, key, n))
    if found is None:
        found = translations(lang).npgettext(key, source[0], source[1], n)
        found = found if checked(found, source[0], source[1]) == found else english
        if len(_texts) > 100_000:  # counts are many; keep the memo bounded
            _texts.clear()
        _texts[(lang, key, n)] = found
    return found


def placeholders(text: str) -> set[str] | None:
    """The `{names}` of a text, or None when its braces do not pair up."""
    try:
        return {name for _, name, _, _ in Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def checked(translation: str, *sources: str) -> str:
    """The translation, or the English source when it names a placeholder the source has not
    (or its braces do not pair up): a broken catalog entry never breaks a page."""
    if translation in sources:
        return translation
    names = placeholders(translation)
    if names is None or not names <= set().union(*(placeholders(s) or set() for s in sources)):
        return sources[-1]
    return translation


def entries(lang: str, workspace_root: Path | str | None = None) -> dict[str, str | tuple[str, ...]]:
    """Every translated entry of `lang` (key -> text, or plural forms), package then workspace;
    untranslated and fuzzy entries left out. For tools and tests: `t()` reads the compiled form."""
    found: dict[str, str | tuple[str, ...]] = {}
    for po in po_paths(lang, workspace_root):
        for message in _read(po):
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.id and all(forms) and not message.fuzzy:
                found[message.context or ""] = message.string
    return found


@dataclass(frozen=True)
class Broken:
    """A translation that cannot be used: its placeholders are not those of the English text."""

    path: Path
    line: int
    key: str
    expected: tuple[str, ...]  # the English text's placeholders
    found: str  # what is wrong, e.g. "{nom}" or "{ without }"
    reason: str = ""  # set when the whole catalog cannot be read (then line, key, expected are empty)


def problems(workspace_root: Path | str | None = None) -> list[Broken]:
    """Every broken placeholder in every catalog (package and workspace), with file and line."""
    roots = [PACKAGE_LOCALE] + [Path(r) / "locale" for r in _roots(workspace_root)]
    paths = sorted(p for r in roots if r.is_dir() for p in r.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [b for p in paths for b in (_broken(p, *_mtimes(p)) if is_code(p.parts[-3]) else _not_a_language(p))]


def _not_a_language(po: Path) -> tuple[Broken, ...]:
    return (Broken(po, 0, "", (), "", f"the folder '{po.parts[-3]}' is not a language code such as sw or ar-TN"),)


def _roots(workspace_root: Path | str | None) -> list[Path]:
    return [Path(workspace_root)] if workspace_root is not None else list(_workspace)


def _mtimes(po: Path) -> tuple[int, int]:
    mo = po.with_suffix(".mo")
    return po.stat().st_mtime_ns, mo.stat().st_mtime_ns if mo.is_file() else 0


@lru_cache(maxsize=64)
def _compiled(po: Path, po_time: int, mo_time: int) -> gettext.GNUTranslations:
    if mo_time > po_time:
        with open(po.with_suffix(".mo"), "rb") as handle:
            return gettext.GNUTranslations(handle)
    buffer = io.BytesIO()
    write_mo(buffer, _read(po))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _read(po: Path):
    with open(po, "rb") as handle:
        return read_po(handle, locale=po.parts[-3].replace("-", "_"), abort_invalid=False)


@lru_cache(maxsize=64)
def _broken(po: Path, po_time: int, mo_time: int) -> tuple[Broken, ...]:
    try:
        messages = list(_read(po))
    except UNREADABLE as exc:
        return (Broken(po, 0, "", (), "", str(exc)[:200]),)
    found = []
    for message in messages:
        if not message.id or not message.string or message.fuzzy:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(placeholders(s) or set() for s in sources))
        wrong = _wrong(forms, expected)
        if wrong:
            found.append(Broken(po, message.lineno, message.context or "", tuple(sorted(expected)), wrong))
    return tuple(found)


def _wrong(forms: tuple[str, ...], expected: set[str]) -> str:
    for form in forms:
        names = placeholders(form)
        if names is None:
            return _unpaired(form)
        extra = sorted(names - expected)
        if extra:
            return ", ".join(f"{{{name}}}" for name in extra)
    return ""


def _unpaired(text: str) -> str:
    brace = re.search(r"(?<!\{)\{(?!\{)[^}]*$|(?<!\})\}(?!\})", text)
    return brace.group(0)[:20] if brace else text[:20]
