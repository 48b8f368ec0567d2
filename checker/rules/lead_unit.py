"""lead-unit: every main target names a lead unit (牵头单位).

Where a plan names no lead unit anywhere, it is reported once for the whole plan with
`plan_severity` (the units may sit in a separate breakdown table), not once per target.
Fails: "（2）孕产妇死亡率控制在8.2/10万以下。" in a plan whose other targets carry (牵头单位：…).
Passes: "（2）孕产妇死亡率控制在8.2/10万以下。（牵头单位：区卫生健康局）"."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding, Target
from ..text.patterns import target_body
from .base import PlanFacts, Rule


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    targets = _unique_main(facts.targets)
    if targets and not any(t.lead_units for t in targets):
        yield rule.finding(
            {"count": len(targets)},
            message=rule.params["plan_message"],
            suggestion=rule.params.get("plan_suggestion"),
            severity=rule.params.get("plan_severity"),
            expected="每项主要目标注明牵头单位",
            actual="全篇未注明",
            location=Evidence.at(facts.plan.location, facts.plan.title),
        )
        return
    for t in targets:
        if t.lead_units:
            continue
        # A bracket naming only 责任单位 gets 牵头单位 added to it, not a second bracket.
        suggestion = rule.params.get("suggestion_add") if t.responsible_units else None
        yield rule.finding(
            {"text": target_body(t.text).rstrip("。"), "units": "、".join(t.responsible_units)},
            suggestion=suggestion,
            domain=t.domain,
            expected="注明牵头单位",
            actual="未注明",
            location=Evidence.at(t.location, t.text, t.heading_path),
        )


def _unique_main(targets: list[Target]) -> list[Target]:
    """Main targets once each (a target naming several indicators appears once per indicator)."""
    seen: set[tuple] = set()
    out = []
    for t in targets:
        key = (t.location, t.text)
        if t.main and t.domain and key not in seen:  # summary tables outside the domains carry no units
            seen.add(key)
            out.append(t)
    return out
