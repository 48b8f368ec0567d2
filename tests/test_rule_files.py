"""Rule files as data: each is validated against its check kind when rules load, a broken one is one
line naming the file and the field (exit 2 from the CLI); each documents itself, and the README's
rule table agrees with them."""

from __future__ import annotations

import importlib.util
import pkgutil
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import checker.rules
from checker.errors import InputError
from checker.rules import KINDS, load_rules
from checker.rules.base import Parameters

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


def _drop_line(pattern: str) -> Callable[[str], str]:
    return lambda text: re.sub(rf"^\s*{pattern}.*\n", "", text, count=1, flags=re.M)


def _swap(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return change


# (file broken, how, what the one error line must name: the field and the reason)
BROKEN = {
    "invalid YAML": ("missing-section.yaml", _swap("severity: error", "severity: [error"), ("第4行", "YAML")),
    "not a mapping": ("missing-section.yaml", lambda _: "- missing-section\n", ("映射",)),
    "unknown kind": (
        "missing-domain.yaml",
        _swap("extends: domain-coverage", "extends: domains"),
        ("字段 extends", "'domains'", "domain-coverage"),
    ),
    "missing parameter": (
        "missing-lead-unit.yaml",
        _drop_line("plan_message:"),
        ("字段 params.plan_message", "缺少"),
    ),
    "misspelt parameter": (
        "missing-lead-unit.yaml",
        _swap("plan_severity:", "plan_severty:"),
        ("字段 params.plan_severty", "不认识"),
    ),
    "parameter of the wrong type": (
        "missing-target.yaml",
        _swap("statuses: [missing]", "statuses: missing"),
        ("字段 params.statuses", "'missing'"),
    ),
    "parameter value not allowed": (
        "missing-target.yaml",
        _swap("statuses: [missing]", "statuses: [weaker]"),
        ("字段 params.statuses.0", "'weaker'"),
    ),
    "unknown placeholder in message": (
        "missing-target.yaml",
        _swap("（{expected}）", "（{expect}）"),
        ("字段 message", "{expect}", "{expected}"),
    ),
    "unknown placeholder in suggestion": (
        "lead-unit-level.yaml",
        _swap("“{own}”", "“{owner}”"),
        ("字段 suggestion", "{owner}"),
    ),
    "unknown placeholder in a message parameter": (
        "missing-lead-unit.yaml",
        _swap("全篇{count}项", "全篇{text}项"),
        ("字段 params.plan_message", "{text}", "{count}"),
    ),
    "unbalanced braces": ("weaker-target.yaml", _swap("{wording}", "{wording"), ("字段 suggestion", "花括号")),
    "bad severity": (
        "missing-section.yaml",
        _swap("severity: error", "severity: notice"),
        ("字段 severity", "'notice'"),
    ),
    "bad severity in a parameter": (
        "weaker-target.yaml",
        _swap("stage_severity: warning", "stage_severity: notice"),
        ("字段 params.stage_severity", "'notice'"),
    ),
    "missing field": ("missing-domain.yaml", _drop_line("title:"), ("字段 title", "缺少")),
    "misspelt field": ("missing-domain.yaml", _swap("suggestion:", "sugestion:"), ("字段 sugestion", "不认识")),
    "id not kebab-case": ("missing-domain.yaml", _swap("id: missing-domain", "id: Missing Domain"), ("字段 id",)),
    "duplicate id": (
        "missing-target.yaml",
        _swap("id: missing-target", "id: missing-domain"),
        ("missing-target.yaml 字段 id", "missing-domain.yaml"),
    ),
}


def broken_rules(tmp_path: Path, name: str, change: Callable[[str], str]) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    path = folder / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_rule_file_is_one_line_naming_file_and_field(tmp_path: Path, case: str) -> None:
    name, change, named = BROKEN[case]
    with pytest.raises(InputError) as error:
        load_rules(broken_rules(tmp_path, name, change))
    line = str(error.value)
    assert "\n" not in line and line.startswith(f"规则文件 {tmp_path / 'rules' / name}")
    for part in named:
        assert part in line, line


def test_the_command_stops_on_a_broken_rule_file(tmp_path: Path) -> None:
    """The issue's case: plan_message removed from missing-lead-unit.yaml was a traceback and exit 1."""
    folder = broken_rules(tmp_path, "missing-lead-unit.yaml", _drop_line("plan_message:"))
    plan = ROOT / "tests" / "fixtures" / "wuqing.txt"
    result = subprocess.run(
        [sys.executable, "-m", "checker", str(plan), "--rules", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "missing-lead-unit.yaml" in result.stderr and "params.plan_message" in result.stderr


def test_an_empty_rules_folder_is_refused(tmp_path: Path) -> None:
    """No rules would pass every plan: never 符合 without having checked."""
    with pytest.raises(InputError, match="没有规则文件"):
        load_rules(tmp_path)


def test_parameters_are_typed_at_load_time() -> None:
    rules = {r.id: r for r in load_rules()}
    for rule in rules.values():
        assert isinstance(rule.params, KINDS[rule.extends].Params), rule.id
    assert rules["missing-target"].params.statuses == ["missing"]
    assert rules["lead-unit-level"].params.words[:2] == ("市场", "乡村")


def test_the_registry_holds_every_kind_module() -> None:
    """A kind module not in the registry would never run; each declares its id, parameters and placeholders."""
    modules = {m.name for m in pkgutil.iter_modules(checker.rules.__path__)} - {"base"}
    assert {KINDS[k].__name__.rsplit(".", 1)[1] for k in KINDS} == modules
    for kind_id, kind in KINDS.items():
        assert issubclass(kind.Params, Parameters) and kind.PLACEHOLDERS
        assert kind.__doc__ and f"`{kind_id}`" in kind.__doc__


def test_every_rule_documents_itself() -> None:
    for rule in load_rules():
        for field in ("title", "description", "why", "example_fail", "example_pass"):
            assert getattr(rule, field).strip(), f"{rule.id}: no {field}"


def test_the_readme_rule_table_matches_the_rule_files() -> None:
    spec = importlib.util.spec_from_file_location("rules_table", ROOT / "scripts" / "rules_table.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.with_table(readme, load_rules()) == readme, "run: python scripts/rules_table.py"
