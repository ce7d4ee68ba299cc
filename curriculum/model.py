"""Typed records of the content model: Module, Session, Activity, Handout, Question,
Context, Curriculum, and the localised Text they are written in.

Records are frozen dataclasses. Field metadata names the check a value must pass
(`slug`, `positive`, `clock`, a set of allowed values); `curriculum.records` turns YAML
data into these records and collects every problem on the way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

THEMES = ("information-sharing", "risk-assessment", "trust-building", "sustainability", "monitoring-evaluation")
BLOOM_LEVELS = ("remember", "understand", "apply", "analyse", "evaluate", "create")
METHODS = (
    "presentation",
    "discussion",
    "case-study",
    "role-play",
    "group-work",
    "simulation",
    "world-cafe",
    "energiser",
    "reflection",
    "assessment",
)
GROUPINGS = ("plenary", "small-groups", "pairs", "individual")
HANDOUT_KINDS = ("case-study", "checklist", "decision-tree", "template", "reading")
QUESTION_KINDS = ("choice", "open")
OVERRIDE_KINDS = ("replace", "minutes", "hide", "note", "swap")
PRIORITIES = ("high", "normal", "low")  # what a fit drops or shortens first: low, then normal, then high
PROFILES = (
    "judiciary",
    "prosecution",
    "police",
    "prison-probation",
    "social-work",
    "health",
    "education",
    "religious-leaders",
    "civil-society",
    "local-authorities",
    "families",
    "policy-makers",
)


# Upper bounds checked by validation (the Composer's widgets use the same): a file cannot ask
# for a billion days or a 30-digit clock and exhaust memory in the agenda or a pack.
MAX_DAYS = 10  # days of a curriculum (Composer); protected times name days up to it
MAX_MINUTES = 480  # one activity (Library), an override's minutes
MAX_PAUSE_MINUTES = 180  # a break or lunch (Composer)
MAX_TEXT = 50_000  # characters of one text in one language (the longest bundled text has 6,600)
MAX_ITEMS = 500  # entries of one list (sessions, activities, items…; the bundled content has at most 12)


def minutes_of(clock: str) -> int:
    """`HH:MM` -> minutes since midnight."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def clock(minutes: int) -> str:
    """Minutes since midnight -> `HH:MM`."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def check(rule, **extra) -> dict:
    """Field metadata: the rule a value must pass (see records.RULES)."""
    return {"check": rule, **extra}


class Text(Mapping):
    """A localised text: a frozen, hashable mapping from language code to text, for any
    language ("fr", "ar", "sw"…). Empty values are left out; the languages keep the order
    they were given in (a file's order).

    `Text({"fr": "…", "ar": "…"})` and `Text(fr="…", en="…")` both work.
    """

    __slots__ = ("_items", "_map", "_hash")

    def __init__(self, values: Mapping[str, str] | Iterable[tuple[str, str]] = (), /, **more: str) -> None:
        if type(values) is dict and not more:  # the loader's case: keys are unique already
            items = tuple(pair for pair in values.items() if pair[1])
        else:
            pairs = values.items() if isinstance(values, Mapping) else values
            kept = {lang: value for lang, value in (*pairs, *more.items())}
            items = tuple(pair for pair in kept.items() if pair[1])
        object.__setattr__(self, "_items", items)
        object.__setattr__(self, "_map", dict(items))  # pages look texts up thousands of times a run
        object.__setattr__(self, "_hash", None)

    @classmethod
    def of_pairs(cls, pairs: tuple[tuple[str, str], ...]) -> Text:
        """A text from (language, text) pairs already unique and non-empty (the loader's, which
        reads thousands of texts: no copy, no check)."""
        text = object.__new__(cls)
        object.__setattr__(text, "_items", pairs)
        object.__setattr__(text, "_map", dict(pairs))
        object.__setattr__(text, "_hash", None)
        return text

    def __setattr__(self, name, value):
        raise AttributeError("Text is frozen")

    def __getitem__(self, lang: str) -> str:
        return self._map[lang]

    def __iter__(self) -> Iterator[str]:
        return (code for code, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, lang: object) -> bool:
        return lang in self._map

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return self._map == other._map
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._items)))
        return self._hash

    def __bool__(self) -> bool:
        return bool(self._items)

    def __repr__(self) -> str:
        return f"Text({dict(self._items)!r})"

    def __reduce__(self):
        return (Text, (self._items,))

    def get(self, lang: str, fallback: Iterable[str] = ()) -> str:
        """The text in `lang`, else in the first language of `fallback` that has one, else in
        the first language it has (nothing crashes on a gap), else ""."""
        value = self._map.get(lang)
        return value if value is not None else self.source(lang, fallback)[1]

    def source(self, lang: str, fallback: Iterable[str] = ()) -> tuple[str, str]:
        """(language, text) that `get(lang, fallback)` gives: ("", "") for an empty text."""
        items = self._items
        if lang in self._map:
            return lang, self._map[lang]
        for wanted in fallback:
            for pair in items:
                if pair[0] == wanted:
                    return pair
        return items[0] if items else ("", "")

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages that have text, in the order given."""
        return tuple(code for code, _ in self._items)

    def missing(self, languages: Iterable[str]) -> tuple[str, ...]:
        """The given languages without text (none when the text is wholly empty)."""
        if not self._items:
            return ()
        return tuple(lang for lang in languages if lang not in self)

    def items(self):
        return self._items

    def as_dict(self) -> dict[str, str]:
        return dict(self._map)

    def replace(self, lang: str, value: str) -> Text:
        """The text with `lang` set to `value` (removed when `value` is empty)."""
        values = dict(self._items)
        values[lang] = value
        return Text(values)

    def map(self, fn: Callable[[str], str]) -> Text:
        """The text with `fn` applied to each language's text."""
        return Text((code, fn(value)) for code, value in self._items)


EMPTY = Text()


class LanguageName(Text):
    """A language's name as a message value: given in whatever language the message is
    written in ("arabe" in French, "Arabic" in English), from CLDR."""

    __slots__ = ("code",)

    def __init__(self, code: str) -> None:
        super().__init__({code: code})
        object.__setattr__(self, "code", code)

    def get(self, lang: str, fallback: Iterable[str] = ()) -> str:
        from .languages import name

        return name(self.code, lang)


@dataclass(frozen=True)
class Objective:
    id: str = field(metadata=check("slug"))
    text: Text
    bloom: str = field(default="understand", metadata=check(BLOOM_LEVELS))


@dataclass(frozen=True)
class Activity:
    id: str = field(metadata=check("slug"))
    title: Text
    method: str = field(metadata=check(METHODS))
    minutes: int = field(metadata=check("minutes"))
    grouping: str = field(default="plenary", metadata=check(GROUPINGS))
    instructions: Text = EMPTY
    facilitator_notes: Text = EMPTY
    materials: tuple[Text, ...] = ()
    handouts: tuple[str, ...] = field(default=(), metadata=check("slug"))
    debrief: tuple[Text, ...] = ()
    optional: bool = False  # may be dropped when time is short
    min_minutes: int | None = field(default=None, metadata=check("minutes"))  # the shortest it still works in
    priority: str = field(default="normal", metadata=check(PRIORITIES))

    @property
    def shortest(self) -> int:
        """The fewest minutes the activity still works in (its minutes when it is not flexible)."""
        return min(self.min_minutes, self.minutes) if self.min_minutes else self.minutes


@dataclass(frozen=True)
class Session:
    id: str = field(metadata=check("slug"))
    title: Text
    activities: tuple[Activity, ...] = field(metadata=check("unique-ids"))
    objectives: tuple[str, ...] = field(default=(), metadata=check("slug"))
    audience: tuple[str, ...] = field(default=(), metadata=check("slug"))
    optional: bool = False  # the whole session may be dropped when time is short
    priority: str = field(default="normal", metadata=check(PRIORITIES))

    @property
    def minutes(self) -> int:
        return sum(activity.minutes for activity in self.activities)


@dataclass(frozen=True)
class Handout:
    id: str = field(metadata=check("slug"))
    title: Text
    body: Text
    kind: str = field(default="reading", metadata=check(HANDOUT_KINDS))


@dataclass(frozen=True)
class Question:
    id: str = field(metadata=check("slug"))
    objective: str = field(metadata=check("slug"))
    text: Text
    kind: str = field(default="choice", metadata=check(QUESTION_KINDS))
    options: tuple[Text, ...] = ()
    answer: int | None = None
    model_answer: Text = EMPTY
    explanation: Text = EMPTY


@dataclass(frozen=True)
class Reference:
    """A framework or text cited by name, one entry per language (`fr: …`, `ar: …`, written
    beside `law`, `checked` and `recheck` in the file), with the day it was last checked and
    the day to check it again (ISO dates). A legal text (`law: true`) is printed in packs
    with "state of the law as of" its checked date."""

    text: Text = EMPTY
    law: bool = False
    checked: str = field(default="", metadata=check("date"))
    recheck: str = field(default="", metadata=check("date"))


@dataclass(frozen=True)
class Module:
    id: str = field(metadata=check("slug"))
    revision: int = field(metadata=check("positive"))
    title: Text
    summary: Text
    sessions: tuple[Session, ...] = field(metadata=check("unique-ids"))
    theme: str = field(default="custom", metadata=check("slug"))
    objectives: tuple[Objective, ...] = field(default=(), metadata=check("unique-ids"))
    audience: tuple[str, ...] = field(default=(), metadata=check("slug"))
    prerequisites: tuple[str, ...] = field(default=(), metadata=check("slug"))
    references: tuple[Reference, ...] = ()
    handouts: tuple[Handout, ...] = field(default=(), metadata=check("unique-ids"))
    questions: tuple[Question, ...] = field(default=(), metadata=check("unique-ids"))

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def handout(self, handout_id: str) -> Handout | None:
        return next((h for h in self.handouts if h.id == handout_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class Substitution:
    term: str
    replace: str


class Glossary:
    """A context's local terms per language: language code -> substitutions, in file order."""

    __slots__ = ("_entries",)

    def __init__(self, entries: Mapping[str, Iterable[Substitution]] | None = None, /, **more) -> None:
        pairs = {**(entries or {}), **more}
        object.__setattr__(self, "_entries", tuple((lang, tuple(subs)) for lang, subs in pairs.items() if subs))

    def __setattr__(self, name, value):
        raise AttributeError("Glossary is frozen")

    def get(self, lang: str) -> tuple[Substitution, ...]:
        return next((subs for code, subs in self._entries if code == lang), ())

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self._entries)

    def items(self) -> tuple[tuple[str, tuple[Substitution, ...]], ...]:
        return self._entries

    def replace(self, lang: str, substitutions: Iterable[Substitution]) -> Glossary:
        entries = dict(self._entries)
        entries[lang] = tuple(substitutions)
        return Glossary(entries)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Glossary):
            return dict(self._entries) == dict(other._entries)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._entries))

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __repr__(self) -> str:
        return f"Glossary({dict(self._entries)!r})"

    def __reduce__(self):
        return (Glossary, (dict(self._entries),))


