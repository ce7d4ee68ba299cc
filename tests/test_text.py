"""Localised text as a mapping of any workspace language: the Text API, the workspace's
settings.yaml, languages checked in every file with file:line, fallbacks reported as gaps,
and a fourth language that costs no code."""

from __future__ import annotations

import json
import pickle

import pytest

from curriculum.model import Text
from curriculum.problems import ContentError
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import CONTEXT, MODULE, copy_bundled, write
from tests.test_cli import run

# --- Text -----------------------------------------------------------------------------------


def test_text_is_a_mapping_of_any_language_in_the_order_given():
    text = Text({"ar": "مرحبا", "fr": "Bonjour", "sw": ""}, en="Hello")
    assert text.languages == ("ar", "fr", "en")  # empty values are left out
    assert text.as_dict() == {"ar": "مرحبا", "fr": "Bonjour", "en": "Hello"}
    assert tuple(text.items()) == (("ar", "مرحبا"), ("fr", "Bonjour"), ("en", "Hello"))
    assert Text(fr="a", en="b") == Text({"en": "b", "fr": "a"})  # the same text, whatever the order
    assert hash(Text(fr="a", en="b")) == hash(Text({"en": "b", "fr": "a"}))
    assert len({Text(fr="a"), Text(fr="a"), Text(fr="b")}) == 2
    assert pickle.loads(pickle.dumps(text)) == text
    with pytest.raises(AttributeError):
        text.fr = "x"  # frozen
    with pytest.raises(TypeError):
        Text("fr", "en")  # the old positional form is gone


def test_get_falls_back_along_the_order_then_to_any_language_then_to_nothing():
    text = Text(fr="Bonjour", en="Hello")
    assert text.get("en") == "Hello"
    assert text.get("ar", fallback=("en", "fr")) == "Hello"
    assert text.get("ar", fallback=("sw", "fr")) == "Bonjour"
    assert text.get("ar") == "Bonjour"  # the first language it has: nothing crashes
    assert text.source("ar", ("en",)) == ("en", "Hello")
    assert Text().get("fr") == "" and Text().source("fr") == ("", "")


def test_missing_replace_map_and_truth():
    text = Text(fr="Bonjour", en="Hello")
    assert text.missing(("ar", "fr", "en")) == ("ar",)
    assert Text().missing(("ar", "fr")) == ()  # a wholly empty text has no gap
    assert text.replace("ar", "مرحبا").languages == ("fr", "en", "ar")
    assert text.replace("fr", "").as_dict() == {"en": "Hello"}  # cleared: removed
    assert text.map(str.upper) == Text(fr="BONJOUR", en="HELLO")
    assert text and not Text() and not Text(fr="")


# --- settings.yaml ----------------------------------------------------------------------------


def test_settings_declare_the_languages_in_their_order(small):
    write(small, "settings.yaml", "languages: [ar, fr, en]\n")
    ws = load_workspace(small)
    assert ws.languages == ("ar", "fr", "en") and ws.declared and ws.problems == ()


def test_without_settings_the_languages_are_those_the_content_uses(small):
    ws = load_workspace(small)
    assert ws.languages == ("fr", "en") and not ws.declared and ws.problems == ()


def test_malformed_settings_are_reported_with_their_line_and_the_content_still_loads(small):
    write(small, "settings.yaml", "# languages\nlanguages: [fr, en\n")
    ws = load_workspace(small)
    [problem] = [p for p in ws.problems if p.file == "settings.yaml"]
    assert problem.is_error and problem.line == 2 and "malformed YAML" in problem.what
    assert set(ws.modules) == {"sharing"} and ws.languages == ("fr", "en")


@pytest.mark.parametrize(
    ("settings", "line", "what"),
    [
        ("languages: [fr, arabic]\n", 1, "'arabic' is not a language code"),
        ("languages:\n  - fr\n  - fr\n", 3, "language 'fr' is listed twice"),
        ("langages: [fr]\n", 1, "unknown field"),
    ],
)
def test_bad_settings_name_file_line_and_fix(small, settings, line, what):
    write(small, "settings.yaml", settings)
    ws = load_workspace(small)
    errors = [p for p in ws.errors if p.file == "settings.yaml"]
    assert errors and errors[0].line == line and what in errors[0].what, errors
    assert set(ws.modules) == {"sharing"}


# --- languages checked in records ---------------------------------------------------------------


def _error(ws, file):
    errors = [p for p in ws.errors if p.file == file]
    assert errors, ws.problems
    return errors[0]


