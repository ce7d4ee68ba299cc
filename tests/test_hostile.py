"""Hostile input: one small file crafted to take the workspace down is a broken file like any
other (`file:line: what — fix`), and the rest of the workspace loads. Each test is bounded
(small files, few loops) so the whole class runs in `make test`."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from curriculum import yamlfile
from curriculum.model import MAX_DAYS, MAX_ITEMS, MAX_MINUTES, MAX_TEXT
from curriculum.validate import MAX_PROBLEMS
from curriculum.workspace import load_workspace
from tests.conftest import MODULE, write


def errors_of(root, name):
    ws = load_workspace(root)
    return ws, [p for p in ws.problems if p.file == name and p.is_error]


def test_references_nested_400_deep_is_a_broken_file_and_the_rest_loads(small):
    write(small, "modules/deep.yaml", "id: deep\nrevision: 1\nreferences:\n  " + "[" * 400 + "]" * 400 + "\n")
    ws, errors = errors_of(small, "modules/deep.yaml")
    assert [str(e) for e in errors] == [
        "modules/deep.yaml:4: nested too deeply (more than 40 levels of lists and mappings) — content needs far "
        "fewer levels: check the indentation and brackets around this line"
    ]
    assert "sharing" in ws.modules and "short" in ws.curricula


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: " + "[" * 100_000 + "]" * 100_000, 1),  # libyaml's recursive composer crashes the process near 30,000
        ("a: " + "{a: " * 50_000 + "b" + "}" * 50_000, 1),
        ("".join("  " * i + "- \n" for i in range(2_000)), 41),  # block style, one level per line
        ("- " * 60_000 + "x", 1),  # compact block sequences on one line
    ],
    ids=["flow-lists", "flow-mappings", "block-lists", "compact-lists"],
)
def test_nesting_of_any_shape_is_refused_before_anything_recurses(text, line):
    started = time.perf_counter()
    with pytest.raises(yamlfile.ReadError) as caught:
        yamlfile.parse(text)
    assert (caught.value.code, caught.value.line) == ("too_deep", line)
    assert time.perf_counter() - started < 2
    assert yamlfile.locate(text, ("a",)) is None  # line lookup refuses it too, never composing it


def test_a_deep_file_does_not_crash_a_fresh_process(tmp_path):
    """What crashed with a segmentation fault (libyaml's composer) is now one line of `validate`."""
    for kind in ("modules", "contexts", "curricula"):
        (tmp_path / kind).mkdir()
    (tmp_path / "modules" / "deep.yaml").write_text("id: deep\nreferences: " + "[" * 100_000 + "]" * 100_000)
    run = subprocess.run(
        [sys.executable, "-m", "curriculum", "validate", "--workspace", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    assert "modules/deep.yaml:2: nested too deeply" in run.stdout + run.stderr


@pytest.mark.parametrize(
    "anchor",
    ['{"k":&a [1, 2]}', "{k: &a [1]}", "- &a [x]", "k:\n  &a [1]", "? &a k\n: v", "[&a x]", "k: !!seq &a [1]"],
)
def test_an_alias_is_refused_wherever_its_anchor_is_written(anchor):
    text = f"{anchor}\nz: *a\n" if not anchor.startswith(("-", "[")) else f"{anchor}\n"
    if anchor.startswith(("-", "[")):
        text = anchor.replace("x", "x, *a").replace("[x, *a]", "[x]\n- *a")
    with pytest.raises(yamlfile.ReadError) as caught:
        yamlfile.parse(text)
    assert caught.value.code in ("yaml_alias", "bad_yaml"), text


def test_the_alias_bomb_written_after_a_colon_is_refused_in_milliseconds(small):
    """The probe's 2 kB bomb (`{"k":&a …}`) took 24 s and 383 MB through the old text guard."""
    lines = ['{"a0":&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"],']
    lines += [f'"a{i}":&a{i} [' + ",".join([f"*a{i - 1}"] * 9) + "]," for i in range(1, 12)]
    write(small, "modules/bomb.yaml", "\n".join(lines) + '"id": "bomb"}\n')
    started = time.perf_counter()
    ws, errors = errors_of(small, "modules/bomb.yaml")
    assert time.perf_counter() - started < 2
    assert [(e.line, e.code) for e in errors] == [(2, "yaml_alias")]
    assert "sharing" in ws.modules


def test_a_key_written_twice_is_reported_with_its_line(small):
    write(small, "modules/sharing.yaml", MODULE.replace("revision: 1\n", "revision: 1\nrevision: 2\n"))
    _, errors = errors_of(small, "modules/sharing.yaml")
    assert [str(e) for e in errors] == [
        "modules/sharing.yaml:3: the key 'revision' is written twice in the same mapping — keep one of them "
        "and remove the other"
    ]


def test_a_key_written_twice_deep_inside_is_reported_in_french_too(small):
    write(small, "modules/sharing.yaml", MODULE.replace("minutes: 40", "minutes: 40\n        minutes: 45"))
    _, errors = errors_of(small, "modules/sharing.yaml")
    assert errors[0].line == 28
    assert errors[0].text("fr").startswith("modules/sharing.yaml:28: la clé « minutes » figure deux fois")


def test_a_second_document_is_reported_in_the_interface_language():
    with pytest.raises(yamlfile.ReadError) as caught:
        yamlfile.parse("id: a\n---\nid: b\n")
    assert caught.value.line == 2 and "second one" in caught.value.what


def activities(count: int, method: str = "nope") -> str:
    text = MODULE.split("sessions:")[0] + "sessions:\n  - id: s\n    title: {fr: S, en: S}\n    activities:\n"
    return text + "".join(
        f"      - {{id: a{i}, title: {{fr: x, en: x}}, method: {method}, minutes: 5}}\n" for i in range(count)
    )


def test_a_list_longer_than_any_content_needs_is_one_problem(small):
    write(small, "modules/sharing.yaml", activities(1_500))
    started = time.perf_counter()
    _, errors = errors_of(small, "modules/sharing.yaml")
    assert time.perf_counter() - started < 3
    assert [str(e) for e in errors] == [
        f"modules/sharing.yaml:17: sessions[1].activities: 1500 entries, the limit is {MAX_ITEMS} — split the "
        "content into several records"
    ]


def test_a_file_with_hundreds_of_problems_lists_twenty_and_counts_the_rest(small):
    write(small, "modules/sharing.yaml", activities(480))
    started = time.perf_counter()
    _, errors = errors_of(small, "modules/sharing.yaml")
    assert time.perf_counter() - started < 3
    assert len(errors) == MAX_PROBLEMS + 1
    assert [e.line for e in errors[:3]] == [18, 19, 20]
    assert str(errors[-1]) == (
        "modules/sharing.yaml: and 460 more problems in this file — fix the ones listed, then validate again "
        "to see the rest"
    )


def test_line_lookup_composes_each_file_once_however_many_problems(small, monkeypatch):
    import yaml

    composed = []
    original = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda text, **k: composed.append(text.split("\n")[0]) or original(text, **k))
    bad = MODULE.replace("method: presentation", "method: lecture").replace("method: role-play", "method: play")
    write(small, "modules/sharing.yaml", bad.replace("grouping: small-groups", "grouping: crowd"))
    _, errors = errors_of(small, "modules/sharing.yaml")
    # the module once for its three problems, the curriculum once (it names the module now left out)
    assert len(errors) == 3 and sorted(composed) == ["id: sharing", "id: short"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("minutes: 40", "minutes: 1000000000", f"1000000000 is above the limit of {MAX_MINUTES}"),
        ("minutes: 40", "minutes: " + "9" * 30, "expected a whole number, found '" + "9" * 30 + "'"),
        (
            "minutes: 40",
            "minutes: " + "9" * 5_000,
            "expected a whole number, found '99999999999999999999…'",
        ),  # int() refuses > 4,300 digits
    ],
)
def test_numbers_have_upper_bounds(small, old, new, message):
    write(small, "modules/sharing.yaml", MODULE.replace(old, new))
    _, errors = errors_of(small, "modules/sharing.yaml")
    assert len(errors) == 1 and errors[0].what.startswith(message) and errors[0].line == 27


def test_days_have_the_composers_upper_bound(small):
    text = (small / "curricula/short.yaml").read_text()
    assert "days: 1" in text
    write(small, "curricula/short.yaml", text.replace("days: 1", "days: 1000000000"))
    ws, errors = errors_of(small, "curricula/short.yaml")
    assert [e.what for e in errors] == [f"1000000000 is above the limit of {MAX_DAYS}"]
    assert "short" not in ws.curricula


def test_text_has_an_upper_bound(small):
    write(small, "modules/sharing.yaml", MODULE.replace("en: A summary.", "en: " + "x" * (MAX_TEXT + 1)))
    _, errors = errors_of(small, "modules/sharing.yaml")
    assert [e.text("fr") for e in errors] == [
        "modules/sharing.yaml:5: summary.en: texte de 50\u202f001 caractères, la limite est de 50\u202f000 — "
        "raccourcissez-le ou scindez-le en plusieurs textes"
    ]


def test_an_id_with_a_trailing_newline_is_not_an_id():
    from curriculum.records import SLUG, TARGET
    from curriculum.workspace import record_path

    assert not SLUG.match("renamed\n") and not TARGET.match("a/b\n")
    with pytest.raises(Exception) as caught:
        record_path(__import__("pathlib").Path("/tmp"), "modules", "renamed\n")
    assert "not a valid" in str(caught.value)


def test_a_circle_of_prerequisites_is_reported_once(small):
    for name, needs in (("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")):
        text = MODULE.replace("id: sharing", f"id: {name}").replace(
            "audience: [police", f"prerequisites: [{needs}]\naudience: [police"
        )
        write(small, f"modules/{name}.yaml", text)
    ws = load_workspace(small)
    cycles = [p for p in ws.problems if p.code == "prerequisite_cycle"]
    assert [str(p) for p in cycles] == [
        "modules/c.yaml:13: prerequisites[1]: prerequisites go round in a circle: a → b → c → a — remove one of "
        "these prerequisites"
    ]
    assert (
        cycles[0].text("fr").endswith("les prérequis tournent en rond : a → b → c → a — retirez l’un de ces prérequis")
    )


def test_packs_build_whatever_the_length_of_titles_and_headings(small):
    """A 300-character curriculum title broke the DOCX (and so the ZIP): python-docx refuses a core
    property over 255 characters. A session title of one 3,000-character word broke the PDF:
    ReportLab's LayoutError, a heading taller than a page. Both now build, cut with an ellipsis."""
    import io
    import zipfile

    from curriculum.export.formats import export
    from curriculum.resolve import resolve

    long_title = " ".join(["Orientation"] * 40)  # 479 characters
    word = "x" * 3_000
    text = (
        (small / "curricula/short.yaml").read_text().replace("{fr: Court, en: Short}", f"{{fr: {long_title}, en: x}}")
    )
    write(small, "curricula/short.yaml", text)
    write(small, "modules/sharing.yaml", MODULE.replace("{fr: Les bases, en: The basics}", f"{{fr: {word}, en: x}}"))
    programme = resolve(load_workspace(small), "short", "generic", "fr")
    name, data = export(programme, "facilitator", "zip", "pack")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        core = next(archive.read(n) for n in names if n.endswith(".docx"))
    assert {n.rsplit(".", 1)[-1] for n in names} >= {"pdf", "docx", "html", "md"}
    with zipfile.ZipFile(io.BytesIO(core)) as docx_file:
        properties = docx_file.read("docProps/core.xml").decode()
    shown = properties.split("<dc:title>")[1].split("</dc:title>")[0]
    assert len(shown) <= 200 and shown.endswith("Orientation…")
    from pypdf import PdfReader

    _, pdf = export(programme, "facilitator", "pdf", "pack")
    reader = PdfReader(io.BytesIO(pdf))
    titles, items = [], list(reader.outline)
    while items:
        item = items.pop()
        items.extend(item) if isinstance(item, list) else titles.append(item.title)
    assert any(t.startswith("xxxx") and t.endswith("…") and len(t) <= 200 for t in titles), titles


# --- ZIP imports ------------------------------------------------------------------------------


def _zip_of(small) -> bytes:
    from curriculum.imports import module_zip

    return module_zip([load_workspace(small).modules["sharing"]])


def _patched(data: bytes, central: int, local: int, fmt: str, value: int) -> bytes:
    """`data` with one field of the (only) entry's local and central headers set to `value`."""
    import struct

    out = bytearray(data)
    struct.pack_into(fmt, out, data.rindex(b"PK\x01\x02") + central, value)
    struct.pack_into(fmt, out, local, value)
    return bytes(out)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda d: _patched(d, 24, 22, "<I", 100), "is damaged (its content does not match its header)"),  # size lies
        (lambda d: _patched(d, 24, 22, "<I", 1_000_000), "is damaged"),  # size lies the other way
        (lambda d: _patched(d, 8, 6, "<H", 1), "is encrypted — export the ZIP again without a password"),
        (lambda d: _patched(d, 10, 8, "<H", 99), "uses a compression method this app cannot read"),
        (lambda d: _patched(d, 16, 14, "<I", 1234), "is damaged"),  # bad CRC
        (lambda d: d[:60] + b"\xff" * 200 + d[260:], "is damaged"),  # corrupt compressed data
    ],
    ids=["size-smaller", "size-larger", "encrypted", "compression", "crc", "corrupt-stream"],
)
def test_a_damaged_zip_is_refused_with_a_reason(small, damage, reason):
    from curriculum.imports import check_modules, read_upload
    from curriculum.problems import ContentError

    with pytest.raises(ContentError) as caught:
        check_modules(read_upload("upload.zip", damage(_zip_of(small))))
    assert caught.value.lines()[0].startswith(f"upload.zip: modules/sharing.yaml {reason}")


