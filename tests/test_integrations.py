"""The pre-commit hook and the GitHub Actions example of the README, tried for real (no network)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def _check_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose `check` is this tree's command, as `pip install` would put it on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "check"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m checker "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }


def test_pre_commit_hook_blocks_a_weaker_plan_and_passes_a_good_one(tmp_path: Path) -> None:
    env = _check_on_path(tmp_path)
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    # The definition as shipped, run as a local hook: `language: system` uses the `check` already on PATH
    # instead of building an environment from the network.
    local = {**hook, "language": "system"}
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, allow_unicode=True), encoding="utf-8"
    )

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300)

    git("init", "-q")
    pre_commit = [sys.executable, "-m", "pre_commit", "install"]
    subprocess.run(pre_commit, cwd=repo, env=env, check=True, capture_output=True, timeout=120)
    shutil.copy(FIXTURES / "wuqing.txt", repo / "规划.txt")
    (repo / "~$规划.docx").write_bytes(b"\x00lock")  # excluded by the hook, as by the folder walk
    git("add", "-A")
    good = git("commit", "-qm", "first draft")
    assert good.returncode == 0, good.stdout + good.stderr
    weaker = (FIXTURES / "ruzhou.txt").read_text(encoding="utf-8").replace("下降到 12 / 10 万", "下降到 15 / 10 万")
    (repo / "规划.txt").write_text(weaker, encoding="utf-8")
    git("add", "-A")
    bad = git("commit", "-qm", "weaker draft")
    assert bad.returncode != 0
    assert re.search(r"规划\.txt:\d+:\d+: error \[weaker-target\]", bad.stdout + bad.stderr)


def _workflow() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/.*?)```", readme, re.S)
    assert block, "README shows a GitHub Actions workflow"
    return yaml.safe_load(block[1])


def test_the_readme_workflow_runs_its_check_step(tmp_path: Path) -> None:
    workflow = _workflow()
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    assert any(s.get("uses", "").startswith("actions/checkout") for s in steps)
    assert any("pip install" in s.get("run", "") for s in steps)
    (step,) = [s for s in steps if re.search(r"(^|\s)check\s", s.get("run", ""))]
    work = tmp_path / "work"
    (work / "plans" / "某县").mkdir(parents=True)
    weaker = (FIXTURES / "ruzhou.txt").read_text(encoding="utf-8").replace("下降到 12 / 10 万", "下降到 15 / 10 万")
    (work / "plans" / "某县" / "规划.txt").write_text(weaker, encoding="utf-8")
    shutil.copy(FIXTURES / "wuqing.docx", work / "plans" / "武清区.docx")
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=work,
        env=_check_on_path(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr  # the weaker target fails the job
    assert re.search(r"^::error file=plans/某县/规划\.txt,line=\d+", result.stdout, re.M)
    assert (work / "reviews" / "index.html").is_file() and (work / "reviews" / "report.sarif").is_file()
