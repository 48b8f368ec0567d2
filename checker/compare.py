"""What a plan states about each upper-level indicator → a status: stronger, equal, weaker,
unquantified, missing or uncertain. "Weaker" follows the comparator: for <= a larger value is weaker, for >= a smaller
one. Stages compare like with like; a 2025 value of a “十四五” plan measured against a 2030-only
upper-level value is a stage on the way (noted, not an error)."""

from __future__ import annotations

import re

from .extract.quantities import parse_quantities
from .extract.quantity_patterns import RATES, comparable
from .models import Evidence, IndicatorResult, Quantity, Statement
from .reference import Indicator, PlanReference
from .text.patterns import target_body

_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "", "about": "约"}


def compare(ref: PlanReference, best: dict[str, Statement], plan_end: int | None) -> list[IndicatorResult]:
    return [_result(ind, best.get(ind.id), plan_end) for ind in ref.indicators()]


def fmt(comparator: str, value: float, unit: str, year: int | None = None) -> str:
    stage = f"（{year}年）" if year else ""
    if unit.startswith("%") and " " in unit:  # a change: 比2020年下降20%以上
        return f"{_shown(value, unit)}{'以上' if comparator in ('>=', '>') else ''}{stage}"
    return f"{_SYMBOL.get(comparator, comparator)}{_shown(value, unit)}{stage}"


def fmt_quantity(q: Quantity) -> str:
    if q.value_max is None:
        return fmt(q.comparator, q.value, q.unit, q.year)
    stage = f"（{q.year}年）" if q.year else ""
    return f"{_shown(q.value, q.unit)}—{_shown(q.value_max, q.unit)}{stage}"


def _shown(value: float, unit: str) -> str:
    """12 1/10万 → 12/10万; 20 "% below 2020" → 比2020年下降20%."""
    number = f"{value:g}"
    if unit.startswith("1/"):
        return f"{number}/{unit[2:]}"
    if unit.startswith(("% below", "% above")):
        _, direction, *base = unit.split()
        verb = "下降" if direction == "below" else "提高"
        return f"比{base[0]}年{verb}{number}%" if base else f"{verb}{number}%"
    return f"{number}{unit}"


def expected_text(ind: Indicator) -> str:
    return fmt(ind.comparator, ind.value, ind.unit, ind.year)


def _result(ind: Indicator, ev: Statement | None, plan_end: int | None) -> IndicatorResult:
    base = dict(
        indicator=ind.id,
        name=ind.name,
        domain=ind.domain,
        comparator=ind.comparator,
        binding=ind.binding,
        certainty=ind.certainty,
        **_bar(ind, ind.value, ind.year, ind.source),
    )
    if ev is None:
        return IndicatorResult(status="missing", **base)
    base["binding"] = ev.target.binding or ind.binding
    where = dict(
        target=ev.target.text, location=Evidence.at(ev.target.location, ev.target.text, ev.target.heading_path)
    )
    if ev.reason:  # a subgroup's figure: neither meeting nor falling short of the indicator
        actual = fmt_quantity(ev.quantities[0]) if ev.quantities else None
        return IndicatorResult(status="uncertain", actual=actual, note=ev.reason, **base, **where)
    if ev.uncertain:
        return IndicatorResult(
            status="uncertain", note=f"与上级指标“{ind.name}”相近（相似度{ev.score:.0%}），请人工确认", **base, **where
        )
    if not ev.quantities:
        status = "unquantified" if ev.qualitative else "uncertain"
        note = "上级为量化指标，本规划只作定性表述" if ev.qualitative else "提到该指标，但未能读出数值，请人工确认"
        return IndicatorResult(status=status, note=note, **base, **where)
    # 力争达到65%，确保不低于60%: what the plan commits to is judged before what it strives for
    body = target_body(ev.target.text)
    hoped = [q for q in ev.quantities if "力争" in body[max(0, q.span[0] - 6) : q.span[0]]]
    committed = [q for q in ev.quantities if q not in hoped]
    status, q, note, stage = _judge(ind, committed + hoped if committed else ev.quantities, plan_end)
    final_year = re.search(rf"(?:到|至){ind.year}年", ev.target.text)
    if status == "weaker" and stage is None and q.year and q.year < ind.year and final_year:
        # a stage on the way in a target that also sets the final year (…；到2030年，上述指标分别…): its final
        # value was not read, so the stage is not judged in its stead
        status, note = "uncertain", f"本目标写有{ind.year}年目标，但未能读出该指标{ind.year}年的数值，请人工确认"
    if stage is not None:  # judged against a stage: the review shows that bar, its year and its source
        base.update(_bar(ind, ind.stages[stage], stage, ind.stage_source or ind.source))
    if ev.resembles:  # a name with a typo or in other words: its figure is read, never accused
        similar = f"指标名称与上级指标“{ind.name}”相近（相似度{ev.score:.0%}）"
        if status == "weaker":
            status, note = "uncertain", f"{similar}，数值弱于上级，请人工确认是否同一指标"
        elif status in ("stronger", "equal"):
            note = f"{similar}，按同一指标比较"
    return IndicatorResult(status=status, actual=fmt_quantity(q) if q else None, note=note, **base, **where)


