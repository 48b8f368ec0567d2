"""Rules are data: each YAML file in rules/ names the check kind it extends, its severity, its
Chinese message and its parameters. The kinds are implemented once, one module each, in this package."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import InputError
from ..models import SEVERITY_RANK, Finding
from ..resources import data_dir, read_yaml
from . import lead_unit, lead_unit_level, presence, target_coverage, target_share, target_strength
from .base import Check, PlanFacts, Rule

__all__ = ["PlanFacts", "Rule", "load_rules", "run_rules"]

KINDS: dict[str, Check] = {
    "required-sections": presence.check_sections,
    "domain-coverage": presence.check_domains,
    "target-coverage": target_coverage.check,
    "target-strength": target_strength.check,
    "lead-unit": lead_unit.check,
    "lead-unit-level": lead_unit_level.check,
    "target-share": target_share.check,
}


@cache
def load_rules(folder: Path | None = None) -> tuple[Rule, ...]:
    folder = folder or data_dir("rules")
    rules = []
    known = KINDS
    for path in sorted(folder.glob("*.yaml")):
        try:
            rule = Rule.model_validate(read_yaml(path))
        except (yaml.YAMLError, ValidationError) as e:
            raise InputError(f"规则文件 {path.name} 格式错误：{str(e).splitlines()[0]}") from e
        if rule.extends not in known:
            raise InputError(f"规则文件 {path.name} 引用了未知的检查类型 {rule.extends}（可用：{', '.join(known)}）")
        rules.append(rule)
    return tuple(rules)


def run_rules(facts: PlanFacts, rules: tuple[Rule, ...]) -> list[Finding]:
    findings = [f for rule in rules for f in KINDS[rule.extends](rule, facts)]
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.rule))