def test_a_zip_holding_a_file_nested_too_deeply_is_refused(small):
    import io
    import zipfile

    from curriculum.imports import check_modules, read_upload
    from curriculum.problems import ContentError

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("modules/deep.yaml", "id: deep\nreferences: " + "[" * 50_000 + "]" * 50_000)
    with pytest.raises(ContentError) as caught:
        check_modules(read_upload("upload.zip", buffer.getvalue()))
    assert caught.value.lines()[0].startswith("deep.yaml:2: nested too deeply")


def test_an_import_holding_the_same_module_twice_writes_nothing(small):
    import io
    import zipfile

    from curriculum.imports import import_file
    from curriculum.problems import ContentError

    text = MODULE.replace("id: sharing", "id: twice")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("modules/twice.yaml", text)
        archive.writestr("more/twice.yml", text)
    with pytest.raises(ContentError) as caught:
        import_file(small, load_workspace(small), "upload.zip", buffer.getvalue())
    assert caught.value.lines() == [
        "twice.yml: the module id 'twice' comes twice in this import (twice.yaml, twice.yml) — keep one of the "
        "files; nothing was imported"
    ]
    assert not (small / "modules/twice.yaml").exists() and not (small / "audit.log").exists()


def test_an_import_refused_midway_puts_back_what_it_wrote(small, monkeypatch):
    """All or nothing: the second module's save fails (a full disk), the first is taken back."""
    from dataclasses import replace

    import curriculum.imports as imports
    from curriculum.imports import module_zip
    from curriculum.problems import WriteError

    sharing = load_workspace(small).modules["sharing"]
    before = (small / "modules/sharing.yaml").read_bytes()
    data = module_zip([replace(sharing, title=sharing.title.replace("en", "New")), replace(sharing, id="fresh")])
    real_save = imports.save

    def save_then_fail(root, kind, record, **kwargs):
        if record.id == "sharing":
            return real_save(root, kind, record, **kwargs)
        raise WriteError.coded("cannot_write", path="modules/fresh.yaml", reason="No space left on device")

    monkeypatch.setattr(imports, "save", save_then_fail)
    with pytest.raises(WriteError):
        imports.import_file(small, load_workspace(small), "upload.zip", data, replace_existing=True)
    assert (small / "modules/sharing.yaml").read_bytes() == before
    assert not (small / "modules/fresh.yaml").exists()


