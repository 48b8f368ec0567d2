"""lead-unit-level: lead units belong to the plan's own administrative level.

Parameter `own`: for each plan level, the prefixes its units carry (区 → 区); `levels`: all
prefixes that mark a level. Fails: 市卫生健康委 as lead unit in a 区 plan.
Passes: 区卫生健康局, 团区委, 区妇联 in a 区 plan; units without a level prefix."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from .base import PlanFacts, Rule


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    own = rule.params["own"].get(facts.plan.level or "", [])
    if not own:
        return
    others = [p for p in rule.params["levels"] if p not in own]
    words = tuple(rule.params.get("words", []))  # 市场监管局, 乡村振兴局: no level in them
    reported: set[tuple] = set()
    for t in facts.targets:
        for unit in t.lead_units:
            name = unit.removeprefix("共青团").removeprefix("团")
            wrong = not name.startswith(words) and any(name.startswith(p) for p in others)
            if not wrong or (t.location, unit) in reported:
                continue
            reported.add((t.location, unit))
            yield rule.finding(
                {"unit": unit, "level": facts.plan.level, "own": own[0]},
                domain=t.domain,
                expected=f"{own[0]}级单位",
                actual=unit,
                location=Evidence.at(t.location, t.text, t.heading_path),
            )
