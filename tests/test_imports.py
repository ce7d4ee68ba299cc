"""Importing modules: validated like the workspace; hostile files refused; id clashes asked."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from curriculum.imports import import_file, module_zip
from curriculum.problems import ContentError
from curriculum.workspace import load_workspace
from tests.conftest import MODULE


def zipped(entries: dict[str, bytes], link: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def test_import_a_module_yaml_under_a_new_id(small):
    other = MODULE.replace("id: sharing", "id: other", 1)
    (module,) = import_file(small, load_workspace(small), "other.yaml", other.encode())
    assert module.id == "other" and load_workspace(small).modules["other"].revision == 1


def test_round_trip_through_the_module_zip(small, tmp_path):
    ws = load_workspace(small)
    data = module_zip([ws.modules["sharing"]])
    (module,) = import_file(small, ws, "shared.zip", data, rename="sharing-copy")
    assert load_workspace(small).modules["sharing-copy"].sessions == ws.modules["sharing"].sessions


def test_id_clash_asks_instead_of_overwriting(small):
    ws = load_workspace(small)
    before = (small / "modules/sharing.yaml").read_bytes()
    with pytest.raises(ContentError, match="already exists — nothing imported; choose --replace .* or --rename"):
        import_file(small, ws, "sharing.yaml", MODULE.encode())
    assert (small / "modules/sharing.yaml").read_bytes() == before
    (replaced,) = import_file(
        small, ws, "sharing.yaml", MODULE.replace("minutes: 40", "minutes: 50").encode(), replace_existing=True
    )
    assert replaced.revision == 2 and replaced.sessions[0].activities[1].minutes == 50


def test_invalid_module_is_refused_with_the_line(small):
    with pytest.raises(ContentError) as raised:
        import_file(
            small,
            load_workspace(small),
            "bad.yaml",
            MODULE.replace("id: sharing", "id: bad", 1).replace("minutes: 40", "minutes: -1").encode(),
        )
    assert any(
        line.startswith("bad.yaml:27:") and "not a positive whole number" in line for line in raised.value.lines()
    )
    assert "bad" not in load_workspace(small).modules


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("evil.zip", zipped({"../../evil.yaml": b"id: evil"}), "unsafe path"),
        ("evil.zip", zipped({"/etc/evil.yaml": b"id: evil"}), "unsafe path"),
        ("evil.zip", zipped({}, link="modules/link.yaml"), "is a link"),
        ("many.zip", zipped({f"m{i}.yaml": b"id: x" for i in range(201)}), "too many files"),
        ("bomb.zip", zipped({"bomb.yaml": b"#" * (3 * 1024 * 1024)}), "larger than"),
        ("pack.zip", zipped({"pack.pdf": b"%PDF-1.4"}), "unexpected file 'pack.pdf'"),
        ("notes.docx", b"PK\x03\x04", "not a module file"),
        ("junk.zip", b"not a zip at all", "not a valid ZIP"),
        ("huge.yaml", b"#" * (21 * 1024 * 1024), "too large"),
    ],
)
def test_hostile_imports_are_refused_and_nothing_is_written(small, name, data, message):
    before = sorted(p.name for p in (small / "modules").iterdir())
    with pytest.raises(ContentError, match=message):
        import_file(small, load_workspace(small), name, data)
    assert sorted(p.name for p in (small / "modules").iterdir()) == before


def test_zip_bomb_by_ratio_is_refused(small):
    entry = b"#" * (1_900_000)
    with pytest.raises(ContentError, match="ZIP bomb"):
        import_file(small, load_workspace(small), "bomb.zip", zipped({"m.yaml": entry}))