# --- links a Markdown renderer would follow ---------------------------------------------------

HOSTILE_LINKS = [
    "[x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript\\:alert(1))",
    "[x]( <data:text/html,hi>)",
    "[x](\n vbscript:msgbox)",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[x][1]\n\n   [1]:\n  data:text/html,hi",
    "<javascript:alert(1)>",
    "<data:text/html,hi>",
]


def _followed(html: str) -> list[str]:
    import re

    return re.findall(r'(?:href|src)="([^"]*)"', html)


def _commonmark(text: str) -> str:
    """HTML as a CommonMark renderer that follows any scheme would make it (Streamlit's parser is CommonMark)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True
    return md.render(text)


@pytest.mark.parametrize("text", HOSTILE_LINKS)
def test_links_to_script_or_data_are_left_as_text(text):
    from curriculum.export.markup import inert_links

    assert _followed(_commonmark(text)), "the probe must be a live link before"
    assert _followed(_commonmark(inert_links(text))) == []


def test_safe_links_stay_links_and_random_text_never_gains_a_live_hostile_link():
    import random

    from curriculum.export.markup import inert_links, link_allowed

    safe = "[a](https://example.org/x) [b](#top) [c](notes.md) <https://example.org> [d](mailto:a@b.c)"
    assert _followed(_commonmark(inert_links(safe))) == _followed(_commonmark(safe))
    pieces = [
        "[x]",
        "(",
        ")",
        "<",
        ">",
        "javascript:",
        "data:",
        "&#106;",
        "\\",
        ":",
        " ",
        "\n",
        "[1]: ",
        "!",
        "https://a",
    ]
    rng = random.Random(16)
    for _ in range(1_500):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 12)))
        for url in _followed(_commonmark(inert_links(text))):
            assert link_allowed(url.replace("%5C", "\\")), (text, url)


def test_the_markdown_pack_writes_hostile_links_as_text(small):
    from curriculum.export.formats import export
    from curriculum.resolve import resolve

    hostile = "1. Lire [le cas](javascript:alert(1)) ![logo](data:image/png;base64,AAAA)"
    write(small, "modules/sharing.yaml", MODULE.replace('"1. Lire le cas"', f'"{hostile}"'))
    _, data = export(resolve(load_workspace(small), "short", "generic", "fr"), "facilitator", "md", "pack")
    text = data.decode()
    assert "[le cas]\\(javascript:alert(1))" in text and "![logo]\\(data:" in text
    assert _followed(_commonmark(text)) == []


@pytest.mark.parametrize("revision", ["²", "١", "1.0", "0", "-3", "99999999999999999999999"])
def test_a_revision_that_is_not_a_plain_integer_is_a_conflict_not_a_crash(small, revision):
    """A save compares the revision on disk with the editor's; `²`.isdigit() is True, int('²') raised."""
    from curriculum import edit
    from curriculum.problems import ConflictError
    from curriculum.workspace import save

    module = load_workspace(small).modules["sharing"]
    path = small / "modules/sharing.yaml"
    path.write_text(path.read_text().replace("revision: 1", f"revision: '{revision}'"))
    with pytest.raises(ConflictError, match="sharing.yaml is currently broken on disk"):
        save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), loaded_revision=1)


