"""Markdown for the PDF and DOCX packs: sanitised, then read as plain-text runs."""

from __future__ import annotations

from curriculum.export import markup, richtext

SAMPLE = (
    "Intro **bold** & *it* <script>alert(1)</script> [ok](https://a.org) [bad](javascript:alert(1)) a&nbsp;b\n\n"
    "**Cards**\n- one\n- two<br>x\n  - nested\n\n| a | b |\n|---|---|\n| 1 | <b>2</b> |\n\n```\ncode <here>\n```\n"
)


def test_fast_reader_gives_the_same_blocks_as_the_html_parser():
    reference = richtext._BlockParser()
    reference.feed(markup.to_html(SAMPLE))
    reference.close()
    assert richtext.parse(SAMPLE) == reference.finish()


def test_runs_are_plain_text_and_unsafe_parts_are_gone():
    blocks = richtext.parse(SAMPLE)
    first = blocks[0]
    assert richtext.plain(first.runs).startswith("Intro bold & it")
    assert "alert" not in richtext.plain(first.runs)
    assert [r.href for r in first.runs if r.href] == ["https://a.org"]
    assert isinstance(blocks[1], richtext.MParagraph) and isinstance(
        blocks[2], richtext.MList
    )  # list right after a line
    assert isinstance(blocks[2].items[1][-1], richtext.MList)  # two-space nesting understood
    assert blocks[-1] == richtext.MCode("code <here>")


def test_line_breaks_stay_and_soft_newlines_become_spaces():
    (para,) = richtext.parse("one\ntwo<br>three")
    assert [r.text for r in para.runs] == ["one two", "\n", "three"]


def _full_parse(text):
    """`richtext.parse` the long way, through Markdown, whatever the text."""
    reference = richtext._BlockParser()
    richtext._feed_expat(reference, markup.to_html(text))
    return reference.finish()


def test_text_without_markdown_skips_it_and_reads_the_same():
    import random

    rng = random.Random(7)
    alphabet = "aéÉz09 .,;:'\"()/%@?=+-–’«»\u00a0\u202f{}$€^"
    texts = ["discussion", "08:30–08:45", "15", "3.14", "Note : voir ci-dessous", "« Oui »", "1.5 heures", "2024"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    skipped = 0
    for text in texts:
        if not markup.needs_markdown(text):
            skipped += 1
            assert richtext.parse(text) == _full_parse(text), repr(text)
    assert skipped > 500
    for text in ["- a", "+ a", "1. a", "2) a", "**a**", "a_b_", "<b>a</b>", "a &amp; b", " a", "a\nb", "=", ": a"]:
        assert markup.needs_markdown(text), text