def _bar(ind: Indicator, value: float, year: int, source: str | None) -> dict[str, str | bool]:
    """The bar a draft is judged against: the value as people read it, a sentence stating it (the
    upper level's own wording when it states this value, else one written from the value, so that
    a suggestion is never weaker than the bar, and marked as written: `wording_quoted` False) and
    the document it comes from."""
    wording = ind.wording
    # Read as figures, not as digits: 10 is not stated in “12/10万”.
    quoted = any(q.unit == ind.unit and abs(q.value - value) < 1e-9 for q in parse_quantities(wording))
    if not quoted:
        shown = _shown(value, ind.unit)
        if ind.unit.startswith("% "):  # a change from a base year: 比2020年下降20%
            goal = f"{shown}{'以上' if ind.comparator in ('>=', '>') else ''}"
        else:
            goal = {">=": f"达到{shown}以上", "<=": f"控制在{shown}以下", "about": f"达到{shown}左右"}.get(
                ind.comparator, f"为{shown}"
            )
        wording = f"到{year}年，{ind.name}{goal}。"
    expected = fmt(ind.comparator, value, ind.unit, year)
    return {"expected": expected, "wording": wording, "wording_quoted": quoted, "source": source or ""}


def _judge(ind: Indicator, quantities: list[Quantity], plan_end: int | None) -> tuple:
    """(status, the draft quantity judged, note, the stage year judged against or None). A value set
    for the upper level's year (stated, or because the plan runs to it) is judged against the final
    value; otherwise the latest stage is judged against the upper level's value for that stage, or
    against its final value as a stage on the way."""
    usable = [q for q in quantities if _convert(q, ind) is not None]
    if not usable:
        return "uncertain", quantities[0], f"单位或比较方式与上级指标不同（上级：{expected_text(ind)}），未作比较", None
    final = [q for q in usable if (q.year or plan_end or ind.year) >= ind.year]
    if final:  # the first figure a target states is its own; later ones name subgroups or hopes (力争)
        status, note = _status(ind, final[0], ind.value)
        return status, final[0], note, None
    unread = [q for q in quantities if q not in usable and (q.year or plan_end or ind.year) >= ind.year]
    if unread:  # the plan's value for the upper level's year could not be compared: no stage is judged instead
        return "uncertain", unread[0], f"单位或比较方式与上级指标不同（上级：{expected_text(ind)}），未作比较", None
    q = max(usable, key=lambda x: x.year or plan_end or 0)
    year = q.year or plan_end
    if year in ind.stages:
        status, note = _status(ind, q, ind.stages[year])
        return status, q, note, year
    status, note = _status(ind, q, ind.value)
    if status == "weaker":
        note = f"本规划为{year}年阶段目标，上级为{ind.year}年目标"
    return status, q, note, None


def _convert(q: Quantity, ind: Indicator) -> float | None:
    """The draft value in the indicator's unit, or None when the two can't be compared."""
    if q.unit == ind.unit:
        return q.value
    if comparable(q.unit, ind.unit):
        return q.value * RATES[q.unit] / RATES[ind.unit]
    return None


def _status(ind: Indicator, q: Quantity, reference_value: float) -> tuple[str, str | None]:
    """The status of `q` against the value, and why when it is uncertain."""
    value = _convert(q, ind)
    assert value is not None
    lower_is_better = ind.comparator in ("<=", "<")
    if q.value_max is not None:  # a range bounds the number from both sides
        high = _convert(q.model_copy(update={"value": q.value_max}), ind)
        assert high is not None
        if ind.comparator == "about" and value <= reference_value <= high:
            return "equal", None
        # Held to its worse end (the upper end of a rate to be kept down): when that end meets the bar, the
        # whole range does; when only the other end does, the plan leaves it open.
        worse, better = (high, value) if lower_is_better else (value, high)
        status = _direction(worse, reference_value, lower_is_better)
        if status != "weaker" or _direction(better, reference_value, lower_is_better) == "weaker":
            return status, None
        return "uncertain", f"目标为区间（{fmt_quantity(q)}），只有一端达到上级要求（{expected_text(ind)}），请人工确认"
    opposite = (q.comparator in (">=", ">") and lower_is_better) or (
        q.comparator in ("<=", "<") and not lower_is_better and ind.comparator != "about"
    )
    if opposite:  # the draft bounds the number from the other side: not comparable
        return "uncertain", f"本规划从另一侧限定该数值（{fmt_quantity(q)}，上级：{expected_text(ind)}），未作比较"
    return _direction(value, reference_value, lower_is_better), None


def _direction(value: float, reference_value: float, lower_is_better: bool) -> str:
    if abs(value - reference_value) < 1e-9:
        return "equal"
    better = value < reference_value if lower_is_better else value > reference_value
    return "stronger" if better else "weaker"
