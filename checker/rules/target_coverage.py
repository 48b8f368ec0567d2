"""target-coverage: every upper-level indicator has a counterpart among the plan's targets.

Parameter `statuses`: which indicator statuses to report (missing; or uncertain, for matches a
person should confirm). Fails: a children's plan with no 婴儿死亡率 target.
Passes: "新生儿、婴儿和5岁以下儿童死亡率分别降至…" covers all three mortality indicators."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from .base import PlanFacts, Rule, indicator_values


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    statuses = set(rule.params.get("statuses", ["missing"]))
    domains = {d.id: d for d in facts.classified.domains}
    for result in facts.indicators:
        domain = domains[result.domain]
        if result.status not in statuses or (result.status == "missing" and not domain.found):
            continue  # a whole missing domain is reported once, by missing-domain
        # Nothing in the plan to quote for a missing target: point at its domain's heading.
        where = result.location or (
            Evidence.at(domain.location, None, [domain.heading or ""]) if domain.location else None
        )
        yield rule.finding(
            indicator_values(result),
            domain=result.domain,
            indicator=result.indicator,
            expected=result.expected,
            actual=result.actual,
            wording=result.wording,
            source=result.source,
            location=where,
        )
