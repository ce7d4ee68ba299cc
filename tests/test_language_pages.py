"""The pages read content languages from the workspace: the Library shows the languages
chosen side by side (and a save keeps the others), new records get a title per workspace
language, the Contexts page edits a context's languages and fallback order, and the Export
and Word review pages offer the curriculum's languages."""

from __future__ import annotations

from curriculum.workspace import load_workspace
from tests.conftest import CONTEXT, MODULE, REPO, app_test, write

ARABIC_TITLE = "title: {fr: Les bases, en: The basics, ar: الأساسيات}"


def arabic_workspace(small):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    write(small, "modules/sharing.yaml", MODULE.replace("title: {fr: Les bases, en: The basics}", ARABIC_TITLE))
    return small


def test_the_library_shows_the_interface_language_and_the_next_then_the_languages_chosen(small, monkeypatch):
    at = app_test(arabic_workspace(small), monkeypatch, "fr").run()
    shown = at.multiselect(key="library.languages")
    assert shown.value == ["fr", "en"] and shown.options == ["français", "anglais", "arabe"]
    keys = {t.key for t in at.text_input if t.key and t.key.startswith("lib.sharing.1.basics.title.")}
    assert keys == {"lib.sharing.1.basics.title.fr", "lib.sharing.1.basics.title.en"}
    shown.set_value(["ar", "fr"]).run()
    assert not at.exception, at.exception
    arabic = at.text_input(key="lib.sharing.1.basics.title.ar")
    assert arabic.value == "الأساسيات"
    assert not any(t.key == "lib.sharing.1.basics.title.en" for t in at.text_input)
    grid = next(d for d in at.data_editor if d.key and d.key.endswith("basics.activities"))
    assert "title_ar" in grid.value.columns and "title_en" not in grid.value.columns
    arabic.set_value("أساسيات تبادل المعلومات").run()
    at.button(key="library.save").click().run()
    assert not at.exception, at.exception
    title = load_workspace(small).modules["sharing"].sessions[0].title
    # the language not shown keeps its text: nothing is lost by hiding a column
    assert title.as_dict() == {"fr": "Les bases", "en": "The basics", "ar": "أساسيات تبادل المعلومات"}


def test_the_languages_shown_follow_the_interface_until_the_user_chooses(small, monkeypatch):
    """Switching the interface to Arabic shows Arabic content first, as a first visit in Arabic
    would; once the user has chosen languages, a switch keeps their choice."""
    at = app_test(arabic_workspace(small), monkeypatch, "fr").run()
    assert at.multiselect(key="library.languages").value == ["fr", "en"]
    at.sidebar.radio(key="ui_lang").set_value("ar").run()
    assert not at.exception, at.exception
    assert at.multiselect(key="library.languages").value == ["ar", "fr"]
    assert at.text_input(key="lib.sharing.1.basics.title.ar").value == "الأساسيات"
    at.multiselect(key="library.languages").set_value(["en"]).run()
    at.sidebar.radio(key="ui_lang").set_value("fr").run()
    assert not at.exception, at.exception
    assert at.multiselect(key="library.languages").value == ["en"]


def test_a_new_module_is_titled_in_every_workspace_language(small, monkeypatch):
    at = app_test(arabic_workspace(small), monkeypatch).run()
    at.text_input(key="library.new.id").set_value("local")
    at.text_input(key="library.new.fr").set_value("Acteurs locaux")
    at.text_input(key="library.new.ar").set_value("الفاعلون المحليون").run()
    at.button(key="library.create").click().run()
    assert not at.exception, at.exception
    module = load_workspace(small).modules["local"]
    assert module.title.as_dict() == {"fr": "Acteurs locaux", "ar": "الفاعلون المحليون"}
    # the first session is named in the languages of the title, from the interface strings
    assert module.sessions[0].title["fr"] == "Séance 1" and module.sessions[0].title.languages == ("fr", "ar")


def test_the_contexts_page_edits_languages_fallback_and_arabic_text(small, monkeypatch):
    write(small, "settings.yaml", "languages: [fr, en, ar]\n")
    at = app_test(small, monkeypatch).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/contexts.py")).run()
    assert not at.exception, at.exception
    prefix = "ctx.generic.1"
    assert at.multiselect(key=f"{prefix}.languages").value == ["fr", "en"]
    assert at.multiselect(key=f"{prefix}.fallback").value == ["fr", "en"]
    at.multiselect(key=f"{prefix}.languages").set_value(["ar", "fr"])
    at.multiselect(key=f"{prefix}.fallback").set_value(["ar", "fr", "en"]).run()
    at.selectbox(key=f"{prefix}.default_language").set_value("ar")
    at.text_input(key=f"{prefix}.name.ar").set_value("عام").run()
    at.button(key="contexts.save").click().run()
    assert not at.exception, at.exception
    context = load_workspace(small).contexts["generic"]
    assert (context.languages, context.fallback, context.default_language) == (("ar", "fr"), ("ar", "fr", "en"), "ar")
    assert context.name.as_dict() == {"fr": "Générique", "en": "Generic", "ar": "عام"}
    text = (small / "contexts/generic.yaml").read_text(encoding="utf-8")
    assert "fallback: [ar, fr, en]" in text and "languages: [ar, fr]" in text


def test_the_export_page_offers_the_curriculums_languages(small, monkeypatch):
    arabic_workspace(small)
    write(small, "contexts/generic.yaml", CONTEXT.replace("languages: [fr, en]", "languages: [fr, en, ar]"))
    text = (small / "curricula/short.yaml").read_text(encoding="utf-8")
    write(
        small,
        "curricula/short.yaml",
        text.replace("default_context: generic\n", "default_context: generic\nlanguages: [ar, fr]\n"),
    )
    at = app_test(small, monkeypatch).run()
    at.switch_page(str(REPO / "curriculum/ui/pages/export.py")).run()
    assert not at.exception, at.exception
    choice = at.selectbox(key="export.lang")
    assert choice.options == ["Arabic", "French"] and choice.value == "ar"  # English is not one of them
    choice.set_value("fr").run()
    assert not at.exception, at.exception
