"""Faults of the machine (read-only folder, full disk, a writer killed mid-save) and the modes
files are written with: one line saying what could not be written, where and what to do;
nothing half-written; every save with its audit line."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from curriculum import cli, edit
from curriculum.access import audit_entries
from curriculum.imports import module_zip
from curriculum.problems import ContentError, WriteError
from curriculum.workspace import HISTORY, load_workspace, save
from tests.conftest import REPO


def read_only(monkeypatch, under: Path) -> None:
    """Refuse every file creation under `under` as a read-only mount does (tests run as root,
    for whom a chmod refuses nothing)."""
    real_open, real_mkdir = os.open, os.mkdir

    def refuse(path, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    def guarded_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and str(path).startswith(str(under)):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def guarded_mkdir(path, *args, **kwargs):
        if str(path).startswith(str(under)):
            refuse(path)
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "mkdir", guarded_mkdir)


def one_error_line(capsys, argv) -> str:
    assert cli.main(argv) == 1
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.err, out.err
    return lines[0]


def test_a_save_into_a_read_only_workspace_is_one_line_and_changes_nothing(small, monkeypatch):
    module = load_workspace(small).modules["sharing"]
    before = (small / "modules/sharing.yaml").read_bytes()
    read_only(monkeypatch, small)
    with pytest.raises(WriteError) as caught:
        save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), loaded_revision=1)
    assert isinstance(caught.value, ContentError)  # the pages' handlers catch it as any refusal
    assert "Read-only file system" in str(caught.value) and "nothing was changed" in str(caught.value)
    assert caught.value.lines("fr")[0].startswith("impossible d’écrire ")
    assert (small / "modules/sharing.yaml").read_bytes() == before
    assert not (small / "audit.log").exists()


def test_import_into_a_read_only_workspace_is_one_line(small, monkeypatch, capsys, tmp_path):
    module = load_workspace(small).modules["sharing"]
    upload = tmp_path / "new.zip"
    from dataclasses import replace

    upload.write_bytes(module_zip([replace(module, id="fresh")]))
    read_only(monkeypatch, small)
    line = one_error_line(capsys, ["import", str(upload), "--workspace", str(small)])
    assert line.startswith("error: could not write ") and "fresh.yaml (Read-only file system)" in line
    assert not (small / "modules/fresh.yaml").exists()


def test_export_into_a_read_only_folder_is_one_line(small, monkeypatch, capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    read_only(monkeypatch, out)
    argv = ["export", "short", "--context", "generic", "--lang", "fr", "--pack", "participant", "--format", "md"]
    line = one_error_line(capsys, [*argv, "--out", str(out), "--workspace", str(small)])
    assert line.startswith(f"error: could not write {out}/") and "(Read-only file system)" in line
    assert list(out.iterdir()) == []


def test_review_add_with_an_unusable_review_store_is_one_line(small, capsys):
    (small / "review.sqlite").mkdir()  # sqlite cannot open it, as in a read-only folder
    argv = ["review", "add", "short", "--target", "sharing", "--author", "ana", "--role", "police", "--text", "ok"]
    line = one_error_line(capsys, [*argv, "--workspace", str(small)])
    assert line.startswith(f"error: the review store {small}/review.sqlite cannot be used (unable to open database")


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_files_take_the_umasks_mode_and_saved_files_keep_theirs(small, umask):
    old = os.umask(umask)
    try:
        module = load_workspace(small).modules["sharing"]
        (small / "modules/sharing.yaml").chmod(0o640)
        saved = save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), 1)
        from dataclasses import replace

        save(small, "modules", replace(saved, id="fresh", revision=1), None)
        from curriculum.export.formats import write_pack

        pack = write_pack(small / "exports", "pack.md", b"# pack\n")
    finally:
        os.umask(old)
    mode = lambda path: path.stat().st_mode & 0o777  # noqa: E731
    assert mode(small / "modules/sharing.yaml") == 0o640
    assert mode(small / "modules/fresh.yaml") == 0o666 & ~umask
    assert mode(small / HISTORY / "modules/fresh/1.yaml") == 0o666 & ~umask
    assert mode(pack) == 0o666 & ~umask


SAVER = """
import sys
from dataclasses import replace
from curriculum import edit
from curriculum.workspace import load_workspace, save, STORE
root = sys.argv[1]
print("ready", flush=True)
while True:
    STORE.forget()
    module = load_workspace(root).modules["sharing"]
    save(root, "modules", edit.replace_activity(module, "basics", "intro", minutes=5 + module.revision % 20 * 5), module.revision)
