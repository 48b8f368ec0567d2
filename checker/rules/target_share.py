"""Kind `target-share`: one finding when a plan states numbers for fewer than `min_share` of the
upper level's numeric targets. A number counts when one was read for the indicator, whatever its
strength (stronger, equal, weaker, or read but not comparable). When the indicators the plan names beside
digits no number was read from would reach the share, the finding is only a doubt (待人工确认)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from ..models import Evidence, Finding, stated
from .base import Parameters, PlanFacts, Rule

KIND = "target-share"
PLACEHOLDERS = frozenset({"total", "stated", "share"})  # upper-level numeric targets; those stated; the bar


class Params(Parameters):
    min_share: float = Field(default=0.5, gt=0, le=1)


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    total = len(facts.indicators)
    numbers = stated(facts.indicators)
    share = rule.params.min_share
    if not total or numbers >= share * total:
        return
    # indicators the plan names beside digits no number was read from (a table read badly, a unit lost): had
    # they been read, the share might be reached
    unread = sum(
        1
        for r in facts.indicators
        if r.status == "uncertain" and r.actual is None and re.search(r"\d", (r.target or "").replace(r.name, ""))
    )
    doubt = f"另有{unread}项上级指标在规划中提到，但未能读出数值" if numbers + unread >= share * total else None
    yield rule.finding(
        {"total": total, "stated": numbers, "share": f"{share:.0%}"},
        expected=f"至少{share:.0%}的上级量化指标写出数值",
        actual=f"{numbers}/{total}",
        location=Evidence.at(facts.plan.location, facts.plan.title),
        uncertain_reason=doubt,  # the verdict weighs it as it weighs a doubtful reading
    )
