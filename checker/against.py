"""--against: upper-level targets read from the upper-level plan document itself.

The upper plan is read with the same steps as a draft. Each of its targets that matches an
indicator of the base reference (the national one by default) replaces that indicator's value,
comparator, unit, year and wording; indicators it does not state stay as the base has them, since
a county still answers to the national outlines."""

from __future__ import annotations

from pathlib import Path

from .classify import classify
from .compare import compare
from .extract import extract
from .load import load
from .match import match
from .normalize import normalize
from .pipeline import plan_end
from .reference import Reference
from .structure import split_plans


def reference_from_plan(path: Path, base: Reference) -> Reference:
    plans = split_plans(normalize(load(path)))
    ref = base.model_copy(deep=True)
    ref.name = f"against:{path.name}"
    ref.extends = base.name
    for plan in plans:
        kind_ref = ref.for_kind(plan.kind)
        _, best = match(extract(plan, classify(plan, kind_ref)), kind_ref)
        end = plan_end(plan)
        results = {r.indicator: r for r in compare(kind_ref, best, end)}
        ref.sources[plan.kind] = plan.title
        for ind in kind_ref.indicators():
            ev = best.get(ind.id)
            # Only a bar at least as high as the base one replaces it: a county still answers to
            # the national outlines where its city set a weaker number.
            if results[ind.id].status not in ("stronger", "equal") or ev is None:
                continue
            q = ev.quantities[0]
            ind.comparator = q.comparator if q.comparator != "=" else ind.comparator
            ind.value, ind.unit = q.value, q.unit
            ind.year = q.year or end or ind.year
            ind.stages = {}
            ind.wording = ev.target.text
            ind.source = plan.title
            ind.certainty = "confirmed"
    titles = "".join(f"《{p.title}》" for p in plans)
    ref.description = f"上级规划{titles}的目标；其未列出的指标仍按{base.description or base.name}"
    return ref
