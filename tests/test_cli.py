"""The command-line contract: validate and list, exit codes, --workspace and the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, write


def run(*args, env=None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "curriculum", *args], cwd=REPO, capture_output=True, text=True, env=full_env
    )


def test_validate_clean_workspace_exits_0(small):
    result = run("validate", "--workspace", str(small))
    assert result.returncode == 0, result.stderr
    assert "1 module, 1 context, 1 curriculum loaded; 0 errors, 0 warnings" in result.stdout


def test_validate_reports_each_problem_on_one_line_and_exits_1(small):
    write(small, "modules/broken.yaml", "id: broken\n  bad: [\n")
    result = run("validate", "--workspace", str(small))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: modules/broken.yaml:2: malformed YAML")
    assert "Traceback" not in result.stderr


def test_warnings_keep_exit_0_unless_strict(small):
    text = (
        (small / "modules/sharing.yaml")
        .read_text(encoding="utf-8")
        .replace("title: {fr: Les bases, en: The basics}", "title: {en: The basics}")
    )
    write(small, "modules/sharing.yaml", text)
    assert run("validate", "--workspace", str(small)).returncode == 0
    strict = run("validate", "--strict", "--workspace", str(small))
    assert strict.returncode == 1 and "translation gap" in strict.stderr


def test_list_json_has_id_and_title(small):
    result = run("list", "modules", "--json", "--workspace", str(small))
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == "sharing" and rows[0]["title"] == "Sharing information"


def test_workspace_from_environment(small):
    result = run("list", "curricula", "--json", env={"CURRICULUM_WORKSPACE": str(small)})
    assert [row["id"] for row in json.loads(result.stdout)] == ["short"]


def test_list_keeps_working_with_a_broken_file(small):
    write(small, "contexts/bad.yaml", "id: [unclosed\n")
    result = run("list", "modules", "--json", "--workspace", str(small))
    assert result.returncode == 0 and json.loads(result.stdout)[0]["id"] == "sharing"
    assert "contexts/bad.yaml:" in result.stderr


def test_bad_usage_exits_2():
    assert run("list", "things").returncode == 2
    assert run().returncode == 2


def test_missing_workspace_is_a_user_error(tmp_path):
    result = run("validate", "--workspace", str(tmp_path / "nope"))
    assert result.returncode == 1 and "workspace folder not found" in result.stderr
