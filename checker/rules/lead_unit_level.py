"""Kind `lead-unit-level`: a finding for each lead unit whose name carries the prefix of another
administrative level than the plan's own (a 市 unit leading a target of a 区 plan). Plans whose
level is unknown, and units without a level, are not judged; a unit named with its place (遂宁市水利局)
has the level after the place. 团/共青团 before the prefix is ignored (团区委 is a 区 unit)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Evidence, Finding
from .base import Parameters, PlanFacts, Rule

KIND = "lead-unit-level"
PLACEHOLDERS = frozenset({"unit", "level", "own"})  # the unit; the plan's level; its units' first prefix
# A unit named with its place (遂宁市水利局, 蓬溪县赤城镇卫生院): a place's name, two characters or more, and
# its level. Not 区, which also ends the names of zones (园区, 高新区) that are no level.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(省|市|县|镇|乡|街道)")


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
            if not name.startswith(tuple(rule.params.levels)) and (level := _placed(name, rule.params.words)):
                wrong = level in others
            # where the unit is written: a target's own bracket, or the breakdown row it took its units from
            # (then said once, there, not again for the row itself)
            at = t.units_from or Evidence.at(t.location, t.text, t.heading_path)
            key = (at.line, at.paragraph, at.table, at.row, at.page, unit)
            if not wrong or key in reported:
                continue
            reported.add(key)
            yield rule.finding(
                {"unit": unit, "level": facts.plan.level, "own": own[0]},
                domain=t.domain,
                expected=f"{own[0]}级单位",
                actual=unit,
                location=at,
            )


def _placed(name: str, words: tuple[str, ...]) -> str | None:
    """The level of the last place a unit's name starts with (遂宁市蓬溪县卫生健康局 → 县); a place is not a word
    ending in a level character (住房和城乡建设局, 智慧城市)."""
    level, at = None, 0
    while (m := _PLACE.match(name, at)) and m[0][-2:] not in words:
        level, at = m[1], m.end()
    return level