@dataclass(frozen=True)
class ProtectedTime:
    start: str = field(metadata=check("clock"))
    end: str = field(metadata=check("clock"))
    label: Text = EMPTY
    days: tuple[int, ...] = field(default=(), metadata=check("days"))


@dataclass(frozen=True)
class Timing:
    interpretation_factor: float = field(default=1.0, metadata=check("factor"))
    day_start: str = field(default="", metadata=check("clock"))
    day_end: str = field(default="", metadata=check("clock"))
    protected_times: tuple[ProtectedTime, ...] = ()


@dataclass(frozen=True)
class Override:
    target: str = field(metadata=check("target"))
    base_revision: int = field(metadata=check("positive"))
    kind: str = field(metadata=check(OVERRIDE_KINDS))
    field_name: str = field(default="", metadata=check(None, key="field"))
    value: Text = EMPTY
    minutes: int | None = field(default=None, metadata=check("minutes"))
    note: Text = EMPTY
    with_: str = field(default="", metadata=check("slug", key="with"))


@dataclass(frozen=True)
class Addition:
    after: str = field(metadata=check("target"))
    base_revision: int = field(metadata=check("positive"))
    activity: Activity


@dataclass(frozen=True)
class Context:
    id: str = field(metadata=check("slug"))
    revision: int = field(metadata=check("positive"))
    name: Text
    country: Text = EMPTY
    languages: tuple[str, ...] = field(default=(), metadata=check("language"))
    default_language: str = field(default="", metadata=check("language"))
    fallback: tuple[str, ...] = field(default=(), metadata=check("language"))
    briefing: Text = EMPTY
    glossary: Glossary = Glossary()
    timing: Timing = Timing()
    handouts: tuple[Handout, ...] = field(default=(), metadata=check("unique-ids"))
    questions: tuple[Question, ...] = field(default=(), metadata=check("unique-ids"))
    overrides: tuple[Override, ...] = ()
    additions: tuple[Addition, ...] = ()

    @property
    def title(self) -> Text:
        return self.name

    @property
    def fallback_order(self) -> tuple[str, ...]:
        """Where a missing text is looked for: `fallback` as written, else `languages`."""
        return self.fallback or self.languages


