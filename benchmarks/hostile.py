"""The hostile-input report (issue 16): figures to keep, printed by `make bench` and by
`python benchmarks/hostile.py`.

- writers × comments stored: concurrent processes adding comments to one review store;
- kill -9 trials × corruptions: a process saving a module in a loop, killed at random moments,
  then the workspace checked (every file loads; every saved revision has its audit line);
- hostile classes tried × handled: every hostile-input test (files, ZIPs, long text, links,
  faults, identities) run, and how many were handled as the tests demand.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from curriculum import review  # noqa: E402
from curriculum.workspace import load_workspace  # noqa: E402

HOSTILE_TESTS = ("tests/test_hostile.py", "tests/test_faults.py", "tests/test_identities.py")

WRITER = """
import sys
from curriculum import review
from curriculum.workspace import load_workspace
root, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ws = load_workspace(root)
for number in range(count):
    review.add_comment(root, ws, "short", "sharing", f"reviewer-{worker}", "expert", f"comment {worker}-{number}", "R1")
"""


def small_workspace(folder: Path) -> Path:
    from tests.conftest import CONTEXT, CURRICULUM, MODULE, write

    write(folder, "modules/sharing.yaml", MODULE)
    write(folder, "contexts/generic.yaml", CONTEXT)
    write(folder, "curricula/short.yaml", CURRICULUM)
    return folder


def writers(root: Path, count: int = 48, each: int = 50) -> tuple[int, int, int]:
    """(writers, comments written, comments stored) after `count` processes wrote at once."""
    review.open_round(root, load_workspace(root), "short", "R1")
    processes = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(root), str(w), str(each)], cwd=REPO) for w in range(count)
    ]
    for process in processes:
        process.wait(600)
    stored = {c.text for c in review.comments(root, "short")}
    expected = {f"comment {w}-{n}" for w in range(count) for n in range(each)}
    return count, len(expected), len(stored & expected)


def kills(root: Path, trials: int = 50) -> tuple[int, int]:
    from tests.test_faults import kill_trials

    return kill_trials(root, trials, random.Random(16))


def hostile_classes() -> tuple[int, int]:
    """(tests tried, tests passed) over every hostile-input test."""
    import pytest

    class Tally:
        tried = handled = 0

        def pytest_runtest_logreport(self, report) -> None:
            if report.when == "call" or (report.when == "setup" and not report.passed):
                self.tried += 1
                self.handled += report.passed

    tally = Tally()
    pytest.main(["-q", "-p", "no:cacheprovider", *HOSTILE_TESTS], plugins=[tally])
    return tally.tried, tally.handled


def report() -> None:
    print("\nHostile input — issue 16's figures")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        count, written, stored = writers(small_workspace(Path(tmp) / "writers"))
        print(
            f"  writers × comments stored: {count} writers, {stored} of {written} comments stored"
            f" ({time.perf_counter() - started:.0f} s)"
        )
        started = time.perf_counter()
        trials, corruptions = kills(small_workspace(Path(tmp) / "kills"))
        print(
            f"  kill -9 trials × corruptions: {trials} trials during saves, {corruptions} corruptions or"
            f" unaudited saves ({time.perf_counter() - started:.0f} s)"
        )
        shutil.rmtree(tmp, ignore_errors=True)
    tried, handled = hostile_classes()
    print(f"  hostile classes tried × handled: {handled} of {tried} ({', '.join(HOSTILE_TESTS)})")


if __name__ == "__main__":
    report()
