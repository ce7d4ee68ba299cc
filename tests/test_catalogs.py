"""Interface catalogs: shipped catalogs complete and sound, the template up to date, plural rules,
numbers and dates per locale, a workspace adding a language, and a broken placeholder."""

from __future__ import annotations

import datetime
import os
import shutil
from functools import cache
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from curriculum import catalogs
from curriculum.i18n import NOTICES, STRINGS, Plural, decimal, long_date, number, percent, t
from curriculum.messages import MESSAGES
from curriculum.workspace import load_workspace
from tests.conftest import write_catalog

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "curriculum" / "locale"
SHIPPED = sorted(LOCALE.glob("*/LC_MESSAGES/messages.po"))


@pytest.fixture(autouse=True)
def package_catalogs_only():
    catalogs.use_workspace(None)
    yield
    catalogs.use_workspace(None)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@cache
def _counts() -> dict[str, str]:
    """The counting placeholder of every plural entry, by key."""
    found = {key: s.count for key, s in STRINGS.items() if isinstance(s, Plural)}
    found |= {f"NOTICES.{key}": s.count for key, s in NOTICES.items() if isinstance(s, Plural)}
    words = [w for pair in MESSAGES.values() for w in pair if w]
    return found | {w.key: w.english.count for w in words if isinstance(w.english, Plural)}


def _faults(po: Path, base: Path = REPO) -> list[str]:
    """Untranslated, fuzzy or placeholder-changing entries of a catalog, as `file:line: key: why`."""
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    faults = []
    for m in catalog:
        if not m.id:
            continue
        where = f"{po.relative_to(base)}:{m.lineno}: {m.context}"
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy:
            faults.append(f"{where}: fuzzy")
        if not all(forms):
            faults.append(f"{where}: untranslated")
            continue
        sources = m.id if isinstance(m.id, tuple) else (m.id,)
        expected = set().union(*map(_fields, sources))
        required = expected - {_counts().get(m.context)}  # a plural form may leave its count unsaid
        for form in forms:
            if catalogs.placeholders(form) is None:
                faults.append(f"{where}: unpaired brace in {form!r}")
            elif not required <= _fields(form) <= expected:
                faults.append(f"{where}: placeholders {sorted(_fields(form))}, the English has {sorted(expected)}")
    return faults


def test_the_french_catalog_ships():
    assert LOCALE / "fr" / "LC_MESSAGES" / "messages.po" in SHIPPED


@pytest.mark.parametrize("po", SHIPPED, ids=lambda p: p.parts[-3])
def test_every_shipped_catalog_is_complete_and_keeps_the_placeholders(po):
    assert _faults(po) == []


def test_the_fault_list_names_file_line_and_what_is_wrong(tmp_path):
    po = write_catalog(
        tmp_path, "fr", [("library.title", "Module library", ""), ("common.saved", "Saved: {name}.", "Fait : {nom}.")]
    )
    assert _faults(po, tmp_path) == [
        "fr/LC_MESSAGES/messages.po:22: library.title: untranslated",
        "fr/LC_MESSAGES/messages.po:27: common.saved: placeholders ['nom'], the English has ['name']",
    ]


def test_every_shipped_catalog_compiles_with_gettexts_own_checks(tmp_path):
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy, ignore=shutil.ignore_patterns("*.mo"))
    failed = CommandLineInterface().run(["pybabel", "-q", "compile", "-D", "messages", "-d", str(copy)])
    assert not failed and sorted(p.parts[-3] for p in copy.glob("*/LC_MESSAGES/messages.mo")) == ["ar", "fr"]


def test_the_template_is_up_to_date_with_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(REPO / "babel.cfg"), "--no-default-keywords", "-k", "_C:1c,2"]
        + ["-k", "_NC:1c,2,3", "--no-location", "-o", str(fresh), str(REPO / "curriculum")]
    )

    def ids(path):
        with open(path, "rb") as handle:
            return {(m.context, m.id) for m in read_po(handle) if m.id}

    made, shipped = ids(fresh), ids(LOCALE / "messages.pot")
    assert (sorted(made - shipped, key=str), sorted(shipped - made, key=str)) == ([], []), "run `make pot catalogs`"
    assert ("library.title", "Module library") in made  # the extraction did read the code