@dataclass(frozen=True)
class Pause:
    start: str = field(metadata=check("clock"))
    minutes: int = field(metadata=check("pause-minutes"))


@dataclass(frozen=True)
class Schedule:
    days: int = field(default=1, metadata=check("days"))
    day_start: str = field(default="09:00", metadata=check("clock"))
    day_end: str = field(default="17:00", metadata=check("clock"))
    breaks: tuple[Pause, ...] = ()
    lunch: Pause | None = None


@dataclass(frozen=True)
class Item:
    module: str = field(metadata=check("slug"))
    sessions: tuple[str, ...] = field(default=(), metadata=check("slug"))

    def chosen(self, module: Module) -> tuple[Session, ...]:
        """The module's sessions this item takes, in the item's order (all, in module order, when it names none)."""
        if not self.sessions:
            return module.sessions
        present = {s.id: s for s in module.sessions}
        return tuple(present[s] for s in self.sessions if s in present)


@dataclass(frozen=True)
class Curriculum:
    id: str = field(metadata=check("slug"))
    revision: int = field(metadata=check("positive"))
    title: Text
    summary: Text = EMPTY
    audience: tuple[str, ...] = field(default=(), metadata=check("slug"))
    default_context: str = field(default="", metadata=check("slug"))
    languages: tuple[str, ...] = field(default=(), metadata=check("language"))
    schedule: Schedule = Schedule()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Settings:
    """A workspace's settings (`settings.yaml` at its root): the languages its content is
    written in, in the order a missing text falls back to them."""

    languages: tuple[str, ...] = field(metadata=check("language"))


KINDS = {"modules": Module, "contexts": Context, "curricula": Curriculum}