def test_the_review_page_shows_a_data_link_in_a_comment_as_text(small, monkeypatch):
    from curriculum import review
    from tests.conftest import REPO, app_test

    text = "Voir [la source](data:text/html;base64,PHNjcmlwdD4=) et [le guide](https://example.org/guide)"
    review.add_comment(small, load_workspace(small), "short", "sharing", "ana", "police", text, "R1")
    at = app_test(small, monkeypatch, "fr").run()
    at.switch_page(str(REPO / "curriculum/ui/pages/review.py")).run()
    shown = [m.value for m in at.markdown if "la source" in m.value]
    assert shown == ["Voir [la source]\\(data:text/html;base64,PHNjcmlwdD4=) et [le guide](https://example.org/guide)"]
    assert _followed(_commonmark(shown[0])) == ["https://example.org/guide"]


def test_a_file_of_thousands_of_unknown_keys_is_reported_quickly(small):
    """Close matches ("did you mean …?") are looked for only for the first problems: 20,000
    unknown keys took about 0.6 s of difflib per 2,000 keys, and the report shows 20 of them."""
    write(small, "modules/keys.yaml", "id: keys\nrevision: 1\n" + "".join(f"titel{i}: v\n" for i in range(20_000)))
    started = time.perf_counter()
    _, errors = errors_of(small, "modules/keys.yaml")
    assert time.perf_counter() - started < 3
    assert errors[0].fix == "did you mean 'title'?" and errors[0].line == 3
    assert str(errors[-1]).startswith("modules/keys.yaml: and 19,983 more problems in this file")


