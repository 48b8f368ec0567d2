"""domain-coverage: every development domain of the plan's kind has a heading of its own.

Fails: a women's plan without 妇女与环境 (or a reworded heading about 环境).
Passes: "（一）提供优质高效的卫生健康服务，提高妇女健康水平" counts as 妇女与健康."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from ..rules import PlanFacts, Rule


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    for domain in facts.classified.domains:
        if domain.found:
            continue
        values = {"name": domain.name, "title": facts.plan.title}
        yield Finding(
            rule=rule.id,
            severity=rule.severity,
            message=rule.message.format(**values),
            domain=domain.id,
            expected=domain.name,
            actual="未找到",
            suggestion=(rule.suggestion or "").format(**values) or None,
            location=Evidence(**facts.plan.location.model_dump(), excerpt=facts.plan.title),
        )
