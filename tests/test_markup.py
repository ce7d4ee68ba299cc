"""Markdown for the PDF and DOCX packs: sanitised, then read as plain-text runs."""

from __future__ import annotations

from curriculum.export import markup

SAMPLE = (
    "Intro **bold** & *it* <script>alert(1)</script> [ok](https://a.org) [bad](javascript:alert(1)) a&nbsp;b\n\n"
    "**Cards**\n- one\n- two<br>x\n  - nested\n\n| a | b |\n|---|---|\n| 1 | <b>2</b> |\n\n```\ncode <here>\n```\n"
)


def test_fast_reader_gives_the_same_blocks_as_the_html_parser():
    reference = markup._BlockParser()
    reference.feed(markup.to_html(SAMPLE))
    reference.close()
    assert markup.parse(SAMPLE) == reference.finish()


def test_runs_are_plain_text_and_unsafe_parts_are_gone():
    blocks = markup.parse(SAMPLE)
    first = blocks[0]
    assert markup.plain(first.runs).startswith("Intro bold & it")
    assert "alert" not in markup.plain(first.runs)
    assert [r.href for r in first.runs if r.href] == ["https://a.org"]
    assert isinstance(blocks[1], markup.MParagraph) and isinstance(blocks[2], markup.MList)  # list right after a line
    assert isinstance(blocks[2].items[1][-1], markup.MList)  # two-space nesting understood
    assert blocks[-1] == markup.MCode("code <here>")


def test_line_breaks_stay_and_soft_newlines_become_spaces():
    (para,) = markup.parse("one\ntwo<br>three")
    assert [r.text for r in para.runs] == ["one two", "\n", "three"]
