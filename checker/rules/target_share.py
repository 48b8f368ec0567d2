"""target-share: a plan states numbers for at least a share of the upper level's numeric targets.

Parameter `min_share` (0.5): below it, the plan has not taken over the upper level's targets, the
core of 衔接, and cannot be 符合 or 基本符合, however each missing one is graded on its own. A number
counts when one was read for the indicator, whatever its strength (stronger, equal, weaker, or read
but not comparable). Fails: a plan whose targets say only 逐步提高/持续下降. Passes: a plan stating
10 of the 14 women's indicators with numbers."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from .base import PlanFacts, Rule


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    total = len(facts.indicators)
    stated = sum(1 for r in facts.indicators if r.actual is not None)
    share = float(rule.params.get("min_share", 0.5))
    if not total or stated >= share * total:
        return
    yield rule.finding(
        {"total": total, "stated": stated, "share": f"{share:.0%}"},
        expected=f"至少{share:.0%}的上级量化指标写出数值",
        actual=f"{stated}/{total}",
        location=Evidence.at(facts.plan.location, facts.plan.title),
    )
