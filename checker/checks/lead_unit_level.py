"""lead-unit-level: lead units belong to the plan's own administrative level.

Parameter `own`: for each plan level, the prefixes its units carry (区 → 区); `levels`: all
prefixes that mark a level. Fails: 市卫生健康委 as lead unit in a 区 plan.
Passes: 区卫生健康局, 团区委, 区妇联 in a 区 plan; units without a level prefix."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from ..rules import PlanFacts, Rule


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    own = rule.params["own"].get(facts.plan.level or "", [])
    if not own:
        return
    others = [p for p in rule.params["levels"] if p not in own]
    reported: set[tuple] = set()
    for t in facts.targets:
        for unit in t.lead_units:
            name = unit.removeprefix("共青团").removeprefix("团")
            wrong = next((p for p in others if name.startswith(p)), None)
            if wrong is None or (t.location, unit) in reported:
                continue
            reported.add((t.location, unit))
            values = {"unit": unit, "level": facts.plan.level, "own": own[0]}
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=rule.message.format(**values),
                domain=t.domain,
                expected=f"{own[0]}级单位",
                actual=unit,
                suggestion=(rule.suggestion or "").format(**values) or None,
                location=Evidence(**t.location.model_dump(), excerpt=t.text, heading=" > ".join(t.heading_path)),
            )
