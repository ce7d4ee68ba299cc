"""Build a language's catalog from the template and a JSON file of translations.

    python tools/build_po.py LANG TRANSLATIONS.json [MORE.json ...]

Each JSON file maps a key (the msgctxt: `library.title`, `NOTICES.overflow`, `not_list.what`,
`KINDS.list`) to its translation, or to a list of plural forms in the order of the language's
plural rule (Babel's; Arabic: zero, one, two, few 3–10, other 100–102, many 11–99), or one
sentence that fits every count (it fills every form). Writes
`curriculum/locale/LANG/LC_MESSAGES/messages.po` (existing translations the JSON does not name
are kept) and prints the template's keys that stay untranslated and the JSON's keys the
template does not have.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "curriculum" / "locale"


def build(lang: str, translations: dict, locale_dir: Path = LOCALE) -> tuple[Catalog, list[str], list[str]]:
    """The catalog of `lang` filled from `translations`; (catalog, untranslated keys, unknown keys)."""
    with open(locale_dir / "messages.pot", "rb") as handle:
        template = read_po(handle)
    target = locale_dir / lang / "LC_MESSAGES" / "messages.po"
    old = _existing(target, lang)
    catalog = Catalog(locale=lang.replace("-", "_"), project="curricula", charset="utf-8", fuzzy=False)
    catalog.creation_date = template.creation_date  # as `pybabel update` writes it: no change, no diff
    untranslated = []
    for message in template:
        if not message.id:
            continue
        key = message.context
        text = translations.get(key, old.get(key))
        string = _string(message.id, text, catalog.num_plurals)
        if not any(string if isinstance(string, tuple) else (string,)):
            untranslated.append(key)
        catalog.add(message.id, string, context=key, flags=message.flags)
    known = {m.context for m in template if m.id}
    return catalog, untranslated, sorted(set(translations) - known)


def _string(msgid, text, forms: int):
    if isinstance(msgid, tuple):  # a plural entry wants exactly the language's number of forms
        if isinstance(text, list | tuple) and len(text) == forms:
            return tuple(text)
        if isinstance(text, str):  # one sentence the translator wrote to fit every count
            return (text,) * forms
        return ("",) * forms
    return text if isinstance(text, str) else ""


def _existing(path: Path, lang: str) -> dict:
    if not path.is_file():
        return {}
    with open(path, "rb") as handle:
        old = read_po(handle, locale=lang.replace("-", "_"))
    return {
        m.context: (list(m.string) if isinstance(m.string, tuple) else m.string) for m in old if m.id and not m.fuzzy
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    lang, translations = argv[0], {}
    for name in argv[1:]:
        translations.update(json.loads(Path(name).read_text(encoding="utf-8")))
    catalog, untranslated, unknown = build(lang, translations)
    target = LOCALE / lang / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        write_po(handle, catalog, omit_header=False)
    print(f"{target}: {len(catalog) - len(untranslated)} translated, {len(untranslated)} untranslated")
    for key in untranslated:
        print(f"  untranslated: {key}")
    for key in unknown:
        print(f"  not in the template: {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