"""


def kill_trials(root: Path, trials: int, rng) -> tuple[int, int]:
    """Kill a process saving in a loop `trials` times at random moments; (trials, corruptions)."""
    corruptions = 0
    for _ in range(trials):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(root)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        child.stdout.readline()
        time.sleep(rng.uniform(0.01, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        corruptions += len(corruption(root))
    return trials, corruptions


def corruption(root: Path) -> list[str]:
    """What is wrong after a kill: a broken file, a save without its audit line."""
    from curriculum.workspace import STORE

    STORE.forget()
    workspace = load_workspace(root)
    found = [str(p) for p in workspace.errors]
    if "sharing" not in workspace.modules:
        return [*found, "the module is gone"]
    revision = workspace.modules["sharing"].revision
    audited = {e["revision"] for e in audit_entries(root) if e["what"] == "modules/sharing"}
    found += [f"revision {r} saved without its audit line" for r in range(2, revision + 1) if r not in audited]
    return found


def test_kill_9_during_saves_never_corrupts_nor_leaves_a_save_unaudited(small):
    import random

    trials, corruptions = kill_trials(small, 4, random.Random(16))
    assert (trials, corruptions) == (4, 0)
    module = load_workspace(small).modules["sharing"]
    save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=30), module.revision)
    assert [p.name for p in (small / "modules").iterdir() if p.name.endswith(".tmp")] == []  # cleaned by a save


def test_a_torn_audit_line_does_not_break_reading_the_log(small):
    (small / "audit.log").write_text('{"at": "x", "what": "modules/sharing", "revision": 2}\n{"at": "y", "wh')
    assert audit_entries(small) == [{"at": "x", "what": "modules/sharing", "revision": 2}]


def test_a_save_whose_audit_line_cannot_be_written_does_not_happen(small, monkeypatch):
    """The audit line is written before the new file is put in place: a crash (or a refusal)
    at that moment leaves the old file, so no save is ever without its audit entry."""
    import curriculum.workspace as workspace_module

    module = load_workspace(small).modules["sharing"]
    before = (small / "modules/sharing.yaml").read_bytes()
    (small / "modules/.sharing.yaml.0123456789ab.tmp").write_text("left by a writer killed mid-save")

    def crash(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", "audit.log")

    monkeypatch.setattr(workspace_module, "audit", crash)
    with pytest.raises(WriteError, match="Input/output error"):
        save(small, "modules", edit.replace_activity(module, "basics", "intro", minutes=25), loaded_revision=1)
    assert (small / "modules/sharing.yaml").read_bytes() == before
    assert [p.name for p in (small / "modules").iterdir() if p.name.endswith(".tmp")] == []


def test_the_library_page_says_in_one_line_why_a_save_could_not_be_written(small, monkeypatch):
    """The pages' handlers catch the fault as any refusal: one line, in French, no page exception."""
    from tests.conftest import app_test

    at = app_test(small, monkeypatch, "fr").run()
    at.text_input(key="lib.sharing.1.title.fr").set_value("Partager l’information, autrement")
    read_only(monkeypatch, small)
    at.button(key="library.save").click().run()
    assert not at.exception, at.exception
    shown = [e.value for e in at.error]
    assert any("impossible d’écrire" in e and "Read-only file system" in e for e in shown), shown
    assert load_workspace(small).modules["sharing"].revision == 1


def test_the_accounts_file_is_never_readable_by_others_even_with_a_lax_umask(small):
    from curriculum import access

    old = os.umask(0o000)
    try:
        access.add_user(small, "claire", "designer", "a long passphrase")
    finally:
        os.umask(old)
    assert (small / "users.yaml").stat().st_mode & 0o777 == 0o600


def test_names_with_a_trailing_newline_are_refused(small):
    from curriculum import access
    from curriculum.imports import import_file

    with pytest.raises(ContentError, match="not a valid"):
        access.add_user(small, "claire\n", "designer", "a long passphrase")
    with pytest.raises(ContentError) as caught:
        import_file(
            small,
            load_workspace(small),
            "sharing.yaml",
            (small / "modules/sharing.yaml").read_bytes(),
            rename="renamed\n",
        )
    assert caught.value.code == "bad_rename"
    assert sorted(p.name for p in (small / "modules").iterdir()) == ["sharing.yaml"]


@pytest.mark.parametrize("page", ["library", "review", "export"])
def test_pages_say_in_one_line_that_the_review_store_cannot_be_used(small, monkeypatch, page):
    from tests.conftest import app_test

    (small / "review.sqlite").mkdir()  # what sqlite meets in a read-only folder: it cannot open the store
    at = app_test(small, monkeypatch, "fr").run()
    if page != "library":
        at.switch_page(str(REPO / f"curriculum/ui/pages/{page}.py")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("le registre des relectures" in e.value and "inutilisable" in e.value for e in at.error)