def test_a_text_in_an_undeclared_language_is_an_error_with_line_and_fix(small):
    write(small, "settings.yaml", "languages: [fr, en]\n")
    write(
        small,
        "modules/sharing.yaml",
        MODULE.replace(
            "summary: {fr: Un résumé., en: A summary.}", "summary: {fr: Un résumé., de: Eine Zusammenfassung.}"
        ),
    )
    write(small, "modules/other.yaml", MODULE.replace("id: sharing", "id: other"))
    ws = load_workspace(small)
    error = _error(ws, "modules/sharing.yaml")
    assert (error.line, error.field) == (5, "summary.de")
    assert error.fix == "declare 'de' in settings.yaml or remove the text"
    assert "déclarez « de » dans settings.yaml" in error.text("fr")
    assert "sharing" not in ws.modules and "other" in ws.modules  # the rest loads


def test_a_key_that_is_not_a_language_code_is_an_error_with_a_suggestion(small):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    write(
        small,
        "modules/sharing.yaml",
        MODULE.replace("summary: {fr: Un résumé., en: A summary.}", "summary: {fr: Un résumé., arabic: ملخص}"),
    )
    ws = load_workspace(small)
    error = _error(ws, "modules/sharing.yaml")
    assert (error.line, error.field, error.what) == (5, "summary.arabic", "'arabic' is not a language code")
    assert error.fix == "did you mean 'ar'?"
    assert set(ws.contexts) == {"generic"}


@pytest.mark.parametrize(
    ("change", "line", "field", "fix"),
    [
        ("languages: [fr, en]\n", "languages: [fr, de]\n", None, None),
        ("default_language: en\n", "default_language: en\nfallback: [en, es]\n", None, None),
        ("default_language: en\n", "default_language: ar\n", None, None),
    ],
)
def test_a_context_naming_an_unknown_language_is_an_error_with_line(small, change, line, field, fix):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    write(small, "contexts/generic.yaml", CONTEXT.replace(change, line))
    ws = load_workspace(small)
    error = _error(ws, "contexts/generic.yaml")
    if "de]" in line:
        assert (error.line, error.field) == (4, "languages[2]") and "declare 'de' in settings.yaml" in error.fix
    elif "es]" in line:
        assert (error.line, error.field) == (6, "fallback[2]") and "declare 'es' in settings.yaml" in error.fix
    else:
        assert (error.line, error.field) == (5, "default_language")
    assert "sharing" in ws.modules  # the rest loads


def test_an_arabic_id_is_refused_with_the_fix_and_arabic_stays_welcome_in_the_title(small):
    text = (small / "modules/sharing.yaml").read_text().replace("- id: intro", "- id: مقدمة", 1)
    write(small, "modules/sharing.yaml", text)
    error = _error(load_workspace(small), "modules/sharing.yaml")
    assert error.code == "bad_id" and "'مقدمة'" in error.what
    assert "Latin lower-case letters (a–z)" in error.fix and "belongs in the title" in error.fix
    assert "حروف عربية" in error.text("ar") and "lettres arabes" in error.text("fr")


def test_a_curriculum_in_an_undeclared_language_is_an_error(small):
    write(small, "settings.yaml", "languages: [fr, en]\n")
    text = (
        (small / "curricula/short.yaml")
        .read_text()
        .replace("default_context: generic\n", "default_context: generic\nlanguages: [fr, pt]\n")
    )
    write(small, "curricula/short.yaml", text)
    error = _error(load_workspace(small), "curricula/short.yaml")
    assert (error.line, error.field) == (5, "languages[2]") and error.fix.startswith("declare 'pt'")


def test_gaps_are_reported_for_the_languages_a_record_is_used_in(small):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    ws = load_workspace(small)
    assert ws.problems == ()  # nothing in the workspace is used in Arabic: no Arabic gap
    write(
        small,
        "contexts/generic.yaml",
        CONTEXT.replace("languages: [fr, en]", "languages: [fr, en, ar]").replace(
            "name: {fr: Générique, en: Generic}", "name: {fr: Générique, en: Generic, ar: عام}"
        ),
    )
    ws = load_workspace(small)
    gaps = [p for p in ws.warnings if p.code == "translation_gap"]
    assert gaps and {dict(p.values)["lang"] for p in gaps} == {"ar"}
    # the curriculum run in that context, and its module
    assert {p.file for p in gaps} == {"modules/sharing.yaml", "curricula/short.yaml"}
    title = next(p for p in gaps if p.file == "modules/sharing.yaml")
    assert (title.what, title.line, title.field) == ("translation gap: no Arabic text", 4, "title")
    assert "pas de texte en arabe" in title.text("fr")


# --- resolve: fallback along the context's order, reported as gaps ---------------------------------


