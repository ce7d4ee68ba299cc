"""The layer order of docs/ARCHITECTURE.md names every module, and import-linter checks it."""

from __future__ import annotations

import pkgutil
import re
import tomllib
from pathlib import Path

import curriculum

REPO = Path(__file__).resolve().parent.parent


def _contracts() -> list[dict]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def _modules() -> set[str]:
    """Every module and package directly under `curriculum`, but the command line's entry point."""
    return {f"curriculum.{m.name}" for m in pkgutil.iter_modules(curriculum.__path__) if m.name != "__main__"}


def test_every_module_has_its_place_in_the_layer_order():
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    assert set(layers) == _modules(), "add a new module to the layers in pyproject.toml and docs/ARCHITECTURE.md"


def test_the_layer_order_is_the_one_architecture_md_writes_down():
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    text = (REPO / "docs/ARCHITECTURE.md").read_text(encoding="utf-8")
    block = text.split("## Layers and import order", 1)[1].split("```")[1]
    documented = [
        "curriculum." + m.group(1).removesuffix(".py").rstrip("/").replace("/", ".")
        for m in re.finditer(r"^curriculum/(\S+)", block, re.M)
    ]
    assert documented == layers


def test_only_the_interface_may_import_streamlit():
    forbidden = next(c for c in _contracts() if c["type"] == "forbidden")
    assert forbidden["forbidden_modules"] == ["streamlit"]
    assert set(forbidden["source_modules"]) == _modules() - {"curriculum.ui"}
