"""Every choice value the model knows has a name in both interface languages."""

from __future__ import annotations

import dataclasses

import pytest

from curriculum import model
from curriculum.adapt import STATES
from curriculum.catalogs import entries
from curriculum.i18n import CHOICE_KINDS, STRINGS, label
from curriculum.review import STATUSES

FIELDS = sorted(
    {f.name for cls in (model.Module, model.Session, model.Activity, model.Handout) for f in dataclasses.fields(cls)}
)
CODES = {
    "method": model.METHODS,
    "grouping": model.GROUPINGS,
    "profile": model.PROFILES,
    "theme": (*model.THEMES, "custom"),
    "bloom": model.BLOOM_LEVELS,
    "handout_kind": model.HANDOUT_KINDS,
    "adaptation": (*model.OVERRIDE_KINDS, "addition"),
    "contexts.state": STATES,
    "status": STATUSES,
    "change": ("added", "removed", "moved", "retimed", "edited"),
    "field": tuple(FIELDS),
    "priority": model.PRIORITIES,
}


def test_every_choice_kind_is_checked_here():
    assert set(CODES) == set(CHOICE_KINDS)


@pytest.mark.parametrize("kind", sorted(CODES))
def test_every_code_has_a_name_in_french_and_in_english(kind):
    french = entries("fr")
    missing = [f"{kind}.{code} (en)" for code in CODES[kind] if not STRINGS.get(f"{kind}.{code}", "").strip()]
    missing += [f"{kind}.{code} (fr)" for code in CODES[kind] if not french.get(f"{kind}.{code}", "").strip()]
    assert not missing, f"no name for: {', '.join(missing)}"


@pytest.mark.parametrize("kind", sorted(CODES))
def test_french_names_are_words_not_codes(kind):
    """A name is not the hyphenated or underscored code shown raw."""
    raw = [code for code in CODES[kind] if ("-" in code or "_" in code) and label(kind, code, "fr") == code]
    assert not raw


def test_a_code_without_a_name_falls_back_to_the_code():
    assert label("theme", "local-topic", "fr") == "local-topic"
    assert label("method", "world-cafe", "fr") == "World Café"
