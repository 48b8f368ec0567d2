"""Lead units from a breakdown table: many plans name their targets' 牵头单位 not beside each target
but in a table of the targets with their units (附件：目标任务分解表, 主要目标任务分工表: 序号 | 主要目标 |
牵头单位 | 配合单位). A row of such a table (a table row outside the domains that names a lead unit)
is matched to the domains' main targets by its text, and a target that names no lead unit of its
own takes the row's, with the row as `units_from`. A row that matches no target is left alone: it
may restate a general goal or a target the text words quite differently."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..models import Evidence, Location, Target
from ..text.patterns import target_body

_SURE = 90  # one text (nearly) inside the other
_LIKELY = 75  # a resemblance, taken only when row and target are each other's best
_MIN_CHARS = 6  # a text this short matches too much to be sure of
_NOISE = re.compile(r"[\s，。；、：,.;:（）()“”]")


def with_breakdown_units(targets: list[Target]) -> list[Target]:
    """The targets, those without a lead unit given the lead units of the breakdown row that states them."""
    rows = [t for t in targets if t.domain is None and t.location.cell is not None and t.lead_units]
    domain = [t for t in targets if t.main and t.domain]
    if not rows or all(t.lead_units for t in domain):
        return targets
    keys, own = [_key(r) for r in rows], [_key(t) for t in domain]
    # every domain target scores against every row, those with lead units too: a row is theirs
    # when it states them best
    scores = [
        [fuzz.partial_ratio(text, key) if _agree(t, row) else 0.0 for key, row in zip(keys, rows, strict=True)]
        for text, t in zip(own, domain, strict=True)
    ]
    units: dict[int, Target] = {}
    for a, target in enumerate(domain):
        b = max(range(len(rows)), key=scores[a].__getitem__)
        score = scores[a][b]
        sure = score >= _SURE and min(len(own[a]), len(keys[b])) >= _MIN_CHARS
        column = [s[b] for s in scores]
        mutual = score >= _LIKELY and scores[a].count(score) == 1 and column.count(score) == 1 and max(column) == score
        if not target.lead_units and (sure or mutual):
            units[id(target)] = rows[b]
    return [_given(t, units[id(t)]) if id(t) in units else t for t in targets]


def _given(target: Target, row: Target) -> Target:
    return target.model_copy(
        update={
            "lead_units": row.lead_units,
            "responsible_units": target.responsible_units or row.responsible_units,
            "units_from": Evidence.at(row.location, row.text, row.heading_path),
        }
    )


def _key(target: Target) -> str:
    return _NOISE.sub("", target_body(target.text))


def _agree(target: Target, row: Target) -> bool:
    """A row and a target that both set figures set at least one alike (the same indicator, the same value)."""
    if not target.quantities or not row.quantities:
        return True
    return any(abs(q.value - r.value) < 1e-9 and q.unit == r.unit for q in target.quantities for r in row.quantities)


def with_indicator_units(targets: list[Target]) -> list[Target]:
    """After match: a domain's target still without a lead unit takes that of a breakdown row about the same
    indicator. A sentence naming several indicators (新生儿、婴儿、5岁以下儿童死亡率分别控制在…) resembles none
    of the table's rows, one for each, by its text; by what it speaks of it is theirs. All of a target's
    copies (one per indicator) take the units of the first of its indicators that a row states."""
    rows: dict[str, Target] = {}
    for t in targets:
        if t.domain is None and t.location.cell is not None and t.lead_units and t.indicator:
            rows.setdefault(t.indicator, t)
    lent: dict[tuple[Location, str], Target] = {}  # by target, as unique_targets tells them
    for t in targets:
        if t.main and t.domain and not t.lead_units and t.indicator in rows:
            lent.setdefault((t.location, t.text), rows[t.indicator])
    if not lent:
        return targets
    return [_given(t, row) if not t.lead_units and (row := lent.get((t.location, t.text))) else t for t in targets]
