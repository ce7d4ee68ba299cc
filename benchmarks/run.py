"""Print the performance figures the issues ask for (`make bench`)."""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from benchmarks.generate import generate  # noqa: E402
from curriculum import edit  # noqa: E402
from curriculum.workspace import STORE, load_workspace, save  # noqa: E402


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def libyaml_only(root: Path) -> None:
    for path in sorted((root / "modules").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def cold_load(root: Path) -> None:
    ws = load_workspace(root)
    assert not ws.errors, ws.errors[:3]


def timed_cold_load(root: Path, repeat=3) -> float:
    """Best of `repeat` loads with an empty cache (emptying it is not timed)."""
    times = []
    for _ in range(repeat):
        STORE.forget()
        gc.collect()
        start = time.perf_counter()
        cold_load(root)
        times.append(time.perf_counter() - start)
    return min(times)


def workspace_figures(root: Path) -> None:
    files = list((root / "modules").glob("*.yaml"))
    size = sum(p.stat().st_size for p in files) / 1e6
    parse = best(lambda: libyaml_only(root))
    load = timed_cold_load(root)
    print(f"workspace: {len(files)} modules, {size:.1f} MB")
    print(f"libyaml parse alone:        {parse * 1000:8.0f} ms")
    print(f"cold load + validate:       {load * 1000:8.0f} ms   ratio {load / parse:.2f}x (goal <= 1.30x)")
    module = load_workspace(root).modules["module-0000"]
    changed = edit.replace_activity(module, "s1", "a1", minutes=module.sessions[0].activities[0].minutes + 5)
    save(root, "modules", changed, loaded_revision=module.revision)
    start = time.perf_counter()
    load_workspace(root)
    reload = time.perf_counter() - start
    print(f"reload after one save:      {reload * 1000:8.1f} ms   (goal < 50 ms)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "ws", 500)
        workspace_figures(root)


if __name__ == "__main__":
    main()
