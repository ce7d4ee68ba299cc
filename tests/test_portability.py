"""The core runs where `fcntl` does not exist (Windows laptops): locks come from filelock."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path

from filelock import FileLock

from curriculum import edit
from curriculum.access import audit, audit_entries
from curriculum.workspace import load_workspace, save

REPO = Path(__file__).resolve().parent.parent
WITHOUT_FCNTL = "import sys; sys.modules['fcntl'] = None  # `import fcntl` now fails, as on Windows\n"


def _run_without_fcntl(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_FCNTL + code], cwd=REPO, capture_output=True, text=True, timeout=300
    )


def test_every_core_module_imports_without_fcntl():
    result = _run_without_fcntl(
        "import importlib, pkgutil, curriculum\n"
        "names = [m.name for m in pkgutil.walk_packages(curriculum.__path__, 'curriculum.')\n"
        "         if not m.name.startswith(('curriculum.ui', 'curriculum.__main__'))]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names), 'imported')\n"
    )
    assert result.returncode == 0, result.stderr
    count = int(result.stdout.split()[0])
    assert count >= 25  # workspace, access, cli, export.* … all of them


def test_saving_and_auditing_tests_pass_without_fcntl():
    result = _run_without_fcntl(
        "import pytest\n"
        "args = ['-o', 'addopts=', '-q', '-p', 'no:cacheprovider', 'tests/test_store.py', 'tests/test_access.py']\n"
        "sys.exit(pytest.main(args))\n"
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) >= 20 and "failed" not in result.stdout


def test_a_save_waits_for_the_folder_lock_held_by_another_process_or_thread(small):
    module = load_workspace(small).modules["sharing"]
    changed = edit.replace_activity(module, "basics", "intro", minutes=25)
    path = small / "modules/sharing.yaml"
    before = path.read_bytes()
    outcome = []
    with FileLock(small / "modules" / ".lock"):
        saver = threading.Thread(target=lambda: outcome.append(save(small, "modules", changed, loaded_revision=1)))
        saver.start()
        saver.join(timeout=0.5)
        assert saver.is_alive() and path.read_bytes() == before  # waiting, nothing written
    saver.join(timeout=30)
    assert outcome and outcome[0].revision == 2
    assert load_workspace(small).modules["sharing"].sessions[0].activities[0].minutes == 25


def test_audit_lines_from_many_threads_are_all_whole(tmp_path):
    def write_many(n: int) -> None:
        for i in range(20):
            audit(tmp_path, None, "save", f"modules/m{n}-{i}", i)

    threads = [threading.Thread(target=write_many, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    entries = audit_entries(tmp_path)
    assert sorted(e["what"] for e in entries) == sorted(f"modules/m{n}-{i}" for n in range(4) for i in range(20))
