"""required-sections and domain-coverage: the parts every plan must have are there.

required-sections fails on a plan with no heading naming 监测评估 (or an alias such as
统计监测与评估) and passes on "四、监测评估". domain-coverage fails on a women's plan without
妇女与环境 and passes on a reworded heading: "（一）提供优质高效的卫生健康服务，提高妇女健康水平"
counts as 妇女与健康."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import DomainResult, Evidence, Finding, SectionResult
from .base import PlanFacts, Rule


def check_sections(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    yield from _absent(rule, facts, facts.classified.sections)


def check_domains(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    yield from _absent(rule, facts, facts.classified.domains)


def _absent(rule: Rule, facts: PlanFacts, parts: list[SectionResult] | list[DomainResult]) -> Iterator[Finding]:
    for part in parts:
        if part.found:
            continue
        key = "domain" if isinstance(part, DomainResult) else "section"
        yield rule.finding(
            {"name": part.name, "title": facts.plan.title},
            expected=part.name,
            actual="未找到",
            location=Evidence.at(facts.plan.location, facts.plan.title),
            **{key: part.id},
        )
