"""Kind `lead-unit-level`: a finding for each lead unit whose name carries the prefix of another
administrative level than the plan's own (a 市 unit leading a target of a 区 plan). Plans whose
level is unknown, and units without a level prefix, are not judged. 团/共青团 before the prefix is
ignored (团区委 is a 区 unit)."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Finding
from .base import Parameters, PlanFacts, Rule

KIND = "lead-unit-level"
PLACEHOLDERS = frozenset({"unit", "level", "own"})  # the unit; the plan's level; its units' first prefix


class Params(Parameters):
    own: dict[str, list[str]]  # plan level → the prefixes its units carry (乡镇 → 镇, 乡)
    levels: list[str]  # every prefix that marks a level
    words: tuple[str, ...] = ()  # names that merely begin with a level character (市场监管局, 乡村振兴局)


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    own = rule.params.own.get(facts.plan.level or "", [])
    if not own:
        return
    others = [p for p in rule.params.levels if p not in own]
    reported: set[tuple] = set()
    for t in facts.targets:
        for unit in t.lead_units:
            name = unit.removeprefix("共青团").removeprefix("团")
            wrong = not name.startswith(rule.params.words) and any(name.startswith(p) for p in others)
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
