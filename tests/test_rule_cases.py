"""Each rule's cases (as sqlfluff's std_rule_cases): tests/rules/<rule-id>.yaml lists small county
plans, each given as what it changes in a base plan (tests/rules/_plans.yaml), checked through the
real pipeline from a .txt file; the findings a case lists under `fires` must appear, those under
`silent` must not. A finding is named by the Finding fields it must have (`rule` defaults to the
file's rule; `silent: [{}]` means no finding of the rule at all)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.models import Finding, PlanReport
from checker.pipeline import check_file
from checker.reference import load_reference
from checker.rules import load_rules

CASES = Path(__file__).parent / "rules"
BASE = yaml.safe_load((CASES / "_plans.yaml").read_text(encoding="utf-8"))
CN = "一二三四五六七八九十"


def merged(base: Any, change: Any) -> Any:
    """`change` laid over `base`: mappings merge key by key, None removes a key, anything else replaces."""
    if not (isinstance(base, dict) and isinstance(change, dict)):
        return change
    out = dict(base)
    for key, value in change.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merged(base.get(key), value)
    return out


def render(plan: dict[str, Any]) -> str:
    """A plan as the text a county office would write: title, 一、… parts, （一）… domains, （1）… items."""
    lines = [plan["title"]]
    for i, (part_id, part) in enumerate(plan["parts"].items()):
        lines.append(f"{CN[i]}、{part['heading']}")
        if part_id != "domains":
            lines += [part["body"]] if isinstance(part.get("body"), str) else part.get("body", [])
            continue
        for j, domain in enumerate(plan["domains"].values()):
            lines += [f"（{CN[j]}）{domain['heading']}", "1. 主要目标"]
            targets = domain.get("targets", [])
            if plan.get("without_units"):  # no target names its units
                targets = [re.sub(r"（牵头单位：[^）]*）", "", t) for t in targets]
            lines += [f"（{n}）{t}" for n, t in enumerate(targets, start=1)]
            lines += ["2. 策略措施"] + [f"（{n}）{m}" for n, m in enumerate(domain.get("measures", []), start=1)]
    return "\n".join([*lines, *plan.get("after", [])]) + "\n"


def checked(tmp_path: Path, kind: str, change: dict[str, Any]) -> PlanReport:
    path = tmp_path / "plan.txt"
    path.write_text(render(merged(BASE[kind], change)), encoding="utf-8")
    (plan,) = check_file(path, load_reference(), load_rules()).plans
    assert plan.kind == kind
    return plan


def _case_files() -> list[Path]:
    return sorted(p for p in CASES.glob("*.yaml") if not p.name.startswith("_"))


def _cases() -> list[Any]:
    return [
        pytest.param(path.stem, case, id=f"{path.stem}-{n}")
        for path in _case_files()
        for n, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"], start=1)
    ]


def _matches(finding: Finding, wanted: dict[str, Any]) -> bool:
    return all(getattr(finding, key) == value for key, value in wanted.items())


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(tmp_path: Path, rule: str, case: dict[str, Any]) -> None:
    assert set(case) <= {"name", "kind", "plan", "fires", "silent"}, f"unknown keys in {rule} case {case['name']}"
    plan = checked(tmp_path, case.get("kind", "women"), case.get("plan") or {})
    what = f"{rule} case “{case['name']}”"
    shown = [(f.rule, f.severity, f.domain or f.section or f.indicator, f.actual) for f in plan.findings]
    for key, must_appear in (("fires", True), ("silent", False)):
        for wanted in case.get(key, []):
            wanted = {"rule": rule, **wanted}
            assert set(wanted) <= set(Finding.model_fields), (
                f"not a Finding field: {set(wanted) - set(Finding.model_fields)}"
            )
            found = any(_matches(f, wanted) for f in plan.findings)
            assert found is must_appear, f"{what}: {'missing' if must_appear else 'unexpected'} {wanted}; got {shown}"


@pytest.mark.parametrize("kind", ["women", "children"])
def test_the_base_plans_are_clean(tmp_path: Path, kind: str) -> None:
    """The cases' findings come from what they change, not from the base."""
    plan = checked(tmp_path, kind, {})
    assert [(f.rule, f.message) for f in plan.findings] == []
    assert all(d.found for d in plan.domains) and all(s.found for s in plan.sections)


def test_every_rule_has_cases_that_fire_and_cases_that_stay_silent() -> None:
    assert {p.stem for p in _case_files()} == {r.id for r in load_rules()}
    for path in _case_files():
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(c.get("fires") for c in cases), f"{path.name}: no case where the rule fires"
        assert any(c.get("silent") for c in cases), f"{path.name}: no case where the rule stays silent"
