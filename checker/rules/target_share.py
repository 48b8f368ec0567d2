"""Kind `target-share`: one finding when a plan states numbers for fewer than `min_share` of the
upper level's numeric targets. A number counts when one was read for the indicator, whatever its
strength (stronger, equal, weaker, or read but not comparable)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..models import Evidence, Finding
from .base import Parameters, PlanFacts, Rule

KIND = "target-share"
PLACEHOLDERS = frozenset({"total", "stated", "share"})  # upper-level numeric targets; those stated; the bar


class Params(Parameters):
    min_share: float = Field(default=0.5, gt=0, le=1)


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    total = len(facts.indicators)
    stated = sum(1 for r in facts.indicators if r.actual is not None)
    share = rule.params.min_share
    if not total or stated >= share * total:
        return
    yield rule.finding(
        {"total": total, "stated": stated, "share": f"{share:.0%}"},
        expected=f"至少{share:.0%}的上级量化指标写出数值",
        actual=f"{stated}/{total}",
        location=Evidence.at(facts.plan.location, facts.plan.title),
    )