def test_thousands_of_problems_between_files_are_reported_like_a_files_own(small):
    """Cross-file problems (a curriculum naming sessions that do not exist) composed the file
    and looked for close matches once per problem; now once per file, 20 shown and "N more"."""
    sessions = ", ".join(f"nope-{j}" for j in range(50))
    items = "".join(f"  - {{module: sharing, sessions: [{sessions}]}}\n" for _ in range(200))
    text = (small / "curricula/short.yaml").read_text().split("items:")[0] + "items:\n" + items
    write(small, "curricula/short.yaml", text)
    started = time.perf_counter()
    ws, errors = errors_of(small, "curricula/short.yaml")
    assert time.perf_counter() - started < 3
    assert "short" in ws.curricula  # a dangling reference is reported; the record still loads
    assert len(errors) == MAX_PROBLEMS + 1 and errors[0].line == errors[1].line
    assert str(errors[-1]).startswith("curricula/short.yaml: and 9,980 more problems in this file")


def test_the_contexts_page_shows_a_data_link_in_a_changed_text_as_text(small, monkeypatch):
    """A stale adaptation shows what changed in the module, word by word, with st.markdown."""
    from curriculum import edit
    from curriculum.model import Text
    from curriculum.workspace import save
    from tests.conftest import REPO, app_test
    from tests.test_adapt import CONTEXT_B

    write(small, "contexts/ctx-b.yaml", CONTEXT_B)
    module = load_workspace(small).modules["sharing"]
    hostile = Text(fr="1. Jouer [la scène](data:text/html,x)", en="1. Play [the scene](data:text/html,x)")
    save(small, "modules", edit.replace_activity(module, "practice", "role-play", instructions=hostile), 1)
    at = app_test(small, monkeypatch, "en").run()
    at.switch_page(str(REPO / "curriculum/ui/pages/contexts.py")).run()
    at.selectbox(key="contexts.pick").set_value("ctx-b").run()
    shown = [m.value for m in at.markdown if "data:text/html" in m.value]
    assert shown and all(_followed(_commonmark(value)) == [] for value in shown), shown


