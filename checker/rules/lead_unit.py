"""Kind `lead-unit`: a finding for each main target of a domain that names no lead unit (牵头单位);
a bracket naming only 责任单位 gets `suggestion_add` (add 牵头单位 to it, not a second bracket).
Where no main target of the plan names one, a single finding for the whole plan instead, with
`plan_severity`, `plan_message` and `plan_suggestion` (the units may sit in a separate table)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from ..models import Evidence, Finding, Severity, unique_targets
from ..text.patterns import target_body
from .base import Parameters, PlanFacts, Rule, placeholders

KIND = "lead-unit"
PLACEHOLDERS = frozenset({"text", "units"})  # the target's sentence; its 责任单位
_PLAN = ("count",)  # how many main targets the plan has


class Params(Parameters):
    suggestion_add: Annotated[str, placeholders(*PLACEHOLDERS)] | None = None  # None: the rule's suggestion
    plan_message: Annotated[str, placeholders(*_PLAN)]
    plan_suggestion: Annotated[str, placeholders(*_PLAN)] | None = None
    plan_severity: Severity | None = None  # None: the rule's severity


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    p = rule.params
    targets = [t for t in unique_targets(facts.targets) if t.main and t.domain]  # summary tables carry no units
    if targets and not any(t.lead_units for t in targets):
        yield rule.finding(
            {"count": len(targets)},
            message=p.plan_message,
            suggestion=p.plan_suggestion or "",  # never the per-target one: it names {text}
            severity=p.plan_severity,
            expected="每项主要目标注明牵头单位",
            actual="全篇未注明",
            location=Evidence.at(facts.plan.location, facts.plan.title),
        )
        return
    for t in targets:
        if t.lead_units:
            continue
        yield rule.finding(
            {"text": target_body(t.text).rstrip("。"), "units": "、".join(t.responsible_units)},
            suggestion=p.suggestion_add if t.responsible_units else None,
            domain=t.domain,
            expected="注明牵头单位",
            actual="未注明",
            location=Evidence.at(t.location, t.text, t.heading_path),
        )
