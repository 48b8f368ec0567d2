"""check NEW --compare OLD: what moved between two versions of the same plan.

Targets are paired by upper-level indicator (a plan's own targets, with no indicator, by their text with
the numbers masked) and judged in the indicator's direction: for a ≤ indicator a larger number is weaker,
for a ≥ one a smaller. A number replaced by words only (逐步提高) is weakened; the reverse strengthened.
Findings are paired by their meaning keys (checker/baseline.py): new ones, and fixed ones.
"""

from __future__ import annotations

import re

from .baseline import normalized
from .compare import fmt_quantity
from .models import (
    DocumentReport,
    FindingChange,
    IndicatorResult,
    PlanReport,
    Quantity,
    Revision,
    TargetChange,
)

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_HIGHER_IS_STRONGER = {">=": True, ">": True, "<=": False, "<": False}


def revision(old: DocumentReport, new: DocumentReport) -> Revision:
    targets: list[TargetChange] = []
    findings: list[FindingChange] = []
    old_plans = {p.kind: p for p in old.plans}
    for plan in new.plans:
        before = old_plans.get(plan.kind)
        if before is None:
            continue
        targets += _indicator_changes(before, plan) + _own_target_changes(before, plan)
        findings += _finding_changes(before, plan)
    return Revision(old_path=old.path, targets=targets, findings=findings)


def _quantity(plan: PlanReport, result: IndicatorResult) -> Quantity | None:
    """The number the comparison used for this indicator (the one its `actual` shows)."""
    for t in plan.targets:
        if t.indicator == result.indicator and t.text == result.target:
            for q in t.quantities:
                if fmt_quantity(q) == result.actual:
                    return q
    return None


def _indicator_changes(old: PlanReport, new: PlanReport) -> list[TargetChange]:
    changes = []
    old_results = {r.indicator: r for r in old.indicators}
    for now in new.indicators:
        was = old_results.get(now.indicator)
        if was is None:
            continue
        change = _judge(was, now, _quantity(old, was), _quantity(new, now))
        if change:
            changes.append(
                TargetChange(
                    change=change,
                    kind=new.kind,
                    indicator=now.indicator,
                    name=now.name,
                    old=_shown(was),
                    new=_shown(now),
                )
            )
    return changes


def _shown(result: IndicatorResult) -> str | None:
    if result.status == "missing":
        return None
    return result.actual or "未量化"


def _judge(was: IndicatorResult, now: IndicatorResult, old_q: Quantity | None, new_q: Quantity | None) -> str | None:
    if was.status == "missing" and now.status == "missing":
        return None
    if was.status == "missing":
        return "added"
    if now.status == "missing":
        return "removed"
    if old_q and new_q:
        if (old_q.unit, old_q.comparator, old_q.value, old_q.year) == (
            new_q.unit,
            new_q.comparator,
            new_q.value,
            new_q.year,
        ):
            return None
        higher = _HIGHER_IS_STRONGER.get(now.comparator)
        if higher is None or old_q.unit != new_q.unit or old_q.value == new_q.value:
            return "changed"
        return "strengthened" if (new_q.value > old_q.value) == higher else "weakened"
    if old_q and not new_q:
        return "weakened"  # a number became words only
    if new_q and not old_q:
        return "strengthened"
    return None if was.actual == now.actual else "changed"


def _own_target_changes(old: PlanReport, new: PlanReport) -> list[TargetChange]:
    """Main targets with no upper-level indicator, paired by their text with the numbers masked."""

    def own(plan: PlanReport) -> dict[str, str]:
        return {_DIGITS.sub("#", normalized(t.text)): t.text for t in plan.targets if t.main and not t.indicator}

    before, after = own(old), own(new)
    changes = []
    for key, text in after.items():
        if key not in before:
            changes.append(TargetChange(change="added", kind=new.kind, name=text, new=text))
        elif normalized(before[key]) != normalized(text):
            changes.append(TargetChange(change="changed", kind=new.kind, name=text, old=before[key], new=text))
    changes += [
        TargetChange(change="removed", kind=new.kind, name=text, old=text)
        for key, text in before.items()
        if key not in after
    ]
    return changes


def _finding_changes(old: PlanReport, new: PlanReport) -> list[FindingChange]:
    old_keys = {f.key for f in old.findings + old.accepted}
    new_keys = {f.key for f in new.findings + new.accepted}
    return [FindingChange(change="new", kind=new.kind, finding=f) for f in new.findings if f.key not in old_keys] + [
        FindingChange(change="fixed", kind=new.kind, finding=f) for f in old.findings if f.key not in new_keys
    ]