def test_a_context_in_arabic_then_french_shows_french_and_reports_the_gap(small):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    module = MODULE.replace("summary: {fr: Un résumé., en: A summary.}", "summary: {fr: Un résumé.}").replace(
        "title: {fr: Introduction, en: Introduction}", "title: {fr: Introduction, en: Introduction, ar: مقدمة}"
    )
    write(small, "modules/sharing.yaml", module)
    context = CONTEXT.replace("languages: [fr, en]", "languages: [ar, fr]\nfallback: [ar, fr]").replace(
        "default_language: en", "default_language: ar"
    )
    write(small, "contexts/generic.yaml", context)
    ws = load_workspace(small)
    programme = resolve(ws, "short", "generic", "ar")
    activities = {a.id: a for a in programme.activities}
    assert activities["intro"].title == "مقدمة"
    assert activities["case"].title == "Étude de cas"  # no Arabic: French, the context's next language
    assert programme.modules[0].summary == "Un résumé."
    gaps = [n for n in programme.notices if n.code == "translation-gap"]
    assert [n.values["from"] for n in gaps] == ["fr"] and gaps[0].values["lang"] == "ar"
    assert gaps[0].values["count"] >= 3
    [warning] = [w for w in programme.warnings if "Étude de cas" in w]  # in the programme's language: Arabic
    assert warning.startswith("ترجمة ناقصة باللغة العربية"), warning
    assert "الفرنسية" in warning  # the language the texts were borrowed from, named in Arabic
    assert "(“Étude de cas”, “Jeu de rôle”" in warning, warning  # the first texts borrowed are quoted
    english = resolve(ws, "short", None, "en")
    [gap] = [n for n in english.notices if n.code == "translation-gap"]  # only the summary lacks English
    assert (gap.values["count"], gap.values["examples"], gap.values["used"]) == (1, "“Un résumé.”", "French")


def test_resolve_refuses_a_language_the_workspace_does_not_have(small):
    with pytest.raises(ContentError, match="unknown language 'ar'.*fr, en"):
        resolve(load_workspace(small), "short", None, "ar")


# --- a fourth language costs no code ---------------------------------------------------------------


def test_a_fourth_language_needs_only_data(tmp_path):
    root = copy_bundled(tmp_path / "ws")
    settings = (
        (root / "settings.yaml")
        .read_text(encoding="utf-8")
        .replace("languages: [fr, en, ar]", "languages: [fr, en, ar, sw]")
    )
    write(root, "settings.yaml", settings)
    module = root / "modules/opening-foundations.yaml"
    english = '  en: "Opening: terms, drivers, the national strategy and who does what"\n'
    text = module.read_text(encoding="utf-8")
    assert text.count(english) == 1
    module.write_text(
        text.replace(english, english + '  sw: "Ufunguzi: maneno na nani hufanya nini"\n'), encoding="utf-8"
    )
    context = root / "contexts/east-africa-kenya.yaml"
    text = context.read_text(encoding="utf-8")
    text = text.replace("languages: [en]", "languages: [sw, en]").replace(
        "default_language: en", "default_language: sw"
    )
    text = text.replace(
        '  en: "Kenya (anglophone East Africa)"\n',
        '  en: "Kenya (anglophone East Africa)"\n  sw: "Kenya (Afrika Mashariki)"\n',
    )
    context.write_text(text, encoding="utf-8")
    assert run("validate", "--workspace", str(root)).returncode == 0

    agenda = run(
        "agenda", "core-3-day", "--context", "east-africa-kenya", "--lang", "sw", "--json", "--workspace", str(root)
    )
    assert agenda.returncode == 0, agenda.stderr
    data = json.loads(agenda.stdout)
    assert data["lang"] == "sw"
    [gap] = [w for w in data["warnings"] if w.startswith("Translation gap in Kiswahili")]
    assert "texts shown in Kiingereza" in gap  # the English fallbacks, reported as a gap for Kiswahili

    out = tmp_path / "out"
    export = run(
        "export",
        "core-3-day",
        "--context",
        "east-africa-kenya",
        "--lang",
        "sw",
        "--pack",
        "facilitator",
        "--format",
        "md",
        "--out",
        str(out),
        "--workspace",
        str(root),
    )
    assert export.returncode == 0, export.stderr
    [pack] = list(out.glob("*.md"))
    markdown = pack.read_text(encoding="utf-8")
    assert "Ufunguzi: maneno na nani hufanya nini" in markdown and "Kenya (Afrika Mashariki)" in markdown
    assert "- **Language**: Kiswahili" in markdown  # named from CLDR, with no code for it
    assert "Words that protect, words that label" in markdown  # English, the context's next language, fills gaps

    refused = run("agenda", "core-3-day", "--context", "east-africa-kenya", "--lang", "de", "--workspace", str(root))
    assert refused.returncode == 2
    assert "unknown language 'de'" in refused.stderr and "fr, en, ar, sw" in refused.stderr