def test_a_french_plural_sentence_agrees_with_its_number():
    assert t("status.invalid", "fr", n=1) == "1 fichier invalide, non chargé — le reste fonctionne :"
    assert t("status.invalid", "fr", n=2) == "2 fichiers invalides, non chargés — le reste fonctionne :"
    assert t("status.warnings", "en", n=1) == "1 warning" and t("status.warnings", "en", n=0) == "0 warnings"
    assert t("fit.days", "fr", count=1) == "1 jour" and t("fit.days", "fr", count=3) == "3 jours"
    assert t("status.warnings", "fr", n=3000) == "3\u202f000 avertissements"  # the count as the language writes it
    assert t("status.warnings", "en", n=3000) == "3,000 warnings"


ARABIC_FORMS = ["صفر {n}", "واحد {n}", "اثنان {n}", "قليل {n}", "آخر {n}", "كثير {n}"]


@pytest.mark.parametrize(
    ("n", "form"), [(0, "صفر"), (1, "واحد"), (2, "اثنان"), (3, "قليل"), (10, "قليل"), (11, "كثير"), (99, "كثير"), (100, "آخر"), (102, "آخر"), (103, "قليل")]
)  # fmt: skip
def test_arabic_chooses_among_six_plural_forms(tmp_path, n, form):
    english = STRINGS["status.warnings"]
    write_catalog(tmp_path / "locale", "ar", [("status.warnings", (english.singular, english.plural), ARABIC_FORMS)])
    catalogs.use_workspace(tmp_path)
    assert t("status.warnings", "ar", n=n) == f"{form} {n}"


def test_the_shipped_arabic_catalog_counts_in_six_forms():
    forms = [t("status.warnings", "ar", n=n) for n in (0, 1, 2, 3, 11, 100)]
    assert forms == ["0 تنبيه", "تنبيه واحد", "تنبيهان", "3 تنبيهات", "11 تنبيهًا", "100 تنبيه"]


def test_a_counted_message_counts_a_grouped_number_and_shows_it_grouped():
    from curriculum.messages import size, text

    assert text("more_problems", {"count": size(9980)}, "fr")[0] == "et 9\u202f980 autres problèmes dans ce fichier"
    assert text("more_problems", {"count": size(1)}, "en")[0] == "and 1 more problem in this file"
    assert text("import_refused", {"count": "many"}, "en")[0] == "import refused: many problems"  # never a crash


def test_numbers_and_dates_follow_each_locale():
    assert number(3000, "fr") == "3\u202f000" and number(3000, "en") == "3,000"
    assert number(2097152, "ar") in ("2,097,152", "2٬097٬152")  # the digits and separators CLDR gives Arabic
    assert percent(0.45, "fr") == "45\u00a0%" and percent(0.45, "en") == "45%"
    assert decimal(1.15, "fr") == "1,15" and decimal(1, "en") == "1.00"
    day = datetime.date(2026, 11, 25)
    assert long_date(day, "fr") == "25 novembre 2026" and long_date(day, "en") == "25 November 2026"
    assert long_date(day, "ar") == "25 نوفمبر 2026"


def test_a_workspace_adds_a_language_without_code(tmp_path):
    write_catalog(tmp_path / "locale", "sw", [("library.title", "Module library", "Maktaba ya moduli")])
    assert "sw" not in catalogs.interface_languages()
    load_workspace(tmp_path)  # loading a workspace uses its catalogs
    assert catalogs.interface_languages() == ("en", "ar", "fr", "sw")
    assert t("library.title", "sw") == "Maktaba ya moduli"
    assert t("library.intro", "sw") == "Pick a module, edit its fields, sessions and activities, then save."  # English
    catalogs.use_workspace(None)
    assert t("library.title", "sw") == "Module library"


def test_a_catalog_edited_while_the_app_runs_is_read_again_on_the_next_load(tmp_path):
    po = write_catalog(tmp_path / "locale", "sw", [("library.title", "Module library", "Maktaba ya moduli")])
    load_workspace(tmp_path)
    assert t("library.title", "sw") == "Maktaba ya moduli"
    po.write_text(po.read_text(encoding="utf-8").replace("Maktaba ya moduli", "Maktaba mpya"), encoding="utf-8")
    later = po.stat().st_mtime_ns + 10**9
    os.utime(po, ns=(later, later))
    assert t("library.title", "sw") == "Maktaba ya moduli"  # between loads, t() stays a dict lookup
    load_workspace(tmp_path)
    assert t("library.title", "sw") == "Maktaba mpya"