def test_the_composer_shows_a_data_link_in_a_warning_as_text(small, monkeypatch):
    """The Composer's warnings quote user text (an activity that takes up a break), shown with st.warning."""
    from tests.conftest import REPO, app_test

    hostile = MODULE.replace("{fr: Jeu de rôle, en: Role play}", "{fr: x, en: '[Role play](data:text/html,x)'}")
    write(small, "modules/sharing.yaml", hostile.replace("minutes: 45", "minutes: 120"))  # longer than any gap
    curriculum = (small / "curricula/short.yaml").read_text()
    write(
        small,
        "curricula/short.yaml",
        curriculum.replace(
            '    - {start: "10:30", minutes: 15}\n',
            '    - {start: "10:30", minutes: 15}\n    - {start: "15:00", minutes: 15}\n',
        ),
    )
    at = app_test(small, monkeypatch, "en").run()
    at.switch_page(str(REPO / "curriculum/ui/pages/composer.py")).run()
    shown = [w.value for w in at.warning if "data:text/html" in w.value]
    assert shown and all(_followed(_commonmark(value)) == [] for value in shown), [w.value for w in at.warning]


def test_plain_text_fields_have_the_same_upper_bound_and_messages_quote_only_the_start(small):
    context = (small / "contexts/generic.yaml").read_text()
    glossary = "glossary:\n  en:\n    - {term: " + "t" * (MAX_TEXT + 1) + ", replace: x}\n"
    write(small, "contexts/generic.yaml", context + glossary)
    write(small, "modules/sharing.yaml", MODULE.replace("method: presentation", "method: " + "p" * 10_000))
    ws = load_workspace(small)
    (term,) = [p for p in ws.errors if p.file == "contexts/generic.yaml"]
    assert term.field == "glossary.en[1].term" and term.what == "text of 50,001 characters, the limit is 50,000"
    (method,) = [p for p in ws.errors if p.file == "modules/sharing.yaml"]
    assert method.what == "'" + "p" * 20 + "…' is not allowed" and len(str(method)) < 400


# --- spreadsheets ---------------------------------------------------------------------------


def test_comment_matrices_never_hold_a_live_formula(small):
    """A reviewer's `=HYPERLINK(…)` was written by openpyxl as a formula, and a CSV cell starting
    with = + - @ is one for Excel; both are now text, shown as typed."""
    import csv
    import io

    from openpyxl import load_workbook

    from curriculum import review
    from curriculum.review_report import matrix_csv, matrix_rows, matrix_xlsx

    ws = load_workspace(small)
    hostile = '=HYPERLINK("http://example.org/x","click")'
    review.add_comment(small, ws, "short", "sharing", "@mallory", "police", hostile, "R1")
    rows = matrix_rows(small, ws, "short", "R1", "en")
    sheet = load_workbook(io.BytesIO(matrix_xlsx(rows))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert [c.value for c in cells if c.value == hostile] and all(c.data_type != "f" for c in cells)
    written = list(csv.DictReader(io.StringIO(matrix_csv(rows).decode("utf-8-sig"))))
    assert "'" + hostile in written[0].values() and "'@mallory" in written[0].values()


def test_the_agenda_csv_never_holds_a_live_formula(small):
    from curriculum.export.formats import agenda_csv
    from curriculum.resolve import resolve

    write(
        small, "modules/sharing.yaml", MODULE.replace("{fr: Introduction, en: Introduction}", "{fr: x, en: '+1+cmd'}")
    )
    text = agenda_csv(resolve(load_workspace(small), "short", "generic", "en")).decode("utf-8-sig")
    assert ",'+1+cmd," in text and ",+1+cmd," not in text
