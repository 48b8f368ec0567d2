"""lead-unit: every main target names a lead unit (牵头单位), judged by the plan's own practice.

A plan that names lead units for fewer than half of its main targets (none at all: the units may sit
in a separate breakdown table) gets ONE finding listing the targets without one; a plan that names
them for most gets one finding per target left out. A target's severity is its own: the rule's
severity where its bracket names 责任单位 but no 牵头单位 (a slip in the bracket), `plan_severity`
where it names no unit at all. So adding a lead unit never raises the severity of what is left.
Fails: "（2）孕产妇死亡率控制在8.2/10万以下。（责任单位：区妇联）".
Passes: "（2）孕产妇死亡率控制在8.2/10万以下。（牵头单位：区卫生健康局）"."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import SEVERITY_RANK, Evidence, Finding, Severity, Target
from ..text.patterns import target_body
from .base import PlanFacts, Rule

_LISTED = 10  # targets named in the one finding; the rest are counted


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    targets = _unique_main(facts.targets)
    left = [t for t in targets if not t.lead_units]
    if not left:
        return
    if 2 * (len(targets) - len(left)) < len(targets):  # the plan's practice: lead units not in the text
        severity = max((_severity(rule, t) for t in left), key=SEVERITY_RANK.__getitem__)
        names = "；".join(_body(t)[:30] for t in left[:_LISTED]) + (f"等{len(left)}项" if len(left) > _LISTED else "")
        everywhere = len(left) == len(targets)
        yield rule.finding(
            {"count": len(targets), "missing": len(left), "targets": names},
            message=rule.params["plan_message" if everywhere else "some_message"],
            suggestion=rule.params.get("plan_suggestion"),
            severity=severity,
            expected="每项主要目标注明牵头单位",
            actual="全篇未注明" if everywhere else f"{len(left)}/{len(targets)}项未注明",
            location=Evidence.at(facts.plan.location, facts.plan.title),
        )
        return
    for t in left:
        # A bracket naming only 责任单位 gets 牵头单位 added to it, not a second bracket.
        suggestion = rule.params.get("suggestion_add") if t.responsible_units else None
        yield rule.finding(
            {"text": _body(t), "units": "、".join(t.responsible_units)},
            suggestion=suggestion,
            severity=_severity(rule, t),
            domain=t.domain,
            expected="注明牵头单位",
            actual="未注明",
            location=Evidence.at(t.location, t.text, t.heading_path),
        )


def _severity(rule: Rule, target: Target) -> Severity:
    return rule.severity if target.responsible_units else rule.params.get("plan_severity", rule.severity)


def _body(target: Target) -> str:
    return target_body(target.text).rstrip("。")


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
