"""required-sections: every required part (指导思想, 基本原则, 总体目标, 组织实施, 监测评估) is present.

Fails: a plan with no heading naming 监测评估 (or an alias such as 统计监测与评估).
Passes: "四、监测评估", "（三）加强监测评估工作" as a heading of its own."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from ..rules import PlanFacts, Rule


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    for section in facts.classified.sections:
        if section.found:
            continue
        values = {"name": section.name, "title": facts.plan.title}
        yield Finding(
            rule=rule.id,
            severity=rule.severity,
            message=rule.message.format(**values),
            section=section.id,
            expected=section.name,
            actual="未找到",
            suggestion=(rule.suggestion or "").format(**values) or None,
            location=Evidence(**facts.plan.location.model_dump(), excerpt=facts.plan.title),
        )
