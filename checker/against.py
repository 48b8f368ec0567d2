"""--against: upper-level targets read from the upper-level plan document itself.

The pipeline reads the upper plan with the same steps as a draft and hands its findings here. Each
of its targets that matches an indicator of the base reference (the national one by default)
replaces that indicator's value, comparator, unit, year and wording; indicators it does not state
stay as the base has them, since a county still answers to the national outlines."""

from __future__ import annotations

from .models import IndicatorResult, Plan, Statement
from .reference import Reference
from .text.patterns import target_body

# One upper plan as read: the plan, the year its targets are set for, its best statement per
# indicator and how each compares with the base reference.
ReadPlan = tuple[Plan, int | None, dict[str, Statement], list[IndicatorResult]]


def derive_reference(name: str, base: Reference, plans: list[ReadPlan]) -> Reference:
    ref = base.model_copy(deep=True)
    ref.name = f"against:{name}"
    ref.version = f"{base.version}（{base.name}）"  # the base's: the upper plan document has none
    ref.extends = base.name
    for plan, end, best, compared in plans:
        kind_ref = ref.for_kind(plan.kind)
        results = {r.indicator: r for r in compared}
        ref.sources[plan.kind] = plan.title
        for ind in kind_ref.indicators():
            ev = best.get(ind.id)
            # Only a bar at least as high as the base one replaces it: a county still answers to
            # the national outlines where its city set a weaker number.
            if results[ind.id].status not in ("stronger", "equal") or ev is None:
                continue
            # the value for the base's year (到2030年…80%), not a stage on the way (到2025年…65%), which stays
            # a stage; a plan that states no stage leaves the base's
            final = [q for q in ev.quantities if (q.year or end or ind.year) >= ind.year]
            q = final[0] if final else ev.quantities[0]
            year = q.year or end or ind.year
            stages = {s.year: s.value for s in ev.quantities if s.year and s.year < year and s.unit == q.unit}
            if not stages and q.unit == ind.unit:
                stages = {y: v for y, v in ind.stages.items() if y < year}
            ind.comparator = q.comparator if q.comparator != "=" else ind.comparator
            ind.value, ind.unit, ind.year, ind.stages = q.value, q.unit, year, stages
            ind.wording = target_body(ev.target.text)  # without the upper plan's lead units
            ind.source = plan.title
            ind.certainty = "confirmed"
    titles = "".join(f"《{plan.title}》" for plan, *_ in plans)
    ref.description = f"上级规划{titles}的目标；其未列出的指标仍按{base.description or base.name}"
    return ref