# --- references, glossaries and review snapshots hold any language ------------------------------------

REFERENCES = """\
references:
  - fr: "Loi n° 2015-26 (reported)"
    ar: "القانون عدد 26 لسنة 2015"
    law: true
    checked: "2026-11-01"
    recheck: "2027-11-01"
"""


def test_references_glossaries_and_snapshots_keep_every_language(small):
    from curriculum import review
    from curriculum.records import to_data

    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    write(
        small,
        "modules/sharing.yaml",
        MODULE.replace("handouts:\n", REFERENCES + "handouts:\n", 1).replace(
            "title: {fr: Les bases, en: The basics}", "title: {fr: Les bases, en: The basics, ar: الأساسيات}"
        ),
    )
    glossary = "glossary:\n  ar:\n    - {term: الأخصائي الاجتماعي, replace: المرشد الاجتماعي}\n"
    write(small, "contexts/generic.yaml", CONTEXT + glossary)
    ws = load_workspace(small)
    assert not ws.errors, ws.errors
    [reference] = ws.modules["sharing"].references
    assert reference.text.languages == ("fr", "ar") and reference.law and reference.checked == "2026-11-01"
    assert to_data(ws.modules["sharing"])["references"] == [
        {
            "fr": "Loi n° 2015-26 (reported)",
            "ar": "القانون عدد 26 لسنة 2015",
            "law": True,
            "checked": "2026-11-01",
            "recheck": "2027-11-01",
        }
    ]
    assert ws.contexts["generic"].glossary.languages == ("ar",)
    assert ws.contexts["generic"].glossary.get("ar")[0].replace == "المرشد الاجتماعي"
    items = review.snapshot(ws, "short")["items"]
    assert items["sharing/basics"]["title"] == {"fr": "Les bases", "en": "The basics", "ar": "الأساسيات"}


def test_a_reference_key_that_is_neither_a_field_nor_a_language_is_an_error(small):
    bad = REFERENCES.replace("    law: true\n", "    lwa: true\n")
    write(small, "modules/sharing.yaml", MODULE.replace("handouts:\n", bad + "handouts:\n", 1))
    ws = load_workspace(small)
    error = _error(ws, "modules/sharing.yaml")
    assert error.field == "references[1].lwa" and error.fix == "did you mean 'law'?"
    write(
        small,
        "modules/sharing.yaml",
        MODULE.replace("handouts:\n", REFERENCES.replace("ar:", "arab:") + "handouts:\n", 1),
    )
    error = _error(load_workspace(small), "modules/sharing.yaml")
    assert error.field == "references[1].arab" and "'arab' is not a language code" in error.what


def test_a_language_named_in_words_is_suggested_as_its_code():
    from curriculum.languages import suggest_code

    known = ("fr", "en", "ar")
    assert [suggest_code(w, known) for w in ("arabic", "Arabe", "العربية", "français", "AR", "fr_FR")] == [
        "ar",
        "ar",
        "ar",
        "fr",
        "ar",
        "fr-FR",
    ]
    assert suggest_code("kiswahili", known) == "" and suggest_code("kiswahili", (*known, "sw")) == "sw"


def test_a_save_in_an_undeclared_language_is_refused_and_writes_nothing(small):
    from dataclasses import replace

    from curriculum.workspace import save

    write(small, "settings.yaml", "languages: [fr, en]\n")
    module = load_workspace(small).modules["sharing"]
    before = (small / "modules/sharing.yaml").read_text(encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        save(small, "modules", replace(module, title=module.title.replace("de", "Informationen teilen")), 1)
    assert "declare 'de' in settings.yaml or remove the text" in str(refused.value.problems[0])
    assert (small / "modules/sharing.yaml").read_text(encoding="utf-8") == before
    saved = save(small, "modules", replace(module, title=module.title.replace("en", "Sharing what matters")), 1)
    assert saved.revision == 2 and load_workspace(small).modules["sharing"].title["en"] == "Sharing what matters"


def test_the_glossary_of_the_language_a_text_is_borrowed_from_is_applied(small):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    glossary = "fallback: [ar, fr]\nglossary:\n  fr:\n    - {term: Pratique, replace: Mise en situation}\n"
    write(
        small,
        "contexts/generic.yaml",
        CONTEXT.replace("languages: [fr, en]", "languages: [ar, fr]").replace(
            "default_language: en", "default_language: ar"
        )
        + glossary,
    )
    programme = resolve(load_workspace(small), "short", "generic", "ar")
    assert [s.title for s in programme.sessions] == ["Les bases", "Mise en situation"]  # French, its glossary applied