def test_a_broken_placeholder_is_reported_with_file_and_line_and_falls_back_to_english(tmp_path):
    po = write_catalog(
        tmp_path / "locale",
        "sw",
        [
            ("common.saved", "Saved: {name}, revision {revision}.", "Imehifadhiwa: {jina}, toleo {revision}."),
            ("common.not_saved", "Not saved: {error}", "Haijahifadhiwa: {error"),
            ("library.title", "Module library", "Maktaba ya moduli"),
        ],
    )
    workspace = load_workspace(tmp_path)
    found = [p for p in workspace.problems if p.code == "catalog_placeholder"]
    lines = po.read_text(encoding="utf-8").splitlines()
    assert [(p.file, lines[p.line - 1]) for p in found] == [
        ("locale/sw/LC_MESSAGES/messages.po", 'msgid "Saved: {name}, revision {revision}."'),
        ("locale/sw/LC_MESSAGES/messages.po", 'msgid "Not saved: {error}"'),
    ]
    assert (
        found[0]
        .text("en")
        .endswith(
            "the translation of 'common.saved' has a placeholder its English text does not have, or an unpaired brace: "
            "{jina}; the English text is shown instead — use the placeholders of the English text: {name}, {revision}"
        )
    )
    assert "accolade isolée : {error" in found[1].text("fr") and not found[0].is_error
    assert t("common.saved", "sw", name="m", revision=2) == "Saved: m, revision 2."
    assert t("common.not_saved", "sw", error="x") == "Not saved: x"
    assert t("library.title", "sw") == "Maktaba ya moduli"  # the rest of the catalog works


def test_an_unreadable_catalog_is_reported_and_its_language_reads_in_english(tmp_path):
    po = tmp_path / "locale" / "sw" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(b'msgctxt "library.title"\nmsgid "Module library"\nmsgstr "Maktaba \xff\xfe"\n')
    workspace = load_workspace(tmp_path)
    (problem,) = [p for p in workspace.problems if p.code.startswith("catalog_")]
    assert problem.code == "catalog_unreadable" and problem.file == "locale/sw/LC_MESSAGES/messages.po"
    assert "its language is shown in English — save it as UTF-8" in problem.text("en")
    assert t("library.title", "sw") == "Module library" and t("library.title", "fr") == "Bibliothèque de modules"


def test_a_catalog_folder_that_is_not_a_language_is_reported_and_not_offered(tmp_path):
    write_catalog(
        tmp_path / "locale", "sw", [("library.title", "Module library", "Maktaba ya moduli")]
    ).parent.parent.rename(tmp_path / "locale" / "swahili")
    workspace = load_workspace(tmp_path)
    assert [p.code for p in workspace.problems if p.file.startswith("locale/")] == ["catalog_unreadable"]
    assert catalogs.interface_languages() == ("en", "ar", "fr")


def test_a_compiled_catalog_is_used_only_while_newer_than_its_source(tmp_path):
    po = write_catalog(tmp_path / "locale", "sw", [("library.title", "Module library", "Maktaba ya moduli")])
    CommandLineInterface().run(["pybabel", "-q", "compile", "-D", "messages", "-d", str(tmp_path / "locale")])
    mo = po.with_suffix(".mo")
    po.write_text(po.read_text(encoding="utf-8").replace("Maktaba ya moduli", "Maktaba mpya"), encoding="utf-8")
    older = mo.stat().st_mtime_ns - 10**9
    os.utime(po, ns=(older, older))  # the .mo is newer: it is what the app reads
    catalogs.use_workspace(tmp_path)
    assert t("library.title", "sw") == "Maktaba ya moduli"
    newer = mo.stat().st_mtime_ns + 10**9
    os.utime(po, ns=(newer, newer))  # the .po was edited after the .mo was compiled: the .po wins
    catalogs.clear()
    assert t("library.title", "sw") == "Maktaba mpya"
