"""target-coverage: every upper-level indicator has a counterpart among the plan's targets.

Parameter `statuses`: which indicator statuses to report (missing; or uncertain, for matches a
person should confirm). Fails: a children's plan with no 婴儿死亡率 target.
Passes: "新生儿、婴儿和5岁以下儿童死亡率分别降至…" covers all three mortality indicators."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from ..rules import PlanFacts, Rule


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    statuses = set(rule.params.get("statuses", ["missing"]))
    domain_found = {d.id: d for d in facts.classified.domains}
    for result in facts.indicators:
        if result.status not in statuses:
            continue
        domain = domain_found[result.domain]
        if result.status == "missing" and not domain.found:
            continue  # the whole domain is missing: missing-domain says it once
        values = {
            "name": result.name,
            "expected": result.expected,
            "wording": result.wording,
            "source": result.source,
            "note": result.note or "",
        }
        where = result.location or (
            Evidence(**domain.location.model_dump(), excerpt=domain.heading) if domain.location else None
        )
        yield Finding(
            rule=rule.id,
            severity=rule.severity,
            message=rule.message.format(**values),
            domain=result.domain,
            indicator=result.indicator,
            expected=result.expected,
            actual=result.actual,
            wording=result.wording,
            source=result.source,
            suggestion=(rule.suggestion or "").format(**values) or None,
            location=where,
        )
