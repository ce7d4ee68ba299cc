"""Fixtures: small workspaces built in a temporary folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from curriculum import access
from curriculum.model import KINDS
from curriculum.workspace import STORE

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO  # the bundled content: modules/, contexts/, curricula/ at the root

MODULE = """\
id: sharing
revision: 1
theme: information-sharing
title: {fr: "Partager l’information", en: Sharing information}
summary: {fr: Un résumé., en: A summary.}
objectives:
  - id: o1
    bloom: understand
    text: {fr: Comprendre, en: Understand}
  - id: o2
    bloom: apply
    text: {fr: Appliquer, en: Apply}
audience: [police, social-work]
sessions:
  - id: basics
    title: {fr: Les bases, en: The basics}
    objectives: [o1]
    activities:
      - id: intro
        title: {fr: Introduction, en: Introduction}
        method: presentation
        minutes: 20
        instructions: {fr: "1. Présenter", en: "1. Present"}
      - id: case
        title: {fr: Étude de cas, en: Case study}
        method: case-study
        minutes: 40
        grouping: small-groups
        instructions: {fr: "1. Lire le cas", en: "1. Read the case"}
        handouts: [case-one]
  - id: practice
    title: {fr: Pratique, en: Practice}
    objectives: [o2]
    activities:
      - id: role-play
        title: {fr: Jeu de rôle, en: Role play}
        method: role-play
        minutes: 45
        instructions: {fr: "1. Jouer", en: "1. Play"}
handouts:
  - id: case-one
    kind: case-study
    title: {fr: Cas fictif, en: Fictional case}
    body: {fr: "Cas fictif.", en: "Fictional case."}
questions:
  - id: q1
    objective: o1
    kind: choice
    text: {fr: Question ?, en: Question?}
    options:
      - {fr: Oui, en: "Yes"}
      - {fr: Non, en: "No"}
    answer: 0
  - id: q2
    objective: o2
    kind: open
    text: {fr: Pourquoi ?, en: Why?}
    model_answer: {fr: Parce que., en: Because.}
"""

CONTEXT = """\
id: generic
revision: 1
name: {fr: Générique, en: Generic}
languages: [fr, en]
default_language: en
"""

CURRICULUM = """\
id: short
revision: 1
title: {fr: Court, en: Short}
default_context: generic
schedule:
  days: 1
  day_start: "09:00"
  day_end: "17:00"
  breaks:
    - {start: "10:30", minutes: 15}
  lunch: {start: "12:30", minutes: 60}
items:
  - module: sharing
"""


def app_test(root: Path, monkeypatch, lang: str = "en", actor=None, timeout: float = 30):
    """The app under Streamlit's AppTest on the workspace `root`, in `lang`, signed in as
    `actor` if given (not run yet)."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("CURRICULUM_WORKSPACE", str(root))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=timeout)
    at.session_state["ui_lang"] = lang
    if actor is not None:
        at.session_state["actor"] = actor
    return at


def choice_bank(count: int, options, answer) -> str:
    """YAML for `count` more choice questions c0, c1… on objective o1, to append to MODULE:
    `options(k)` gives question k's (fr, en) options, `answer(k)` its right one."""
    out = ""
    for k in range(count):
        lines = "".join(f"      - {{fr: {fr}, en: {en}}}\n" for fr, en in options(k))
        out += (
            f"  - id: c{k}\n    objective: o1\n    kind: choice\n"
            f"    text: {{fr: Question {k} ?, en: Question {k}?}}\n    options:\n{lines}    answer: {answer(k)}\n"
        )
    return out


def write(folder: Path, relative: str, text: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(autouse=True, scope="session")
def _errors_in_full():
    """Tests see Streamlit's own exception (AppTest's `at.exception`) for any bug in a page; the
    served app shows people a message in their language instead (ui/shell.py page_failed)."""
    import streamlit as st

    st.set_option("client.showErrorDetails", "full")


@pytest.fixture(autouse=True)
def _fresh_store(monkeypatch):
    STORE.forget()
    monkeypatch.setattr(access, "THROTTLE", access.Throttle())  # failed sign-ins never carry over between tests
    yield
    STORE.forget()


@pytest.fixture
def small(tmp_path) -> Path:
    """A valid workspace with one module, one context and one curriculum."""
    root = tmp_path / "ws"
    write(root, "modules/sharing.yaml", MODULE)
    write(root, "contexts/generic.yaml", CONTEXT)
    write(root, "curricula/short.yaml", CURRICULUM)
    return root


def copy_bundled(root: Path) -> Path:
    """Copy the bundled content (the repository root's modules/, contexts/, curricula/ and
    settings.yaml) to `root`."""
    for kind in KINDS:
        shutil.copytree(BUNDLED / kind, root / kind, ignore=shutil.ignore_patterns(".lock"))
    shutil.copy(BUNDLED / "settings.yaml", root / "settings.yaml")
    return root


@pytest.fixture
def bundled(tmp_path) -> Path:
    """A copy of the bundled sample workspace, safe to change."""
    root = tmp_path / "bundled"
    copy_bundled(root)
    return root


def write_catalog(locale_dir: Path, lang: str, entries: list[tuple[str, object, object]]) -> Path:
    """A catalog of `entries` (key, English, translation) under `locale_dir` (a workspace's
    `locale/`); a plural entry has tuples/lists."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(locale=lang, fuzzy=False)
    for key, english, translation in entries:
        catalog.add(english, tuple(translation) if isinstance(translation, list) else translation, context=key)
    path = locale_dir / lang / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog)
    return path
