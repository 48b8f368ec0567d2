"""Rules are data: each YAML file in rules/ names the check kind it extends, its severity, its
Chinese message and its parameters. The kinds are implemented once, in checker/checks/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from .classify import Classified
from .errors import InputError
from .models import Finding, IndicatorResult, Plan, Severity, Target
from .resources import data_dir, read_yaml

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Rule(BaseModel):
    id: str
    title: str = ""  # the rule's Chinese name, shown to drafters beside its id
    extends: str
    severity: Severity
    message: str
    suggestion: str | None = None
    description: str = ""
    params: dict[str, Any] = Field(default_factory=dict)

    def finding(
        self,
        values: dict[str, Any],
        *,
        message: str | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule, its message and suggestion filled in with `values`."""
        suggestion = suggestion if suggestion is not None else self.suggestion
        return Finding(
            rule=self.id,
            title=self.title or None,
            severity=severity or self.severity,
            message=(message or self.message).format(**values),
            suggestion=suggestion.format(**values) if suggestion else None,
            **fields,
        )


@dataclass(frozen=True)
class PlanFacts:
    """Everything the checks may look at for one plan."""

    plan: Plan
    classified: Classified
    targets: list[Target]
    indicators: list[IndicatorResult]


Check = Callable[[Rule, PlanFacts], Iterator[Finding]]


def kinds() -> dict[str, Check]:
    from .checks import lead_unit, lead_unit_level, presence, target_coverage, target_strength

    return {
        "required-sections": presence.check_sections,
        "domain-coverage": presence.check_domains,
        "target-coverage": target_coverage.check,
        "target-strength": target_strength.check,
        "lead-unit": lead_unit.check,
        "lead-unit-level": lead_unit_level.check,
    }


@cache
def load_rules(folder: Path | None = None) -> tuple[Rule, ...]:
    folder = folder or data_dir("rules")
    rules = []
    known = kinds()
    for path in sorted(folder.glob("*.yaml")):
        try:
            rule = Rule.model_validate(read_yaml(path))
        except (yaml.YAMLError, ValidationError) as e:
            raise InputError(f"规则文件 {path.name} 格式错误：{str(e).splitlines()[0]}") from e
        if rule.extends not in known:
            raise InputError(f"规则文件 {path.name} 引用了未知的检查类型 {rule.extends}（可用：{', '.join(known)}）")
        rules.append(rule)
    return tuple(rules)


def indicator_values(result: IndicatorResult) -> dict[str, Any]:
    """What rule messages about an upper-level indicator may name; an unsure upper value says so."""
    caveat = "（上级数值存疑，仅供参考）" if result.certainty == "unsure" else ""
    return {
        "name": result.name,
        "expected": result.expected + caveat,
        "actual": result.actual or "未量化",
        "wording": result.wording,
        "source": result.source,
        "note": result.note or "",
    }


def run_rules(facts: PlanFacts, rules: tuple[Rule, ...]) -> list[Finding]:
    known = kinds()
    findings = [f for rule in rules for f in known[rule.extends](rule, facts)]
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.rule))
