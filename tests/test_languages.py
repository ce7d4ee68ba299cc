"""Language codes, names and directions come from CLDR data, not from a list in the code."""

from curriculum import languages


def test_a_code_is_a_well_formed_tag_that_cldr_knows():
    assert languages.is_code("ar") and languages.is_code("fr") and languages.is_code("ar-TN")
    assert not languages.is_code("arabic")  # a name, not a code
    assert not languages.is_code("xx")  # well formed, unknown
    assert not languages.is_code("../fr")  # never a path
    assert not languages.is_code(3)


def test_names_and_direction():
    assert languages.autonym("ar") == "العربية"
    assert languages.name("ar", "fr") == "arabe"
    assert languages.name("fr", "ar") == "الفرنسية"
    assert languages.direction("ar") == "rtl" and languages.is_rtl("ar")
    assert languages.direction("fr") == "ltr" and not languages.is_rtl("sw")


def test_fallback_order_puts_the_language_first_and_names_each_once():
    assert languages.fallback_order("fr", ["ar", "fr"], ["fr", "en", "ar"]) == ("fr", "ar", "en")
    assert languages.fallback_order("ar", ["ar", "fr"]) == ("ar", "fr")


def test_isolate_wraps_in_first_strong_isolate():
    assert languages.isolate("CNLCT") == "\u2068CNLCT\u2069"
    assert languages.isolate("") == ""
