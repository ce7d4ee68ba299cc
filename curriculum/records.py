"""Turn parsed YAML data into typed records (and back), collecting every problem.

Conversion is driven by the dataclass fields of `curriculum.model`: their types say what
a value must be, their metadata which rule it must pass. Nothing stops at the first
problem: each one is recorded with the key path where it was found, so that the store
can report `file:line: field: what — fix` for all of them at once.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import re
import types
import typing
from dataclasses import dataclass

from . import languages as language_codes
from . import messages
from .messages import EXPECTED, KINDS
from .model import EMPTY as EMPTY_TEXT
from .model import (
    MAX_DAYS,
    MAX_ITEMS,
    MAX_MINUTES,
    MAX_PAUSE_MINUTES,
    MAX_TEXT,
    Glossary,
    Reference,
    Substitution,
    Text,
    clock,
)
from .problems import Problem

KeyPath = tuple[str | int, ...]
# \Z, not $: `$` also matches before a final newline, and "renamed\n" would pass as an id
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]\Z")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
TARGET = re.compile(r"^[a-z0-9-]+(?:/(?:handout|question):[a-z0-9-]+|(?:/[a-z0-9-]+){0,2})\Z")
_BAD = object()


@dataclass(frozen=True)
class Finding:
    path: KeyPath
    code: str  # see `messages.MESSAGES`
    values: tuple = ()  # (name, value) pairs for the message
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def problem(self, file: str, line: int | None) -> Problem:
        return Problem.coded(file, line, self.code, dict(self.values), describe(self.path), self.severity)


SUGGESTED = 100


class Findings(list):
    """The problems met while converting one file.

    `languages`: the workspace's declared languages (a text or a language field naming
    another is an error), or None when the workspace declares none. `seen`: the languages
    met while converting, in order (a workspace without settings speaks those)."""

    def __init__(self, *args, languages: tuple[str, ...] | None = None) -> None:
        super().__init__(*args)
        self.languages = languages
        self.seen: dict[str, None] = {}

    def error(self, path: KeyPath, code: str, **values) -> None:
        self.append(Finding(path, code, tuple(values.items())))

    def warn(self, path: KeyPath, code: str, **values) -> None:
        self.append(Finding(path, code, tuple(values.items()), "warning"))

    def suggest(self, word: str, choices) -> str:
        """`suggest`, for the first SUGGESTED problems only: a file with 150,000 unknown keys
        would otherwise spend seconds on close matches no one will read (the report shows 20)."""
        return suggest(word, choices) if len(self) < SUGGESTED else ""

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self)


@dataclass(frozen=True)
class Spec:
    name: str
    key: str
    type: object
    required: bool
    default: object
    rule: object


@functools.cache
def specs(cls) -> tuple[Spec, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append(
            Spec(
                name=f.name,
                key=f.metadata.get("key", f.name),
                type=hints[f.name],
                required=required,
                default=None if required else f.default,
                rule=f.metadata.get("check"),
            )
        )
    return tuple(out)


def describe(path: KeyPath) -> str:
    """`sessions[2].activities[1].minutes` (list positions counted from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def suggest(word: str, choices) -> str:
    """The known id closest to `word` (a likely typo), or ""."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def _kind_of(value) -> Text | str:
    if isinstance(value, bool):
        return KINDS["bool"]
    if isinstance(value, (int, float)):
        return messages.number(value)
    if isinstance(value, str):
        return KINDS["text"]
    if isinstance(value, list):
        return KINDS["list"]
    if isinstance(value, dict):
        return KINDS["mapping"]
    if value is None:
        return KINDS["nothing"]
    return type(value).__name__


def build(cls, data, found: Findings, path: KeyPath = ()):
    """The record `cls` made from `data`, or None when it cannot be made.

    `data` comes from YAML read without implicit typing (every scalar is text), or from
    `to_data`; numbers written as text are read as numbers where a field expects one.
    """
    value = _record(cls, data, found, path)
    return None if value is _BAD else value


NULLS = ("", "null", "~", None)


def _is_null(raw) -> bool:
    return raw is None or (isinstance(raw, str) and raw in NULLS)


def _record(cls, data, found: Findings, path: KeyPath):
    if not isinstance(data, dict):
        found.error(path, "not_mapping", found=_kind_of(data))
        return _BAD
    fields = _compiled(cls)
    keys = _keys(cls)
    if not keys.issuperset(data):
        for key in data:
            if key not in keys:
                found.error(
                    path + (str(key),),
                    "unknown_field",
                    key=key,
                    allowed=", ".join(sorted(keys)),
                    suggestion=found.suggest(key, keys),
                )
    values = {}
    bad = False
    for name, key, required, convert in fields:
        raw = data.get(key)
        if _is_null(raw):
            if required:
                found.error(path + (key,), "missing_field", key=key)
                bad = True
            continue
        value = convert(raw, found, path + (key,))
        if value is _BAD:
            bad = True
        else:
            values[name] = value
    return _BAD if bad else cls(**values)


@functools.cache
def _keys(cls) -> frozenset:
    return frozenset(s.key for s in specs(cls))


@functools.cache
def _compiled(cls) -> tuple:
    return tuple((s.name, s.key, s.required, _converter(s.type, s.rule)) for s in specs(cls))


@functools.cache
def _converter(tp, rule):
    """A function (raw, found, path) -> value or _BAD for values of type `tp`."""
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        inner = _converter(next(a for a in typing.get_args(tp) if a is not type(None)), rule)
        return lambda raw, found, path: None if _is_null(raw) else inner(raw, found, path)
    if origin is tuple:
        item = _converter(typing.get_args(tp)[0], None if rule == "unique-ids" else rule)
        return functools.partial(_sequence, item, rule == "unique-ids")
    if tp is Text:
        return _text
    if tp is Reference:
        return _reference
    if tp is Glossary:
        return _glossary
    if dataclasses.is_dataclass(tp):
        return functools.partial(_record, tp)
    return functools.partial(_scalar, tp, rule)


def _sequence(item, unique: bool, raw, found, path):
    if _is_null(raw):
        return ()
    if not isinstance(raw, list):
        found.error(path, "not_list", found=_kind_of(raw))
        return _BAD
    if len(raw) > MAX_ITEMS:
        found.error(path, "too_many_entries", count=len(raw), limit=MAX_ITEMS)
        return _BAD
    items = [item(value, found, path + (i,)) for i, value in enumerate(raw)]
    if any(value is _BAD for value in items):
        return _BAD
    if unique:
        _check_unique(items, found, path)
    return tuple(items)


def _check_unique(items, found, path):
    seen = set()
    for i, item in enumerate(items):
        if item.id in seen:
            found.error(path + (i, "id"), "duplicate_id", id=item.id)
        seen.add(item.id)


def _language(code, found: Findings, path: KeyPath) -> bool:
    """Whether `code` may name a language here: a language code, declared by the workspace."""
    declared = found.languages
    if code in (found.seen if declared is None else declared):  # the usual case, met before: no look-up
        return True
    if not language_codes.is_code(code):
        declared = found.languages or tuple(found.seen)
        suggestion = language_codes.suggest_code(code, declared) if len(found) < SUGGESTED else ""
        found.error(path, "not_language_code", lang=_shown(str(code)), suggestion=suggestion)
        return False
    if found.languages is not None and code not in found.languages:
        found.error(path, "undeclared_language", lang=code, declared=", ".join(found.languages))
        return False
    found.seen.setdefault(code, None)
    return True


def _text(raw, found, path):
    if _is_null(raw):
        return EMPTY_TEXT
    if not isinstance(raw, dict):
        found.error(path, "not_text_pair", found=_kind_of(raw))
        return _BAD
    values = {}
    bad = False
    for lang, text in raw.items():
        if not _language(lang, found, path + (str(lang),)):
            bad = True
            continue
        if _is_null(text):
            continue
        if not isinstance(text, str):
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            else:
                found.error(path + (lang,), "not_text", found=_kind_of(text))
                bad = True
                continue
        if len(text) > MAX_TEXT:
            found.error(path + (lang,), "text_too_long", length=messages.size(len(text)), limit=messages.size(MAX_TEXT))
            bad = True
            continue
        values[lang] = text
    return _BAD if bad else Text.of_pairs(tuple(values.items()))  # unique keys, no empty text


_REFERENCE_FIELDS = frozenset({"law", "checked", "recheck"})


def _reference(raw, found, path):
    """A reference: its name in each language beside `law`, `checked` and `recheck`."""
    if not isinstance(raw, dict):
        found.error(path, "not_mapping", found=_kind_of(raw))
        return _BAD
    typos = {
        k for k in raw if k not in _REFERENCE_FIELDS and not language_codes.is_code(k) and suggest(k, _REFERENCE_FIELDS)
    }
    for key in typos:  # `lwa:` is a misspelt field, not a language
        allowed = ", ".join(sorted(_REFERENCE_FIELDS))
        found.error(
            path + (str(key),), "unknown_field", key=key, allowed=allowed, suggestion=suggest(key, _REFERENCE_FIELDS)
        )
    text = _text({k: v for k, v in raw.items() if k not in _REFERENCE_FIELDS and k not in typos}, found, path)
    record = _record(Reference, {k: v for k, v in raw.items() if k in _REFERENCE_FIELDS}, found, path)
    if text is _BAD or record is _BAD or typos:
        return _BAD
    return dataclasses.replace(record, text=text)


def _glossary(raw, found, path):
    """A glossary: language code -> list of substitutions."""
    if _is_null(raw):
        return Glossary()
    if not isinstance(raw, dict):
        found.error(path, "not_mapping", found=_kind_of(raw))
        return _BAD
    convert = _converter(tuple[Substitution, ...], None)
    entries, bad = {}, False
    for lang, value in raw.items():
        if not _language(lang, found, path + (str(lang),)):
            bad = True
            continue
        subs = convert(value, found, path + (lang,))
        if subs is _BAD:
            bad = True
        else:
            entries[lang] = subs
    return _BAD if bad else Glossary(entries)


INTEGER = re.compile(r"^[-+]?[0-9]{1,18}\Z")  # longer is no sensible number (and int() refuses > 4,300 digits)
NUMBER = re.compile(r"^[-+]?(?:[0-9]{1,18}\.?[0-9]{0,18}|\.[0-9]{1,18})\Z")
_EXPECTED = {str: EXPECTED["text"], float: EXPECTED["number"], bool: EXPECTED["bool"]}


def _shown(value):
    """A value as a message quotes it: long text cut (a 50,000-character id is quoted by its start)."""
    return value if not isinstance(value, str) or len(value) <= 40 else value[:20] + "…"


def _scalar(tp, rule, raw, found, path):
    value = _typed(tp, rule, raw)
    if value is _BAD:
        shown = _shown(raw)
        found_text = Text(fr=f"« {shown} »", en=f"'{shown}'") if isinstance(raw, str) else _kind_of(raw)
        if tp is int:
            found.error(path, "not_whole_number", found=found_text)
        else:
            found.error(path, "wrong_type", expected=_EXPECTED[tp], found=found_text)
        return _BAD
    if tp is str and len(value) > MAX_TEXT:
        found.error(path, "text_too_long", length=messages.size(len(value)), limit=messages.size(MAX_TEXT))
        return _BAD
    return value if _passes(rule, value, found, path) else _BAD


def _typed(tp, rule, raw):
    if tp is str:
        if isinstance(raw, str):
            return raw
        if rule == "clock" and isinstance(raw, int) and not isinstance(raw, bool):
            return clock(raw)  # YAML 1.1 typing reads 10:30 as 630
        return _BAD
    if isinstance(raw, bool):
        return raw if tp is bool else _BAD
    if tp is bool:
        return {"true": True, "false": False}.get(raw.lower(), _BAD) if isinstance(raw, str) else _BAD
    if tp is int:
        if isinstance(raw, int):
            return raw
        return int(raw) if isinstance(raw, str) and INTEGER.match(raw) else _BAD
    if tp is float:
        if isinstance(raw, (int, float)):
            return float(raw)
        return float(raw) if isinstance(raw, str) and NUMBER.match(raw) else _BAD
    return _BAD


_RANGES = {"positive": None, "days": MAX_DAYS, "minutes": MAX_MINUTES, "pause-minutes": MAX_PAUSE_MINUTES}


def _passes(rule, value, found, path) -> bool:
    if rule is None or value == "":
        return True
    if rule == "language":
        return _language(value, found, path)
    if isinstance(rule, tuple):
        if value in rule:
            return True
        suggestion = found.suggest(value, rule)
        found.error(path, "not_allowed", value=_shown(value), choices=", ".join(rule), suggestion=suggestion)
        return False
    if rule == "slug" and not SLUG.match(value):
        found.error(path, "bad_id", value=_shown(value))
        return False
    if rule in _RANGES and value <= 0:
        found.error(path, "not_positive", value=value)
        return False
    if rule in _RANGES and _RANGES[rule] is not None and value > _RANGES[rule]:
        found.error(path, "above_limit", value=value, limit=_RANGES[rule])
        return False
    if rule == "clock" and not CLOCK.match(value):
        found.error(path, "bad_clock", value=_shown(value))
        return False
    if rule == "date" and not _is_date(value):
        found.error(path, "bad_date", value=value)
        return False
    if rule == "factor" and not 0.5 <= value <= 3:
        found.error(path, "bad_factor", value=value)
        return False
    if rule == "target" and not TARGET.match(value):
        found.error(path, "bad_target", value=_shown(value))
        return False
    return True


def _is_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def to_data(record) -> dict:
    """The YAML-ready form of a record: fields in model order, defaults left out."""
    out = {}
    for spec in specs(type(record)):
        value = getattr(record, spec.name)
        if not spec.required and value == spec.default:
            continue
        out[spec.key] = plain(value)
    return out


def plain(value):
    """A value as YAML data: records as mappings, tuples as lists, texts as `{lang: text}`."""
    if isinstance(value, Text):
        return value.as_dict()
    if isinstance(value, Reference):
        return {**value.text.as_dict(), **to_data(dataclasses.replace(value, text=EMPTY_TEXT))}
    if isinstance(value, Glossary):
        return {lang: plain(subs) for lang, subs in value.items()}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return to_data(value)
    return value


def texts(value, path: KeyPath = ()):
    """Every localised text in a record (or part of one), with the key path where it stands."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, Reference):
        yield path, value.text
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from texts(item, path + (i,))
    elif dataclasses.is_dataclass(value):
        for spec in specs(type(value)):
            yield from texts(getattr(value, spec.name), path + (spec.key,))


def settled(value):
    """`value` (a record, or any part of one) with the line breaks that end its texts removed:
    they are not content. YAML block text (`|`) ends in one; a browser's text box gives the
    same text back without it, and that alone must not make a record "changed"."""
    if isinstance(value, str):
        return value.rstrip("\n")
    if isinstance(value, Text):
        calm = value.map(settled)
        return value if calm == value else calm
    if isinstance(value, tuple):
        return tuple(map(settled, value))
    if dataclasses.is_dataclass(value):
        changes = {}
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            calm = settled(current)
            if calm is not current and calm != current:
                changes[field.name] = calm
        return dataclasses.replace(value, **changes) if changes else value
    return value
